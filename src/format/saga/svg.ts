// A saga chart as SVG, made on the server with d3's scales and shapes (no browser, no script): time
// across, one lane per club (or player), a mark per report, then the fees and likelihoods over time.
// Colours are CSS custom properties, switched for dark pages by prefers-color-scheme.
import { scaleBand, scaleLinear, scaleSqrt, scaleUtc } from 'd3-scale';
import { curveMonotoneX, line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { utcDay } from 'd3-time';
import type { Status } from '../../schema.js';
import { fileLine, shortMoney } from '../_text.js';
import { inCurrency } from '../story.js';
import type { Chart, Report } from './model.js';
import { STAGE_LOOK, STAGE_ORDER } from './palette.js';

/** Reports of one lane on one day drawn one mark each up to this many; above it, one mark per stage. */
export const STACK = 4;

const _W = 960;
const _LANE = 30;
const _LABEL = 190;
const _UNDATED = 70;
const _FEES = 150;
const _LIKELY = 130;
const _M = { top: 56, right: 24, bottom: 36 };

const _SYMBOL: Record<(typeof STAGE_LOOK)[Status]['symbol'], SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  star: symbolStar,
  cross: symbolCross,
  wye: symbolWye,
};

/** Escaped for XML text and attributes (the text is already one clean line). */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The chart's CSS, shared with the page around it; every rule is under `.saga` so that it styles nothing else. */
export function sagaCss(): string {
  const vars = (key: 'light' | 'dark') => STAGE_ORDER.map((s) => `--s-${s}:${STAGE_LOOK[s][key]}`).join(';');
  return [
    `.saga{--ink:#1a1a1a;--muted:#666;--grid:#e3e3e3;--lane:#f6f6f6;--bg:#fff;${vars('light')};font:12px system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg)}`,
    `@media (prefers-color-scheme:dark){.saga{--ink:#eee;--muted:#aaa;--grid:#333;--lane:#1d1d1d;--bg:#121212;${vars('dark')}}}`,
    '.saga text{fill:var(--ink)}.saga .muted{fill:var(--muted)}.saga .head{font-weight:600}',
    '.saga .grid{stroke:var(--grid)}.saga .band{fill:var(--lane)}.saga .leave{stroke:var(--muted);stroke-width:1.5}',
    '.saga .mark{stroke:var(--bg);stroke-width:.75}.saga .fee{fill:var(--ink)}.saga .fee.est{fill:var(--bg);stroke:var(--ink)}',
    '.saga .whisker{stroke:var(--ink)}.saga .odds{fill:none;stroke:var(--muted);stroke-width:1.5}',
    ...STAGE_ORDER.map((s) => `.saga .s-${s}{fill:var(--s-${s})}`),
  ].join('\n');
}

export interface SvgOptions {
  /** Prefix of the ids in the SVG (its title and description), unique within a page. */
  id: string;
  /** A file of its own: the XML namespace and the styles inside the SVG. */
  standalone: boolean;
}

/** One line that says what the chart shows, for its <desc> and the page's summary. */
export function describe(chart: Chart): string {
  const dated = chart.reports.filter((r) => r.date !== null).map((r) => r.date as string).sort();
  const span = dated.length === 0 ? 'none dated' : dated[0] === dated[dated.length - 1] ? `on ${dated[0]}` : `from ${dated[0]} to ${dated[dated.length - 1]}`;
  const perLane = chart.lanes
    .map((l) => {
      const mine = chart.reports.filter((r) => r.lane === l.key);
      const last = mine[mine.length - 1];
      return mine.length === 0 ? null : `${l.name} ${mine.length} (latest: ${last?.stage})`;
    })
    .filter((x) => x !== null);
  const n = chart.reports.length;
  let out = `${chart.subject}: ${n} ${n === 1 ? 'report' : 'reports'} ${span}, across ${chart.lanes.length} ${chart.laneKind}`;
  if (perLane.length > 0) out += `: ${perLane.join('; ')}`;
  if (chart.fees.length > 0 && chart.currency !== null) {
    const amounts = chart.fees.flatMap((f) => (f.converted.amountMax === null ? [f.converted.amount] : [f.converted.amount, f.converted.amountMax]));
    out += `. Fees reported from ${shortMoney(Math.min(...amounts), chart.currency, '')} to ${shortMoney(Math.max(...amounts), chart.currency, '')}`;
  }
  return `${out}.`;
}

