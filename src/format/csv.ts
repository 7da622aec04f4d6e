// CSV per RFC 4180: CRLF line ends, a cell quoted when it holds a comma, a quote or a line break, quotes
// doubled. Cells that a spreadsheet would run as a formula are neutralised with a leading quote.
import type { Article, Evidence, Money } from '../schema.js';
import type { Formatter, Sink } from './index.js';
import type { CsvTable } from './kinds.js';
import { cleanCell } from './_text.js';


type Cell = string | number | null;

const _EVIDENCE = ['evidence_start', 'evidence_end', 'evidence_line', 'sentence'];

/** Header and row builder of each table: every row carries its article's file and date. */
const _TABLES: Record<CsvTable, { columns: string[]; rows: (a: Article) => Cell[][] }> = {
  rumours: {
    columns: ['file', 'date', 'player', 'from', 'to', 'status', 'window', 'fee_amount', 'fee_currency', 'fee_text', 'source', ..._EVIDENCE],
    rows: (a) => a.rumours.map((r) => [a.file, a.date, r.player, r.from, r.to, r.status, r.window, ..._money(r.fee), r.source, ..._ev(r.evidence)]),
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
    columns: ['file', 'date', 'player', 'kind', 'amount', 'amount_max', 'currency', 'bound', 'period', 'text', 'conversions', ..._EVIDENCE],
    rows: (a) =>
      a.fees.map((f) => [
        a.file,
        a.date,
        f.player,
        f.kind,
        f.amount,
        f.amountMax,
        f.currency,
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

export function csvColumns(table: CsvTable): string[] {
  return [..._TABLES[table].columns];
}

export function csvRows(table: CsvTable, a: Article): Cell[][] {
  return _TABLES[table].rows(a);
}

/** One article's rows of a table, header aside. */
export function csvArticle(table: CsvTable, a: Article): string {
  return _TABLES[table].rows(a).map(csvLine).join('');
}

export function csvFormatter(out: Sink, table: CsvTable = 'rumours'): Formatter {
  let started = false;
  const begin = () => {
    if (started) return;
    started = true;
    out.write(csvLine(_TABLES[table].columns));
  };
  const text = (chunk: string | Uint8Array) => {
    begin();
    if (chunk.length > 0) out.write(chunk);
  };
  return {
    begin,
    article: (a) => text(csvArticle(table, a)),
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

function _money(m: Money | null): Cell[] {
  return m ? [m.amount, m.currency, m.text] : [null, null, null];
}

function _ev(e: Evidence): Cell[] {
  return [e.start, e.end, e.line ?? null, e.sentence];
}

/** Lists inside one cell, '; ' between items. */
function _list(items: string[]): string {
  return items.join('; ');
}
