// Who said each quote: the attribution found beside it, resolved to a person of the article.
import type { Doc, PersonEntity, QuoteFinding } from '../extract/types.js';

export function attributeQuotes(_doc: Doc, quotes: QuoteFinding[], _people: PersonEntity[]): Array<string | null> {
  return quotes.map(() => null);
}
