// The shared runner: paths → read → extract, one article at a time, failures as values, in input
// order. With jobs > 1 the extraction runs on a pool of worker threads; later the store slots in here.
import { availableParallelism } from 'node:os';
import { startPool, workersAvailable, type Pool } from './parallel/pool.js';
import { DEFAULT_EXT, DEFAULT_MAX_SIZE, fromBytes, loadInputs, type Inputs, type Loaded, type ReadOptions } from './read/index.js';
import type { Article } from './schema.js';

export const SMALL_RUN = 1000;

export type Outcome = { ok: true; article: Article } | { ok: false; file: string; reason: string };

export interface RunOptions extends Partial<ReadOptions> {
  /**
   * Worker threads for extraction. Unset: one per core, but runs of fewer than `SMALL_RUN` inputs
   * stay on the calling thread, where starting workers would cost more than it saves.
   */
  jobs?: number;
  /** Told how many inputs there are, once the paths are walked. */
  onTotal?: (total: number) => void;
}

export async function* extractPaths(paths: string[], opts: RunOptions = {}): AsyncGenerator<Outcome> {
  const readOpts: ReadOptions = { ext: opts.ext ?? DEFAULT_EXT, maxSize: opts.maxSize ?? DEFAULT_MAX_SIZE, ...(opts.stdin ? { stdin: opts.stdin } : {}) };
  // Workers start before the walk ends (an explicit --jobs N at once, the default one per core once
  // SMALL_RUN files are found), so that their start overlaps a long walk.
  const early: { pool: Pool | null } = { pool: null };
  const start = (jobs: number) => {
    if (!early.pool && workersAvailable()) early.pool = startPool(jobs);
  };
  const startIfLong = (found: number) => {
    if (opts.jobs === undefined && found >= SMALL_RUN) start(availableParallelism());
  };
  if (opts.jobs !== undefined && opts.jobs >= 1) start(opts.jobs);
  let inputs: Inputs;
  try {
    inputs = await loadInputs(paths, readOpts, startIfLong);
  } catch (err) {
    await early.pool?.close();
    throw err;
  }
  opts.onTotal?.(inputs.total);
  // An explicit --jobs N runs N workers, --jobs 1 included: the main thread then reads and writes
  // while one worker extracts, with a capped heap. Unset, small runs stay on this thread (counted
  // once more with the walk's failures and standard input, as `total` counts them).
  startIfLong(inputs.total);
  if (early.pool && inputs.total > 1) {
    yield* early.pool.run(inputs.items);
    return;
  }
  await early.pool?.close();
  yield* extractHere(inputs.items);
}

/** Extraction on this thread, in input order: for small runs, and where workers cannot start. */
export async function* extractHere(items: AsyncIterable<Loaded>): AsyncGenerator<Outcome> {
  // Loaded here, not at the top: with workers, the main thread never needs the extractor's tables.
  const { extractArticle } = await import('./extract/index.js');
  for await (const r of items) {
    if (!r.ok) {
      yield r;
      continue;
    }
    const read = fromBytes(r.file, r.bytes);
    yield read.ok ? { ok: true, article: extractArticle(read.source) } : read;
  }
}
