// A worker thread of the extraction pool: bytes in, an Outcome out (or, for output alone, the
// article's text in its format, as bytes handed over without a copy). The knowledge tables and
// compromise's lexicon load once per worker, on a built-in first article (below).
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from '../analyse.js';
import { packArticle } from '../format/packed.js';
import { batched } from '../format/sink.js';
import { articleChunks, articleText } from '../format/text.js';
import { fromBytes } from '../read/index.js';
import type { Outcome } from './outcome.js';
import { BIG_ARTICLE, type Done, type Job, type Serialised, type WorkerSetup } from './pool.js';

const _setup = workerData as WorkerSetup;
const _text = _setup.format ? articleText(_setup.format) : null;
const _chunks = _setup.format ? articleChunks(_setup.format) : null;
const _utf8 = new TextEncoder();

// A first article of our own, read as soon as the worker starts: the tables load and the code (the
// format's too) warms up while the main thread is still walking the inputs.
const _warm = fromBytes('warm-up', Buffer.from('Liverpool have made a £30m bid for Brighton midfielder Carlos Baleba, Sky Sports reports. "He is a fine player," said Arne Slot.'));
if (_warm.ok) _text?.(extractArticle(_warm.source));

parentPort?.on('message', (job: Job) => {
  const long = job.bytes.length > BIG_ARTICLE;
  const r = _extract(job);
  if (!r.ok) return void parentPort?.postMessage({ id: job.id, outcome: r } satisfies Done);
  const article = r.article;
  if (!_text || !_chunks) {
    // Packed here: the JSON and its compression were a quarter of the store's work on the main thread.
    const outcome = _setup.pack ? { ok: true as const, article, packed: packArticle(article) } : { ok: true as const, article };
    if (!long) return void parentPort?.postMessage({ id: job.id, outcome } satisfies Done);
    // A long article (alone in this worker) goes as its serialised bytes, handed over: the caller
    // ends this worker before it makes the objects again (pool.ts, extractAlone).
    const serialised = v8.serialize(outcome);
    // Its buffer is its own (V8's serialiser allocates one per call), so it can be handed over.
    const own = serialised.byteOffset === 0 && serialised.byteLength === serialised.buffer.byteLength;
    return void parentPort?.postMessage({ id: job.id, serialised } satisfies Serialised, own ? [serialised.buffer as ArrayBuffer] : []);
  }
  // Encoded here and transferred: the main thread gets the bytes' buffer, not a copy of them.
  const bytes = long ? _encode(_chunks(article)) : _utf8.encode(_text(article));
  const done: Done = { id: job.id, outcome: { ok: true, file: article.file, warnings: article.warnings, text: bytes } };
  parentPort?.postMessage(done, [bytes.buffer]);
});

/** The job's article: its bytes and text are let go before the article's output is made. */
function _extract(job: Job): Outcome {
  const r = fromBytes(job.file, job.bytes);
  job.bytes = new Uint8Array(0);
  return r.ok ? { ok: true, article: extractArticle(r.source) } : r;
}

/** Text encoded some 64 KB at a time: a long article's output is never one string. */
function _encode(chunks: Iterable<string>): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  for (const run of batched(chunks)) parts.push(_utf8.encode(run));
  // A buffer of its own (not Buffer.concat's, which may share a pool), to be transferred.
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
