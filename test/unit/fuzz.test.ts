// The extractor never throws and never emits nonsense, whatever the text: generated articles made of
// pieces of the sample articles, our own transfer sentences, random Unicode, unbalanced quotes, absurd
// amounts, bare currency signs and long runs of capitalised words. In the suite the run is small and
// seeded (the same cases every time); `npm run fuzz` runs many more with a fresh seed each time:
//   FUZZ_RUNS=2000 npx vitest run test/unit/fuzz.test.ts       (FUZZ_SEED=n replays a failure)
import { readdirSync, readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/analyse.js';
import { csvColumns } from '../../src/format/csv.js';
import { CSV_TABLES } from '../../src/format/kinds.js';
import { makeFormatter } from '../../src/format/index.js';
import { fromBytes, type SourceText } from '../../src/read/index.js';
import { Article } from '../../src/schema.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const LONG = process.env.FUZZ_RUNS !== undefined;
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : LONG ? undefined : 20251122;

// The sample articles, read at run time and cut into pieces: real prose without copying it here.
const SEEDS_DIR = new URL('../../seeds/', import.meta.url);
const seedText = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, SEEDS_DIR), 'utf8'))
  .join('\n\n');

const OWN = [
  'Arsenal have tabled a €120million (£105m, $141.5m) bid for Napoli striker Luca Ferri.',
  '"We want him back," said the Reds midfielder after training.',
  "According to Sky Sports, Los Blancos are keeping tabs on the 28-year-old.",
  'Spurs rejected an opening offer of between £30m and £40m, plus add-ons.',
  'He joined on a free transfer from Ajax for an undisclosed fee in 2019.',
  "Mac Allister, De Bruyne and O'Neil trained at Anfield on Tuesday.",
  'The Frenchman earns £250,000-a-week and has a release clause of €1bn.',
  'BBC Sport understands the Gunners could move for him in January.',
  'Newcastle boss Eddie Howe said: "He is a top player, and',
  "Fabrizio Romano reports that a deal worth up to £65m is close, 'here we go'.",
  'The fee could reach 40 million pounds with bonuses.',
  'Real Madrid want Liverpool defender Ibrahima Konate.',
];

const cap = () => fc.stringMatching(/^[A-Z][a-z]{0,9}$/);
const seedPiece = fc
  .tuple(fc.nat({ max: Math.max(0, seedText.length - 1) }), fc.integer({ min: 1, max: 400 }))
  .map(([at, n]) => seedText.slice(at, at + n));
const ownPiece = fc.constantFrom(...OWN);
const unicode = fc.string({ unit: 'binary', maxLength: 60 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 60 });
const quotes = fc
  .array(fc.constantFrom('"', "'", '“', '”', '‘', '’', '«', '»', ' ', 'said', 'He', 'Smith', ',', ':', '\n'), { maxLength: 30 })
  .map((xs) => xs.join(''));
const currency = fc.constantFrom('£', '€', '$', 'US$', 'EUR ', 'GBP');
const hugeNumbers = fc.oneof(
  fc.tuple(currency, fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.constantFrom('', 'm', 'bn', 'k', 'million', 'billion', 'trillion')).map(([c, n, u]) => `${c}${n}${u}`),
  fc.tuple(currency, fc.integer({ min: 1, max: 400 })).map(([c, n]) => `${c}${'9'.repeat(n)}bn`),
  fc.constantFrom('£99999999999999bn', '£1e309m', '€1,000,000,000,000,000,000,000m', '$0.0000001m', '£-5m', '£5m-£3m', '£.m', '€9.9.9m'),
);
const bareCurrency = fc.constantFrom('£', '€', '$', '£.', '€ ', '$,', 'US$', '£m', '€bn', 'a £', 'cost £ ', '(£', '£-');
const capitalised = fc.array(fc.oneof(cap(), fc.constantFrom('Real', 'Madrid', 'FC', 'United', 'De', 'Van', 'Mac', 'The', 'Sky', 'Sports', 'BBC', 'Reds')), { maxLength: 80 }).map((ws) => ws.join(' '));
const sep = fc.constantFrom(' ', '. ', ', ', '\n', '\n\n', ' - ', ': ', '; ', '\r\n', '');
const fragment = fc.oneof(seedPiece, ownPiece, unicode, graphemes, quotes, hugeNumbers, bareCurrency, capitalised);

