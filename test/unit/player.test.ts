import { describe, expect, it } from 'vitest';
import { byDate, playerStory } from '../../src/aggregate/player.js';
import { PlayerStory } from '../../src/schema.js';
import { article, atClub, ev, rumour } from './_articles.js';

describe('the story of a player', () => {
  const older = article('x/2024.txt', '2024-05-18', [['Alexis Mac Allister', 'Mac Allister']], {
    fees: [
      {
        text: '£35m',
        amount: 35_000_000,
        amountMax: null,
        currency: 'GBP',
        bound: 'exact',
        period: null,
        kind: 'paid',
        conversions: [],
        player: 'Mac Allister',
        evidence: ev('x/2024.txt', 50),
      },
    ],
  });
  const newer = article('a/2025.txt', '2025-09-23', [['Mac Allister'], ['Carlos Baleba']], {
    rumours: [rumour('a/2025.txt', 90, 'Mac Allister', 'Real Madrid'), rumour('a/2025.txt', 10, 'Mac Allister', 'Barcelona'), rumour('a/2025.txt', 20, 'Carlos Baleba', 'Liverpool', 'Brighton')],
    quotes: [
      { text: 'Yes, why not, I like Spain', speaker: 'Alexis Mac Allister', evidence: ev('a/2025.txt', 40) },
      { text: 'Mac Allister is vital for us', speaker: 'Arne Slot', evidence: ev('a/2025.txt', 60) },
      { text: 'We are happy with the squad', speaker: 'Arne Slot', evidence: ev('a/2025.txt', 70, '"We are happy with the squad," Slot said of MAC ALLISTER.') },
      { text: 'Baleba is a top player', speaker: 'Fabian Hurzeler', evidence: ev('a/2025.txt', 80) },
    ],
  });
  const undated = article('b.txt', null, [], { rumours: [rumour('b.txt', 5, 'Alexis Mac Allister', 'Real Madrid')] });
  const unrelated = article('c.txt', '2023-01-01', [['Mohamed Salah']]);

  it('tells it oldest article first, undated last, with every rumour, fee and quote', () => {
    const result = playerStory('alexis mac allister', [undated, newer, unrelated, older]);
    expect(result.kind).toBe('story');
    if (result.kind !== 'story') return;
    const s = PlayerStory.parse(result.story);
    expect(s.query).toBe('alexis mac allister');
    expect(s.player).toEqual({ name: 'Alexis Mac Allister', aliases: ['Mac Allister'] });
    expect(s.articles).toBe(3);
    expect([s.firstReport, s.latestReport]).toEqual(['2024-05-18', '2025-09-23']);
    expect(s.rumours.map((r) => [r.date, r.to])).toEqual([
      ['2025-09-23', 'Barcelona'],
      ['2025-09-23', 'Real Madrid'],
      [null, 'Real Madrid'],
    ]);
    expect(s.rumours[2]?.file).toBe('b.txt');
    expect(s.clubs).toEqual([
      { name: 'Real Madrid', count: 2 },
      { name: 'Barcelona', count: 1 },
    ]);
    expect(s.fees.map((f) => [f.date, f.text])).toEqual([['2024-05-18', '£35m']]);
    expect(s.quotes.map((q) => [q.relation, q.speaker])).toEqual([
      ['by', 'Alexis Mac Allister'],
      ['about', 'Arne Slot'],
      ['about', 'Arne Slot'],
    ]);
  });

  it('gives every fee also in the currency asked for, euros unless told', () => {
    const inEuros = playerStory('alexis mac allister', [newer, older]);
    expect(inEuros.kind === 'story' && inEuros.story.currency).toBe('EUR');
    expect(inEuros.kind === 'story' && inEuros.story.fees[0]?.converted).toMatchObject({ currency: 'EUR', via: 'rate', rateYear: 2024 });
    const inPounds = playerStory('alexis mac allister', [newer, older], 'GBP');
    if (inPounds.kind !== 'story') throw new Error(inPounds.kind);
    expect(inPounds.story.currency).toBe('GBP');
    expect(inPounds.story.fees.map((f) => [f.amount, f.currency, f.converted])).toEqual([
      [35_000_000, 'GBP', { amount: 35_000_000, amountMax: null, currency: 'GBP', via: 'same', rate: null, rateYear: null }],
    ]);
  });

  it('does not take a quote naming only his first name as one about him', () => {
    const a = article('j.txt', '2025-01-01', [['Jose Silva', 'Jose', 'Silva']], {
      quotes: [
        { text: 'Jose Luis is a fine president', speaker: 'Someone', evidence: ev('j.txt', 1) },
        { text: 'Silva will start on Sunday', speaker: 'Someone', evidence: ev('j.txt', 2) },
      ],
    });
    const r = playerStory('Jose Silva', [a]);
    expect(r.kind === 'story' && r.story.quotes.map((q) => q.text)).toEqual(['Silva will start on Sunday']);
  });

  it('matches forgivingly and explains a miss', () => {
    for (const q of ['Mac Allister', 'MACALLISTER', 'mac  allister']) {
      const r = playerStory(q, [newer, older]);
      expect(r.kind === 'story' && r.story.player.name).toBe('Alexis Mac Allister');
    }
    const typo = playerStory('Mac Alister', [newer, older]);
    expect(typo.kind === 'story' && [typo.story.player.name, typo.typos]).toEqual(['Alexis Mac Allister', 1]);
    expect(playerStory('Zzzzz', [newer, older])).toEqual({ kind: 'none', closest: [] });
  });

  it("tells Ashley Cole's story without Joe Cole's, though both articles call their man Cole", () => {
    const ashley = atClub(article('a.txt', '2005-01-01', [['Ashley Cole', 'Cole']], { rumours: [rumour('a.txt', 0, 'Ashley Cole', 'Chelsea', 'Arsenal')] }), 'Arsenal');
    const joe = atClub(
      article('b.txt', '2005-02-01', [['Joe Cole', 'Cole']], {
        rumours: [rumour('b.txt', 0, 'Cole', 'Liverpool', 'Chelsea')],
        quotes: [{ text: 'Cole is happy here', speaker: 'Jose Mourinho', evidence: ev('b.txt', 20) }],
      }),
      'Chelsea',
    );
    const cole = atClub(article('c.txt', '2005-03-01', [['Cole']], { rumours: [rumour('c.txt', 0, 'Cole', 'Real Madrid', 'Arsenal')] }), 'Arsenal');
    const r = playerStory('Ashley Cole', [ashley, joe, cole]);
    if (r.kind !== 'story') throw new Error(r.kind);
    expect(r.story.rumours.map((x) => [x.file, x.to])).toEqual([
      ['a.txt', 'Chelsea'],
      ['c.txt', 'Real Madrid'],
    ]);
    expect(r.story.quotes).toEqual([]);
    const j = playerStory('joe cole', [ashley, joe, cole]);
    expect(j.kind === 'story' && j.story.rumours.map((x) => x.to)).toEqual(['Liverpool']);
    expect(j.kind === 'story' && j.story.quotes.map((q) => q.relation)).toEqual(['about']);
  });

  it('tells one story for Mo Salah and Mohamed Salah', () => {
    const a = article('a.txt', '2025-01-01', [['Mohamed Salah', 'Salah']], { rumours: [rumour('a.txt', 0, 'Mohamed Salah', 'Al-Hilal')] });
    const b = article('b.txt', '2025-02-01', [['Mo Salah']], { quotes: [{ text: 'I want to stay', speaker: 'Mo Salah', evidence: ev('b.txt', 5) }] });
    const r = playerStory('Mo Salah', [b, a]);
    if (r.kind !== 'story') throw new Error(r.kind);
    expect([r.story.player, r.story.articles, r.story.rumours.length, r.story.quotes.map((q) => q.relation)]).toEqual([
      { name: 'Mohamed Salah', aliases: ['Mo Salah', 'Salah'] },
      2,
      1,
      ['by'],
    ]);
  });

  it('orders by date with nulls last and keeps the given order on ties', () => {
    const items = [{ date: null, k: 1 }, { date: '2025-01-02', k: 2 }, { date: '2024-12-31', k: 3 }, { date: '2025-01-02', k: 4 }, { date: null, k: 5 }];
    expect(byDate(items).map((x) => x.k)).toEqual([3, 2, 4, 1, 5]);
  });
});
