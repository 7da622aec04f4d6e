// Rows from the store, printed in the formats `extract` offers: a table for people, JSON
// ({"schema", "kind", "items"}), one item a line, or CSV.
import type { Paint } from '../format/paint.js';
import { csvLine } from '../format/csv.js';
import { clean, cleanPath, pad, safeJson, truncate, width } from '../format/_text.js';
import type { Format, Sink } from '../format/index.js';
import { STORE_SCHEMA_ID } from '../ids.js';

export interface Column<T> {
  head: string;
  /** The cell for the table and CSV. */
  cell: (row: T) => string | number | null;
  /** Widest the table lets the column be. */
  max?: number;
  /** A path: cut from the start so that the file name stays. */
  path?: boolean;
  /** Shown in one format only: `file:line` suits people, scripts want the two apart. */
  only?: 'table' | 'csv';
}

export function writeRows<T>(format: Format, kind: string, columns: Array<Column<T>>, rows: T[], out: Sink, paint: Paint, summary: string): void {
  switch (format) {
    case 'json':
      out.write(`${safeJson(JSON.stringify({ schema: STORE_SCHEMA_ID, kind, items: rows }, null, 2))}\n`);
      return;
    case 'ndjson':
      for (const r of rows) out.write(`${safeJson(JSON.stringify(r))}\n`);
      return;
    case 'csv': {
      const shown = columns.filter((c) => c.only !== 'table');
      out.write(csvLine(shown.map((c) => c.head.toLowerCase())));
      for (const r of rows) out.write(csvLine(shown.map((c) => c.cell(r))));
      return;
    }
    case 'table':
      _table(columns.filter((c) => c.only !== 'csv'), rows, out, paint);
      out.write(`${summary}\n`);
  }
}

function _table<T>(columns: Array<Column<T>>, rows: T[], out: Sink, paint: Paint): void {
  if (rows.length === 0) return;
  const cells = rows.map((r) =>
    columns.map((c) => {
      const v = c.cell(r);
      const s = v === null ? '-' : c.path ? cleanPath(String(v)) : clean(String(v));
      return truncate(s === '' ? '-' : s, c.max ?? 40, c.path ?? false);
    }),
  );
  const widths = columns.map((c, i) => Math.max(width(c.head), ...cells.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) => row.map((s, i) => (i === row.length - 1 ? s : pad(s, widths[i] ?? 0))).join('  ');
  out.write(`${paint.bold(line(columns.map((c) => c.head)))}\n`);
  for (const row of cells) out.write(`${line(row)}\n`);
}
