import { describe, expect, it } from 'vitest';
import { byDate, closestPlayers, editDistance, findPlayer, foldName, knownPlayers, matchRank, nameKey, playerStory } from '../../src/aggregate/player.js';
import { PlayerStory, type Article, type Evidence, type Rumour } from '../../src/schema.js';

function ev(file: string, start: number, sentence = 's'): Evidence {
  return { file, start, end: start + 3, line: 1, sentence };
}

function article(file: string, date: string | null, players: Array<[string, ...string[]]>, extra: Partial<Article> = {}): Article {
  return {
    file,
    date,
    hash: '0'.repeat(64),
    title: null,
    warnings: [],
    players: players.map(([name, ...aliases], i) => ({ name, aliases, mentions: 1, club: null, evidence: ev(file, i * 10) })),
    people: [],
    clubs: [],
    fees: [],
    quotes: [],
    sources: [],
    rumours: [],
    ...extra,
  };
}

function rumour(file: string, start: number, player: string, to: string, from: string | null = 'Liverpool'): Rumour {
  return { player, from, to, status: 'interest', window: null, fee: null, source: null, evidence: ev(file, start) };
}

describe('folding names', () => {
  it('folds case, accents, punctuation and letters without decomposition', () => {
    expect(foldName('Ibrahima Konaté')).toBe('ibrahima konate');
    expect(foldName("N'Golo  Kanté")).toBe('n golo kante');
    expect(foldName('Martin Ødegaard')).toBe('martin odegaard');
    expect(foldName('Thomas Müller')).toBe('thomas muller');
    expect(foldName('Trent Alexander-Arnold')).toBe('trent alexander arnold');
    expect(foldName('Łukasz Fabiański')).toBe('lukasz fabianski');
    expect(nameKey('Mac Allister')).toBe(nameKey('MacAllister'));
  });

  it('ranks whole names over surnames over other words', () => {
    expect(matchRank('alexis mac allister', 'Alexis Mac Allister')).toBe(3);
    expect(matchRank('Mac Allister', 'Alexis Mac Allister')).toBe(2);
    expect(matchRank('MacAllister', 'Alexis Mac Allister')).toBe(2);
    expect(matchRank('Konate', 'Ibrahima Konaté')).toBe(2);
    expect(matchRank('alexander arnold', 'Trent Alexander-Arnold')).toBe(2);
    expect(matchRank('Ibrahima Konate', 'Konaté')).toBe(2);
    expect(matchRank('Alexis', 'Alexis Mac Allister')).toBe(1);
    expect(matchRank('Allister Mac', 'Alexis Mac Allister')).toBe(0);
    expect(matchRank('Salah', 'Alexis Mac Allister')).toBe(0);
    expect(matchRank('', 'Alexis Mac Allister')).toBe(0);
    expect(matchRank('Mac', 'Alexis Mac Allister')).toBe(1);
  });

  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('mac alister', 'mac allister')).toBe(1);
  });
});

describe('knowing players across articles', () => {
  it('joins the forms of one player and a surname-only mention to the one full name ending with it', () => {
    const players = knownPlayers([
      article('a.txt', null, [['Alexis Mac Allister'], ['Mohamed Salah', 'Salah']]),
      article('b.txt', null, [['Mac Allister'], ['Salah']]),
      article('c.txt', null, [['Alexis Mac Allister', 'Mac Allister']]),
    ]);
    expect(players.map((p) => [p.name, p.aliases])).toEqual([
      ['Alexis Mac Allister', ['Mac Allister']],
      ['Mohamed Salah', ['Salah']],
    ]);
  });

  it('leaves a surname alone when several full names end with it', () => {
    const players = knownPlayers([article('a.txt', null, [['Bernardo Silva'], ['Thiago Silva']]), article('b.txt', null, [['Silva']])]);
    expect(players.map((p) => p.name)).toEqual(['Bernardo Silva', 'Silva', 'Thiago Silva']);
  });

  it('does not join two players through a shared first name', () => {
    const players = knownPlayers([article('a.txt', null, [['Jose Reyes', 'Jose', 'Reyes']]), article('b.txt', null, [['Jose Silva', 'Jose']])]);
    expect(players.map((p) => p.name)).toEqual(['Jose Reyes', 'Jose Silva']);
    expect(findPlayer('jose', players)).toEqual({ kind: 'ambiguous', candidates: ['Jose Reyes', 'Jose Silva'] });
  });

  it('counts players named only in rumours and fees', () => {
    const a = article('a.txt', null, [], { rumours: [rumour('a.txt', 0, 'Joao Amaral', 'Aston Villa')] });
    expect(knownPlayers([a]).map((p) => p.name)).toEqual(['Joao Amaral']);
  });

  it('finds one player, says when several fit, and names the closest when none does', () => {
    const players = knownPlayers([article('a.txt', null, [['Alexis Mac Allister'], ['Kevin Mac Allister'], ['Ibrahima Konaté'], ['Carlos Baleba']])]);
    expect(findPlayer('konate', players)).toMatchObject({ kind: 'one', player: { name: 'Ibrahima Konaté' } });
    expect(findPlayer('alexis mac allister', players)).toMatchObject({ kind: 'one', player: { name: 'Alexis Mac Allister' } });
    expect(findPlayer('Mac Allister', players)).toEqual({ kind: 'ambiguous', candidates: ['Alexis Mac Allister', 'Kevin Mac Allister'] });
    const miss = findPlayer('Balebba', players);
    expect(miss.kind === 'none' && miss.closest).toHaveLength(3);
    expect(miss.kind === 'none' && miss.closest[0]).toBe('Carlos Baleba');
    expect(closestPlayers('konatte', players, 1)).toEqual(['Ibrahima Konaté']);
    expect(findPlayer('anyone', [])).toEqual({ kind: 'none', closest: [] });
  });
});

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
    expect(playerStory('Mac Alister', [newer, older])).toEqual({ kind: 'none', closest: ['Alexis Mac Allister', 'Carlos Baleba'] });
  });

  it('orders by date with nulls last and keeps the given order on ties', () => {
    const items = [{ date: null, k: 1 }, { date: '2025-01-02', k: 2 }, { date: '2024-12-31', k: 3 }, { date: '2025-01-02', k: 4 }, { date: null, k: 5 }];
    expect(byDate(items).map((x) => x.k)).toEqual([3, 2, 4, 1, 5]);
  });
});
