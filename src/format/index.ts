// One way to turn articles into output per format; every formatter reads the same contract types.
import type { Paint } from './paint.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import type { Currency } from '../schema.js';
import { csvFormatter } from './csv.js';
import { jsonFormatter, ndjsonFormatter } from './json.js';
import type { CsvTable, Format } from './kinds.js';
import type { Formatter, Sink } from './sink.js';
import { tableFormatter } from './table.js';

export { CSV_TABLES, FORMATS, type CsvTable, type Format } from './kinds.js';
export type { Formatter, Sink } from './sink.js';

export interface FormatOptions {
  paint: Paint;
  csvTable?: CsvTable;
  /** The currency every fee is also given in (`converted`); EUR when not said. */
  currency?: Currency;
  /** The terminal's width in columns, for the table; unknown when not a terminal. */
  columns?: number;
}

export function makeFormatter(format: Format, out: Sink, opts: FormatOptions): Formatter {
  switch (format) {
    case 'table':
      return tableFormatter(out, opts.paint, opts.columns);
    case 'json':
      return jsonFormatter(out, opts.currency ?? DEFAULT_CURRENCY);
    case 'ndjson':
      return ndjsonFormatter(out, opts.currency ?? DEFAULT_CURRENCY);
    case 'csv':
      return csvFormatter(out, opts.csvTable ?? 'rumours', opts.currency ?? DEFAULT_CURRENCY);
  }
}
