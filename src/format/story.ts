// `rumours player`: the story of one player as a readable report, or as JSON / one JSON line / CSV.
import type { Paint } from './paint.js';
import type { Converted, Currency, PlayerStory } from '../schema.js';
import { clean, count, fileLine, safeJson, shortMoney, wrap } from './_text.js';
import { csvLine } from './csv.js';
import type { Format } from './kinds.js';
import type { Sink } from './sink.js';
import { jsonReplacer } from './json.js';
import { FILE_COLUMN, move, percent, renderTable, STATUS_COLUMN, type Column } from './table.js';
import { sagaLines } from './saga/spark.js';

export const STORY_CSV_COLUMNS = [
  'kind', 'date', 'file', 'from', 'to', 'status', 'window', 'source', 'fee_kind', 'amount', 'amount_max', 'currency', 'fee_text',
  'converted_amount', 'converted_amount_max', 'converted_currency', 'converted_via', 'converted_rate', 'converted_rate_year',
  'speaker', 'relation', 'quote', 'evidence_start', 'evidence_end', 'evidence_line', 'sentence',
];

const _NO_CONVERSION: null[] = [null, null, null, null, null, null];

export function writeStory(format: Format, story: PlayerStory, out: Sink, c: Paint, columns?: number): void {
  switch (format) {
    case 'json':
      out.write(`${safeJson(JSON.stringify(story, jsonReplacer, 2))}\n`);
      return;
    case 'ndjson':
      out.write(`${safeJson(JSON.stringify(story, jsonReplacer))}\n`);
      return;
    case 'csv':
      out.write(storyCsv(story));
      return;
    case 'table':
      out.write(storyTable(story, c, columns));
      return;
  }
}

/** One row per fact (rumour, fee, quote), oldest article first: a timeline for a spreadsheet. */
export function storyCsv(s: PlayerStory): string {
  type Row = { date: string | null; file: string; start: number; cells: Array<string | number | null> };
  const rows: Row[] = [];
  for (const r of s.rumours) {
    rows.push({
      date: r.date,
      file: r.file,
      start: r.evidence.start,
      cells: [
        'rumour', r.date, r.file, r.from, r.to, r.status, r.window, r.source, null, r.fee?.amount ?? null, null, r.fee?.currency ?? null, r.fee?.text ?? null,
        ..._converted(r.fee?.converted ?? null), null, null, null, r.evidence.start, r.evidence.end, r.evidence.line, r.evidence.sentence,
      ],
    });
  }
  for (const f of s.fees) {
    rows.push({
      date: f.date,
      file: f.file,
      start: f.evidence.start,
      cells: [
        'fee', f.date, f.file, null, null, null, null, null, f.kind, f.amount, f.amountMax, f.currency, f.text,
        ..._converted(f.converted), null, null, null, f.evidence.start, f.evidence.end, f.evidence.line, f.evidence.sentence,
      ],
    });
  }
  for (const q of s.quotes) {
    rows.push({
      date: q.date,
      file: q.file,
      start: q.evidence.start,
      cells: [
        'quote', q.date, q.file, null, null, null, null, null, null, null, null, null, null,
        ..._NO_CONVERSION, q.speaker, q.relation, q.text, q.evidence.start, q.evidence.end, q.evidence.line, q.evidence.sentence,
      ],
    });
  }
  // Dated first, oldest first; then by file and place in the article.
  const key = (r: Row) => [r.date === null ? 1 : 0, r.date ?? '', r.file] as const;
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] ?? '') < (kb[i] ?? '') ? -1 : 1;
    return a.start - b.start;
  });
  return csvLine(STORY_CSV_COLUMNS) + rows.map((r) => csvLine(r.cells)).join('');
}

function _converted(c: Converted | null): Array<string | number | null> {
  return c ? [c.amount, c.amountMax, c.currency, c.via, c.rate, c.rateYear] : _NO_CONVERSION;
}

const _RUMOUR_COLUMNS: Column[] = [
  { title: 'DATE', max: 10 },
  { title: 'MOVE', max: 48, shrink: 2, min: 20 },
  STATUS_COLUMN,
  { title: 'LIKELY', max: 6 },
  { title: 'FEE', max: 16, shrink: 3 },
  { title: 'SOURCE', max: 24, shrink: 1 },
  { title: 'WHY', max: 44, shrink: 0, min: 12 },
  FILE_COLUMN,
];