const header = fc.constantFrom('', 'date 2025-10-22 ', ' date 2025-13-45 ', 'date 99-99-99 ', 'Date: 2024-02-29 ', 'date ');
const body = fc.array(fc.tuple(fragment, sep), { maxLength: 40 }).map((xs) => xs.map(([f, s]) => f + s).join(''));
const article = fc.tuple(header, body, fc.boolean()).map(([h, b, html]) => (html ? `${h}<html><body><p>${b}</p><script>var x = "<p>Chelsea</p>";</script></body></html>` : h + b));

const enc = (s: string) => new TextEncoder().encode(s);
const params = () => ({ numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) });

/** Text handed to the extractor as it stands, past the checks that reading a file makes. */
function rawSource(text: string): SourceText {
  return { file: 'raw', hash: '0'.repeat(64), date: null, original: text, html: false, warnings: [] };
}

/** What must hold of any article the extractor returns. */
function check(src: SourceText): void {
  const a = extractArticle(src);
  Article.parse(a);
  // A recogniser that threw is caught and turned into a warning: for the fuzz that is a failure.
  expect(a.warnings.filter((w) => w.startsWith('extraction failed'))).toEqual([]);
  const money = [...a.fees.flatMap((f) => [f.amount, f.amountMax, ...f.conversions.map((c) => c.amount)]), ...a.rumours.map((r) => r.fee?.amount ?? null)];
  for (const x of money) if (x !== null) expect(Number.isFinite(x) && x >= 0).toBe(true);
  for (const f of a.fees) if (f.amount !== null && f.amountMax !== null) expect(f.amountMax).toBeGreaterThanOrEqual(f.amount);
  const evidence = [...a.players, ...a.people, ...a.clubs, ...a.fees, ...a.quotes, ...a.sources, ...a.rumours].map((x) => x.evidence);
  for (const e of evidence) {
    expect(e.start).toBeLessThanOrEqual(e.end);
    expect(e.end).toBeLessThanOrEqual(src.original.length);
  }
  // What the JSON formatter writes reads back as the same thing: no NaN, no undefined, no cycles.
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
}

describe('extractArticle on generated text (fast-check)', () => {
  it(`returns a valid Article for any article-like text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(article, (text) => {
        const r = fromBytes('fuzz.txt', enc(text));
        if (r.ok) return check(r.source);
        // Refused before extraction (a NUL byte reads as binary): the extractor still gets the text.
        expect(r.reason).toMatch(/^(?:empty file|no text \(only whitespace\)|binary file \(.+\))$/);
        check(rawSource(text));
      }),
      params(),
    );
  }, 60_000 + RUNS * 200);

  it(`returns a valid Article or a reason for any bytes (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = fromBytes('bytes.txt', bytes);
        if (r.ok) check(r.source);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      params(),
    );
  }, 60_000 + RUNS * 200);

  it(`copes with lone surrogates and control characters that no file decodes to (${RUNS} runs)`, () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), ownPiece, fc.constantFrom(' ', '\n', '"', '£'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (text) => check(rawSource(text))),
      params(),
    );
  }, 60_000 + RUNS * 200);

  it(`formats whatever it found safely: a clean table, CSV that reads back, JSON that parses (${RUNS} runs)`, () => {
    const render = (format: 'table' | 'json' | 'csv', a: Article, csvTable?: (typeof CSV_TABLES)[number]) => {
      const out: string[] = [];
      const f = makeFormatter(format, { write: (x: string) => (out.push(x), true) }, { paint: new Chalk({ level: 0 }), ...(csvTable ? { csvTable } : {}) });
      f.begin();
      f.article(a);
      f.end();
      return out.join('');
    };
    fc.assert(
      fc.property(article, fc.constantFrom(...CSV_TABLES), (text, table) => {
        const r = fromBytes('fuzz\u001b[2J.txt', enc(text));
        const a = extractArticle(r.ok ? r.source : rawSource(text));
        expect(render('table', a)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(JSON.parse(render('json', a)).articles).toHaveLength(1);
        const rows = parse(render('csv', a, table), { relax_column_count: false }) as string[][];
        expect(rows[0]).toEqual(csvColumns(table));
        for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      params(),
    );
  }, 60_000 + RUNS * 200);

  it('keeps absurd amounts as text with a null amount', () => {
    const r = fromBytes('a.txt', enc('Arsenal bid £99999999999999bn for Luca Ferri, and then €1e309m more.'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = extractArticle(r.source);
    check(r.source);
    const fee = a.fees.find((f) => f.text.startsWith('£99999999999999bn'));
    expect(fee).toMatchObject({ amount: null, currency: 'GBP' });
  });
});
