// Extraction on a pool of worker threads. Articles go to the least busy worker and come back in
// input order; at most a few per worker are in flight, so memory stays flat however many there are.
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { gcEvery } from './_gc.js';
import type { TextFormat } from '../format/text.js';
import type { Outcome, Written } from './outcome.js';
import type { Loaded } from '../read/index.js';

export interface Job {
  id: number;
  file: string;
  bytes: Uint8Array;
}

export interface Done {
  id: number;
  outcome: Outcome | Written;
}

/** A large article's outcome from a worker of its own, as V8 serialises it (see `extractAlone`). */
export interface Serialised {
  id: number;
  serialised: Uint8Array;
}

/** What a worker is started with: the format it writes each article in, or null to send articles. */
export interface WorkerSetup {
  format: TextFormat | null;
  /** Send each article packed for the store too (format/packed.ts). */
  pack?: boolean;
}

// Jobs queued per worker: enough to keep it busy while the main thread reads and writes.
const _PER_WORKER = 4;

// A worker's heap is capped: V8 otherwise lets it grow with the run, and memory must stay flat from
// a thousand articles to a hundred thousand. An article needs a few MB; the tables about 25. Within
// the cap V8 collects on its own: forcing full collections as well cost a fifth of the run's CPU
// time for 3 MB less (measured at 20,000 articles).
const _LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

// An article this large is extracted alone, in a worker of its own whose heap is sized for it: it
// would not fit in a pool worker's heap (a 1.5 MB article failed there), and on the main thread it
// would hold up signals and timers (Ctrl-C, the store's commits) for seconds.
export const BIG_ARTICLE = 256 * 1024;

/**
 * The heap of a worker for one large article: the tables and a piece's work (a long article is
 * extracted in pieces, analyse.ts), then the article's text and facts and its output, which grow
 * with it: about 4.5 MB of heap a MB of article (measured at 5 and 20 MB), given about twice that. A
 * tight heap is collected often, so that the process's peak stays near what it holds (docs/speed.md,
 * "One long article"); `roomy` is the heap of a second try, for an article far denser in facts.
 */
function _heapFor(bytes: number, roomy = false): number {
  return Math.ceil(_LIMITS.maxOldGenerationSizeMb + ((roomy ? 120 : 8) * bytes) / (1024 * 1024));
}

// Articles between two full collections on the main thread, whose heap has no cap (see _gc.ts).
const _GC_EVERY = 256;

interface _Slot {
  worker: Worker;
  pending: Map<number, { file: string; resolve: (o: Outcome | Written) => void }>;
}

/** Can this module start workers? Not when it runs from TypeScript sources (tests): then use one thread. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Workers, started now and used once the inputs are known: a long walk then overlaps their start
 * (each loads the extractor's tables on a first, built-in article). `close` ends them, used or not.
 */
export interface Pool {
  /** Articles, or with a `format` their texts (`Written`), in input order. */
  run(items: AsyncIterable<Loaded>): AsyncGenerator<Outcome | Written>;
  close(): Promise<void>;
}

export function startPool(jobs: number, format: TextFormat | null = null, pack = false): Pool {
  const slots: _Slot[] = [];
  const workerData: WorkerSetup = { format, pack };
  const spawn = (): _Slot => {
    const slot: _Slot = { worker: new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: _LIMITS, workerData }), pending: new Map() };
    slot.worker.on('message', (d: Done) => {
      const p = slot.pending.get(d.id);
      slot.pending.delete(d.id);
      p?.resolve(d.outcome);
    });
    // A worker that dies takes only its own articles with it: they are reported, the run goes on.
    slot.worker.on('error', (err) => {
      for (const [, p] of slot.pending) p.resolve({ ok: false, file: p.file, reason: `extraction failed: ${err.message}` });
      slot.pending.clear();
      const i = slots.indexOf(slot);
      if (i >= 0) slots[i] = spawn();
    });
    return slot;
  };
  for (let i = 0; i < jobs; i++) slots.push(spawn());
  const close = async () => {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };
  return {
    close,
    async *run(items) {
      const window: Array<Promise<Outcome | Written>> = [];
      // The main thread's heap is not capped (a flag, not settable from here): it is kept flat instead.
      const collect = gcEvery(_GC_EVERY);
      let id = 0;
      try {
        for await (const item of items) {
          const job = item.ok ? { id: id++, file: item.file, bytes: item.bytes } : null;
          window.push(!job ? Promise.resolve(item as Outcome) : job.bytes.length > BIG_ARTICLE ? extractAlone(job, format, pack) : _dispatch(slots, job));
          while (window.length >= jobs * _PER_WORKER) {
            collect();
            yield await (window.shift() as Promise<Outcome | Written>);
          }
        }
        while (window.length) yield await (window.shift() as Promise<Outcome | Written>);
      } finally {
        await close();
      }
    },
  };
}

/** Articles in input order; with `pack`, each also packed for the store where it was extracted. */
export function extractInWorkers(items: AsyncIterable<Loaded>, jobs: number, pack = false): AsyncGenerator<Outcome> {
  return startPool(jobs, null, pack).run(items) as AsyncGenerator<Outcome>;
}

/**
 * One large article, in a worker of its own sized for it (see BIG_ARTICLE), ended once it is done;
 * one whose worker runs out of memory is tried once more with a roomy heap.
 */
export async function extractAlone(job: Job, format: TextFormat | null = null, pack = false): Promise<Outcome | Written> {
  const first = await _alone(job, format, pack, _heapFor(job.bytes.length), true);
  return first === 'out of memory' ? ((await _alone(job, format, pack, _heapFor(job.bytes.length, true), false)) as Outcome | Written) : first;
}

function _alone(job: Job, format: TextFormat | null, pack: boolean, heapMb: number, retry: boolean): Promise<Outcome | Written | 'out of memory'> {
  const limits = { ..._LIMITS, maxOldGenerationSizeMb: heapMb };
  const worker = new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: limits, workerData: { format, pack } satisfies WorkerSetup });
  return new Promise<Outcome | Written | 'out of memory'>((resolve) => {
    worker.once('message', (d: Done | Serialised) => {
      if ('outcome' in d) return resolve(d.outcome);
      // The worker is ended before the article's objects are made here: the two heaps never hold it
      // at once (for a 20 MB article that moment was the run's peak).
      worker.removeAllListeners('exit');
      void worker.terminate().then(() => resolve(v8.deserialize(d.serialised) as Outcome));
    });
    worker.once('error', (err: Error & { code?: string }) =>
      resolve(retry && err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : { ok: false, file: job.file, reason: `extraction failed: ${err.message}` }),
    );
    worker.once('exit', () => resolve({ ok: false, file: job.file, reason: 'extraction failed: the worker stopped' }));
    // Copied, not handed over: a second try needs the bytes.
    worker.postMessage(job);
  }).finally(() => void worker.terminate());
}

function _dispatch(slots: _Slot[], job: Job): Promise<Outcome | Written> {
  const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  return new Promise((resolve) => {
    slot.pending.set(job.id, { file: job.file, resolve });
    slot.worker.postMessage(job);
  });
}
