// Rows from the store, printed in the formats `extract` offers: a table for people, JSON
// ({"schema", ..., "items"}), one item a line, or CSV.
import type { Paint } from '../format/paint.js';
import { csvLine, type Cell } from '../format/csv.js';
import { clean, cleanPath, safeJson } from '../format/_text.js';
import type { Format } from '../format/kinds.js';
import type { Sink } from '../format/sink.js';
import { renderTable, type Column as TableColumn } from '../format/table.js';
import { SCHEMA_IDS, type OutputName } from '../ids.js';

export interface Column<T> extends Omit<TableColumn, 'title' | 'max'> {
  head: string;
  /** The cell for the table and CSV. */
  cell: (row: T) => string | number | null;
  /** Widest the table lets the column be. */
  max?: number;
  /** A path (`file:line`): shown whole, last, with control characters made visible. */
  path?: boolean;
  /** Shown in one format only: `file:line` suits people, scripts want the two apart. */
  only?: 'table' | 'csv';
}

export interface RowsOutput<T> {
  /** The table's one-line summary. */
  summary: string;
  /** Fields of the JSON document beside "schema" and "items" (the currency fees are given in...). */
  envelope?: Record<string, unknown>;
  /** CSV from its own header and cells instead of the columns' (the rumour CSV `extract` prints). */
  csv?: { header: string[]; cells: (row: T) => Cell[] };
  /** The terminal's width, for the table. */
  width?: number;
}

export function writeRows<T>(format: Format, output: OutputName, columns: Array<Column<T>>, rows: T[], out: Sink, paint: Paint, o: RowsOutput<T>): void {
  switch (format) {
    case 'json':
      out.write(`${safeJson(JSON.stringify({ schema: SCHEMA_IDS[output], ...o.envelope, items: rows }, null, 2))}\n`);
      return;
    case 'ndjson':
      for (const r of rows) out.write(`${safeJson(JSON.stringify(r))}\n`);
      return;
    case 'csv': {
      if (o.csv) {
        out.write(csvLine(o.csv.header));
        for (const r of rows) out.write(csvLine(o.csv.cells(r)));
        return;
      }
      const shown = columns.filter((c) => c.only !== 'table');
      out.write(csvLine(shown.map((c) => c.head.toLowerCase())));
      for (const r of rows) out.write(csvLine(shown.map((c) => c.cell(r))));
      return;
    }
    case 'table':
      _table(
        columns.filter((c) => c.only !== 'csv'),
        rows,
        out,
        paint,
        o.width,
      );
      out.write(`${o.summary}\n`);
  }
}

function _table<T>(columns: Array<Column<T>>, rows: T[], out: Sink, paint: Paint, width: number | undefined): void {
  if (rows.length === 0) return;
  const cells = rows.map((r) =>
    columns.map((c) => {
      const v = c.cell(r);
      const s = v === null ? '-' : c.path ? cleanPath(String(v)) : clean(String(v));
      return s === '' ? '-' : s;
    }),
  );
  const table = columns.map((c): TableColumn => ({ ...c, title: c.head, max: c.path ? Infinity : (c.max ?? 40), whole: c.path ?? c.whole }));
  out.write(renderTable(table, cells, paint, '', width));
}
