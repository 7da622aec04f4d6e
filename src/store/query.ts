// What the store's query commands share: their options, and opening the store read-only in spirit
// (a missing store is empty, never created).
import { Option, type Command } from '../commands/_commander.js';
import { setExit, type Io } from '../commands/_io.js';
import { addDbOption } from '../commands/_options.js';
import { FORMATS, type Format } from '../format/kinds.js';
import type { Store } from './db.js';

export interface QueryOptions {
  format?: Format;
  color: boolean;
  db?: string;
}

/** --format, --no-color and --db on a query command. */
export function addQueryOptions(cmd: Command): Command {
  return addDbOption(
    cmd
      .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
      .option('--no-color', 'no colours (also off when NO_COLOR is set or output is not a terminal)'),
  );
}

/** Run `fn` on the store (opened read-only unless `write`); an empty or missing store is said on stderr and exits 1. */
export async function withStore(opts: QueryOptions, io: Io, fn: (store: Store) => void | Promise<void>, write = false): Promise<void> {
  const { openForCommand } = await import('./open.js');
  const opened = openForCommand(opts, io, false, write);
  if (opened.kind === 'error') return;
  if (opened.kind === 'none' || opened.store.empty()) {
    const where = opened.kind === 'none' ? (opened.path ?? 'none: no --db, RUMOURS_DB or HOME') : opened.store.path;
    io.stderr.write(`rumours: the store is empty (${where}); record articles first: rumours extract PATH...\n`);
    if (opened.kind === 'store') opened.store.close();
    setExit(io, 1);
    return;
  }
  try {
    await fn(opened.store);
  } finally {
    opened.store.close();
  }
}
