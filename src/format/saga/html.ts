// A saga as one self-contained page: the chart (inline SVG), then the reports, fees and quotes it
// was drawn from, each linked to its file. No script and nothing fetched: the page's own policy
// forbids both, so it reads the same offline, from a mail attachment or a CMS.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PlayerStory } from '../../schema.js';
import type { ClubLink, RumourRow } from '../../store/shapes.js';
import { clean, fileLine, shortMoney } from '../_text.js';
import type { Sink } from '../sink.js';
import type { ChartFormat } from '../kinds.js';
import { inCurrency } from '../story.js';
import { clubChart, playerChart, type Chart } from './model.js';
import { STAGE_ORDER } from './palette.js';
import { chartSvg, describe, esc, sagaCss } from './svg.js';

/** Where the page's links point: file URLs resolved from `base` (the directory the command ran in). */
export interface PageOptions {
  base: string;
}

const _PAGE_CSS = [
  'body{margin:0 auto;max-width:1000px;padding:16px 20px 40px;color:var(--ink);line-height:1.45}',
  'h1{font-size:22px;margin:8px 0 4px}h2{font-size:16px;margin:28px 0 8px}',
  'a{color:inherit}.saga p.lead{color:var(--muted);margin:0 0 12px}',
  'figure{margin:0}figure svg{max-width:100%;height:auto}figcaption{color:var(--muted);font-size:12px;margin-top:4px}',
  'table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:3px 8px 3px 0;border-bottom:1px solid var(--grid);vertical-align:top}',
  'th{font-weight:600}td.num{white-space:nowrap}td.file{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}',
  'blockquote{margin:0 0 12px;padding-left:12px;border-left:3px solid var(--grid)}blockquote p{margin:0}blockquote footer{color:var(--muted);font-size:12px}',
  ...STAGE_ORDER.map((s) => `.saga .st-${s}::before{content:"\\25CF\\00A0";color:var(--s-${s})}`),
].join('\n');

