import { describe, expect, it } from 'vitest';
import { lineSpans } from '../../src/extract/doc.js';
import { extractArticle } from '../../src/analyse.js';
import { insideAny, lastStartingBy, within } from '../../src/extract/spans.js';
import { fromBytes } from '../../src/read/index.js';

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

describe('evidence lines', () => {
  it('splits lines at LF, CRLF and a lone CR', () => {
    expect(lineSpans('a\nbb\r\nc\rd')).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 4 },
      { start: 6, end: 7 },
      { start: 8, end: 9 },
    ]);
    expect(lineSpans('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('gives every fact the line of the file it starts on, the date header being line 1', () => {
    const text = [
      'date 2025-08-14 Transfer latest',
      '',
      'Real Madrid have made a £70m bid for Liverpool midfielder Alexis Mac Allister.',
      '',
      '"I would like to play in Spain one day," Mac Allister said.',
    ].join('\r\n');
    const bytes = new TextEncoder().encode(text);
    const r = fromBytes('lines.txt', bytes);
    if (!r.ok) throw new Error(r.reason);
    const a = extractArticle(r.source);
    // The line a fact starts on, counted in the file's bytes as an editor would.
    const lineOf = (fragment: string) => text.slice(0, text.indexOf(fragment)).split('\r\n').length;
    expect(a.fees[0]?.evidence.line).toBe(lineOf('£70m'));
    expect(a.rumours[0]?.evidence.line).toBe(3);
    expect(a.quotes[0]?.evidence.line).toBe(lineOf('"I would'));
    // Offsets count after the header, which is the file's first characters.
    const header = text.length - r.source.original.length;
    for (const e of [...a.players, ...a.clubs, ...a.fees, ...a.quotes, ...a.rumours].map((x) => x.evidence)) {
      expect(e.line).toBe(text.slice(0, header + e.start).split(/\r\n|\r|\n/).length);
    }
  });
});
