// `rumours sources` on articles whose right answer is known (fixtures/sources): Sky Sports reports
// Chelsea's bid for Lukaku first, BBC Sport reports Chelsea have no interest, Five Live reports
// Arsenal in talks for Ben White, and Lukaku completes his move to Chelsea later. Sky Sports gets
// the credit, the BBC (one row for BBC Sport and Five Live) the miss and an open call. And --as-of
// never looks ahead: an earlier likelihood is the same whether or not later articles are stored.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_DOCUMENTS } from '../../src/store/shapes.js';
import { rumours, type Ran } from './_run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const all = { RUMOURS_DB: path.join(dir, 'all.db') };
const early = { RUMOURS_DB: path.join(dir, 'early.db') };

const r: Record<string, Ran> = {};

beforeAll(async () => {
  await Promise.all([
    rumours(['extract', 'fixtures/sources', '-q', '-f', 'json'], { env: all }),
    rumours(['extract', 'fixtures/sources/01-bid.txt', 'fixtures/sources/02-denied.txt', '-q', '-f', 'json'], { env: early }),
  ]);
  const runs = {
    table: rumours(['sources', '-f', 'json'], { env: all }),
    csv: rumours(['sources', '-f', 'csv'], { env: all }),
    arsenal: rumours(['sources', '--club', 'Arsenal', '-f', 'json'], { env: all }),
    before: rumours(['sources', '--until', '2021-07-01', '-f', 'json'], { env: all }),
    min: rumours(['sources', '--min', '2', '-f', 'json'], { env: all }),
    asOf: rumours(['rumours', '--as-of', '2021-06-10', '-f', 'json'], { env: all }),
    earlyOnly: rumours(['rumours', '-f', 'json'], { env: early }),
    club: rumours(['club', 'Chelsea', '--as-of', '2021-06-10', '-f', 'json'], { env: all }),
  };
  const done = await Promise.all(Object.values(runs));
  Object.keys(runs).forEach((k, i) => (r[k] = done[i] as Ran));
}, 60_000);

const items = (ran: Ran | undefined) => STORE_DOCUMENTS.sources.parse(JSON.parse(ran?.stdout ?? '{}')).items;

describe('rumours sources', () => {
  it('credits the outlet that called the move first, and gives the miss to the one that denied it', () => {
    const rows = items(r.table);
    expect(rows.map((x) => x.source)).toEqual(['Sky Sports', 'BBC']);
    expect(rows[0]).toMatchObject({ kind: 'outlet', reported: 1, confirmed: 1, contradicted: 0, open: 0, hitRate: 1, first: 1, medianDaysAhead: 72 });
    // BBC Sport and Five Live are one row: the denied move (completed later) and Ben White's open one.
    expect(rows[1]).toMatchObject({ reported: 2, confirmed: 0, contradicted: 1, open: 1, hitRate: 0, first: 1 });
    // "1 of 1" is far from a sure thing.
    expect(rows[0]!.low).toBeLessThan(0.25);
  });

  it('filters by club, by day (nothing later is read) and by a minimum of moves', () => {
    expect(items(r.arsenal).map((x) => [x.source, x.reported, x.open])).toEqual([['BBC', 1, 1]]);
    // Before the move was completed, the BBC's denial stood: as of then, it was right and Sky Sports wrong.
    expect(items(r.before).map((x) => [x.source, x.confirmed, x.contradicted, x.open])).toEqual([['BBC', 1, 0, 1], ['Sky Sports', 0, 1, 0]]);
    expect(items(r.min).map((x) => x.source)).toEqual(['BBC']);
  });

  it('prints CSV with one header and a row per source', () => {
    const lines = r.csv!.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('source,kind,reported,confirmed,contradicted,open,hit_rate,low,high,days_ahead,first');
    expect(lines).toHaveLength(3);
  });
});

describe('--as-of', () => {
  it('never looks ahead: what was known on a day is weighed the same with or without later articles stored', () => {
    const asOf = JSON.parse(r.asOf!.stdout).items as Array<{ file: string; likelihood: number; reasons: string[] }>;
    const early = JSON.parse(r.earlyOnly!.stdout).items as typeof asOf;
    expect(asOf.map((x) => path.basename(x.file))).toEqual(['01-bid.txt', '02-denied.txt']);
    expect(asOf.map((x) => [x.likelihood, x.reasons])).toEqual(early.map((x) => [x.likelihood, x.reasons]));
  });

  it("gives a club's moves as likely as they looked that day", () => {
    const links = STORE_DOCUMENTS.club.parse(JSON.parse(r.club!.stdout)).items;
    const early = JSON.parse(r.earlyOnly!.stdout).items as Array<{ likelihood: number }>;
    expect(links.map((l) => [l.player, l.status, l.likelihood])).toEqual([['Romelu Lukaku', 'denied', early[1]!.likelihood]]);
  });
});
