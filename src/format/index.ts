// One way to turn articles into output per format; every formatter reads the same contract types.
import type { Paint } from './paint.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import type { Article, Currency } from '../schema.js';
import { csvFormatter } from './csv.js';
import { jsonFormatter, ndjsonFormatter } from './json.js';
import type { CsvTable, Format } from './kinds.js';
import { tableFormatter } from './table.js';

export { CSV_TABLES, FORMATS, type CsvTable, type Format } from './kinds.js';

/** Where output goes: process.stdout in the CLI, a string collector in tests. */
export interface Sink {
  write(chunk: string | Uint8Array): boolean;
}

/** Streamed output: `end()` always leaves a complete document (JSON closed, CSV header written). */
export interface Formatter {
  begin(): void;
  article(a: Article): void;
  /**
   * An article as `articleText` (./text.ts) wrote it, where it was extracted: the same output as
   * `article`, for the formats that have such a text (not the table, which sums articles up).
   */
  text?(chunk: string | Uint8Array): void;
  /** An input that could not be read (already reported on stderr); the table counts them. */
  skipped(file: string, reason: string): void;
  end(): void;
}

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
