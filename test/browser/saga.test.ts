// The saga pages in a real browser (Debian's chromium, driven by playwright-core; `.ci/run` installs
// it): the seeds' page and a 1,000-report one open with no console error, no request beyond the page
// itself, one mark per report and a lane per club; screenshots go to test/output/ for a person to see.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubPage, playerPage } from '../../src/format/saga/html.js';
import { PlayerStory } from '../../src/schema.js';
import { freshDb, ROOT, rumours } from '../cli/_run.js';
import { FROM, syntheticStory } from '../unit/_saga.js';
import { clubLinks } from '../../src/aggregate/club.js';

const OUT = path.join(ROOT, 'test/output');
const CHROMIUM = '/usr/bin/chromium';

let context: BrowserContext;
let profile: string;
const pages: Record<string, { file: string; story?: PlayerStory }> = {};

interface Seen {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(name: string, dark = false): Promise<Seen> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  const url = pathToFileURL(pages[name]!.file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests: requests.filter((u) => u !== url) };
}

beforeAll(async () => {
  // Never skipped: without the browser the test fails and says how to get it.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (as .ci/run does)`);
  mkdirSync(OUT, { recursive: true });
  // The seeds through the store, as a user would: extract, then ask.
  const db = freshDb();
  const env = { RUMOURS_DB: db };
  expect((await rumours(['extract', 'seeds/', '--format', 'json'], { env })).status).toBe(0);
  const [html, json, club, svg] = await Promise.all([
    rumours(['player', 'Mac Allister', '--format', 'html'], { env }),
    rumours(['player', 'Mac Allister', '--format', 'json'], { env }),
    rumours(['club', 'Real Madrid', '--format', 'html'], { env }),
    rumours(['player', 'Mac Allister', '--format', 'svg'], { env }),
  ]);
  for (const r of [html, json, club, svg]) expect(r.status).toBe(0);
  const write = (name: string, text: string, story?: PlayerStory) => {
    const file = path.join(OUT, name);
    writeFileSync(file, text);
    pages[name] = story ? { file, story } : { file };
  };
  write('saga-seeds.html', html.stdout, PlayerStory.parse(JSON.parse(json.stdout)));
  write('saga-seeds.svg', svg.stdout);
  write('club-seeds.html', club.stdout);
  const many = syntheticStory(1000);
  write('saga-1000.html', playerPage(many, { base: ROOT }), many);
  const rows = many.rumours;
  write('club-1000.html', clubPage(FROM, rows, clubLinks(FROM, rows)));

  profile = mkdtempSync(path.join(os.tmpdir(), 'rumours-chromium-'));
  // One browser for every case. No script runs in these pages, and none is needed to see them.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: false,
    viewport: { width: 1040, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Every lane's club, and how many reports each mark stands for. */
async function chartOf(page: Page): Promise<{ lanes: string[]; labels: string[]; marks: number[] }> {
  const lanes = await page.locator('svg.saga .lane').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-name') ?? ''));
  const labels = await page.locator('svg.saga .lane-label').evaluateAll((ls) => ls.map((l) => l.firstChild?.textContent ?? ''));
  const marks = await page.locator('svg.saga .mark').evaluateAll((ms) => ms.map((m) => Number(m.getAttribute('data-reports'))));
  return { lanes, labels, marks };
}

function clubsOf(s: PlayerStory): string[] {
  return [...new Set(s.rumours.flatMap((r) => (r.from === null ? [r.to] : [r.from, r.to])))].sort();
}

describe('the saga page in chromium', { timeout: 30_000 }, () => {
  it("draws the seeds' Mac Allister: no error, no request, one mark per report, a lane per club", async () => {
    const { page, errors, requests } = await open('saga-seeds.html');
    const story = pages['saga-seeds.html']!.story!;
    const { lanes, labels, marks } = await chartOf(page);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(story.rumours.length).toBeGreaterThan(2);
    expect(marks).toEqual(story.rumours.map(() => 1));
    expect([...lanes].sort()).toEqual(clubsOf(story));
    expect(labels).toEqual(lanes);
    // Marks are drawn inside the chart, where a reader sees them.
    const box = await page.locator('svg.saga').boundingBox();
    for (const m of await page.locator('svg.saga .mark').all()) {
      const b = await m.boundingBox();
      expect(b && box && b.width > 4 && b.x >= box.x && b.x + b.width <= box.x + box.width).toBe(true);
    }
    // Each report's row links to its file and line.
    const links = await page.locator('table a').evaluateAll((as) => as.map((a) => a.textContent ?? ''));
    for (const r of story.rumours) expect(links).toContain(`${r.file}:${r.evidence.line}`);
    await page.screenshot({ path: path.join(OUT, 'saga-seeds.png'), fullPage: true });
    // The chart alone: the picture in the README (docs/saga-mac-allister.png) is this one.
    await page.locator('figure').screenshot({ path: path.join(OUT, 'saga-seeds-chart.png') });
    await page.close();
  });

  it('reads in the dark: the page follows prefers-color-scheme', async () => {
    const { page, errors } = await open('saga-seeds.html', true);
    const bg = await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(bg).toBe('rgb(18, 18, 18)');
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'saga-seeds-dark.png') });
    await page.close();
  });

  it('draws 1,000 reports: every report in exactly one mark, the lanes named after the clubs', async () => {
    const { page, errors, requests } = await open('saga-1000.html');
    const story = pages['saga-1000.html']!.story!;
    const { lanes, marks } = await chartOf(page);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(marks.reduce((a, b) => a + b, 0)).toBe(1000);
    expect([...lanes].sort()).toEqual(clubsOf(story));
    expect(lanes[0]).toBe(FROM);
    await page.screenshot({ path: path.join(OUT, 'saga-1000.png'), fullPage: false });
    await page.close();
  });

  it("draws a club's window: players coming in and going out", async () => {
    for (const name of ['club-seeds.html', 'club-1000.html']) {
      const { page, errors, requests } = await open(name);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      const heads = await page.locator('svg.saga text.head').allTextContents();
      expect(heads.length).toBeGreaterThan(0);
      expect((await chartOf(page)).marks.length).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(OUT, name.replace('.html', '.png')), fullPage: false });
      await page.close();
    }
  });

  it('opens the SVG alone, with its own styles', async () => {
    const { page, errors, requests } = await open('saga-seeds.svg');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('.mark').count()).toBe(pages['saga-seeds.html']!.story!.rumours.length);
    await page.close();
  });
});
