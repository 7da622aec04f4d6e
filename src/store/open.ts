// Opening the store for a command: where it is, whether it exists yet, and saying why it cannot be used.
import { existsSync } from 'node:fs';
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
  try {
    // Queries open it read-only: they never change it, and a store they may not write still answers.
    return { kind: 'store', store: openStore(file, { readonly: !write }) };
  } catch (err) {
    return _unusable(io, storeProblem(file, err), create);
  }
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
