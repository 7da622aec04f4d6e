// Rendering an EvalReport: a table for people (one row per field, then the macro-F1) and JSON for
// scripts. Both read the same report; neither computes anything.
import { Chalk, type ChalkInstance } from 'chalk';
import { safeJson } from '../format/_text.js';
import { CORE_FIELDS, EXTRA_FIELDS, FIELDS, type EvalDetail, type EvalReport, type FieldName } from './score.js';

export const FIELD_LABELS: Record<FieldName, string> = {
  players: 'players',
  clubs: 'clubs',
  fees: 'fees',
  feePlayer: 'fee→player',
  quotes: 'quotes',
  quoteSpeaker: 'quote→speaker',
  sources: 'sources',
  rumours: 'rumours',
  rumourFrom: 'rumour from',
  rumourStatus: 'rumour status',
  date: 'date',
  people: 'people*',
  peopleRole: 'people role*',
};

export interface RenderOptions {
  color?: boolean;
  /** List every miss, false positive and wrong attribute. */
  verbose?: boolean;
}

const _W = 15;

export function renderTable(report: EvalReport, opts: RenderOptions = {}): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  lines.push(`${report.articles} article${report.articles === 1 ? '' : 's'} scored`);
  lines.push('');
  lines.push(c.bold(`${'field'.padEnd(_W)}${_cols(['P', 'R', 'F1'], 7)}${_cols(['tp', 'fp', 'fn'], 7)}`));
  const row = (f: FieldName): string => {
    const s = report.fields[f];
    if (!s.scored) return c.dim(`${FIELD_LABELS[f].padEnd(_W)}${_cols(['-', '-', '-'], 7)}  not in the gold`);
    const nums = `${_num(s.precision)}${_num(s.recall)}${_shade(c, s.f1, _num(s.f1))}`;
    return `${FIELD_LABELS[f].padEnd(_W)}${nums}${_cols([String(s.tp), String(s.fp), String(s.fn)], 7)}`;
  };
  for (const f of CORE_FIELDS) lines.push(row(f));
  for (const f of EXTRA_FIELDS) lines.push(c.dim(row(f)));
  lines.push(c.bold(`${'macro-F1'.padEnd(_W)}${_shade(c, report.macroF1, _num(report.macroF1))}`) + c.dim(`  (mean F1 of the ${report.macroFields.length} unstarred fields the gold gives)`));
  lines.push(c.dim('* reported only, not part of the average above'));
  if (opts.verbose) lines.push(...renderDetails(report.details ?? [], c));
  return lines.join('\n') + '\n';
}

/** The report as JSON text; `details` only when verbose. Numbers rounded to 4 places. */
export function renderJson(report: EvalReport, opts: RenderOptions = {}): string {
  const { details, ...rest } = report;
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  const fields = Object.fromEntries(
    FIELDS.map((f) => {
      const s = report.fields[f];
      return [f, { ...s, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) }];
    }),
  );
  const out = { ...rest, fields, macroF1: round(report.macroF1), ...(opts.verbose ? { details: details ?? [] } : {}) };
  return safeJson(JSON.stringify(out, null, 2)) + '\n';
}

export function renderDetails(details: readonly EvalDetail[], c: ChalkInstance = new Chalk({ level: 0 })): string[] {
  if (details.length === 0) return ['', 'No misses, false positives or wrong attributes.'];
  const order = new Map<string, number>(FIELDS.map((f, i) => [f, i]));
  const sorted = [...details].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0)));
  const lines = ['', 'miss = in the gold, not found; false positive = found, not in the gold; wrong = attribute of a matched pair'];
  let file = '';
  for (const d of sorted) {
    if (d.file !== file) {
      file = d.file;
      lines.push('', c.bold(file));
    }
    const kind = d.kind === 'miss' ? c.red('miss') : d.kind === 'wrong' ? c.magenta('wrong') : c.yellow('false positive');
    const pad = ' '.repeat(16 - (d.kind === 'false-positive' ? 14 : d.kind.length));
    const what = d.kind === 'wrong' ? `${d.value}: expected ${_show(d.expected)}, got ${_show(d.got)}` : d.value;
    lines.push(`  ${FIELD_LABELS[d.field].replace('*', '').padEnd(_W)}${kind}${pad}${what}`);
  }
  return lines;
}

function _show(v: string | null | undefined): string {
  return v === null || v === undefined ? 'none' : v;
}

function _num(x: number): string {
  return x.toFixed(3).padStart(7);
}

function _cols(xs: string[], w: number): string {
  return xs.map((x) => x.padStart(w)).join('');
}

function _shade(c: ChalkInstance, x: number, text: string): string {
  return x >= 0.8 ? c.green(text) : x >= 0.5 ? c.yellow(text) : c.red(text);
}
