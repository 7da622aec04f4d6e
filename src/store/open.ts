// Opening the store for a command: where it is, whether it exists yet, and saying why it cannot be used.
import { existsSync } from 'node:fs';
import { clean } from '../format/_text.js';
import type { Io } from '../commands/_io.js';
import { setExit } from '../commands/_io.js';
import { openStore, StoreError, type Store } from './db.js';
import { storePath } from './locate.js';

export type Opened = { kind: 'store'; store: Store } | { kind: 'none'; path: string | null } | { kind: 'error' };

/**
 * The store for this command. Queries (`create` false) do not create one: a missing file is an empty
 * store. An unusable store (newer than this tool, not a database) is reported and the exit is 2.
 */
export function openForCommand(opts: { db?: string }, io: Io, create: boolean): Opened {
  const file = storePath(opts.db, io.env);
  if (file === null || (!create && !existsSync(file))) return { kind: 'none', path: file };
  try {
    return { kind: 'store', store: openStore(file) };
  } catch (err) {
    const msg = err instanceof StoreError ? err.message : `${file}: cannot open the store: ${(err as Error).message}`;
    // Said on a command that would record: the user may only want the output.
    io.stderr.write(`rumours: ${clean(msg)}${create ? ' (--no-store only prints)' : ''}\n`);
    setExit(io, 2);
    return { kind: 'error' };
  }
}
