import { describe, expect, it } from 'vitest';
import { clubLinks } from '../../src/aggregate/club.js';
import type { RumourRow } from '../../src/store/shapes.js';

function row(date: string, player: string, from: string | null, to: string, status: RumourRow['status'] = 'interest'): RumourRow {
  return { date, player, from, to, status, window: null, feeAmount: null, feeCurrency: null, feeText: null, source: null, file: `${date}.txt`, line: 1, start: 0, end: 5 };
}

describe('a club’s links', () => {
  it('gives one line per player and direction, his forms merged, namesakes kept apart', () => {
    const rows = [
      row('2005-01-01', 'Ashley Cole', 'Arsenal', 'Chelsea'),
      row('2005-02-01', 'Joe Cole', 'Chelsea', 'Liverpool'),
      row('2005-03-01', 'Cole', 'Arsenal', 'Chelsea', 'bid'),
      row('2005-04-01', 'Mo Salah', 'Chelsea', 'Roma', 'agreed'),
      row('2005-05-01', 'Mohamed Salah', 'Chelsea', 'Roma', 'completed'),
    ];
    expect(clubLinks('Chelsea', rows).map((l) => [l.direction, l.player, l.club, l.status, l.reports, l.firstReport, l.latestReport])).toEqual([
      ['in', 'Ashley Cole', 'Arsenal', 'bid', 2, '2005-01-01', '2005-03-01'],
      ['out', 'Mohamed Salah', 'Roma', 'completed', 2, '2005-04-01', '2005-05-01'],
      ['out', 'Joe Cole', 'Liverpool', 'interest', 1, '2005-02-01', '2005-02-01'],
    ]);
  });
});