/** The fee in the story's currency first, the original as written beside it. */
function _feeColumns(currency: Currency): Column[] {
  return [
    { title: 'DATE', max: 10 },
    { title: `IN ${currency}`, max: 20, colour: (c, v) => c.bold(v) },
    { title: 'AS WRITTEN', max: 40, shrink: 1 },
    { title: 'KIND', max: 14, shrink: 2 },
    FILE_COLUMN,
  ];
}

/** "€120m", "€50m–€60m"; "≈" marks an estimate made with the rate table. */
export function inCurrency(c: Converted | null): string {
  if (c === null) return '';
  const high = c.amountMax === null ? '' : `–${shortMoney(c.amountMax, c.currency, '')}`;
  return `${c.via === 'rate' ? '≈' : ''}${shortMoney(c.amount, c.currency, '')}${high}`;
}

/** The lowest and highest fee reported (wages left out), in the story's currency; null without one. */
function _feeRange(s: PlayerStory): string | null {
  const fees = s.fees.filter((f) => f.period === null).flatMap((f) => (f.converted ? [f.converted] : []));
  if (fees.length === 0) return null;
  const low = fees.reduce((a, b) => (b.amount < a.amount ? b : a));
  const top = (c: Converted) => c.amountMax ?? c.amount;
  const high = fees.reduce((a, b) => (top(b) > top(a) ? b : a));
  const from = inCurrency({ ...low, amountMax: null });
  const to = inCurrency({ ...high, amount: top(high), amountMax: null });
  return from === to ? from : `${from} to ${to}`;
}

/** A report for people: who, when, which clubs, then rumours, fees and quotes in date order. */
export function storyTable(s: PlayerStory, c: Paint, columns?: number): string {
  const none = '-';
  const name = clean(s.player.name);
  const aliases = s.player.aliases.map(clean).filter((a) => a !== '');
  let out = c.bold(name) + (aliases.length > 0 ? c.dim(` (also ${aliases.join(', ')})`) : '') + '\n';
  const span = s.firstReport === null ? 'no dated article' : s.firstReport === s.latestReport ? s.firstReport : `${s.firstReport} to ${s.latestReport}`;
  const clubs = s.clubs.map((k) => `${clean(k.name)} (${k.count})`).join(', ');
  out += `${count(s.articles, 'article')}, ${span}${clubs ? `; linked with ${clubs}` : ''}\n`;
  const range = _feeRange(s);
  if (range !== null) out += `fees reported: ${range}\n`;
  // The shape of the saga first: one line per club, time across.
  const timeline = sagaLines(s, c);
  if (timeline !== '') out += `\n${c.underline('Timeline')}\n${timeline}`;

  out += `\n${c.underline('Rumours')}\n`;
  out += s.rumours.length === 0
    ? '  none\n'
    : renderTable(
        _RUMOUR_COLUMNS,
        s.rumours.map((r) => [
          r.date ?? none,
          move(r.from, r.to),
          r.status,
          percent(r.likelihood ?? null) ?? none,
          r.fee ? shortMoney(r.fee.amount, r.fee.currency, r.fee.text) || none : none,
          r.source === null ? none : clean(r.source) || none,
          clean((r.reasons ?? []).join('; ')) || none,
          fileLine(r.file, r.evidence.line),
        ]),
        c,
        '  ',
        columns,
      );

  out += `\n${c.underline('Fees')}\n`;
  out += s.fees.length === 0
    ? '  none\n'
    : renderTable(
        _feeColumns(s.currency),
        s.fees.map((f) => [f.date ?? none, inCurrency(f.converted) || none, clean(f.text) || none, f.kind, fileLine(f.file, f.evidence.line)]),
        c,
        '  ',
        columns,
      );
  if (s.fees.some((f) => f.converted?.via === 'rate')) {
    out += c.dim(`  ≈ estimated at the average rate of the article's year; other amounts are the article's own\n`);
  }

  out += `\n${c.underline('Quotes')}\n`;
  if (s.quotes.length === 0) out += '  none\n';
  for (const q of s.quotes) {
    const who = q.relation === 'by' ? `by ${name}` : `about him${q.speaker ? `, by ${clean(q.speaker)}` : ''}`;
    out += `  ${q.date ?? none}  ${who}  ${c.dim(fileLine(q.file, q.evidence.line))}\n`;
    out += wrap(`"${clean(q.text)}"`, Math.min(96, (columns ?? 100) - 4), '    ');
  }
  return out;
}
