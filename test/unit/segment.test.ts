import { describe, expect, it } from 'vitest';
import { segment } from '../../src/segment/index.js';

const sentences = (t: string) => segment(t).sentences.map((s) => t.slice(s.start, s.end));

describe('segment', () => {
  it('splits sentences and keeps abbreviations and initials together', () => {
    expect(sentences('Mr. Smith left. He joined St. Mirren on Jan. 5. A. Smith stayed.')).toEqual([
      'Mr. Smith left.',
      'He joined St. Mirren on Jan. 5.',
      'A. Smith stayed.',
    ]);
  });
  it('splits sentences glued without a space, but not a domain or initials', () => {
    expect(sentences('A title challenge.The Blues want him, says Calciomercato.com today. The U.S.A side agreed.')).toEqual([
      'A title challenge.',
      'The Blues want him, says Calciomercato.com today.',
      'The U.S.A side agreed.',
    ]);
  });
  it('does not split inside a quotation followed by its attribution', () => {
    expect(sentences('"Yes, why not," he replied. "It is fine." Then he left.')).toEqual([
      '"Yes, why not," he replied.',
      '"It is fine."',
      'Then he left.',
    ]);
  });
  it('treats blank lines as paragraph breaks and a short first line as a headline', () => {
    const t = 'Real in talks over move\nReal Madrid are closing in.\n\nThe deal is close.';
    const seg = segment(t);
    expect(seg.paragraphs.map((p) => t.slice(p.start, p.end))).toEqual(['Real in talks over move', 'Real Madrid are closing in.', 'The deal is close.']);
  });
  it('joins a line that breaks off mid-sentence', () => {
    const t = 'Parry revealed Real Madrid\n\ndid\n\nask for an option.';
    expect(sentences(t)).toEqual([t]);
  });
  it('survives text with no punctuation at all, cutting it into bounded pieces at spaces', () => {
    const t = 'word '.repeat(10000);
    const ss = segment(t).sentences;
    expect(ss.length).toBeGreaterThan(20);
    for (const s of ss) {
      expect(s.end - s.start).toBeLessThanOrEqual(2000);
      expect(t.slice(s.start, s.end)).toMatch(/^word( word)*$/);
    }
    expect(ss.map((s) => t.slice(s.start, s.end)).join(' ')).toBe(t.trim());
  });
  it('keeps a long real sentence whole, and cuts a run without spaces without splitting a character', () => {
    const long = 'Real Madrid, who ' + 'have been watching him for months and '.repeat(40) + 'want him.';
    expect(sentences(long)).toEqual([long]);
    const emoji = '🙂'.repeat(3000);
    const pieces = sentences(emoji);
    expect(pieces.join('')).toBe(emoji);
    expect(pieces.every((p) => p.length <= 2000 && !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});
