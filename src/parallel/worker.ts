// A worker thread of the extraction pool: bytes in, an Outcome out. The knowledge tables and
// compromise's lexicon load once per worker, on its first article.
import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract/index.js';
import { fromBytes } from '../read/index.js';
import { gcEvery } from './_gc.js';
import { GC_EVERY, type Job, type Done } from './pool.js';

const collect = gcEvery(GC_EVERY);

parentPort?.on('message', (job: Job) => {
  collect();
  const r = fromBytes(job.file, job.bytes);
  const done: Done = { id: job.id, outcome: r.ok ? { ok: true, article: extractArticle(r.source) } : r };
  parentPort?.postMessage(done);
});
