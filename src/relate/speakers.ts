// Who said each quote: the attribution found beside it, resolved to a person of the article.
import type { Doc, PersonEntity, QuoteFinding } from '../extract/types.js';
import { References } from './coref.js';

export function attributeQuotes(doc: Doc, quotes: QuoteFinding[], people: PersonEntity[]): Array<string | null> {
  const refs = new References(doc, people);
  const out: Array<string | null> = [];
  quotes.forEach((q, i) => {
    let speaker: string | null = null;
    if (q.speakerSpan) {
      speaker = refs.resolve(q.speakerSpan.text, q.speakerSpan.start)?.name ?? null;
    } else if (q.continues && i > 0) {
      speaker = out[i - 1] ?? null; // a paragraph that carries on the last quote keeps its speaker
    }
    out.push(speaker);
  });
  return out;
}