function _day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A report's tooltip: where it goes, when, what stage, who said it, the fee and where it was read. */
function _tip(r: Report): string {
  const parts = [r.move, r.date ?? 'no date', r.stage, r.source ?? 'no outlet named'];
  if (r.fee !== null) parts.push(`fee ${r.fee}`);
  if (r.likelihood !== null) parts.push(`likelihood ${Math.round(r.likelihood * 100)}%`);
  parts.push(fileLine(r.file, r.line));
  return parts.join(' · ');
}

export function chartSvg(chart: Chart, opts: SvgOptions): string {
  const dated = chart.reports.filter((r) => r.date !== null);
  const undated = chart.reports.length - dated.length;
  const withOdds = chart.reports.filter((r) => r.date !== null && r.likelihood !== null);
  const days = [...dated.map((r) => r.date as string), ...chart.fees.map((f) => f.date), ...chart.lanes.flatMap((l) => l.leaving)].sort();
  const first = _day(days[0] ?? '2000-01-01');
  const last = _day(days[days.length - 1] ?? '2000-01-01');
  // Room either side, so a mark on the first or last day is not cut in half (and one day still spans).
  const pad = Math.max(utcDay.count(first, last) * 0.03, 10);
  const right = _W - _M.right - (undated > 0 ? _UNDATED : 0);
  const x = scaleUtc()
    .domain([utcDay.offset(first, -Math.ceil(pad)), utcDay.offset(last, Math.ceil(pad))])
    .range([_LABEL, right]);

  // Rows: the lanes, with a heading before each group (a club's "Coming in" / "Going out").
  const rows: Array<{ key: string; heading: string | null }> = [];
  let group: string | null = null;
  for (const l of chart.lanes) {
    if (l.group !== null && l.group !== group) rows.push({ key: `\u0001${l.group}`, heading: l.group });
    group = l.group;
    rows.push({ key: l.key, heading: null });
  }
  const lanesBottom = _M.top + Math.max(1, rows.length) * _LANE;
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([_M.top, lanesBottom])
    .paddingInner(0.12);
  const feesTop = lanesBottom + _M.bottom;
  const feesBottom = chart.fees.length > 0 ? feesTop + _FEES : lanesBottom;
  const oddsTop = feesBottom + (chart.fees.length > 0 ? _M.bottom : 0) + (withOdds.length > 0 ? 10 : 0);
  const oddsBottom = withOdds.length > 0 ? oddsTop + _LIKELY : feesBottom;
  const height = oddsBottom + _M.bottom;

  // How many outlets told of each lane's day: a mark's size.
  const byDay = new Map<string, Report[]>();
  for (const r of chart.reports) {
    const k = `${r.lane}\u0000${r.date ?? ''}`;
    const list = byDay.get(k);
    if (list) list.push(r);
    else byDay.set(k, [r]);
  }
  const outletsOf = (list: Report[]) => new Set(list.map((r) => r.source ?? `\u0000${r.file}`)).size;
  const mostOutlets = Math.max(1, ...[...byDay.values()].map(outletsOf));
  const area = scaleSqrt().domain([1, Math.max(2, mostOutlets)]).range([70, 320]).clamp(true);
  const shapes = new Map<string, string>();
  const shape = (stage: Status, size: number): string => {
    const k = `${stage}:${size}`;
    let d = shapes.get(k);
    if (d === undefined) {
      d = symbol(_SYMBOL[STAGE_LOOK[stage].symbol], size).digits(1)() ?? '';
      shapes.set(k, d);
    }
    return d;
  };
  const num = (n: number) => String(Math.round(n * 10) / 10);

  const out: string[] = [];
  const ns = opts.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  out.push(
    `<svg${ns} class="saga" viewBox="0 0 ${_W} ${height}" width="${_W}" height="${height}" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc">`,
    `<title id="${opts.id}-title">${esc(`${chart.subject}: transfer reports by date`)}</title>`,
    `<desc id="${opts.id}-desc">${esc(describe(chart))}</desc>`,
  );
  if (opts.standalone) out.push(`<style>${sagaCss()}</style>`, `<rect width="${_W}" height="${height}" style="fill:var(--bg)"/>`);

  // Legend: the stages shown, what size means, what a tick on a lane means.
  const shown = STAGE_ORDER.filter((s) => chart.reports.some((r) => r.stage === s));
  let lx = _LABEL;
  out.push('<g class="legend">');
  for (const s of shown) {
    out.push(`<path class="s-${s}" d="${shape(s, 90)}" transform="translate(${lx + 6},18)"/><text x="${lx + 15}" y="22">${s}</text>`);
    lx += 24 + s.length * 7;
  }
  out.push(`<text class="muted" x="${lx + 8}" y="22">size: outlets that day${mostOutlets > 1 ? ` (1 to ${mostOutlets})` : ''}</text>`);
  if (chart.lanes.some((l) => l.leaving.length > 0)) out.push(`<text class="muted" x="${_LABEL}" y="42">| a report that names the club he would leave</text>`);
  out.push('</g>');

  // Grid and axis, across every panel.
  const ticks = x.ticks(Math.max(2, Math.floor((right - _LABEL) / 110)));
  const tickText = x.tickFormat();
  out.push('<g class="axis">');
  for (const t of ticks) {
    const tx = num(x(t));
    out.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${_M.top}" y2="${oddsBottom}"/>`);
    out.push(`<text class="muted" x="${tx}" y="${lanesBottom + 16}" text-anchor="middle">${esc(tickText(t))}</text>`);
  }
  if (undated > 0) out.push(`<text class="muted" x="${right + _UNDATED / 2}" y="${lanesBottom + 16}" text-anchor="middle">no date</text>`);
  out.push('</g>');

  // Lanes.
  const laneName = new Map(chart.lanes.map((l) => [l.key, l]));
  for (const row of rows) {
    const top = y(row.key) ?? 0;
    if (row.heading !== null) {
      out.push(`<text class="head" x="8" y="${num(top + y.bandwidth() - 6)}">${esc(row.heading)}</text>`);
      continue;
    }
    const lane = laneName.get(row.key);
    if (!lane) continue;
    const label = lane.name.length > 26 ? `${lane.name.slice(0, 25)}…` : lane.name;
    out.push(`<g class="lane" data-name="${esc(lane.name)}">`);
    out.push(`<rect class="band" x="${_LABEL}" y="${num(top)}" width="${num(_W - _M.right - _LABEL)}" height="${num(y.bandwidth())}"/>`);
    out.push(`<text class="lane-label" x="${_LABEL - 8}" y="${num(top + y.bandwidth() / 2 + 4)}" text-anchor="end">${esc(label)}<title>${esc(lane.name)}</title></text>`);
    for (const d of lane.leaving) {
      const lx2 = num(x(_day(d)));
      out.push(`<line class="leave" x1="${lx2}" x2="${lx2}" y1="${num(top + 3)}" y2="${num(top + y.bandwidth() - 3)}"><title>${esc(`${d}: a report names ${lane.name} as the club he would leave`)}</title></line>`);
    }
    out.push('</g>');
  }

  // Reports: one mark each, stacked within the lane when a day has several; a crowded day gets one
  // mark per stage, its tooltip listing the reports it stands for.
  out.push('<g class="marks">');
  for (const list of byDay.values()) {
    const first = list[0];
    if (!first) continue;
    const top = y(first.lane);
    if (top === undefined) continue;
    const cx = first.date === null ? right + _UNDATED / 2 : x(_day(first.date));
    const size = Math.round(area(outletsOf(list)));
    const groups: Report[][] = list.length <= STACK ? list.map((r) => [r]) : STAGE_ORDER.map((s) => list.filter((r) => r.stage === s)).filter((g) => g.length > 0);
    const step = Math.min(7, (y.bandwidth() - 12) / Math.max(1, groups.length - 1));
    groups.forEach((g, i) => {
      const r = g[0] as Report;
      const stage = g.reduce<Status>((a, b) => (STAGE_ORDER.indexOf(b.stage) > STAGE_ORDER.indexOf(a) ? b.stage : a), r.stage);
      const cy = top + y.bandwidth() / 2 + (i - (groups.length - 1) / 2) * step;
      const tip = g.length === 1 ? _tip(r) : `${g.length} reports, ${stage}:\n${g.slice(0, 30).map(_tip).join('\n')}${g.length > 30 ? `\n… and ${g.length - 30} more` : ''}`;
      out.push(
        `<path class="mark s-${stage}" data-reports="${g.length}" data-stage="${stage}" d="${shape(stage, size)}" transform="translate(${num(cx)},${num(cy)})"><title>${esc(tip)}</title></path>`,
      );
    });
  }
  out.push('</g>');

  if (chart.fees.length > 0 && chart.currency !== null) out.push(..._fees(chart, x, feesTop, feesBottom, num));
  if (withOdds.length > 0) out.push(..._odds(chart, withOdds, x, oddsTop, oddsBottom, num));
  out.push('</svg>');
  return out.join('\n');
}

