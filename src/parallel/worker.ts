// A worker thread of the extraction pool: bytes in, an Outcome out. The knowledge tables and
// compromise's lexicon load once per worker, on a built-in first article (below).
import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract/index.js';
import { fromBytes } from '../read/index.js';
import type { Job, Done } from './pool.js';

// A first article of our own, read as soon as the worker starts: the tables load and the code warms
// up while the main thread is still walking the inputs.
const _warm = fromBytes('warm-up', Buffer.from('Liverpool have made a £30m bid for Brighton midfielder Carlos Baleba, Sky Sports reports. "He is a fine player," said Arne Slot.'));
if (_warm.ok) extractArticle(_warm.source);

parentPort?.on('message', (job: Job) => {
  const r = fromBytes(job.file, job.bytes);
  const done: Done = { id: job.id, outcome: r.ok ? { ok: true, article: extractArticle(r.source) } : r };
  parentPort?.postMessage(done);
});
