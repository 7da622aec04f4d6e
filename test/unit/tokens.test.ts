import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { PhraseIndex, Prefixes } from '../../src/knowledge/_phrases.js';
import { phrasesIn, wordSpans } from '../../src/tokens/index.js';

const TEXT =
  "Liverpool have completed a deal for the Brighton midfielder. He'd signed a new contract in January; a move to Real Madrid-Castilla fell through.\n\n" +
  'İstanbul club Fenerbahçe made a bid, then an improved bid — the deal was completed.';

describe('token stream', () => {
  const doc = docFromText(TEXT);
  const t = doc.tokens;

  it('holds every word once, with its offsets and sentence', () => {
    const words = [...TEXT.matchAll(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu)];
    expect(t.count).toBe(words.length);
    expect(TEXT.slice(t.starts[5], t.ends[5])).toBe(words[5]?.[0]);
    expect(TEXT.slice(t.starts[t.count - 1], t.ends[t.count - 1])).toBe('completed');
    expect(t.sentence[0]).toBe(0);
    expect(t.sentence[t.count - 1]).toBe(doc.sentences.length - 1);
  });

  it('finds a table phrase exactly as the string walk does, over any stretch, cut words included', () => {
    // A table built after the stream read its ids: the ids are read again.
    const words = TEXT.matchAll(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu);
    expect(t.ids().length).toBe([...words].length);
    const index = new PhraseIndex<string>([
      ['completed a deal', 'long'],
      ['completed', 'short'],
      ['a move to', 'to'],
      ['improved bid', 'bid'],
      ["he'd", 'elided'],
      ['madrid-castilla', 'hyphen'],
      ['istanbul', 'never'],
    ]);
    let checked = 0;
    for (let start = 0; start < TEXT.length; start += 3) {
      for (const len of [1, 7, 20, 61, TEXT.length]) {
        const end = Math.min(TEXT.length, start + len);
        expect(phrasesIn(index, t, start, end)).toEqual(index.find(TEXT.slice(start, end)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(phrasesIn(index, t, 0, TEXT.length).map((h) => h.value)).toEqual(['long', 'elided', 'to', 'hyphen', 'bid', 'short']);
  });
});

describe('word spans', () => {
  it('finds the words the phrase tables\' pattern finds, on any mix of characters', () => {
    // Letters, digits, joiners, marks, astral letters and digits, lone surrogates, spaces.
    const alphabet = ['a', 'Z', '7', "'", '-', '--', ' ', '.', 'é', 'e\u0301', 'İ', 'ß', '٣', '𝐀', '𝟙', '😀', '\ud835', '\udc00', '’', '&', '\n'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 400; n++) {
      let text = '';
      for (let i = 0, len = Math.floor(rand() * 30); i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const starts: number[] = [];
      const ends: number[] = [];
      wordSpans(text, starts, ends);
      const expected = [...text.matchAll(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu)].map((m) => [m.index, m.index + m[0].length]);
      expect(starts.map((s, i) => [s, ends[i]]), JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('prefixes', () => {
  it('tells whether a text starts with one of its strings, whatever their lengths', () => {
    const p = new Prefixes([' scored', ' has scored', ' said', ' s']);
    expect(p.startOf(' scored twice')).toBe(true);
    expect(p.startOf(' has scored')).toBe(true);
    expect(p.startOf(' sa')).toBe(true);
    expect(p.startOf(' has signed')).toBe(false);
    expect(p.startOf('scored')).toBe(false);
    expect(new Prefixes([]).startOf('anything')).toBe(false);
  });
});
