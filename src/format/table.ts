// The human view: one aligned row per rumour, then a one-line summary. Rows are held until the end
// because the columns are sized to what they hold (each capped, so one long name cannot widen all)
// and fitted to the terminal's width.
import type { Paint } from './paint.js';
import { foldName, knownPlayers, type NamesOf } from '../aggregate/identity.js';
import type { Article, Rumour, Status } from '../schema.js';
import { clean, count, fileLine, pad, shortMoney, truncate, width } from './_text.js';
import type { Formatter, Sink } from './sink.js';

export interface Column {
  title: string;
  max: number;
  /**
   * Never cut, whatever the width (`file:line`: a terminal must be able to open it). Such a column
   * goes last, so that a long one only runs past the edge.
   */
  whole?: boolean;
  /**
   * Which columns give way first when the table is wider than the terminal: lowest first; unset
   * columns (dates, stages) keep their width.
   */
  shrink?: number;
  /** Narrowest it is shrunk to (default 8, or its title's width if wider). */
  min?: number;
  colour?: (c: Paint, value: string) => string;
}

/** Narrowest a column is shrunk to (its title's width if wider): a cut name must still say something. */
const _MIN_WIDTH = 8;

const _NONE = '-';

const _STATUS_COLOUR: Record<Status, keyof Paint | null> = {
  interest: null,
  talks: 'cyan',
  bid: 'yellow',
  rejected: 'red',
  agreed: 'green',
  completed: 'greenBright',
  denied: 'magenta',
};

/** `text` (the status itself unless given) in the status's colour. */
export function colourStatus(c: Paint, status: string, text = status): string {
  const name = _STATUS_COLOUR[status as Status];
  const fn = name ? (c[name] as unknown as ((s: string) => string) | undefined) : undefined;
  return typeof fn === 'function' ? fn(text) : text;
}

const _dim = (c: Paint, v: string) => (v.trim() === _NONE ? c.dim(v) : v);

export const STATUS_COLUMN: Column = { title: 'STATUS', max: 9, colour: (c, v) => colourStatus(c, v.trimEnd()) + v.slice(v.trimEnd().length) };
export const FILE_COLUMN: Column = { title: 'FILE', max: Infinity, whole: true, colour: (c, v) => c.dim(v) };

const _RUMOUR_COLUMNS: Column[] = [
  { title: 'DATE', max: 10, colour: _dim },
  { title: 'PLAYER', max: 28, shrink: 3, min: 14, colour: (c, v) => c.bold(v) },
  { title: 'MOVE', max: 48, shrink: 2, min: 20 },
  STATUS_COLUMN,
  { title: 'LIKELY', max: 6 },
  { title: 'FEE', max: 16, shrink: 4, colour: _dim },
  { title: 'SOURCE', max: 24, shrink: 1, colour: _dim },
  { title: 'WHY', max: 44, shrink: 0, min: 12, colour: _dim },
  FILE_COLUMN,
];

/** Table cells from one rumour; every value cleaned of control characters and escapes. */
export function rumourCells(r: Rumour, a: Pick<Article, 'file' | 'date'>): string[] {
  return [
    a.date ?? _NONE,
    clean(r.player) || _NONE,
    move(r.from, r.to),
    r.status,
    percent(r.likelihood ?? null) ?? _NONE,
    r.fee ? shortMoney(r.fee.amount, r.fee.currency, r.fee.text) || _NONE : _NONE,
    r.source === null ? _NONE : clean(r.source) || _NONE,
    clean((r.reasons ?? []).join('; ')) || _NONE,
    fileLine(a.file, r.evidence.line) || _NONE,
  ];
}

/** A likelihood as a whole percentage ("72%"), or null. */
export function percent(p: number | null): string | null {
  return p === null ? null : `${Math.round(p * 100)}%`;
}

export function move(from: string | null, to: string): string {
  return `${from === null ? '?' : clean(from) || '?'} → ${clean(to) || '?'}`;
}

