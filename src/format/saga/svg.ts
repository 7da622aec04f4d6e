// A saga chart as SVG, made on the server with d3's scales and shapes (no browser, no script): time
// across, one lane per club (or player), a mark per report, then the fees and likelihoods over time.
// Colours are CSS custom properties, switched for dark pages by prefers-color-scheme.
import { scaleBand, scaleLinear, scaleSqrt, scaleUtc } from 'd3-scale';
import { curveMonotoneX, line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { utcDay, utcMonth, utcWeek, utcYear, type CountableTimeInterval } from 'd3-time';
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
  return _MARKUP.test(s) ? s.replace(_MARKUP_ALL, (ch) => _ENTITY[ch] ?? ch) : s;
}

// The two non-characters XML forbids (text reaching here is already free of control characters) go too.
const _MARKUP = /[&<>"'\uFFFE\uFFFF]/;
const _MARKUP_ALL = /[&<>"'\uFFFE\uFFFF]/g;
const _ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\uFFFE': '\uFFFD', '\uFFFF': '\uFFFD' };

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
  const span = dated.length === 0 ? 'none of them dated' : dated[0] === dated[dated.length - 1] ? `on ${dated[0]}` : `from ${dated[0]} to ${dated[dated.length - 1]}`;
  const perLane = chart.lanes
    .map((l) => {
      const mine = chart.reports.filter((r) => r.lane === l.key);
      const last = mine[mine.length - 1];
      return mine.length === 0 ? null : `${l.name} ${mine.length} (latest: ${last?.stage})`;
    })
    .filter((x) => x !== null);
  const n = chart.reports.length;
  let out = n === 0 ? `${chart.subject}: no report of a move` : `${chart.subject}: ${n} ${n === 1 ? 'report' : 'reports'} ${span}, across ${chart.lanes.length} ${chart.laneKind}`;
  if (perLane.length > 0) out += `: ${perLane.join('; ')}`;
  if (chart.folded > 0) out += ` (the ${chart.folded} ${chart.laneKind} least reported drawn as one lane, the last)`;
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

  // Dense: a lane has more reports than would leave marks apart (one per 6 pixels across). Then each
  // lane is drawn as bars of reports per week (or month, or year), stacked by stage.
  const perLane = new Map<string, number>();
  for (const r of chart.reports) perLane.set(r.lane, (perLane.get(r.lane) ?? 0) + 1);
  const dense = Math.max(0, ...perLane.values()) > (right - _LABEL) / 6;
  const undatedX = right + _UNDATED / 2;

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
  if (chart.reports.length === 0) out.push(`<text class="muted" x="${_LABEL}" y="${_M.top + 19}">No report of a move in these articles.</text>`);
  for (const s of shown) {
    const key = dense ? `<rect class="s-${s}" x="${lx + 1}" y="13" width="10" height="10"/>` : `<path class="s-${s}" d="${shape(s, 90)}" transform="translate(${lx + 6},18)"/>`;
    out.push(`${key}<text x="${lx + 15}" y="22">${s}</text>`);
    lx += 24 + s.length * 7;
  }
  const sizeNote = chart.reports.length === 0 ? '' : dense ? `bars: reports per ${_bin(x).name}, by stage` : `size: outlets that day${mostOutlets > 1 ? ` (1 to ${mostOutlets})` : ''}`;
  out.push(`<text class="muted" x="${lx + 8}" y="22">${sizeNote}</text>`);
  if (chart.lanes.some((l) => l.leaving.length > 0)) out.push(`<text class="muted" x="${_LABEL}" y="42">| a report that names the club he would leave</text>`);
  out.push('</g>');

  // Grid and axis, across every panel.
  // Nothing dated: no time to show, and no made-up year on the axis.
  const ticks = days.length === 0 ? [] : x.ticks(Math.max(2, Math.floor((right - _LABEL) / 110)));
  const multi = x.tickFormat();
  // d3 names the year only at a new year: the first tick says it too, so the reader starts knowing it.
  const tickText = (t: Date, i: number) => {
    const text = multi(t);
    return i === 0 && !/\d{4}/.test(text) ? `${text} ${t.getUTCFullYear()}` : text;
  };
  out.push('<g class="axis">');
  for (const [i, t] of ticks.entries()) {
    const tx = _n(x(t));
    out.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${_M.top}" y2="${oddsBottom}"/>`);
    out.push(`<text class="muted" x="${tx}" y="${lanesBottom + 16}" text-anchor="middle">${esc(tickText(t, i))}</text>`);
  }
  if (undated > 0) out.push(`<text class="muted" x="${right + _UNDATED / 2}" y="${lanesBottom + 16}" text-anchor="middle">no date</text>`);
  out.push('</g>');

  // Lanes.
  const laneName = new Map(chart.lanes.map((l) => [l.key, l]));
  for (const row of rows) {
    const top = y(row.key) ?? 0;
    if (row.heading !== null) {
      out.push(`<text class="head" x="8" y="${_n(top + y.bandwidth() - 6)}">${esc(row.heading)}</text>`);
      continue;
    }
    const lane = laneName.get(row.key);
    if (!lane) continue;
    const label = lane.name.length > 26 ? `${lane.name.slice(0, 25)}…` : lane.name;
    out.push(`<g class="lane" data-name="${esc(lane.name)}">`);
    out.push(`<rect class="band" x="${_LABEL}" y="${_n(top)}" width="${_n(_W - _M.right - _LABEL)}" height="${_n(y.bandwidth())}"/>`);
    out.push(`<text class="lane-label" x="${_LABEL - 8}" y="${_n(top + y.bandwidth() / 2 + 4)}" text-anchor="end">${esc(label)}<title>${esc(lane.name)}</title></text>`);
    const ticked = new Set<number>();
    for (const d of lane.leaving) {
      // One tick per pixel: a thousand reports naming his club would otherwise draw a thousand lines.
      const px = Math.round(x(_day(d)));
      if (ticked.has(px)) continue;
      ticked.add(px);
      const lx2 = String(px);
      out.push(`<line class="leave" x1="${lx2}" x2="${lx2}" y1="${_n(top + 3)}" y2="${_n(top + y.bandwidth() - 3)}"><title>${esc(`${d}: a report names ${lane.name} as the club he would leave`)}</title></line>`);
    }
    out.push('</g>');
  }

  out.push('<g class="marks">');
  if (dense) out.push(..._bars(chart.reports, x, y, undatedX));
  else out.push(..._points(byDay, x, y, undatedX, area, shape, outletsOf));
  out.push('</g>');

  if (chart.fees.length > 0 && chart.currency !== null) out.push(..._fees(chart, x, feesTop, feesBottom));
  if (withOdds.length > 0) out.push(..._odds(chart, withOdds, x, oddsTop, oddsBottom));
  out.push('</svg>');
  return out.join('\n');
}

type X = ReturnType<typeof scaleUtc<number, number>>;
type Y = ReturnType<typeof scaleBand<string>>;

/**
 * A mark per report, placed on its day in its lane, stacked when a day has several; above STACK on
 * one day, a mark per stage, its tooltip listing the reports it stands for.
 */
function _points(
  byDay: Map<string, Report[]>,
  x: X,
  y: Y,
  undatedX: number,
  area: (n: number) => number,
  shape: (stage: Status, size: number) => string,
  outletsOf: (list: Report[]) => number,
): string[] {
  const out: string[] = [];
  for (const list of byDay.values()) {
    const first = list[0];
    if (!first) continue;
    const top = y(first.lane);
    if (top === undefined) continue;
    const cx = first.date === null ? undatedX : x(_day(first.date));
    const size = Math.round(area(outletsOf(list)));
    const groups: Report[][] = list.length <= STACK ? list.map((r) => [r]) : STAGE_ORDER.map((s) => list.filter((r) => r.stage === s)).filter((g) => g.length > 0);
    const step = Math.min(7, (y.bandwidth() - 12) / Math.max(1, groups.length - 1));
    groups.forEach((g, i) => {
      const stage = (g[0] as Report).stage;
      const cy = top + y.bandwidth() / 2 + (i - (groups.length - 1) / 2) * step;
      out.push(`<path class="mark s-${stage}" data-reports="${g.length}" data-stage="${stage}" d="${shape(stage, size)}" transform="translate(${_n(cx)},${_n(cy)})"><title>${esc(_tips(g))}</title></path>`);
    });
  }
  return out;
}

/** The bins of a dense chart: the shortest of week and month that leaves each bin 3 pixels wide, else a year. */
function _bin(x: X): { name: string; interval: CountableTimeInterval } {
  const [a, b] = x.domain() as [Date, Date];
  const px = (x.range()[1] ?? 0) - (x.range()[0] ?? 0);
  for (const [name, interval] of [['week', utcWeek], ['month', utcMonth]] as const) if (px / Math.max(1, interval.count(a, b)) >= 3) return { name, interval };
  return { name: 'year', interval: utcYear };
}

/** A dense lane: per bin, a bar of its reports stacked by stage (one mark per stage and bin). */
function _bars(reports: Report[], x: X, y: Y, undatedX: number): string[] {
  const { name, interval } = _bin(x);
  const cells = new Map<string, Report[]>();
  for (const r of reports) {
    const k = `${r.lane}\u0000${r.date === null ? '' : interval.floor(_day(r.date)).toISOString().slice(0, 10)}`;
    const list = cells.get(k);
    if (list) list.push(r);
    else cells.set(k, [r]);
  }
  // The tallest bar is the busiest dated one: the "no date" column, often the largest, is cut to it.
  const most = Math.max(1, ...[...cells].filter(([k]) => !k.endsWith('\u0000')).map(([, l]) => l.length));
  // A bar's height by the square root of its count, so that one report beside a hundred still shows;
  // its stages share that height in proportion.
  const h = scaleSqrt().domain([0, most]).range([0, y.bandwidth() - 4]).clamp(true);
  const out: string[] = [];
  for (const [k, list] of cells) {
    const top = y((list[0] as Report).lane);
    if (top === undefined) continue;
    const start = k.slice(k.lastIndexOf('\u0000') + 1);
    const x0 = start === '' ? undatedX - 4 : x(_day(start));
    const x1 = start === '' ? undatedX + 4 : x(interval.offset(_day(start), 1));
    const width = Math.max(1.5, x1 - x0 - 1);
    const when = start === '' ? 'no date' : `${name} of ${start}`;
    let base = top + y.bandwidth() - 2;
    const total = Math.max(2, h(list.length));
    for (const stage of STAGE_ORDER) {
      const g = list.filter((r) => r.stage === stage);
      if (g.length === 0) continue;
      const bh = Math.max(1, (total * g.length) / list.length);
      base -= bh;
      out.push(`<rect class="mark s-${stage}" data-reports="${g.length}" data-stage="${stage}" x="${_n(x0)}" y="${_n(base)}" width="${_n(width)}" height="${_n(bh)}"><title>${esc(`${when}: ${_tips(g)}`)}</title></rect>`);
    }
  }
  return out;
}

/** The tooltip of a mark: its report, or the reports it stands for (the first 30). */
function _tips(g: Report[]): string {
  if (g.length === 1) return _tip(g[0] as Report);
  const stage = (g[0] as Report).stage;
  return `${g.length} reports, ${stage}:\n${g.slice(0, 30).map(_tip).join('\n')}${g.length > 30 ? `\n… and ${g.length - 30} more` : ''}`;
}

function _n(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The fees over time in the chart's currency: a dot each (hollow when estimated), a whisker for a range. */
function _fees(chart: Chart, x: X, top: number, bottom: number): string[] {
  const currency = chart.currency ?? 'EUR';
  const max = Math.max(...chart.fees.map((f) => f.converted.amountMax ?? f.converted.amount), 1);
  const y = scaleLinear().domain([0, max]).nice(4).range([bottom, top + 24]);
  const out = [`<g class="fees"><text class="head" x="8" y="${top + 8}">${esc(`Fees reported (${currency})`)}</text>`];
  // Few enough fees to say each one beside its dot.
  const labelled = chart.fees.length <= 12;
  for (const t of y.ticks(4)) {
    out.push(`<line class="grid" x1="${x.range()[0]}" x2="${x.range()[1]}" y1="${_n(y(t))}" y2="${_n(y(t))}"/>`);
    out.push(`<text class="muted" x="${(x.range()[0] ?? 0) - 8}" y="${_n(y(t) + 4)}" text-anchor="end">${esc(shortMoney(t, currency, '0'))}</text>`);
  }
  for (const f of chart.fees) {
    const fx = _n(x(_day(f.date)));
    const c = f.converted;
    const tip = `${f.date} · ${f.kind} · ${inCurrency(c)} · as written: ${f.text} · ${fileLine(f.file, f.line)}`;
    if (c.amountMax !== null) out.push(`<line class="whisker" x1="${fx}" x2="${fx}" y1="${_n(y(c.amount))}" y2="${_n(y(c.amountMax))}"/>`);
    out.push(`<circle class="fee${c.via === 'rate' ? ' est' : ''}" cx="${fx}" cy="${_n(y(c.amount))}" r="3.5"><title>${esc(tip)}</title></circle>`);
    // Beside the dot, the fee in the chart's currency, and as written when that was another.
    const written = c.via === 'same' ? '' : ` (${f.text.length > 24 ? `${f.text.slice(0, 23)}…` : f.text})`;
    const near = x(_day(f.date)) > (x.range()[1] ?? 0) - 180;
    if (labelled) out.push(`<text class="muted" x="${_n(x(_day(f.date)) + (near ? -7 : 7))}" y="${_n(y(c.amount) + 4)}"${near ? ' text-anchor="end"' : ''}>${esc(inCurrency(c) + written)}</text>`);
  }
  out.push('</g>');
  return out;
}

/** How likely each move is over time, a line per lane, where the reports carry a likelihood. */
function _odds(chart: Chart, reports: Report[], x: X, top: number, bottom: number): string[] {
  const y = scaleLinear().domain([0, 1]).range([bottom, top + 24]);
  const out = [`<g class="likelihood"><text class="head" x="8" y="${top + 8}">Likelihood of each move</text>`];
  for (const t of [0, 0.5, 1]) {
    out.push(`<line class="grid" x1="${x.range()[0]}" x2="${x.range()[1]}" y1="${_n(y(t))}" y2="${_n(y(t))}"/>`);
    out.push(`<text class="muted" x="${(x.range()[0] ?? 0) - 8}" y="${_n(y(t) + 4)}" text-anchor="end">${t * 100}%</text>`);
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
    for (const r of mine) out.push(`<circle class="s-${r.stage}" cx="${_n(x(_day(r.date as string)))}" cy="${_n(y(r.likelihood ?? 0))}" r="2.5"><title>${esc(_tip(r))}</title></circle>`);
    // The club's name at its line's end; above it, ending there, when the end is near the right edge.
    const ex = x(_day(end.date as string));
    const ey = y(end.likelihood ?? 0);
    const near = ex > (x.range()[1] ?? 0) - 120;
    out.push(`<text class="muted" x="${_n(near ? ex - 4 : ex + 6)}" y="${_n(near ? ey - 7 : ey + 4)}"${near ? ' text-anchor="end"' : ''}>${esc(lane.name)}</text>`);
  }
  out.push('</g>');
  return out;
}
