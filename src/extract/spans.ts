// Lookups over sorted, non-overlapping spans by binary search: recognisers ask "is this offset
// inside a quote?" once per word, and a linear scan would make long articles quadratic.
import type { Span } from './types.js';

/** The index of the last span starting at or before `at`, or -1. */
export function lastStartingBy(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A test for "offset inside one of these spans" (spans sorted by start, not overlapping). */
export function insideAny(spans: readonly Span[], pad = 0): (at: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (at) => {
    const i = lastStartingBy(sorted, at + pad);
    const s = sorted[i];
    return s !== undefined && at >= s.start - pad && at <= s.end - 1 + pad;
  };
}

/** The items whose span lies inside [start, end), from items sorted by start. */
export function within<T extends Span>(sorted: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = lastStartingBy(sorted, start - 1) + 1; i < sorted.length; i++) {
    const x = sorted[i] as T;
    if (x.start >= end) break;
    if (x.end <= end) out.push(x);
  }
  return out;
}