type X = ReturnType<typeof scaleUtc<number, number>>;

/** The fees over time in the chart's currency: a dot each (hollow when estimated), a whisker for a range. */
function _fees(chart: Chart, x: X, top: number, bottom: number, num: (n: number) => string): string[] {
  const currency = chart.currency ?? 'EUR';
  const max = Math.max(...chart.fees.map((f) => f.converted.amountMax ?? f.converted.amount), 1);
  const y = scaleLinear().domain([0, max]).nice(4).range([bottom, top + 24]);
  const out = [`<g class="fees"><text class="head" x="8" y="${top + 8}">${esc(`Fees reported (${currency})`)}</text>`];
  // Few enough fees to say each one beside its dot.
  const labelled = chart.fees.length <= 12;
  for (const t of y.ticks(4)) {
    out.push(`<line class="grid" x1="${x.range()[0]}" x2="${x.range()[1]}" y1="${num(y(t))}" y2="${num(y(t))}"/>`);
    out.push(`<text class="muted" x="${(x.range()[0] ?? 0) - 8}" y="${num(y(t) + 4)}" text-anchor="end">${esc(shortMoney(t, currency, '0'))}</text>`);
  }
  for (const f of chart.fees) {
    const fx = num(x(_day(f.date)));
    const c = f.converted;
    const tip = `${f.date} · ${f.kind} · ${inCurrency(c)} · as written: ${f.text} · ${fileLine(f.file, f.line)}`;
    if (c.amountMax !== null) out.push(`<line class="whisker" x1="${fx}" x2="${fx}" y1="${num(y(c.amount))}" y2="${num(y(c.amountMax))}"/>`);
    out.push(`<circle class="fee${c.via === 'rate' ? ' est' : ''}" cx="${fx}" cy="${num(y(c.amount))}" r="3.5"><title>${esc(tip)}</title></circle>`);
    if (labelled) out.push(`<text class="muted" x="${num(x(_day(f.date)) + 7)}" y="${num(y(c.amount) + 4)}">${esc(inCurrency(c))}</text>`);
  }
  out.push('</g>');
  return out;
}

