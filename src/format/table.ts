// The human view: one aligned row per rumour, then a one-line summary. Rows are held until the end
// because the columns are sized to what they hold (each capped, so one long name cannot widen all).
import type { Paint } from './paint.js';
import { foldName, knownPlayers, type NamesOf } from '../aggregate/identity.js';
import type { Article, Rumour, Status } from '../schema.js';
import { clean, fileLine, pad, shortMoney, truncate, width } from './_text.js';
import type { Formatter, Sink } from './index.js';

export interface Column {
  title: string;
  max: number;
  /** Cut long values at the start (paths: the file name matters more than the folders). */
  keepEnd?: boolean;
  colour?: (c: Paint, value: string) => string;
}

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

const _RUMOUR_COLUMNS: Column[] = [
  { title: 'DATE', max: 10, colour: _dim },
  { title: 'PLAYER', max: 28, colour: (c, v) => c.bold(v) },
  { title: 'MOVE', max: 48 },
  { title: 'STATUS', max: 9, colour: (c, v) => colourStatus(c, v.trimEnd()) + v.slice(v.trimEnd().length) },
  { title: 'FEE', max: 16, colour: _dim },
  { title: 'SOURCE', max: 24, colour: _dim },
  { title: 'FILE', max: 48, keepEnd: true, colour: (c, v) => c.dim(v) },
];

/** Table cells from one rumour; every value cleaned of control characters and escapes. */
export function rumourCells(r: Rumour, a: Pick<Article, 'file' | 'date'>): string[] {
  return [
    a.date ?? _NONE,
    clean(r.player) || _NONE,
    move(r.from, r.to),
    r.status,
    r.fee ? shortMoney(r.fee.amount, r.fee.currency, r.fee.text) || _NONE : _NONE,
    r.source === null ? _NONE : clean(r.source) || _NONE,
    fileLine(a.file, r.evidence.line) || _NONE,
  ];
}

export function move(from: string | null, to: string): string {
  return `${from === null ? '?' : clean(from) || '?'} → ${clean(to) || '?'}`;
}

/** Aligned rows under a header: cells are cut to their column's cap, padded, then coloured. */
export function renderTable(columns: Column[], rows: string[][], c: Paint, indent = ''): string {
  const cut = rows.map((row) => row.map((v, i) => truncate(v, columns[i]?.max ?? 40, columns[i]?.keepEnd ?? false)));
  const widths = columns.map((col, i) => Math.max(width(col.title), ...cut.map((row) => width(row[i] ?? ''))));
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
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [n(t.articles, 'article', 'articles'), n(t.rumours, 'rumour', 'rumours'), n(t.players, 'player', 'players'), n(t.clubs, 'club', 'clubs')];
  if (t.skipped > 0) parts.push(`${n(t.skipped, 'input', 'inputs')} not read (see above)`);
  return parts.join(', ');
}

export function tableFormatter(out: Sink, c: Paint): Formatter {
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
      const body = rows.length > 0 ? renderTable(_RUMOUR_COLUMNS, rows, c) + '\n' : totals.articles > 0 ? 'No rumours found.\n\n' : '';
      out.write(body + c.dim(summaryLine(totals)) + '\n');
    },
  };
}
