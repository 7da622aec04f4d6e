// What the store's query commands share: their options, and opening the store read-only in spirit
// (a missing store is empty, never created).
import type { Command } from '../commands/_commander.js';
import { setExit, type Io } from '../commands/_io.js';
import { addDbOption, addFormatOption } from '../commands/_options.js';
import type { Format } from '../format/kinds.js';
import type { Store } from './db.js';

export interface QueryOptions {
  format?: Format;
  color: boolean;
  db?: string;
}

/** --format, --no-color and --db on a query command. */
export function addQueryOptions(cmd: Command): Command {
  return addDbOption(addFormatOption(cmd).option('--no-color', 'no colours (also off when NO_COLOR is set or output is not a terminal)'));
}

/** How a command uses the store: to change it (`write`; else it is opened read-only), or on an empty store too (`empty`). */
export interface StoreUse {
  write?: boolean;
  /** Given: `fn` runs on an empty store too (stats), and `empty` is called when there is no file at all. */
  empty?: (path: string | null) => void | Promise<void>;
}

/** Run `fn` on the store; an empty or missing store is said on stderr and exits 1 (see StoreUse). */
export async function withStore(opts: { db?: string }, io: Io, fn: (store: Store) => void | Promise<void>, use: StoreUse = {}): Promise<void> {
  const { write = false, empty } = use;
  const { openForCommand } = await import('./open.js');
  const opened = openForCommand(opts, io, false, write);
  if (opened.kind === 'error') return;
  if (empty && opened.kind === 'none') return await empty(opened.path);
  if (opened.kind === 'none' || (!empty && opened.store.empty())) {
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
