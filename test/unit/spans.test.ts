import { describe, expect, it } from 'vitest';
import { insideAny, lastStartingBy, within } from '../../src/extract/spans.js';

const spans = [
  { start: 0, end: 5 },
  { start: 10, end: 20 },
  { start: 30, end: 31 },
];

describe('spans', () => {
  it('finds the last span starting by an offset', () => {
    expect([-1, 0, 9, 10, 29, 100].map((at) => lastStartingBy(spans, at))).toEqual([-1, 0, 0, 1, 1, 2]);
  });
  it('tells offsets inside a span from those between', () => {
    const inside = insideAny(spans);
    expect([0, 4, 5, 9, 10, 19, 20, 30, 31].map(inside)).toEqual([true, true, false, false, true, true, false, true, false]);
    const padded = insideAny(spans, 1);
    expect([9, 20, 21].map(padded)).toEqual([true, true, false]);
  });
  it('lists the spans inside a range', () => {
    expect(within(spans, 5, 31)).toEqual([spans[1], spans[2]]);
    expect(within(spans, 11, 40)).toEqual([spans[2]]);
  });
});
