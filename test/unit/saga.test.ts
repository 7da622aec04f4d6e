// The saga charts without a browser: what the model puts in lanes, what the SVG and the page hold,
// the terminal timeline. (test/browser/ opens the pages in chromium.)
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { clubChart, MAX_LANES, playerChart } from '../../src/format/saga/model.js';
import { clubPage, playerPage, playerSvg } from '../../src/format/saga/html.js';
import { sagaLines, SPARK_CELLS } from '../../src/format/saga/spark.js';
import { chartSvg, STACK } from '../../src/format/saga/svg.js';
import { storyTable } from '../../src/format/story.js';
import type { PlayerStory } from '../../src/schema.js';
import type { RumourRow } from '../../src/store/shapes.js';
import { FROM, syntheticStory } from './_saga.js';

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });
const ANSI = /\u001b\[[0-9;]*m/g;

/** The first `n` reports of the synthetic story, the rest of it cut to match. */
function small(n: number): PlayerStory {
  const s = syntheticStory(1000);
  const rumours = s.rumours.slice(0, n);
  const files = new Set(rumours.map((r) => r.file));
  return { ...s, rumours, fees: s.fees.filter((f) => files.has(f.file)), quotes: [] };
}

function marks(svg: string): number[] {
  return [...svg.matchAll(/class="mark [^"]*" data-reports="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('saga model', () => {
  it('gives a lane to the club he would leave first, then to each club in the order the saga reached it', () => {
    const chart = playerChart(small(40));
    expect(chart.lanes[0]?.name).toBe(FROM);
    expect(chart.lanes[0]?.leaving.length).toBeGreaterThan(0);
    const firstSeen = [...new Set(small(40).rumours.map((r) => r.to))];
    expect(chart.lanes.slice(1).map((l) => l.name)).toEqual(firstSeen);
    expect(chart.reports).toHaveLength(40);
  });

  it('folds the least reported lanes into one past MAX_LANES, losing no report', () => {
    const s = small(200);
    const rumours = s.rumours.map((r, i) => ({ ...r, to: `Club ${i % 40}` }));
    const chart = playerChart({ ...s, rumours });
    expect(chart.lanes).toHaveLength(MAX_LANES);
    expect(chart.lanes.at(-1)?.name).toBe('Other clubs');
    expect(chart.folded).toBe(41 - MAX_LANES + 1);
    expect(playerSvg({ ...s, rumours })).toContain(`(the ${chart.folded} clubs least reported drawn as one lane, the last)`);
    expect(chart.reports).toHaveLength(200);
    const keys = new Set(chart.lanes.map((l) => l.key));
    for (const r of chart.reports) expect(keys.has(r.lane)).toBe(true);
  });

  it("splits a club's window into players coming in and going out", () => {
    const row = (player: string, from: string | null, to: string, date: string): RumourRow => ({
      date, player, from, to, status: 'interest', window: null, fee: null, source: null, likelihood: 0.5, reasons: [], file: 'a.txt', evidence: { file: 'a.txt', start: 0, end: 1, line: 1, sentence: 's' },
    });
    const chart = clubChart('Arsenal', [row('Ann One', 'Porto', 'Arsenal', '2025-01-01'), row('Bob Two', 'Arsenal', 'Roma', '2025-01-02'), row('Ann One', 'Porto', 'Arsenal', '2025-02-01')]);
    expect(chart.lanes.map((l) => [l.group, l.name])).toEqual([['Coming in', 'Ann One'], ['Going out', 'Bob Two']]);
    expect(chart.reports.map((r) => r.move)).toEqual(['Ann One: Porto → Arsenal', 'Bob Two: Arsenal → Roma', 'Ann One: Porto → Arsenal']);
  });

  it('takes a likelihood where a rumour carries one, and none where it does not', () => {
    const s = small(3);
    const rumours = s.rumours.map((r, i) => (i === 1 ? { ...r, likelihood: 0.7 } : r));
    expect(playerChart({ ...s, rumours }).reports.map((r) => r.likelihood)).toEqual([null, 0.7, null]);
  });
});

describe('saga SVG', () => {
  it('draws one mark per report on a sparse saga, each with its outlet, stage and file:line as tooltip', () => {
    const s = small(12);
    const svg = chartSvg(playerChart(s), { id: 't', standalone: true });
    const titles = [...svg.matchAll(/<path class="mark[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1] ?? '');
    const sameDay = new Map<string, number>();
    for (const r of s.rumours) sameDay.set(`${r.to}|${r.date}`, (sameDay.get(`${r.to}|${r.date}`) ?? 0) + 1);
    expect(Math.max(...sameDay.values())).toBeLessThanOrEqual(STACK);
    expect(marks(svg)).toEqual(s.rumours.map(() => 1));
    for (const r of s.rumours) {
      const tip = titles.find((t) => t.includes(`${r.file}:${r.evidence.line}`));
      expect(tip).toContain(r.status);
      expect(tip).toContain(r.source === null ? 'no outlet named' : r.source);
    }
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<desc id="t-desc">');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('is the same for the same story (no clock, no randomness)', () => {
    const s = small(50);
    expect(playerSvg(s)).toBe(playerSvg(structuredClone(s)));
  });

  it('draws a single report, and an undated one, without a broken scale', () => {
    const one = small(1);
    const svg = playerSvg(one);
    expect(marks(svg)).toEqual([1]);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    const undated = playerSvg({ ...one, rumours: one.rumours.map((r) => ({ ...r, date: null })), fees: [] });
    expect(marks(undated)).toEqual([1]);
    expect(undated).toContain('no date');
    expect(undated).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('bins a dense saga into bars that add up to every report, and stays small', () => {
    const svg = playerSvg(syntheticStory(3000));
    expect(svg).toContain('bars: reports per');
    const m = marks(svg);
    expect(m.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(m.length).toBeLessThan(3000);
    expect(svg.length).toBeLessThan(2_000_000);
  });

  it('draws the likelihood panel only when reports carry a likelihood', () => {
    const s = small(30);
    expect(playerSvg(s)).not.toContain('class="likelihood"');
    const rumours = s.rumours.map((r, i) => ({ ...r, likelihood: (i % 10) / 10 }));
    const svg = playerSvg({ ...s, rumours });
    expect(svg).toContain('class="likelihood"');
    expect(svg.match(/class="odds"/g)?.length).toBe(new Set(rumours.map((r) => r.to)).size);
  });

  it('escapes what the articles wrote: a club or outlet cannot inject markup', () => {
    const s = small(2);
    const rumours = s.rumours.map((r) => ({ ...r, to: '<script>alert(1)</script>\u0007\uFFFF', source: 'A & "B"' }));
    const page = playerPage({ ...s, rumours, player: { name: 'X <img src=x>', aliases: [] } }, { base: '/tmp' });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('A &amp; &quot;B&quot;');
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
  });

  it('says so when there is no report to draw, with no axis of made-up dates', () => {
    const s = small(3);
    const svg = playerSvg({ ...s, rumours: [], fees: [] });
    expect(marks(svg)).toEqual([]);
    expect(svg).toContain('No report of a move in these articles.');
    expect(svg).toContain('no report of a move');
    expect(svg).not.toMatch(/NaN|undefined|Infinity|>[^<]*2000/);
  });
});

describe('saga page', () => {
  it('is one page that loads nothing: no script, no external URL, links to each file', () => {
    const s = small(20);
    const page = playerPage(s, { base: '/data' });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).toContain('prefers-color-scheme:dark');
    expect(page).not.toMatch(/<script|<link|<img|https?:\/\/(?!www\.w3\.org)/);
    for (const r of s.rumours) expect(page).toContain(`<a href="file:///data/${r.file}">${r.file}:${r.evidence.line}</a>`);
  });

  it("gives a club's window with its players", () => {
    const s = small(30);
    const rows = s.rumours;
    const page = clubPage(FROM, rows, []);
    expect(page).toContain('Going out');
    expect(marks(page).reduce((a, b) => a + b, 0)).toBe(30);
  });
});

describe('terminal timeline', () => {
  it('starts the player table: a line per club, each as wide, then the dates', () => {
    const s = small(40);
    const table = storyTable(s, plain);
    const lines = sagaLines(s, plain).trimEnd().split('\n');
    expect(table.indexOf('Timeline')).toBeLessThan(table.indexOf('Rumours'));
    expect(table).toContain(lines[0]);
    const lanes = playerChart(s).lanes;
    expect(lines).toHaveLength(lanes.length + 1);
    lanes.forEach((l, i) => expect(lines[i]?.trimStart().startsWith(l.name)).toBe(true));
    const cells = lines.slice(0, -1).map((l) => [...l].filter((ch) => '·│▁▂▃▄▆█'.includes(ch)).length);
    expect(new Set(cells)).toEqual(new Set([SPARK_CELLS]));
    expect(lines.at(-1)?.trim()).toMatch(new RegExp(`^${s.rumours[0]?.date} +${s.rumours.at(-1)?.date}$`));
  });

  it('colours by stage only when colour is on', () => {
    const s = small(40);
    expect(sagaLines(s, plain)).not.toMatch(ANSI);
    const c = sagaLines(s, coloured);
    expect(c).toMatch(ANSI);
    expect(c.replace(ANSI, '')).toBe(sagaLines(s, plain));
  });

  it('is left out when no report has a date', () => {
    const s = small(3);
    expect(sagaLines({ ...s, rumours: s.rumours.map((r) => ({ ...r, date: null })) }, plain)).toBe('');
  });
});
