// The shared runner: paths → read → extract, one article at a time, failures as values, in input
// order. Extraction runs on a pool of worker threads (parallel/pool.ts), or on this thread for small
// runs; store/run.ts runs the same choice through the store.
import { availableParallelism } from 'node:os';
import type { TextFormat } from './format/text.js';
import { BIG_ARTICLE, extractAlone, startPool, workersAvailable, type Pool } from './parallel/pool.js';
import { DEFAULT_EXT, DEFAULT_MAX_SIZE, fromBytes, loadInputs, type Inputs, type Loaded, type ReadOptions } from './read/index.js';
import type { Outcome, Written } from './parallel/outcome.js';
import type { Article } from './schema.js';

export const SMALL_RUN = 1000;

export type { Failure, Outcome, Written } from './parallel/outcome.js';

export interface RunOptions extends Partial<ReadOptions> {
  /**
   * Worker threads for extraction. Unset: one per core, but runs of fewer than `SMALL_RUN` inputs
   * stay on the calling thread, where starting workers would cost more than it saves.
   */
  jobs?: number;
  /** Told how many inputs there are, once the paths are walked. */
  onTotal?: (total: number) => void;
}

/**
 * How many workers a run of `total` inputs extracts on, 0 for the calling thread. An explicit
 * --jobs N runs N workers, --jobs 1 included: the main thread then reads and writes while one worker
 * extracts, with a capped heap. Unset, one per core, but runs of fewer than SMALL_RUN inputs stay on
 * this thread, and so does a single input. Used with and without the store (store/run.ts).
 */
export function workersFor(total: number, jobs: number | undefined): number {
  if (total < 2) return 0;
  return Math.min(jobs ?? (total < SMALL_RUN ? 0 : availableParallelism()), total);
}

/** Every input's article, in input order. */
export function extractPaths(paths: string[], opts: RunOptions = {}): AsyncGenerator<Outcome> {
  return _run(paths, opts, null) as AsyncGenerator<Outcome>;
}

/**
 * Every input's article as the format writes it, in input order: for output alone (nothing kept),
 * the text is made where the article is, and a worker's article never crosses to this thread.
 */
export function writePaths(paths: string[], format: TextFormat, opts: RunOptions = {}): AsyncGenerator<Written> {
  return _run(paths, opts, format) as AsyncGenerator<Written>;
}

/** How a run reads its inputs, the defaults filled in. */
export function readOptions(opts: RunOptions): ReadOptions {
  return { ext: opts.ext ?? DEFAULT_EXT, maxSize: opts.maxSize ?? DEFAULT_MAX_SIZE, ignore: opts.ignore ?? true, follow: opts.follow ?? false, ...(opts.stdin ? { stdin: opts.stdin } : {}) };
}

async function* _run(paths: string[], opts: RunOptions, format: TextFormat | null): AsyncGenerator<Outcome | Written> {
  const readOpts = readOptions(opts);
  // Workers start before the walk ends (an explicit --jobs N at once, the default one per core once
  // SMALL_RUN files are found), so that their start overlaps a long walk.
  const early: { pool: Pool | null } = { pool: null };
  const start = (jobs: number) => {
    if (!early.pool && workersAvailable()) early.pool = startPool(jobs, format);
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
  // Counted once more with the walk's failures and standard input, as `total` counts them; a pool
  // started early keeps its size.
  const workers = workersFor(inputs.total, opts.jobs);
  if (workers > 0) start(workers);
  if (early.pool && workers > 0) {
    yield* early.pool.run(inputs.items);
    return;
  }
  await early.pool?.close();
  yield* _here(inputs.items, format);
}

/** Extraction on this thread, in input order: for small runs, and where workers cannot start. */
export function extractHere(items: AsyncIterable<Loaded>): AsyncGenerator<Outcome> {
  return _here(items, null) as AsyncGenerator<Outcome>;
}

/** Articles, or with a `format` their texts, extracted on this thread but for the large ones. */
async function* _here(items: AsyncIterable<Loaded>, format: TextFormat | null): AsyncGenerator<Outcome | Written> {
  const alone = workersAvailable();
  // Loaded on the first article extracted here, not before: with workers, or for large articles
  // alone, the main thread never needs the extractor's tables (tens of MB).
  let extract: ((r: Loaded & { ok: true }) => Outcome) | null = null;
  let text: ((a: Article) => string) | null = null;
  let id = 0;
  for await (const r of items) {
    if (!r.ok) {
      yield r;
      continue;
    }
    // A large article goes to a worker of its own (which also writes its text, when that is all the
    // run prints): this thread stays free for signals and timers.
    if (alone && r.bytes.length > BIG_ARTICLE) {
      yield await extractAlone({ id: id++, file: r.file, bytes: r.bytes }, format);
      continue;
    }
    if (!extract) {
      const { extractArticle } = await import('./analyse.js');
      extract = (l) => {
        const read = fromBytes(l.file, l.bytes);
        return read.ok ? { ok: true, article: extractArticle(read.source) } : read;
      };
      if (format) text = (await import('./format/text.js')).articleText(format);
    }
    const o = extract(r);
    yield text && o.ok ? { ok: true, file: o.article.file, warnings: o.article.warnings, text: text(o.article) } : o;
  }
}
