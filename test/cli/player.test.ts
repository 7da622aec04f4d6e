// `rumours player` end to end, on the bundled seeds and the fixtures.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORY_CSV_COLUMNS } from '../../src/format/story.js';
import { PlayerStory } from '../../src/schema.js';
import { freshDb, lines, rumours, type Ran } from './_run.js';

let r: Record<string, Ran>;

beforeAll(async () => {
  const runs = {
    bundled: rumours(['player', 'Mac Allister']),
    table: rumours(['player', 'konate', 'seeds/', '--format', 'table']),
    csv: rumours(['player', 'alexis mac allister', 'seeds/', 'no/such/dir', '--format', 'csv']),
    miss: rumours(['player', 'Mac Alister Zzz', 'seeds/', 'fixtures/articles']),
    pounds: rumours(['player', 'Mac Allister', '--currency', 'GBP', '--format', 'json']),
    poundsTable: rumours(['player', 'mac allister', 'seeds/', '--currency', 'gbp', '--format', 'table']),
    ashley: rumours(['player', 'Ashley Cole', 'fixtures/namesakes', '--format', 'json']),
    mo: rumours(['player', 'Mo Salah', 'fixtures/namesakes', '--format', 'json']),
    cole: rumours(['player', 'Cole', 'fixtures/namesakes']),
  };
  const done = await Promise.all(Object.values(runs));
  r = Object.fromEntries(Object.keys(runs).map((k, i) => [k, done[i] as Ran]));
}, 60_000);