function _page(title: string, body: string[], footer: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The page may load nothing and run nothing: its styles are inline, its chart is SVG.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>\n${sagaCss()}\n${_PAGE_CSS}\n</style>`,
    '</head>',
    '<body class="saga">',
    ...body,
    `<p class="lead">${esc(footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A link to the file (opened at the file: browsers have no line anchors in plain text), showing `file:line`. */
function _fileLink(file: string, line: number | null, opts: PageOptions): string {
  const text = esc(fileLine(file, line));
  if (file === '-') return text;
  // An article gives many facts: its URL is made once.
  const key = `${opts.base}\u0000${file}`;
  let href = _hrefs.get(key);
  if (href === undefined) {
    href = esc(pathToFileURL(path.resolve(opts.base, file)).href);
    if (_hrefs.size > 10_000) _hrefs.clear();
    _hrefs.set(key, href);
  }
  return `<a href="${href}">${text}</a>`;
}

const _hrefs = new Map<string, string>();

function _figure(chart: Chart): string[] {
  return ['<figure>', chartSvg(chart, { id: 'saga', standalone: false }), `<figcaption>${esc(describe(chart))}</figcaption>`, '</figure>'];
}

function _stage(s: string): string {
  return `<span class="st-${esc(s)}">${esc(s)}</span>`;
}

function _table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['<p class="lead">None.</p>'];
  return ['<table>', `<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`, '<tbody>', ...rows.map((r) => `<tr>${r.join('')}</tr>`), '</tbody>', '</table>'];
}

/** `rumours player NAME --format html`. */
export function playerPage(s: PlayerStory, opts: PageOptions): string {
  const chart = playerChart(s);
  const name = clean(s.player.name);
  const td = (v: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${v}</td>`;
  const aliases = s.player.aliases.map(clean).filter((a) => a !== '');
  const span = s.firstReport === null ? 'no dated article' : s.firstReport === s.latestReport ? s.firstReport : `${s.firstReport} to ${s.latestReport}`;
  const body = [
    `<h1>${esc(name)}</h1>`,
    `<p class="lead">${esc(`${aliases.length > 0 ? `Also ${aliases.join(', ')}. ` : ''}${s.articles} ${s.articles === 1 ? 'article' : 'articles'}, ${span}.`)}</p>`,
    ..._figure(chart),
    '<h2>Reports</h2>',
    ..._table(
      ['Date', 'Move', 'Stage', 'Fee', 'Outlet', 'Read in'],
      s.rumours.map((r) => [
        td(esc(r.date ?? '-'), 'num'),
        td(esc(r.from === null ? `→ ${clean(r.to)}` : `${clean(r.from)} → ${clean(r.to)}`)),
        td(_stage(r.status)),
        td(esc(r.fee ? shortMoney(r.fee.amount, r.fee.currency, r.fee.text) || '-' : '-'), 'num'),
        td(esc(r.source === null ? '-' : clean(r.source) || '-')),
        td(_fileLink(r.file, r.evidence.line, opts), 'file'),
      ]),
    ),
    '<h2>Fees</h2>',
    ..._table(
      ['Date', `In ${esc(s.currency)}`, 'As written', 'Kind', 'Read in'],
      s.fees.map((f) => [
        td(esc(f.date ?? '-'), 'num'),
        td(esc(inCurrency(f.converted) || '-'), 'num'),
        td(esc(clean(f.text) || '-')),
        td(esc(f.kind + (f.period ? ` (per ${f.period})` : ''))),
        td(_fileLink(f.file, f.evidence.line, opts), 'file'),
      ]),
    ),
    ...(s.fees.some((f) => f.converted?.via === 'rate') ? ['<p class="lead">≈ estimated at the average rate of the article’s year; other amounts are the article’s own.</p>'] : []),
    '<h2>Quotes</h2>',
    ...(s.quotes.length === 0 ? ['<p class="lead">None.</p>'] : []),
    ...s.quotes.map((q) => {
      const who = q.relation === 'by' ? `by ${name}` : `about him${q.speaker ? `, by ${clean(q.speaker)}` : ''}`;
      return `<blockquote><p>“${esc(clean(q.text))}”</p><footer>${esc(`${q.date ?? 'no date'} · ${who}`)} · ${_fileLink(q.file, q.evidence.line, opts)}</footer></blockquote>`;
    }),
  ];
  return _page(`${name}: transfer saga`, body, 'Made by rumours from the articles linked above; each fact links to the file it was read from, at the line given.');
}

/** `rumours club NAME --format html`: the players linked in and out, by stage, over time. */
export function clubPage(club: string, rows: RumourRow[], links: ClubLink[]): string {
  const chart = clubChart(club, rows);
  const name = clean(club);
  const ins = links.filter((l) => l.direction === 'in').length;
  const td = (v: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${v}</td>`;
  const body = [
    `<h1>${esc(name)}</h1>`,
    `<p class="lead">${esc(`${ins} ${ins === 1 ? 'player' : 'players'} linked with coming in, ${links.length - ins} with going out; ${rows.length} ${rows.length === 1 ? 'report' : 'reports'}.`)}</p>`,
    ..._figure(chart),
    '<h2>Players</h2>',
    ..._table(
      ['', 'Player', 'Other club', 'Latest stage', 'Reports', 'First', 'Latest', 'Latest fee'],
      links.map((l) => [
        td(l.direction === 'in' ? 'in' : 'out'),
        td(esc(clean(l.player))),
        td(esc(l.club === null ? '-' : clean(l.club))),
        td(_stage(l.status)),
        td(String(l.reports), 'num'),
        td(esc(l.firstReport ?? '-'), 'num'),
        td(esc(l.latestReport ?? '-'), 'num'),
        td(esc(l.fee === null ? '-' : clean(l.fee.text))),
      ]),
    ),
  ];
  return _page(`${name}: transfer window`, body, `Made by rumours from its store. Each mark's tooltip gives the file and line of its report; rumours player NAME --format html gives a player's reports with links to them.`);
}

/** The chart alone, as an SVG file of its own (for embedding). */
export function playerSvg(s: PlayerStory): string {
  return `${chartSvg(playerChart(s), { id: 'saga', standalone: true })}\n`;
}

export function clubSvg(club: string, rows: RumourRow[]): string {
  return `${chartSvg(clubChart(club, rows), { id: 'saga', standalone: true })}\n`;
}

/** Write a player's saga as a page or as the chart alone. */
export function writePlayerSaga(format: ChartFormat, s: PlayerStory, out: Sink, opts: PageOptions): void {
  out.write(format === 'html' ? playerPage(s, opts) : playerSvg(s));
}

export function writeClubSaga(format: ChartFormat, club: string, rows: RumourRow[], links: ClubLink[], out: Sink): void {
  out.write(format === 'html' ? clubPage(club, rows, links) : clubSvg(club, rows));
}
