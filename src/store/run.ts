// `extract` through the store: an input whose bytes the store already holds (same file, same hash,
// same extractor) is answered from the store before any extraction; the rest are extracted and
// recorded, in batches that each commit whole (see Store.put), in input order.
import { createHash } from 'node:crypto';
import { extractInWorkers, workersAvailable } from '../parallel/pool.js';
import { extractHere, readOptions, workersFor, type Outcome, type RunOptions, type Written } from '../pipeline.js';
import { loadInputs, type Loaded } from '../read/index.js';
import type { Article } from '../schema.js';
import { storeProblem, StoreError, type Store } from './db.js';

/** How the run goes through the store, and what it is told of the store on the way. */
export interface StoreRunOptions extends RunOptions {
  /** Extract every input again, whatever the store holds for it (`reindex --all`). */
  fresh?: boolean;
  /** Told that another process holds the write lock and the run waits for it (then every 5 s while it waits). */
  onWait?: (message: string) => void;
  /**
   * Told once that the store failed (a full disk, a damaged page, a lock held too long): the batch
   * open then is left out, and the rest of the run is extracted and printed without the store.
   */
  onStoreFailed?: (message: string) => void;
  /** How long to wait for another process's write lock before giving up on the store (ms). */
  lockWaitMs?: number;
}

const _LOCK_WAIT_MS = 30_000;
const _LOCK_POLL_MS = 100;
// How often a long wait says it is still waiting.
const _LOCK_SAY_MS = 5_000;

/** An outcome, and whether it came from the store rather than from extraction. */
export type StoredOutcome = Outcome & { cached?: boolean };

/** With `lines`, an unchanged article may come as its JSON Lines line instead (Store.cachedAs). */
export type StoredLine = Written & { cached?: boolean };

type _Slot = { kind: 'ready'; outcome: StoredOutcome | StoredLine } | { kind: 'pending'; text: string; bytes: number };

/** Standard input has no file to come back to: it is extracted and printed, never stored. */
function _storable(file: string): boolean {
  return file !== '-';
}

export function extractThroughStore(paths: string[], store: Store, opts?: StoreRunOptions): AsyncGenerator<StoredOutcome>;
export function extractThroughStore(paths: string[], store: Store, opts: StoreRunOptions, lines: boolean): AsyncGenerator<StoredOutcome | StoredLine>;
export async function* extractThroughStore(paths: string[], store: Store, opts: StoreRunOptions = {}, lines = false): AsyncGenerator<StoredOutcome | StoredLine> {
  // Once the store fails, the run goes on without it: what is extracted is always printed.
  let failed = false;
  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    opts.onStoreFailed?.(storeProblem(store.path, err));
  };
  const record = async (a: Article, text: string, bytes: number, packed?: Uint8Array) => {
    if (failed) return;
    try {
      await _writable(store, opts);
      store.put(a, text, bytes, packed);
    } catch (err) {
      fail(err);
    }
  };
  const inputs = await loadInputs(paths, readOptions(opts));
  opts.onTotal?.(inputs.total);
  const slots: _Slot[] = [];
  // Known inputs become ready slots here, before anything is sent to be extracted; `null` hands
  // control back after each, so that answers from the store stream out as they are found.
  async function* fresh(): AsyncGenerator<Loaded | null> {
    for await (const l of inputs.items) {
      if (l.ok && _storable(l.file) && !failed && !opts.fresh) {
        let stored: StoredOutcome | StoredLine | null = null;
        try {
          stored = _fromStore(store, l.file, createHash('sha256').update(l.bytes).digest('hex'), lines);
        } catch (err) {
          fail(err);
        }
        if (stored) {
          slots.push({ kind: 'ready', outcome: stored });
          yield null;
          continue;
        }
      }
      slots.push({ kind: 'pending', text: l.ok ? Buffer.from(l.bytes).toString('utf8') : '', bytes: l.ok ? l.bytes.length : 0 });
      yield l;
    }
  }
  // Answers from the store come out while the inputs before the first new one are walked: an
  // unchanged folder never starts the extractor's workers at all.
  const inputsLeft = fresh();
  let head = await inputsLeft.next();
  for (; !head.done && head.value === null; head = await inputsLeft.next()) yield* _ready(slots);
  yield* _ready(slots);
  if (head.done) return;
  const first = head.value;
  const rest = (async function* () {
    if (first) yield first;
    for await (const l of inputsLeft) if (l) yield l;
  })();
  // As without the store: with workers, this thread records while they extract. With two or more,
  // they pack each article for the store as well (its JSON, deflated): this thread's share of the
  // work is what limits many workers. One worker is itself the slower side, and this thread has
  // time to spare (docs/speed.md, "The store's share").
  const jobs = workersFor(inputs.total, opts.jobs);
  const extracted: AsyncGenerator<Outcome> = jobs > 0 && workersAvailable() ? extractInWorkers(rest, jobs, jobs > 1) : extractHere(rest);
  try {
    for (;;) {
      yield* _ready(slots);
      const next = await extracted.next();
      // Outcomes come back in input order: this one belongs to the first pending slot.
      yield* _ready(slots);
      if (next.done) break;
      const slot = slots.shift();
      const r = next.value;
      if (r.ok && slot?.kind === 'pending' && _storable(r.article.file)) await record(r.article, slot.text, slot.bytes, r.packed);
      yield r;
    }
  } finally {
    await extracted.return(undefined);
  }
}

/**
 * Wait until this process may write (another holds the lock: say so, and every few seconds again,
 * try again every tenth of a second, and give up after a while naming the store).
 */
async function _writable(store: Store, opts: StoreRunOptions): Promise<void> {
  if (store.tryBegin()) return;
  const limit = opts.lockWaitMs ?? _LOCK_WAIT_MS;
  opts.onWait?.(`${store.path}: another process is writing to the store; waiting for it (up to ${Math.round(limit / 1000)} s)`);
  const start = Date.now();
  let said = start;
  while (!store.tryBegin()) {
    const now = Date.now();
    if (now - start >= limit) throw new StoreError(`${store.path}: the store is still locked by another process after ${Math.round(limit / 1000)} s`);
    if (now - said >= _LOCK_SAY_MS) {
      said = now;
      opts.onWait?.(`${store.path}: still waiting for the other process (${Math.round((now - start) / 1000)} s)`);
    }
    await new Promise((resolve) => setTimeout(resolve, _LOCK_POLL_MS));
  }
}

/** What the store holds for an unchanged input: its JSON Lines line when asked for and usable, else the article. */
function _fromStore(store: Store, file: string, hash: string, lines: boolean): StoredOutcome | StoredLine | null {
  const stored = store.cachedAs(file, hash, lines);
  if (!stored) return null;
  return 'line' in stored ? { ok: true, file, warnings: stored.warnings, text: stored.line, cached: true } : { ok: true, article: stored.article, cached: true };
}

/** The answers from the store at the head of the queue, up to the first input still being extracted. */
function* _ready(slots: _Slot[]): Generator<StoredOutcome | StoredLine> {
  for (let head = slots[0]; head?.kind === 'ready'; head = slots[0]) {
    slots.shift();
    yield head.outcome;
  }
}
