// The shared runner: paths → read → extract, one article at a time, failures as values.
// Commands (extract, player, eval) consume this; later the store and the worker pool slot in here.
import { extractArticle } from './extract/index.js';
import { DEFAULT_EXT, DEFAULT_MAX_SIZE, readInputs, type ReadOptions } from './read/index.js';
import type { Article } from './schema.js';

export type Outcome = { ok: true; article: Article } | { ok: false; file: string; reason: string };

export interface RunOptions extends Partial<ReadOptions> {}

export async function* extractPaths(paths: string[], opts: RunOptions = {}): AsyncGenerator<Outcome> {
  const readOpts: ReadOptions = { ext: opts.ext ?? DEFAULT_EXT, maxSize: opts.maxSize ?? DEFAULT_MAX_SIZE, ...(opts.stdin ? { stdin: opts.stdin } : {}) };
  for await (const r of readInputs(paths, readOpts)) {
    yield r.ok ? { ok: true, article: extractArticle(r.source) } : r;
  }
}