/**
 * Column widths that fit `total` terminal columns: each column as wide as its widest cell (up to its
 * cap), then, while the table is too wide, the columns that matter least give way first, down to a
 * few columns each. Whole columns never shrink; a table that still does not fit runs past the edge.
 */
export function fitWidths(columns: Column[], natural: number[], total: number | undefined, indent = 0): number[] {
  const widths = natural.map((w, i) => Math.min(w, columns[i]?.max ?? Infinity));
  if (total === undefined || total <= 0) return widths;
  let over = indent + widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1) - total;
  const order = columns.map((col, i) => ({ col, i })).filter(({ col }) => col.shrink !== undefined && !col.whole).sort((a, b) => (a.col.shrink ?? 0) - (b.col.shrink ?? 0));
  for (const { col, i } of order) {
    if (over <= 0) break;
    const w = widths[i] ?? 0;
    const least = Math.min(w, Math.max(width(col.title), col.min ?? _MIN_WIDTH));
    const give = Math.min(over, w - least);
    widths[i] = w - give;
    over -= give;
  }
  return widths;
}

/**
 * Aligned rows under a header, fitted to `total` terminal columns when given: cells are cut in the
 * middle to their column's width (whole columns never), padded, then coloured.
 */
export function renderTable(columns: Column[], rows: string[][], c: Paint, indent = '', total?: number): string {
  const natural = columns.map((col, i) => Math.max(width(col.title), ...rows.map((row) => width(row[i] ?? ''))));
  const widths = fitWidths(columns, natural, total, width(indent));
  const cut = rows.map((row) => row.map((v, i) => (columns[i]?.whole ? v : truncate(v, widths[i] ?? 40, false, true))));
  const last = columns.length - 1;
  const line = (cells: string[], header: boolean) =>
    indent +
    cells
      .map((v, i) => {
        const padded = i === last ? v : pad(v, widths[i] ?? 0);
        if (header) return c.bold(padded);
        const colour = columns[i]?.colour;
        return colour ? colour(c, padded) : padded;
      })
      .join('  ')
      .trimEnd() +
    '\n';
  return line(columns.map((col) => col.title), true) + cut.map((row) => line(row, false)).join('');
}

export interface Totals {
  articles: number;
  rumours: number;
  players: number;
  clubs: number;
  skipped: number;
}

export function summaryLine(t: Totals): string {
  const parts = [count(t.articles, 'article'), count(t.rumours, 'rumour'), count(t.players, 'player'), count(t.clubs, 'club')];
  if (t.skipped > 0) parts.push(`${count(t.skipped, 'input')} not read (see above)`);
  return parts.join(', ');
}

export function tableFormatter(out: Sink, c: Paint, columns?: number): Formatter {
  const rows: string[][] = [];
  // Only the names are kept, to count each player once across articles ("Mac Allister" is
  // "Alexis Mac Allister").
  const names: NamesOf[] = [];
  const clubs = new Set<string>();
  const totals: Totals = { articles: 0, rumours: 0, players: 0, clubs: 0, skipped: 0 };
  return {
    begin() {},
    article(a: Article) {
      totals.articles++;
      totals.rumours += a.rumours.length;
      for (const r of a.rumours) rows.push(rumourCells(r, a));
      names.push({
        players: a.players.map((p) => ({ name: p.name, aliases: p.aliases, club: p.club })),
        rumours: a.rumours.map((r) => ({ player: r.player, from: r.from })),
        fees: a.fees.map((f) => ({ player: f.player })),
      });
      for (const k of a.clubs) clubs.add(foldName(k.name));
    },
    skipped() {
      totals.skipped++;
    },
    end() {
      totals.players = knownPlayers(names).length;
      totals.clubs = clubs.size;
      const body = rows.length > 0 ? renderTable(_RUMOUR_COLUMNS, rows, c, '', columns) + '\n' : totals.articles > 0 ? 'No rumours found.\n\n' : '';
      out.write(body + c.dim(summaryLine(totals)) + '\n');
    },
  };
}
