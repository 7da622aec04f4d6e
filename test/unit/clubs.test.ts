import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { findClubs } from '../../src/extract/clubs.js';
import { clubByName, clubKnowledge, isClubWord, lookupClub } from '../../src/knowledge/clubs.js';
import { loadData } from '../../src/knowledge/_load.js';
import { expectLinear, tenthAndWhole } from './_linear.js';

function clubs(text: string) {
  return findClubs(docFromText(text));
}

/** The distinct canonical names found, in order of first mention. */
function names(text: string): string[] {
  return [...new Set(clubs(text).map((m) => m.club))];
}

/** "alias→club" for each mention. */
function pairs(text: string): string[] {
  return clubs(text).map((m) => `${m.alias}→${m.club}`);
}

describe('club table', () => {
  it('looks up names, short forms, nicknames and stadiums whatever the case and accents', () => {
    expect(lookupClub('Man Utd')?.name).toBe('Manchester United');
    expect(lookupClub('the gunners')?.name).toBe('Arsenal');
    expect(lookupClub('Santiago Bernabéu')?.name).toBe('Real Madrid');
    expect(lookupClub('santiago bernabeu')?.name).toBe('Real Madrid');
    expect(lookupClub('Bayern München')?.name).toBe('Bayern Munich');
    expect(lookupClub('Barça')?.name).toBe('Barcelona');
    expect(lookupClub('Liverpool FC')?.name).toBe('Liverpool');
    expect(lookupClub('FC Porto')?.name).toBe('Porto');
    expect(lookupClub('Brighton and Hove Albion')?.name).toBe('Brighton & Hove Albion');
    expect(lookupClub('Paris St-Germain')?.country).toBe('fr');
  });

  it('uses the usual English names as canonical', () => {
    for (const n of ['Real Madrid', 'Manchester United', 'Brighton & Hove Albion', 'Bayern Munich', 'Paris Saint-Germain', 'Lille', 'Inter Milan', 'AC Milan', 'Atletico Madrid', 'Tottenham Hotspur', 'Heart of Midlothian']) {
      expect(clubByName(n), n).not.toBeNull();
    }
    expect(lookupClub('Internazionale')?.name).toBe('Inter Milan');
    expect(lookupClub('Olympique Lyonnais')?.name).toBe('Lyon');
  });

  it('does not take leagues, cups, countries or context-dependent words as clubs', () => {
    for (const w of ['Premier League', 'Champions League', 'Carabao Cup', 'LaLiga', 'England', 'Spain', 'United', 'the Reds']) {
      expect(lookupClub(w), w).toBeNull();
    }
  });

  it('tells the name recogniser which single words are clubs', () => {
    expect(isClubWord('Chelsea')).toBe(true);
    expect(isClubWord('Spurs')).toBe(true);
    expect(isClubWord('PSG')).toBe(true);
    expect(isClubWord('Santos')).toBe(false); // also a common surname
    expect(isClubWord('Gerrard')).toBe(false);
  });

  it('names only existing clubs in the curated context rules', () => {
    const cur = loadData<{ contextual: { candidates: string[]; default?: string }[]; descriptors: { places: Record<string, unknown> } }>('club-curated.json');
    const missing: string[] = [];
    for (const r of cur.contextual) for (const n of [...r.candidates, ...(r.default ? [r.default] : [])]) if (!clubByName(n)) missing.push(n);
    for (const v of Object.values(cur.descriptors.places)) if (Array.isArray(v)) for (const n of v as string[]) if (!clubByName(n)) missing.push(n);
    expect(missing).toEqual([]);
    expect(clubKnowledge().clubs.length).toBeGreaterThan(1000);
  });
});

