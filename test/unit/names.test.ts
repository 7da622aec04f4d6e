import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { findPeople } from '../../src/extract/names.js';
import type { ClubMention, Doc } from '../../src/extract/types.js';

/** Club spans for the test text, so that names are tested apart from the club recogniser. */
function clubsIn(doc: Doc, names: string[]): ClubMention[] {
  const out: ClubMention[] = [];
  for (const n of names) {
    let at = doc.text.indexOf(n);
    while (at >= 0) {
      out.push({ start: at, end: at + n.length, club: n, country: null, alias: n });
      at = doc.text.indexOf(n, at + n.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function people(text: string, clubs: string[] = []) {
  const doc = docFromText(text);
  return findPeople(doc, { clubs: clubsIn(doc, clubs), sources: [], quotes: [] });
}

const players = (text: string, clubs: string[] = []) => people(text, clubs).filter((e) => e.role === null).map((e) => e.name);

describe('names', () => {
  it('reads a name before a glued sentence ("Sancho.It") as a name, not a host name', () => {
    expect(players('United agreed terms with England forward Jadon Sancho.It had been reported.', ['United'])).toEqual(['Jadon Sancho']);
  });

  it('"free agent X" is a player, not an agent', () => {
    const es = people('Leicester want to sign free agent Ryan Bertrand this week.', ['Leicester']);
    expect(es.map((e) => [e.name, e.role])).toEqual([['Ryan Bertrand', null]]);
  });

  it('a single name is a player as the object of a transfer or the subject of a move', () => {
    expect(players('Manchester City are closing in on the signing of Rodri this week.', ['Manchester City'])).toEqual(['Rodri']);
    expect(players('Wijnaldum has chosen to join PSG over Barcelona.', ['PSG', 'Barcelona'])).toEqual(['Wijnaldum']);
  });

  it('a man sacked or put in charge is a manager; a man signed is a player', () => {
    expect(people('Chelsea have sacked Graham Potter after a poor run.', ['Chelsea']).map((e) => [e.name, e.role])).toEqual([['Graham Potter', 'manager']]);
    expect(people('Graham Potter was sacked on Sunday.').map((e) => [e.name, e.role])).toEqual([['Graham Potter', 'manager']]);
    expect(players('Manchester United have signed Fred from Shakhtar Donetsk.', ['Manchester United', 'Shakhtar Donetsk'])).toEqual(['Fred']);
  });

  it('"his squad" makes a manager of the sentence\'s subject only', () => {
    const es = people('Bayern boss Niko Kovac could see Gareth Bale as a way to bolster his squad this summer.', ['Bayern']);
    expect(es.find((e) => e.name === 'Gareth Bale')?.role).toBe(null);
    expect(people('Arne Slot is standing firm on keeping his squad together.').find((e) => e.name === 'Arne Slot')?.role).toBe('manager');
  });

  it('leaves out an outlet named without a citation ("Five Live" is no player)', () => {
    const text = "Listen to the full interview on BBC Radio Five Live's Sportsweek. Arsenal want Jose Antonio Reyes.";
    const doc = docFromText(text);
    const at = text.indexOf('BBC Radio Five Live');
    expect(people(text, ['Arsenal']).map((e) => e.name)).toContain('Five Live');
    const es = findPeople(doc, { clubs: clubsIn(doc, ['Arsenal']), sources: [], quotes: [], outletNames: [{ start: at, end: at + 'BBC Radio Five Live'.length }] });
    expect(es.map((e) => e.name)).toEqual(['Jose Antonio Reyes']);
  });

  it('links surname-only and possessive mentions to the full name', () => {
    const es = people("Liverpool midfielder Alexis Mac Allister is wanted. Mac Allister's deal runs to 2028. Mac Allister said nothing.", ['Liverpool']);
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ name: 'Alexis Mac Allister', role: null, club: 'Liverpool' });
    expect(es[0]?.aliases).toEqual(['Mac Allister']);
    expect(es[0]?.mentions).toHaveLength(3);
  });

  it('folds diacritics when linking: Konate is Ibrahima Konaté', () => {
    const es = people('Ibrahima Konaté is a target. Reports say Konate could move.');
    expect(es.map((e) => e.name)).toEqual(['Ibrahima Konaté']);
  });

  it('reads roles from the words before a name', () => {
    const es = people('Blues boss Jose Mourinho met chief executive Peter Kenyon and Arsenal defender Ashley Cole, says correspondent Fraser Gillan.', ['Arsenal']);
    const roles = Object.fromEntries(es.map((e) => [e.name, e.role]));
    expect(roles).toEqual({ 'Jose Mourinho': 'manager', 'Peter Kenyon': 'executive', 'Ashley Cole': null, 'Fraser Gillan': 'journalist' });
  });

  it("takes 'X's side' as a manager and 'X's agent' as a player", () => {
    const es = people("Arne Slot's side lost again. Thomas Gravesen's agent flew to Spain.");
    expect(es.find((e) => e.name === 'Arne Slot')?.role).toBe('manager');
    expect(es.find((e) => e.name === 'Thomas Gravesen')?.role).toBeNull();
  });

  it('keeps two people who share a surname apart', () => {
    const es = people('Ashley Cole and Joe Cole trained. Later Cole scored.');
    expect(es.map((e) => e.name).sort()).toEqual(['Ashley Cole', 'Joe Cole']);
    expect(es.find((e) => e.name === 'Joe Cole')?.mentions).toHaveLength(2);
  });

  it('drops sentence-initial common words, places, acronyms and credits', () => {
    const es = people('However, Sources in Spain say Carlos Baleba is wanted by PSG. Merseyside is quiet. (Image credit: Robbie Jay Barratt - AMA/Getty Images)');
    expect(es.map((e) => e.name)).toEqual(['Carlos Baleba']);
  });

  it('accepts a single name only with support: a role word, or a list beside other names', () => {
    const es = people('Brazilian teenager Endrick will join Vinicius Jnr and Rodrygo. Nothing else happened on Tuesday.');
    expect(es.map((e) => e.name).sort()).toEqual(['Endrick', 'Rodrygo', 'Vinicius Jnr']);
  });

  it('merges Mo Salah and Mohamed Salah', () => {
    const es = people('Mohamed Salah is out of contract. Mo Salah wants to stay.');
    expect(es).toHaveLength(1);
    expect(es[0]?.aliases).toContain('Mo Salah');
  });

  it('never throws on odd text', () => {
    for (const t of ['', "'s", 'A B C D E F G H I J K L M N O P', 'van', "O'", '-'.repeat(1000), 'Ab '.repeat(5000)]) {
      expect(() => people(t)).not.toThrow();
    }
  });
});
