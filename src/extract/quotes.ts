// Quotes: direct speech in quotation marks and the words that attribute it.
import type { Doc, QuoteFinding } from './types.js';

export function findQuotes(_doc: Doc): QuoteFinding[] {
  return [];
}
