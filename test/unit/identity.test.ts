import { describe, expect, it } from 'vitest';
import { resolveClose, typosAllowed } from '../../src/knowledge/similar.js';
import { closePlayer, findPlayer, foldName, knownPlayers, matchRank, nameKey, playerRows } from '../../src/aggregate/identity.js';
import { article, atClub, rumour } from './_articles.js';

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

  it('forgives a typo or two, more in longer names, and nothing in short ones', () => {
    expect(typosAllowed(3)).toBe(0);
    expect(typosAllowed(4)).toBe(1);
    expect(typosAllowed(9)).toBe(2);
    const items = ['liverpool', 'liverpoolmontevideo'].map((k) => ({ item: k, keys: [k], whole: [k] }));
    expect(resolveClose('liverpol', items)).toEqual({ kind: 'one', item: 'liverpool', typos: 1 });
    expect(resolveClose('zzzzz', items)).toEqual({ kind: 'none', suggestions: [] });
    expect(resolveClose('liverpoo1xx', items)).toMatchObject({ kind: 'none', suggestions: ['liverpool'] });
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
    // A typo or two: the one close name is taken, and said to be taken.
    expect(findPlayer('Balebba', players)).toMatchObject({ kind: 'one', player: { name: 'Carlos Baleba' }, typos: 1 });
    expect(findPlayer('konatte', players)).toMatchObject({ kind: 'one', player: { name: 'Ibrahima Konaté' }, typos: 1 });
    expect(findPlayer('MacAllister', players).kind).toBe('ambiguous');
    // Nothing close: no unrelated names suggested.
    expect(findPlayer('Zzzzz', players)).toEqual({ kind: 'none', closest: [] });
    expect(closePlayer('Balebaaaa', players)).toEqual({ kind: 'none', closest: ['Carlos Baleba'] });
    expect(findPlayer('anyone', [])).toEqual({ kind: 'none', closest: [] });
  });
});

describe('one player, however the articles spell him', () => {
  it('joins spellings of one given name and of Jnr, not surnames', () => {
    expect(nameKey('Mo Salah')).toBe(nameKey('Mohamed Salah'));
    expect(nameKey('Mohammed Salah')).toBe(nameKey('Mohamed Salah'));
    expect(nameKey('Vinicius Jnr')).toBe(nameKey('Vinícius Júnior'));
    expect(nameKey('Vini Jr')).toBe(nameKey('Vinícius Júnior'));
    expect(nameKey('Ashley Cole')).not.toBe(nameKey('Joe Cole'));
    expect(matchRank('Mo Salah', 'Mohamed Salah')).toBe(3);
    // foldName stays a plain fold: the spellings are the comparison's, not the text's.
    expect(foldName('Mo Salah')).toBe('mo salah');
  });

  it('merges Mo Salah and Mohamed Salah, Vinicius Jnr and Vinícius Júnior, Konate and Ibrahima Konaté', () => {
    const players = knownPlayers([
      article('a.txt', null, [['Mohamed Salah', 'Salah'], ['Vinícius Júnior', 'Vinícius'], ['Ibrahima Konaté']]),
      article('b.txt', null, [['Mo Salah'], ['Vinicius Jnr'], ['Konate']]),
      article('c.txt', null, [['Trent Alexander-Arnold'], ['Alexander-Arnold']]),
    ]);
    expect(players.map((p) => [p.name, p.aliases])).toEqual([
      ['Ibrahima Konaté', ['Konate']],
      ['Mohamed Salah', ['Mo Salah', 'Salah']],
      ['Trent Alexander-Arnold', ['Alexander-Arnold']],
      ['Vinícius Júnior', ['Vinicius Jnr', 'Vinícius']],
    ]);
    expect(findPlayer('mo salah', players)).toMatchObject({ kind: 'one', player: { name: 'Mohamed Salah' } });
    expect(findPlayer('Vini Jr', players)).toMatchObject({ kind: 'one', player: { name: 'Vinícius Júnior' } });
  });

  it('keeps Ashley Cole and Joe Cole apart, and lets the club place a "Cole" alone', () => {
    const ashley = atClub(article('a.txt', null, [['Ashley Cole', 'Cole']]), 'Arsenal');
    const joe = atClub(article('b.txt', null, [['Joe Cole', 'Cole']]), 'Chelsea');
    const coleAtArsenal = atClub(article('c.txt', null, [['Cole']]), 'Arsenal');
    const coleNowhere = article('d.txt', null, [['Cole']]);
    const players = knownPlayers([ashley, joe, coleAtArsenal, coleNowhere]);
    expect(players.map((p) => [p.name, p.aliases])).toEqual([
      ['Ashley Cole', ['Cole']],
      ['Cole', []],
      ['Joe Cole', ['Cole']],
    ]);
    // "Cole" names three identities, so it is none's own: a story keeps to what each article says.
    expect(players.every((p) => !p.own.has('cole'))).toBe(true);
    expect(players[0]?.byArticle.get(coleAtArsenal)).toEqual(new Set(['cole']));
    expect(findPlayer('Joe Cole', players)).toMatchObject({ kind: 'one', player: { name: 'Joe Cole' } });
    expect(findPlayer('cole', players).kind).toBe('ambiguous');
  });

  it('takes the club a rumour says he leaves as his club', () => {
    const a = atClub(article('a.txt', null, [['Ashley Cole']]), 'Arsenal');
    const j = atClub(article('b.txt', null, [['Joe Cole']]), 'Chelsea');
    const c = article('c.txt', null, [], { rumours: [rumour('c.txt', 0, 'Cole', 'Chelsea', 'Arsenal')] });
    expect(knownPlayers([a, j, c]).map((p) => [p.name, p.aliases])).toEqual([
      ['Ashley Cole', ['Cole']],
      ['Joe Cole', []],
    ]);
  });
});

describe('the rows of one player', () => {
  const rows = [
    { player: 'Ashley Cole', from: 'Arsenal', to: 'Chelsea' },
    { player: 'Joe Cole', from: 'Chelsea', to: 'Liverpool' },
    { player: 'Cole', from: 'Arsenal', to: 'Real Madrid' },
    { player: 'Mo Salah', from: 'Liverpool', to: 'Al-Hilal' },
  ];

  it('keeps his rows, a surname alone at his club included, and not his namesake', () => {
    const to = (q: string) => playerRows(q, rows).rows.map((r) => r.to);
    expect(to('Ashley Cole')).toEqual(['Chelsea', 'Real Madrid']);
    expect(to('joe cole')).toEqual(['Liverpool']);
    expect(to('Mohamed Salah')).toEqual(['Al-Hilal']);
    expect(to('Mohamed Salha')).toEqual(['Al-Hilal']);
  });

  it('keeps the rows of every player a query fits, and none for a stranger', () => {
    expect(playerRows('Cole', rows).rows.map((r) => r.to)).toEqual(['Chelsea', 'Liverpool', 'Real Madrid']);
    expect(playerRows('Zidane', rows).rows).toEqual([]);
  });
});
