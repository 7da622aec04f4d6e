// An article as its format writes it, on its own: made where the article is extracted (a worker),
// so that only these bytes cross to the main thread, not the article's objects. Copying those into
// the main thread's heap made it grow with the length of the run (see parallel/pool.ts).
import type { Article } from '../schema.js';
import { csvArticle } from './csv.js';
import { jsonArticle, ndjsonArticle } from './json.js';
import type { CsvTable, Format } from './kinds.js';

/** The formats that write each article on its own, and the CSV table. */
export interface TextFormat {
  format: Exclude<Format, 'table'>;
  csvTable: CsvTable;
}

/** The text format of a run's output, or null for the table, which sums the articles up. */
export function textFormat(format: Format, csvTable: CsvTable): TextFormat | null {
  return format === 'table' ? null : { format, csvTable };
}

export function articleText(f: TextFormat): (a: Article) => string {
  switch (f.format) {
    case 'json':
      return jsonArticle;
    case 'ndjson':
      return ndjsonArticle;
    case 'csv':
      return (a) => csvArticle(f.csvTable, a);
  }
}