describe('rumours player', () => {
  it('reads the bundled seeds without PATH, says so, and tells the story oldest first as JSON', () => {
    const { stdout, stderr, status } = r.bundled!;
    expect(status).toBe(0);
    expect(lines(stderr)).toEqual(['rumours: no PATH given: reading the bundled sample articles in seeds']);
    const story = PlayerStory.parse(JSON.parse(stdout));
    expect(story.query).toBe('Mac Allister');
    expect(story.player.name).toBe('Alexis Mac Allister');
    expect(story.articles).toBeGreaterThanOrEqual(2);
    expect(story.firstReport! <= story.latestReport!).toBe(true);
    const dates = [...story.rumours, ...story.fees, ...story.quotes].map((x) => x.date);
    expect(dates.length).toBeGreaterThan(0);
    for (const list of [story.rumours, story.fees, story.quotes]) {
      const d = list.map((x) => x.date ?? '9999');
      expect(d).toEqual([...d].sort());
    }
    expect(story.fees.some((f) => f.amount === 120_000_000 && f.currency === 'EUR' && f.date === '2025-09-23')).toBe(true);
    expect(story.currency).toBe('EUR');
    expect(story.fees.every((f) => f.converted === null || f.converted.currency === 'EUR')).toBe(true);
  });

  it("gives each fee in pounds with --currency GBP: the article's own £105m for its €120million", () => {
    const { stdout, status } = r.pounds!;
    expect(status).toBe(0);
    const story = PlayerStory.parse(JSON.parse(stdout));
    expect(story.currency).toBe('GBP');
    const asking = story.fees.find((f) => f.amount === 120_000_000 && f.currency === 'EUR');
    expect(asking?.text).toBe('€120million (£105m, $141.5m)');
    expect(asking?.converted).toEqual({ amount: 105_000_000, amountMax: null, currency: 'GBP', via: 'article', rate: null, rateYear: null });
    for (const f of story.fees.filter((f) => f.converted?.via === 'rate')) {
      expect(f.converted?.rateYear).toBe(Number(f.date?.slice(0, 4)));
    }
  });

  it('shows the fees in pounds beside them as written, estimates marked', () => {
    const { stdout, stderr, status } = r.poundsTable!;
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const out = lines(stdout);
    const fees = out.slice(out.indexOf('Fees') + 1, out.indexOf('Quotes'));
    expect(fees[0]).toMatch(/^ {2}DATE\s+IN GBP\s+AS WRITTEN\s+KIND\s+FILE$/);
    expect(fees).toContainEqual(expect.stringMatching(/^ {2}2025-09-23\s+£105m\s+€120million \(£105m, \$141\.5m\)\s+asking\s/));
    expect(fees.some((l) => /^ {2}\S+\s+≈£/.test(l))).toBe(fees.some((l) => l.includes('≈ estimated')));
  });

  it('matches without the accent and prints a report for people', () => {
    const { stdout, stderr, status } = r.table!;
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const out = lines(stdout);
    expect(out[0]).toMatch(/Konat[eé]/);
    expect(out[1]).toMatch(/^\d+ articles?, /);
    expect(out).toEqual(expect.arrayContaining(['Rumours', 'Fees', 'Quotes']));
  });

  it('prints a CSV timeline and still exits 2 when an input could not be read', () => {
    const { stdout, stderr, status } = r.csv!;
    expect(status).toBe(2);
    expect(stderr).toBe('rumours: no/such/dir: no such file or directory\n');
    const rows = parse(stdout) as string[][];
    expect(rows[0]).toEqual(STORY_CSV_COLUMNS);
    expect(rows.slice(1).every((row) => ['rumour', 'fee', 'quote'].includes(row[0] ?? ''))).toBe(true);
    const col = (name: string) => STORY_CSV_COLUMNS.indexOf(name);
    const fee = rows.find((row) => row[0] === 'fee' && row[col('amount')] === '120000000');
    expect([fee?.[col('converted_amount')], fee?.[col('converted_currency')], fee?.[col('converted_via')]]).toEqual(['120000000', 'EUR', 'same']);
  });

  it('names the closest players and exits 1 when none matches', () => {
    const { stdout, stderr, status } = r.miss!;
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toHaveLength(2);
    // Only names above the similarity cut-off are suggested.
    expect(lines(stderr)[1]).toBe('rumours: no player matches "Mac Alister Zzz"; closest: Alexis Mac Allister');
  });

  it('keeps Ashley Cole and Joe Cole apart: a "Cole" alone at Arsenal is Ashley, a quote on Joe is not about him', () => {
    const { stdout, status } = r.ashley!;
    expect(status).toBe(0);
    const story = PlayerStory.parse(JSON.parse(stdout));
    expect(story.player).toEqual({ name: 'Ashley Cole', aliases: ['Cole'] });
    expect(story.rumours.map((x) => [x.file, x.from, x.to])).toEqual([
      ['fixtures/namesakes/01-ashley.txt', 'Arsenal', 'Chelsea'],
      ['fixtures/namesakes/03-cole.txt', 'Arsenal', 'Real Madrid'],
    ]);
    expect(story.quotes).toEqual([]);
    expect(r.cole!.status).toBe(1);
    expect(r.cole!.stderr).toContain('"Cole" fits several players: Ashley Cole, Joe Cole; give more of the name');
  });

  it('tells Mo Salah and Mohamed Salah as one player, from the files and from the store alike', async () => {
    const { stdout, status } = r.mo!;
    expect(status).toBe(0);
    const story = PlayerStory.parse(JSON.parse(stdout));
    expect(story.player).toEqual({ name: 'Mohamed Salah', aliases: ['Mo Salah'] });
    expect(story.rumours.map((x) => x.to)).toEqual(['Al-Hilal', 'Al-Ittihad']);
    expect(story.quotes.map((q) => [q.relation, q.speaker])).toEqual([['by', 'Mo Salah']]);
    const db = freshDb();
    const env = { RUMOURS_DB: db };
    expect((await rumours(['extract', 'fixtures/namesakes', '--format', 'ndjson'], { env })).status).toBe(0);
    for (const q of ['Mo Salah', 'Mohammed Salah']) {
      const stored = await rumours(['player', q, '--format', 'json'], { env });
      expect(stored.stderr).toBe('');
      expect({ ...JSON.parse(stored.stdout), query: 'Mo Salah' }).toEqual(JSON.parse(stdout));
    }
  });
});
