// Opening the store for a command: where it is, whether it exists yet, and saying why it cannot be used.
import { existsSync } from 'node:fs';
import path from 'node:path';
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
  if (!_folderUsable(file, opts, io)) return { kind: 'error' };
  const isNew = !existsSync(file);
  try {
    const store = openStore(file);
    if (isNew) _sayCreated(file, opts, io);
    return { kind: 'store', store };
  } catch (err) {
    const msg = err instanceof StoreError ? err.message : `${file}: cannot open the store: ${(err as Error).message}`;
    // Said on a command that would record: the user may only want the output.
    io.stderr.write(`rumours: ${clean(msg)}${create ? ' (--no-store only prints)' : ''}\n`);
    setExit(io, 2);
    return { kind: 'error' };
  }
}

/** A store the user named (--db, RUMOURS_DB) must be in a folder that exists: a typo must not make folders. */
function _folderUsable(file: string, opts: { db?: string }, io: Io): boolean {
  const named = (opts.db ?? '') !== '' || (io.env.RUMOURS_DB ?? '') !== '';
  const dir = path.dirname(path.resolve(file));
  if (!named || file === ':memory:' || existsSync(dir)) return true;
  io.stderr.write(`rumours: ${clean(file)}: cannot create the store: the folder ${clean(dir)} does not exist\n`);
  setExit(io, 2);
  return false;
}

/** Said once, when the store is made where the user did not say: where it is, and how to do without it. */
function _sayCreated(file: string, opts: { db?: string }, io: Io): void {
  if ((opts.db ?? '') !== '' || (io.env.RUMOURS_DB ?? '') !== '') return;
  io.stderr.write(`rumours: recording what is read in a new store, ${clean(file)} (--no-store to only print; RUMOURS_DB or --db to put it elsewhere)\n`);
}