describe('findClubs', () => {
  it('reads a club name after a first name as a surname, even a first name that starts a club ("Tom Tomsk")', () => {
    const text = 'Crystal Palace are said to be interested in the Leeds winger Tom Barrow, and so are Real Madrid, according to several reports this week.';
    expect(names(text)).toEqual(['Crystal Palace', 'Leeds United', 'Real Madrid']);
  });

  it('finds official names, short forms, nicknames and stadiums', () => {
    expect(names('Manchester United and Man Utd both appear, as do Spurs and PSG.')).toEqual(['Manchester United', 'Tottenham Hotspur', 'Paris Saint-Germain']);
    expect(pairs('Los Blancos want the midfielder.')).toEqual(['Los Blancos→Real Madrid']);
    expect(pairs('The Toffees and the Gunners met at Goodison Park.')).toEqual(['The Toffees→Everton', 'the Gunners→Arsenal', 'Goodison Park→Everton']);
  });

  it('reads a stadium used for its club', () => {
    expect(names('The midfielder is highly valued at Anfield.')).toEqual(['Liverpool']);
    expect(names('He is a player of interest at the Bernabéu this winter.')).toEqual(['Real Madrid']);
  });

  it('handles possessives and keeps the words as written', () => {
    const ms = clubs('Liverpool’s midfield needs help and Real Madrid’s scouts know it.');
    expect(ms.map((m) => m.alias)).toEqual(['Liverpool', 'Real Madrid']);
    expect(ms[0]).toMatchObject({ start: 0, end: 9, club: 'Liverpool', country: 'eng' });
  });

  it('takes the longest name', () => {
    expect(pairs('Manchester United beat Manchester City at home.')).toEqual(['Manchester United→Manchester United', 'Manchester City→Manchester City']);
    expect(pairs('He left Newcastle United for Sheffield Wednesday.')).toEqual(['Newcastle United→Newcastle United', 'Sheffield Wednesday→Sheffield Wednesday']);
  });

  it('requires proper capitalisation except for acronyms', () => {
    expect(names('The arsenal of weapons at their disposal is real.')).toEqual([]);
    expect(names('Psg and psg are not written like this, PSG is.')).toEqual(['Paris Saint-Germain']);
  });

  it('resolves "the Reds", "the Blues" and "United" from the clubs the article names', () => {
    expect(pairs('Liverpool are in form. The Reds won again.')).toEqual(['Liverpool→Liverpool', 'The Reds→Liverpool']);
    expect(pairs('Nottingham Forest have a new striker. The Reds paid £20m.')).toEqual(['Nottingham Forest→Nottingham Forest', 'The Reds→Nottingham Forest']);
    expect(pairs('Everton are ready to sell, and the Blues want £30m.')).toEqual(['Everton→Everton', 'the Blues→Everton']);
    expect(names('Newcastle United rejected the offer. United want more.')).toEqual(['Newcastle United']);
    expect(clubs('Newcastle United rejected the offer. United want more.')).toHaveLength(2);
    // Nothing to resolve against: no club.
    expect(names('The Reds won again and United lost.')).toEqual([]);
  });

  it('resolves "Real" and "Madrid" to Real Madrid when it is named', () => {
    expect(names('Real Betis drew with Real Madrid, and Real moved third.')).toEqual(['Real Betis', 'Real Madrid']);
    expect(pairs('Real Madrid are keen. Madrid have asked about him.').at(-1)).toBe('Madrid→Real Madrid');
  });

  it('resolves descriptors like "the Spanish giants" to a named club of that country', () => {
    expect(pairs('Real Madrid are watching him. The LaLiga giants could bid in January.')).toEqual(['Real Madrid→Real Madrid', 'The LaLiga giants→Real Madrid']);
    expect(pairs('Bayern Munich want him, and the Bundesliga champions have money.').at(-1)).toBe('the Bundesliga champions→Bayern Munich');
    expect(names('The Spanish giants are interested.')).toEqual([]);
  });

  it('leaves out national teams, countries, leagues and cups', () => {
    expect(names('The England international won the Champions League and the Carabao Cup in the Premier League era.')).toEqual([]);
    expect(names('He moved to Spain and played in LaLiga for Argentina.')).toEqual([]);
  });

  it('leaves out web addresses and image credits', () => {
    expect(names('Watch more on ShotsTV.com and read Liverpool.com today.')).toEqual([]);
    expect(names('According to Marca (via Liverpool.com), Chelsea are keen.')).toEqual(['Chelsea']);
    expect(names('The forward celebrates (Image credit: Arsenal FC via Getty Images)')).toEqual([]);
  });

  it('tells the town from the club', () => {
    expect(names('He bought a flat in Liverpool and moved to the city of Newcastle.')).toEqual([]);
    expect(names('A Liverpool-born striker signed for Everton.')).toEqual(['Everton']);
    expect(names('Newcastle want a striker.')).toEqual(['Newcastle United']);
    expect(names('The Liverpool Echo says Chelsea are keen.')).toEqual(['Chelsea']);
  });

  it('does not read surnames and first names as clubs', () => {
    expect(names('Bobby Charlton watched the game with Chelsea Clinton.')).toEqual([]);
    expect(names('Nelson Semedo and Danny Rose spoke to Fernando Santos.')).toEqual([]);
    expect(names('Santos said the deal was close.')).toEqual([]);
    expect(names('Brazilian side Santos want the winger.')).toEqual(['Santos']);
  });

  it('tells Sheffield Wednesday from the day', () => {
    const ms = clubs('Sheffield Wednesday lost on Wednesday night. Wednesday have signed a striker. He played last Wednesday, 3 March, against Wednesday.');
    expect(ms.map((m) => m.start)).toEqual([0, 45, 121]);
  });

  it('reads a word the article uses as a surname as the person throughout', () => {
    expect(names('Clarke Carlisle joined Burnley in the summer. Carlisle said he was happy.')).toEqual(['Burnley']);
    expect(names('Carlisle United won again. Carlisle are top, and Clarke Carlisle watched.')).toEqual(['Carlisle United']);
  });

  it('ignores surnames in a team sheet', () => {
    expect(names('Arsenal: Lehmann, Lauren, Cole (Clichy 70), Chester, Derby (Reading 80), Gillingham.')).toEqual(['Arsenal']);
  });

  it('returns sorted, non-overlapping mentions and never throws on odd input', () => {
    for (const t of ['', ' ', '\u0000\u0001', '’’’', 'the the the', '&&&', 'FC', 'Real', '🙂 Chelsea 🙂', 'x'.repeat(5000), 'Liverpool. '.repeat(2000)]) {
      const ms = clubs(t);
      for (let i = 1; i < ms.length; i++) expect((ms[i] as { start: number }).start).toBeGreaterThanOrEqual((ms[i - 1] as { end: number }).end);
    }
    expect(names('🙂 Chelsea 🙂')).toEqual(['Chelsea']);
  });

  it('stays linear on long adversarial text', () => {
    const text = 'Real '.repeat(20000) + 'a.'.repeat(20000) + '(Image credit: ' + 'x'.repeat(50000) + ' the Spanish '.repeat(5000);
    expectLinear(tenthAndWhole(text, (t) => t), clubs);
  });
});
