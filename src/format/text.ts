// An article as its format writes it, on its own: made where the article is extracted (a worker),
// so that only these bytes cross to the main thread, not the article's objects. Copying those into
// the main thread's heap made it grow with the length of the run (see parallel/pool.ts).
import { convertArticle } from '../aggregate/currency.js';
import type { Article, Currency } from '../schema.js';
import { csvArticle } from './csv.js';
import { jsonArticle, jsonArticleChunks, ndjsonArticle, ndjsonArticleChunks } from './json.js';
import type { CsvTable, Format } from './kinds.js';

/** The formats that write each article on its own, the CSV table, and the currency fees are also given in. */
export interface TextFormat {
  format: Exclude<Format, 'table'>;
  csvTable: CsvTable;
  currency: Currency;
}

/** The text format of a run's output, or null for the table, which sums the articles up. */
export function textFormat(format: Format, csvTable: CsvTable, currency: Currency): TextFormat | null {
  return format === 'table' ? null : { format, csvTable, currency };
}

export function articleText(f: TextFormat): (a: Article) => string {
  const write = f.format === 'json' ? jsonArticle : f.format === 'ndjson' ? ndjsonArticle : csvArticle(f.csvTable, f.currency);
  return (a) => write(convertArticle(a, f.currency));
}

/** `articleText`'s text in pieces that join to it: JSON a fact at a time, for a long article. */
export function articleChunks(f: TextFormat): (a: Article) => Iterable<string> {
  if (f.format === 'json') return (a) => jsonArticleChunks(convertArticle(a, f.currency));
  if (f.format === 'ndjson') return (a) => ndjsonArticleChunks(convertArticle(a, f.currency));
  const text = articleText(f);
  return (a) => [text(a)];
}
