// No pattern backtracks and no stage goes quadratic: every recogniser on a 100 KB line built to hurt
// it. Fees, quotes and sources have their own such tests (fees/quotes/sources.test.ts); here are the
// segmenter, clubs, names and sources again on the shared lines, then whole articles. A pattern that
// backtracks takes seconds on these lines (the host-name pattern in names.ts took 12 s on "a.a.a…"),
// so the bounds are generous on purpose: timings proper belong in benchmarks.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { findClubs } from '../../src/extract/clubs.js';
import { docFromText } from '../../src/extract/doc.js';
import { findPeople } from '../../src/extract/names.js';
import { findQuotes } from '../../src/extract/quotes.js';
import { findSources } from '../../src/extract/sources.js';
import { fromBytes } from '../../src/read/index.js';
import { Article } from '../../src/schema.js';
import { segment } from '../../src/segment/index.js';

const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

// [name, repeated unit, names.ts needs more than 100 ms on it: linear work, but ~30k candidates]
const LINES: Array<[string, string, boolean]> = [
  ['capitalised words', 'Ab Cd Ef Gh ', true],
  ['club names', 'Real Madrid Liverpool Manchester United the Reds ', false],
  ['names in lists', 'Jack Smith, Tom Jones and Bob Brown ', true],
  ['name particles', "van de la Mac O' De ", false],
  ['roles', 'Newcastle boss Eddie Howe agent Jorge Mendes ', false],
  ['a hyphenated run', 'Alexander-Arnold-', false],
  ['a dotted run', 'a.', false],
  ['host names', 'www.bbc.co.uk/sport/', false],
  ['possessives', "O'Neil's ", true],
  ['initials', 'A. B. C. ', true],
  ['no spaces', 'x', false],
  ['attributed quotes', '"He said," said Jack Smith. ', true],
  ['money', 'Arsenal bid £5m for Jack Smith, Sky Sports reports. ', false],
  ['pointers', 'the Brighton star the 28-year-old he ', false],
  ['quote marks', `"'`, false],
  ['blank lines', 'Real\n\n', false],
  ['tags', '<p>Liverpool</p>', false],
  ['entities', '&amp;&pound;&#163;', false],
  ['full stops', '. ', false],
  ['clause breaks', ', and ', false],
  ['accented names', 'Çağlar Söyüncü Łukasz Piszczek 🙂 ', true],
  ['stage words', 'are keeping tabs on want to sign bid for ', false],
];

/** The result and the best time of up to three runs (a busy machine adds noise; a pattern that backtracks is slow every time). */
function timed<T>(f: () => T, bound: number): { result: T; ms: number } {
  let best = Infinity;
  let result: T | undefined;
  for (let run = 0; run < 3 && best >= bound; run++) {
    const t0 = performance.now();
    result = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { result: result as T, ms: best };
}

beforeAll(() => {
  // Knowledge tables and compromise's lexicon load on first use: not what is measured.
  const r = fromBytes('warm.txt', new TextEncoder().encode('Real Madrid want Liverpool defender Jack Smith for £30m, Sky Sports reports. "Yes," he said.'));
  if (r.ok) extractArticle(r.source);
});

describe.each(LINES)('100 KB of %s', (_name, unit, namesHeavy) => {
  it('segments, finds clubs and sources, and names, each in well under 100 ms', () => {
    const doc = docFromText(fill(unit));
    expect(timed(() => segment(doc.text), 100).ms).toBeLessThan(100);
    for (const s of doc.sentences) expect(s.end - s.start).toBeLessThanOrEqual(2000);
    const clubs = timed(() => findClubs(doc), 100);
    expect(clubs.ms).toBeLessThan(100);
    const sources = timed(() => findSources(doc), 100);
    expect(sources.ms).toBeLessThan(100);
    // On the heavy lines names cost more by honest linear work: the whole-article bound below holds them.
    if (namesHeavy) return;
    const ctx = { clubs: clubs.result, sources: sources.result, quotes: findQuotes(doc) };
    expect(timed(() => findPeople(doc, ctx), 100).ms).toBeLessThan(100);
  });

  it('extracts the whole article in under 2 s, valid against the schema', () => {
    const r = fromBytes('line.txt', new TextEncoder().encode(fill(unit)));
    if (!r.ok) return void expect(r.reason).toBe('no text (only whitespace)');
    const t0 = performance.now();
    const a = extractArticle(r.source);
    expect(performance.now() - t0).toBeLessThan(2000);
    Article.parse(a);
    expect(a.warnings.filter((w) => w.startsWith('extraction failed'))).toEqual([]);
    // Evidence shows a sentence (and a name is a few words), never the whole line.
    for (const f of [...a.fees, ...a.quotes, ...a.players, ...a.people, ...a.clubs]) expect(f.evidence.sentence.length).toBeLessThanOrEqual(2200);
    for (const p of [...a.players, ...a.people]) expect(p.name.split(' ').length).toBeLessThanOrEqual(6);
  });
});
