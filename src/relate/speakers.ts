// Who said each quote: the attribution found beside it, resolved to a person of the article. A quote
// with no attribution of its own carries on the last one's speaker when it continues it, and is
// otherwise given to the person the narrative was about just before it (BBC style: `Wardle did stress
// that ... "I've no intention of selling..."`).
import type { Doc, PersonEntity, QuoteFinding } from '../extract/types.js';
import type { References } from './coref.js';

export function attributeQuotes(doc: Doc, quotes: QuoteFinding[], refs: References): Array<string | null> {
  const out: Array<string | null> = [];
  quotes.forEach((q, i) => {
    let speaker: PersonEntity | null = null;
    if (q.speakerSpan) speaker = refs.resolve(q.speakerSpan.text, q.speakerSpan.start);
    else if (q.continues && i > 0) {
      out.push(out[i - 1] ?? null);
      return;
    } else speaker = refs.subjectBefore(doc.sentenceAt(q.start).index);
    out.push(speaker?.name ?? null);
  });
  return out;
}
