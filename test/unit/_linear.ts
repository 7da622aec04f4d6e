// Linear time, asserted without a fixed number of milliseconds. This machine's speed wanders by two
// times from one day to the next, so a recogniser is compared with itself: on ten times the text,
// linear work takes about ten times as long, while a pattern that backtracks or a stage that goes
// quadratic takes a hundred times as long or more (the host-name pattern in names.ts once took 12 s
// on 100 KB). How fast it is belongs in the benchmarks.
import { expect } from 'vitest';

// Below this a time is mostly the timer's and the collector's noise.
const _FLOOR_MS = 2;
const _MAX_GROWTH = 50;

/** The best of up to three runs, in milliseconds (noise only ever adds time); `enough` stops early. */
function _bestMs(f: () => unknown, enough = 0): number {
  let best = Infinity;
  for (let run = 0; run < 3 && best > enough; run++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** An input made of the first tenth of the text, and one of all of it. */
export function tenthAndWhole<T>(text: string, prepare: (text: string) => T): [T, T] {
  return [prepare(text.slice(0, Math.ceil(text.length / 10))), prepare(text)];
}

/** `work` on the whole input takes at most 50 times as long as on its tenth. */
export function expectLinear<T>([tenth, whole]: [T, T], work: (input: T) => unknown): void {
  const small = Math.max(_FLOOR_MS, _bestMs(() => work(tenth)));
  const growth = _bestMs(() => work(whole), small * _MAX_GROWTH * 0.5) / small;
  expect(growth, `ten times the text took ${growth.toFixed(1)} times as long`).toBeLessThan(_MAX_GROWTH);
}
