// Opening the store for a command: where it is, whether it exists yet, and saying why it cannot be used.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { clean } from '../format/_text.js';
import type { Io } from '../commands/_io.js';
import { setExit } from '../commands/_io.js';
import { openStore, storeProblem, type Store } from './db.js';
import type { StoreRunOptions } from './run.js';
import { storePath } from './locate.js';

/** What a command that records says when the store fails it: the articles are printed all the same. */
export const NO_STORE_NOTE = '; the articles are printed without the store (--no-store: without this message)';

export type Opened = { kind: 'store'; store: Store } | { kind: 'none'; path: string | null } | { kind: 'error' };

/**
 * The store for this command. Queries (`create` false) do not create one: a missing file is an empty
 * store. An unusable store (newer than this tool, not a database) is reported and the exit is 2.
 */
export function openForCommand(opts: { db?: string }, io: Io, create: boolean, write: boolean = create): Opened {
  let file: string | null;
  try {
    file = storePath(opts.db, io.env);
  } catch (err) {
    return _unusable(io, (err as Error).message, create);
  }
  if (file === null || (!create && !existsSync(file))) return { kind: 'none', path: file };
  if (!_folderUsable(file, opts, io)) return { kind: 'error' };
  const isNew = !existsSync(file);
  try {
    // Queries open it read-only: they never change it, and a store they may not write still answers.
    const store = openStore(file, { readonly: !write });
    if (isNew) _sayCreated(file, opts, io);
    return { kind: 'store', store };
  } catch (err) {
    return _unusable(io, storeProblem(file, err), create);
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

/** A store that cannot be used: said (on a command that would record, it goes on without it: see NO_STORE_NOTE), exit 2. */
function _unusable(io: Io, problem: string, create: boolean): Opened {
  io.stderr.write(`rumours: ${clean(problem)}${create ? NO_STORE_NOTE : ''}\n`);
  setExit(io, 2);
  return { kind: 'error' };
}

/**
 * What a run through the store says of it on stderr: that it waits for another writer, or that the
 * store failed (once, exit 2: the articles are printed all the same); and closing it, which commits
 * the last batch and may fail too.
 */
export function storeReporter(io: Io): { options: Pick<StoreRunOptions, 'onWait' | 'onStoreFailed'>; close(store: Store | null): void } {
  let said = false;
  const failed = (message: string) => {
    if (said) return;
    said = true;
    io.stderr.write(`rumours: ${clean(message)}${NO_STORE_NOTE}\n`);
    setExit(io, 2);
  };
  return {
    options: {
      onWait: (message) => void io.stderr.write(`rumours: ${clean(message)}\n`),
      onStoreFailed: failed,
    },
    close(store) {
      try {
        store?.close();
      } catch (err) {
        failed(storeProblem(store?.path ?? '', err));
      }
    },
  };
}