/** How likely each move is over time, a line per lane, where the reports carry a likelihood. */
function _odds(chart: Chart, reports: Report[], x: X, top: number, bottom: number, num: (n: number) => string): string[] {
  const y = scaleLinear().domain([0, 1]).range([bottom, top + 24]);
  const out = [`<g class="likelihood"><text class="head" x="8" y="${top + 8}">Likelihood of each move</text>`];
  for (const t of [0, 0.5, 1]) {
    out.push(`<line class="grid" x1="${x.range()[0]}" x2="${x.range()[1]}" y1="${num(y(t))}" y2="${num(y(t))}"/>`);
    out.push(`<text class="muted" x="${(x.range()[0] ?? 0) - 8}" y="${num(y(t) + 4)}" text-anchor="end">${t * 100}%</text>`);
  }
  const path = line<Report>()
    .x((r) => x(_day(r.date as string)))
    .y((r) => y(r.likelihood ?? 0))
    .curve(curveMonotoneX)
    .digits(1);
  for (const lane of chart.lanes) {
    const mine = reports.filter((r) => r.lane === lane.key);
    const end = mine[mine.length - 1];
    if (!end) continue;
    out.push(`<path class="odds" d="${path(mine) ?? ''}"><title>${esc(lane.name)}</title></path>`);
    for (const r of mine) out.push(`<circle class="s-${r.stage}" cx="${num(x(_day(r.date as string)))}" cy="${num(y(r.likelihood ?? 0))}" r="2.5"><title>${esc(_tip(r))}</title></circle>`);
    out.push(`<text class="muted" x="${num(x(_day(end.date as string)) + 6)}" y="${num(y(end.likelihood ?? 0) + 4)}">${esc(lane.name)}</text>`);
  }
  out.push('</g>');
  return out;
}
