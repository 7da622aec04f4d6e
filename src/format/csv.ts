// CSV per RFC 4180: CRLF line ends, a cell quoted when it holds a comma, a quote or a line break, quotes
// doubled. Cells that a spreadsheet would run as a formula are neutralised with a leading quote.
import { convertArticle } from '../aggregate/currency.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import type { ArticleOut, Currency, Evidence, RumourOut } from '../schema.js';
import type { Formatter, Sink } from './sink.js';
import type { CsvTable } from './kinds.js';
import { cleanCell } from './_text.js';


export type Cell = string | number | null;

const _EVIDENCE = ['evidence_start', 'evidence_end', 'evidence_line', 'sentence'];

/** `fee_eur`, `amount_gbp`: a column of sums in the currency asked for. */
function _in(prefix: string, currency: Currency): string {
  return `${prefix}_${currency.toLowerCase()}`;
}

/**
 * One rumour's columns, the same in `extract --format csv` and `rumours --format csv`: the fee as
 * numbers (amount, currency, and in the currency asked for), its text beside them.
 */
export function rumourColumns(currency: Currency): string[] {
  return ['file', 'date', 'player', 'from', 'to', 'status', 'window', 'fee_amount', 'fee_currency', _in('fee', currency), 'fee_text', 'source', 'likelihood', 'reasons', ..._EVIDENCE];
}

export function rumourCells(r: RumourOut, file: string, date: string | null): Cell[] {
  const f = r.fee;
  return [file, date, r.player, r.from, r.to, r.status, r.window, f?.amount ?? null, f?.currency ?? null, f?.converted?.amount ?? null, f?.text ?? null, r.source, r.likelihood, r.reasons.join('; '), ..._ev(r.evidence)];
}

/** Header and row builder of each table: every row carries its article's file and date. */
function _tables(currency: Currency): Record<CsvTable, { columns: string[]; rows: (a: ArticleOut) => Cell[][] }> {
  return {
    rumours: {
      columns: rumourColumns(currency),
      rows: (a) => a.rumours.map((r) => rumourCells(r, a.file, a.date)),
    },
    players: {
      columns: ['file', 'date', 'name', 'aliases', 'mentions', 'club', ..._EVIDENCE],
      rows: (a) => a.players.map((p) => [a.file, a.date, p.name, _list(p.aliases), p.mentions, p.club, ..._ev(p.evidence)]),
    },
    people: {
      columns: ['file', 'date', 'name', 'aliases', 'role', 'club', 'mentions', ..._EVIDENCE],
      rows: (a) => a.people.map((p) => [a.file, a.date, p.name, _list(p.aliases), p.role, p.club, p.mentions, ..._ev(p.evidence)]),
    },
    clubs: {
      columns: ['file', 'date', 'name', 'country', 'aliases', 'mentions', ..._EVIDENCE],
      rows: (a) => a.clubs.map((c) => [a.file, a.date, c.name, c.country, _list(c.aliases), c.mentions, ..._ev(c.evidence)]),
    },
    fees: {
      columns: ['file', 'date', 'player', 'kind', 'amount', 'amount_max', 'currency', _in('amount', currency), _in('amount_max', currency), 'bound', 'period', 'text', 'conversions', ..._EVIDENCE],
      rows: (a) =>
        a.fees.map((f) => [
          a.file,
          a.date,
          f.player,
          f.kind,
          f.amount,
          f.amountMax,
          f.currency,
          f.converted?.amount ?? null,
          f.converted?.amountMax ?? null,
          f.bound,
          f.period,
          f.text,
          _list(f.conversions.map((c) => c.text)),
          ..._ev(f.evidence),
        ]),
    },
    quotes: {
      columns: ['file', 'date', 'speaker', 'text', ..._EVIDENCE],
      rows: (a) => a.quotes.map((q) => [a.file, a.date, q.speaker, q.text, ..._ev(q.evidence)]),
    },
    sources: {
      columns: ['file', 'date', 'name', 'kind', 'aliases', ..._EVIDENCE],
      rows: (a) => a.sources.map((s) => [a.file, a.date, s.name, s.kind, _list(s.aliases), ..._ev(s.evidence)]),
    },
  };
}

export function csvColumns(table: CsvTable, currency: Currency = DEFAULT_CURRENCY): string[] {
  return [..._tables(currency)[table].columns];
}

export function csvRows(table: CsvTable, a: ArticleOut, currency: Currency = DEFAULT_CURRENCY): Cell[][] {
  return _tables(currency)[table].rows(a);
}

/** One article's rows of a table, header aside. */
export function csvArticle(table: CsvTable, currency: Currency): (a: ArticleOut) => string {
  const rows = _tables(currency)[table].rows;
  return (a) => rows(a).map(csvLine).join('');
}

export function csvFormatter(out: Sink, table: CsvTable = 'rumours', currency: Currency = DEFAULT_CURRENCY): Formatter {
  const { columns, rows } = _tables(currency)[table];
  let started = false;
  const begin = () => {
    if (started) return;
    started = true;
    out.write(csvLine(columns));
  };
  const text = (chunk: string | Uint8Array) => {
    begin();
    if (chunk.length > 0) out.write(chunk);
  };
  return {
    begin,
    article: (a) => text(rows(convertArticle(a, currency)).map(csvLine).join('')),
    text,
    skipped() {},
    end: begin,
  };
}

/** One record, CRLF-terminated. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * null is an empty cell; numbers are written as numbers; text has its control characters made '?'
 * (a terminal showing the file would act on them), is neutralised, then quoted if needed.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = neutralise(cleanCell(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A text cell starting = + - @, a tab or a CR would be read as a formula by spreadsheets (OWASP).
 * A lone "-" (standard input's file name) cannot be one and is left as it is.
 */
export function neutralise(s: string): string {
  return s !== '-' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function _ev(e: Evidence): Cell[] {
  return [e.start, e.end, e.line ?? null, e.sentence];
}

/** Lists inside one cell, '; ' between items. */
function _list(items: string[]): string {
  return items.join('; ');
}
