// No pattern backtracks and no stage goes quadratic: every recogniser on a 100 KB line built to hurt
// it. Fees, quotes and sources have their own such tests (fees/quotes/sources.test.ts); here are the
// segmenter, clubs, names and sources again on the shared lines, then whole articles. Each stage is
// held to linear time (./_linear.ts), and so is a whole article: timings proper belong in benchmarks.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/analyse.js';
import { findClubs } from '../../src/extract/clubs.js';
import { docFromText } from '../../src/extract/doc.js';
import { findPeople } from '../../src/extract/names.js';
import { findQuotes } from '../../src/extract/quotes.js';
import { findSources } from '../../src/extract/sources.js';
import { fromBytes } from '../../src/read/index.js';
import { Article } from '../../src/schema.js';
import { segment } from '../../src/segment/index.js';
import { expectLinear, tenthAndWhole } from './_linear.js';

const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

// [name, repeated unit]
const LINES: Array<[string, string]> = [
  ['capitalised words', 'Ab Cd Ef Gh '],
  ['club names', 'Real Madrid Liverpool Manchester United the Reds '],
  ['names in lists', 'Jack Smith, Tom Jones and Bob Brown '],
  ['name particles', "van de la Mac O' De "],
  ['roles', 'Newcastle boss Eddie Howe agent Jorge Mendes '],
  ['a hyphenated run', 'Alexander-Arnold-'],
  ['a dotted run', 'a.'],
  ['host names', 'www.bbc.co.uk/sport/'],
  ['possessives', "O'Neil's "],
  ['initials', 'A. B. C. '],
  ['no spaces', 'x'],
  ['attributed quotes', '"He said," said Jack Smith. '],
  ['money', 'Arsenal bid £5m for Jack Smith, Sky Sports reports. '],
  ['pointers', 'the Brighton star the 28-year-old he '],
  ['quote marks', `"'`],
  ['blank lines', 'Real\n\n'],
  ['tags', '<p>Liverpool</p>'],
  ['entities', '&amp;&pound;&#163;'],
  ['full stops', '. '],
  ['clause breaks', ', and '],
  ['accented names', 'Çağlar Söyüncü Łukasz Piszczek 🙂 '],
  ['stage words', 'are keeping tabs on want to sign bid for '],
];

beforeAll(() => {
  // Knowledge tables and compromise's lexicon load on first use: not what is measured.
  const r = fromBytes('warm.txt', new TextEncoder().encode('Real Madrid want Liverpool defender Jack Smith for £30m, Sky Sports reports. "Yes," he said.'));
  if (r.ok) extractArticle(r.source);
});

describe.each(LINES)('100 KB of %s', (_name, unit) => {
  it('segments, finds clubs and sources, and names, each in linear time', () => {
    const inputs = tenthAndWhole(fill(unit), (text) => {
      const doc = docFromText(text);
      return { doc, ctx: { clubs: findClubs(doc), sources: findSources(doc), quotes: findQuotes(doc) } };
    });
    for (const s of inputs[1].doc.sentences) expect(s.end - s.start).toBeLessThanOrEqual(2000);
    expectLinear(inputs, ({ doc }) => segment(doc.text));
    expectLinear(inputs, ({ doc }) => findClubs(doc));
    expectLinear(inputs, ({ doc }) => findSources(doc));
    expectLinear(inputs, ({ doc, ctx }) => findPeople(doc, ctx));
  });

  it('extracts the whole article in linear time, valid against the schema', () => {
    const inputs = tenthAndWhole(fill(unit), (text) => fromBytes('line.txt', new TextEncoder().encode(text)));
    const r = inputs[1];
    if (!r.ok) return void expect(r.reason).toBe('no text (only whitespace)');
    // The whole line's article is the last one extracted: checked below.
    const made: Article[] = [];
    expectLinear(inputs, (x) => x.ok && made.push(extractArticle(x.source)));
    const a = made.at(-1) as Article;
    Article.parse(a);
    expect(a.warnings.filter((w) => w.startsWith('extraction failed'))).toEqual([]);
    // Evidence shows a sentence (and a name is a few words), never the whole line.
    for (const f of [...a.fees, ...a.quotes, ...a.players, ...a.people, ...a.clubs]) expect(f.evidence.sentence.length).toBeLessThanOrEqual(2200);
    for (const p of [...a.players, ...a.people]) expect(p.name.split(' ').length).toBeLessThanOrEqual(6);
  });
});
