// A rumour's source: the outlet its sentence or paragraph cites, else the outlet the article names
// itself by ("BBC Sport understands"), which speaks for the whole article.
import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { extractFacts } from '../../src/analyse.js';

const sources = (text: string) => extractFacts(docFromText(text)).rumours.map((r) => [r.to, r.source]);

describe('the source of a rumour', () => {
  it('is the outlet an article names itself by, for a rumour told in another paragraph', () => {
    const text = 'Newcastle striker Craig Bellamy is discussing a loan move to Celtic, BBC Sport understands.\n\nBirmingham City have also made a bid for Craig Bellamy.';
    expect(sources(text)).toEqual([['Celtic', 'BBC Sport'], ['Birmingham City', 'BBC Sport']]);
  });

  it('is not an outlet someone only spoke to', () => {
    const text = '"I am happy here," Craig Bellamy told BBC Sport.\n\nBirmingham City have made a bid for Craig Bellamy.';
    expect(sources(text)).toEqual([['Birmingham City', null]]);
  });
});
