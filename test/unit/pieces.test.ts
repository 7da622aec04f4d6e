// A long article is read in pieces (read/pieces.ts) and its facts merged (analyse.ts): the pieces'
// text must be exactly the whole's, and the facts what the whole gives. Small pieces here, so that
// a few KB of fixtures make many of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/analyse.js';
import { safeJson } from '../../src/format/_text.js';
import { jsonArticleChunks, jsonReplacer, ndjsonArticleChunks } from '../../src/format/json.js';
import { fromBytes, type SourceText } from '../../src/read/index.js';
import { normalise } from '../../src/read/normalise.js';
import { cutIn, pieces } from '../../src/read/pieces.js';
import { segment } from '../../src/segment/index.js';
import type { Article } from '../../src/schema.js';

const ROOT = path.join(import.meta.dirname, '../..');

/** The texts of a folder's articles, date headers left out. */
function texts(dir: string): string[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(full, f), 'utf8').replace(/^\s*date \S+\s*/, ''));
}

function source(text: string): SourceText {
  const r = fromBytes('long.txt', new TextEncoder().encode(text));
  if (!r.ok) throw new Error(r.reason);
  return r.source;
}

const WHOLE = { pieceSize: Number.MAX_SAFE_INTEGER };
// Who said a quote or is paid a fee is read from the sentences before it, which a cut may take away.
const withoutWho = (a: Article) => ({ ...a, fees: a.fees.map(({ player: _, ...f }) => f), quotes: a.quotes.map(({ speaker: _, ...q }) => q) });

describe('pieces of a long text', () => {
  const prose = [...texts('seeds'), ...texts('fixtures/sources')].join('\n\n');
  const cases: Array<[string, string, boolean]> = [
    ['prose', prose, false],
    ['CRLF and entities', prose.replace(/\n/g, '\r\n').replace(/ and /g, ' &amp; '), false],
    ['one line', prose.replace(/\s+/g, ' '), false],
    ['no spaces, astral characters', 'x'.repeat(5000) + '😀'.repeat(3000), false],
    ['a web page', `<html><body>${prose.split('\n\n').map((p, i) => `<p class="a\n b">${p}</p>\n${i % 3 ? '' : '<script>\nvar s = "<p>x</p>";\n</script><!-- a\n\nnote -->'}`).join('')}</body></html>`, true],
  ];
  it.each(cases)('%s: the pieces, one after another, are the whole normalised text, map included', (_name, text, html) => {
    const whole = normalise(text, { html });
    const parts = [...pieces(text, html, 1000)];
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map((p) => p.view).join('')).toBe(whole.view);
    expect(parts.map((p) => p.text).join('')).toBe(whole.text);
    expect(parts.flatMap((p) => [...p.map.subarray(0, -1)])).toEqual([...whole.map.subarray(0, -1)]);
    // Each piece stays within its size, but for a tag that runs over the cut.
    for (const p of parts) expect(p.view.length).toBeLessThanOrEqual(1000 + (html ? 40 : 0));
  });

  it('ends a piece where the segmenter ends a paragraph, when there is one', () => {
    const text = 'Arsenal want him.\n\nand then more.\n\nChelsea too.\nSpurs as well, and';
    const cut = cutIn(text, 10, 50);
    expect(text.slice(cut)).toBe('Chelsea too.\nSpurs as well, and');
    const starts = segment(text).paragraphs.map((p) => p.start);
    expect(starts).toContain(cut);
  });
});

describe('a long article extracted in pieces', () => {
  it('gives what it gives whole: one report eight times over', () => {
    const [report] = texts('seeds');
    const src = source(Array(8).fill(report).join('\n\n'));
    const size = Math.ceil(src.original.length / 4);
    const [whole, inPieces] = [extractArticle(src, WHOLE), extractArticle(src, { pieceSize: size })];
    expect(whole.players.length).toBeGreaterThan(0);
    expect(whole.quotes.length).toBeGreaterThan(0);
    expect(withoutWho(inPieces)).toEqual(withoutWho(whole));
  });

  it('keeps every fee, quote, club and source, with exact evidence, from different reports one after another', () => {
    const src = source([...texts('seeds'), ...texts('fixtures/articles'), ...texts('fixtures/sources'), ...texts('fixtures/namesakes')].join('\n\n'));
    const [whole, inPieces] = [extractArticle(src, WHOLE), extractArticle(src, { pieceSize: 4000 })];
    expect(src.original.length).toBeGreaterThan(4 * 4000);
    expect(inPieces.title).toBe(whole.title);
    const { fees, quotes, clubs, sources } = withoutWho(inPieces);
    expect({ fees, quotes, clubs, sources }).toEqual((({ fees, quotes, clubs, sources }) => ({ fees, quotes, clubs, sources }))(withoutWho(whole)));
    for (const q of inPieces.quotes) expect(src.original.slice(q.evidence.start, q.evidence.end).replace(/\s+/g, ' ')).toBe(q.text);
    // A name is found in pieces as it is found whole (a cut can only part a short form from its full name).
    const names = (a: Article) => new Set([...a.players, ...a.people].flatMap((p) => [p.name, ...p.aliases]));
    const wholeNames = names(whole);
    for (const n of names(inPieces)) expect(wholeNames).toContain(n);
  });

  it('reads an article shorter than a piece whole, as before', () => {
    const src = source(texts('seeds')[1] ?? '');
    expect(extractArticle(src, { pieceSize: src.original.length })).toEqual(extractArticle(src, WHOLE));
  });
});

describe("a long article's output, a fact at a time", () => {
  const [report] = texts('seeds');
  const full = extractArticle(source(report ?? ''));
  const empty = { ...full, players: [], title: undefined } as unknown as Article;
  it.each([
    ['an article', full],
    ['empty lists and an undefined field', empty],
  ])('%s: the pieces join to the one-string JSON and JSON Lines texts', (_name, a) => {
    const whole = JSON.stringify(a, jsonReplacer, 2);
    expect([...jsonArticleChunks(a)].length).toBeGreaterThan(a.quotes.length);
    expect([...jsonArticleChunks(a)].join('')).toBe(`    ${safeJson(whole).replace(/\n/g, '\n    ')}`);
    expect([...ndjsonArticleChunks(a)].join('')).toBe(`${safeJson(JSON.stringify(a, jsonReplacer))}\n`);
  });
});
