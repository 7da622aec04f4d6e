// Readings that real transfer news needed (issue "Rumours a reader would find"): who sells, who buys,
// who is a person rather than a player, and when a short text tells a move at all. The rules are
// tested alone (model: null) where a rule is what is tested.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/analyse.js';
import { runRoles } from '../../src/aggregate/roles.js';
import { docFromText } from '../../src/extract/doc.js';
import { modelFromJson } from '../../src/knowledge/relation-model.js';
import { isExcerpt } from '../../src/relate/pairs.js';

type Opts = Parameters<typeof extractFacts>[1];
const facts = (text: string, opts: Opts = { model: null }) => extractFacts(docFromText(text), opts);
const rumours = (text: string, opts: Opts = { model: null }) => facts(text, opts).rumours.map((r) => `${r.player}: ${r.from ?? '?'} -> ${r.to} (${r.status})`);
const players = (text: string) => facts(text).players.map((p) => p.name);
const people = (text: string) => facts(text).people.map((p) => `${p.name}: ${p.role}`);

describe('who sells and who buys', () => {
  it('makes the club that turns a bid down the seller', () => {
    expect(rumours('Manchester United have had a £67m bid for England winger Jadon Sancho turned down by Borussia Dortmund.')).toEqual([
      'Jadon Sancho: Borussia Dortmund -> Manchester United (bid)',
    ]);
  });

  it('reads "Chelsea target Lukaku" as Chelsea wanting him, not as his club', () => {
    expect(facts('Chelsea target Romelu Lukaku has told Inter Milan he wants to leave.').players[0]?.club).toBeNull();
    expect(rumours('Chelsea target Romelu Lukaku has told Inter Milan he wants to leave if they receive a suitable offer.')).toEqual([
      'Romelu Lukaku: Inter Milan -> Chelsea (bid)',
    ]);
  });

  it('makes the club a buyer deals with the seller, and the club a player talks to the buyer', () => {
    expect(rumours('Aston Villa have made an offer to Porto for midfielder Tiago Morais.')).toEqual(['Tiago Morais: Porto -> Aston Villa (bid)']);
    expect(rumours('West Ham are in talks with Celta Vigo over forward Maxi Gomez.')).toEqual(['Maxi Gomez: Celta Vigo -> West Ham United (talks)']);
    expect(rumours('Leeds United have agreed a deal with Valencia to sign forward Rodrigo Moreno.')).toEqual(['Rodrigo Moreno: Valencia -> Leeds United (agreed)']);
    expect(rumours('Paul Pogba is in talks with Juventus over a return.')).toEqual(['Paul Pogba: ? -> Juventus (talks)']);
    expect(rumours('Youri Tielemans will undergo a medical at Leicester on Saturday as the club near an agreement with Monaco for the midfielder.')).toEqual([
      'Youri Tielemans: Monaco -> Leicester City (agreed)',
    ]);
    expect(rumours('Valencia are playing hardball with Manchester City over a fee for winger Ferran Torres.')).not.toContain('Ferran Torres: Manchester City -> Valencia (interest)');
  });

  it('reads the marker before a club described ("to French side Lyon")', () => {
    expect(rumours('Liverpool have agreed a deal to sell playmaker Xherdan Shaqiri to French side Lyon.')).toEqual(['Xherdan Shaqiri: Liverpool -> Lyon (agreed)']);
  });

  it('takes the club in the words that point to him as his own ("the Fiorentina striker")', () => {
    expect(rumours('Arsenal retain a strong interest in Dusan Vlahovic but will find it difficult to sign the Fiorentina striker.')).toEqual([
      'Dusan Vlahovic: Fiorentina -> Arsenal (interest)',
    ]);
  });

  it('reads "his move from X" and "X exit" as the club he leaves', () => {
    expect(rumours('Nolberto Solano has been frustrated since his move from Newcastle, and Aston Villa are keen on him.', {})).toEqual([
      'Nolberto Solano: Newcastle United -> Aston Villa (interest)',
    ]);
    expect(rumours('Striker Nicolas Anelka is in talks over a Manchester City exit, with Fenerbahce keen.')).toEqual(['Nicolas Anelka: Manchester City -> Fenerbahce (interest)']);
  });

  it('makes the club that turns offers down the seller, and a club that only owns a noun neither', () => {
    expect(rumours("Birmingham have rejected Blackburn's £2m bid for midfielder Robbie Savage.")).toEqual(['Robbie Savage: Birmingham City -> Blackburn Rovers (rejected)']);
    expect(rumours("Captain Steven Gerrard is central to Liverpool's plans and Parry's insistence that all offers will be refused is a firm statement of intent.")).toEqual([]);
  });

  it("makes the club of the man who wants him the buyer ('Inter Milan boss Antonio Conte wants a reunion')", () => {
    expect(rumours('Inter Milan boss Antonio Conte wants a reunion with his former Juventus player Arturo Vidal in January.')).toEqual([
      'Arturo Vidal: Juventus -> Inter Milan (interest)',
    ]);
    expect(rumours('Borussia Dortmund are looking into the possibility of signing Emre Can from Juventus in January.')).toEqual(['Emre Can: Juventus -> Borussia Dortmund (interest)']);
  });

  it('gives a relative clause to the man just before it', () => {
    expect(rumours('Dragan Mladenovic will replace former Rangers midfielder Mikel Arteta, who has been loaned to Everton.')).toEqual([
      'Mikel Arteta: Rangers -> Everton (completed)',
    ]);
  });

  it('starts his other moves at the club a done move took him to, but not at a loan club', () => {
    const text = 'Douglas Luiz signed for Aston Villa from Manchester City in 2019. Manchester City are now weighing up a bid to bring Luiz back, and Juventus are keen on the midfielder too.';
    const r = facts(text, {}).rumours.filter((x) => x.status !== 'completed');
    expect(r.length).toBeGreaterThan(0);
    for (const x of r) expect(x.from).toBe('Aston Villa');
    const loan = 'Ethan Ampadu has returned from a loan spell at RB Leipzig. Sheffield United are in talks over a season-long loan for the Chelsea defender.';
    expect(facts(loan, {}).rumours.find((x) => x.to === 'Sheffield United')?.from).not.toBe('RB Leipzig');
  });
});

describe('stage', () => {
  it('is no rejection when someone "refused to comment", and no move when a man "moved to play down" reports', () => {
    expect(rumours('Arsenal boss Arsene Wenger refused to comment on a move for Jens Lehmann this week.').map((r) => r.endsWith('(rejected)'))).not.toContain(true);
    expect(rumours('Jose Antonio Reyes had moved to play down reports linking him with a transfer to Real Madrid.').map((r) => r.endsWith('(completed)'))).not.toContain(true);
  });

  it('reads "joined Aston Villa in the race" as interest, not a move to Villa', () => {
    expect(rumours('Brighton have joined Aston Villa in the race to sign the Arsenal goalkeeper Emiliano Martinez.')).toEqual([
      'Emiliano Martinez: Arsenal -> Aston Villa (interest)',
    ]);
  });

  it("lets a club's denial in the lede cover the interest listed below it", () => {
    const text = [
      'Wenger rules out new keeper',
      'Arsenal boss Arsene Wenger says he has no plans to sign a new goalkeeper during the January transfer window.',
      'Arsenal have been linked with Middlesbrough keeper Mark Schwarzer and Parma goalkeeper Sebastien Frey.',
    ].join('\n\n');
    expect(rumours(text)).toEqual(['Mark Schwarzer: Middlesbrough -> Arsenal (denied)', 'Sebastien Frey: Parma -> Arsenal (denied)']);
  });
});

describe('people who are not players', () => {
  it('joins a role named without a name to the new name that speaks next', () => {
    expect(people("Juninho's agent has confirmed that the player is hoping for talks. Brian Hassell says no approach has been made.")).toEqual(['Brian Hassell: agent']);
    expect(people("Real are closing in on Thomas Gravesen after the Dane's agent travelled to Spain. John Sivabaek told BBC Sport: \"I'm here to listen.\"")).toEqual(['John Sivabaek: agent']);
  });

  it('gives the man a successor replaces the post the successor takes', () => {
    expect(people('The former England coach will be unveiled as the successor to Dave Jones at a news conference.')).toEqual(['Dave Jones: coach']);
  });

  it('keeps one role for one man across a run', () => {
    const elsewhere = facts('Manchester City manager Kevin Keegan has praised his side.');
    const roles = runRoles([elsewhere]);
    expect(roles.get('kevin keegan')).toBe('manager');
    const here = 'If a bid comes in for Nicolas Anelka I will speak to the board and then speak to Kevin Keegan.';
    expect(players(here)).toContain('Kevin Keegan');
    const reread = facts(here, { model: null, roles });
    expect(reread.players.map((p) => p.name)).not.toContain('Kevin Keegan');
    expect(reread.people.map((p) => `${p.name}: ${p.role}`)).toEqual(['Kevin Keegan: manager']);
  });
});

describe('names as written', () => {
  it('takes a given name used alone, again and again, for a player', () => {
    expect(players('Inter have started talks with Manchester City for Danilo. Inter are offering Danilo less than his current wages.')).toEqual(['Danilo']);
  });

  it('keeps "Can" in Emre Can before a preposition', () => {
    expect(players('Borussia Dortmund are looking into signing Emre Can from Juventus in January.')).toEqual(['Emre Can']);
  });

  it('names nobody with a demonym, a word before a position, or a competition', () => {
    expect(players('Manchester City are delighted to announce the signing of Spanish midfielder Rodri.')).toEqual(['Rodri']);
    expect(players('Gareth Bale is set to sign for Chinese Super League outfit Jiangsu Suning.')).toEqual(['Gareth Bale']);
  });

  it('reads a sentence thick with names as prose, not title case ("Fikayo Tomori" is no club)', () => {
    const f = facts("Everton are exploring moves for Southampton's Mario Lemina and Chelsea's Fikayo Tomori, Sky Sports News understands.");
    expect(f.players.map((p) => p.name)).toEqual(['Mario Lemina', 'Fikayo Tomori']);
    expect(f.clubs.map((c) => c.name)).toEqual(['Everton', 'Southampton', 'Chelsea']);
  });

  it('reads "between Villa and Digne" as a club beside a man, not his description', () => {
    expect(facts('Personal terms between Villa and Lucas Digne are not expected to be a problem.').players[0]?.club).toBeNull();
  });

  it('resolves "Villa" and "Palace" alone to Aston Villa and Crystal Palace', () => {
    expect(facts('Villa have stepped up their pursuit of the Arsenal goalkeeper Emiliano Martinez.').clubs.map((c) => c.name)).toEqual(['Aston Villa', 'Arsenal']);
    expect(facts('Palace are preparing an offer for the right back.').clubs.map((c) => c.name)).toEqual(['Crystal Palace']);
  });
});

describe('when a short text tells a move', () => {
  it('scores the plain sentences of an excerpt that talks of the market somewhere', () => {
    const text = 'Manchester United are favourites to land Ajax midfielder Donny van de Beek, sources have told ESPN.';
    expect(isExcerpt(docFromText(text))).toBe(true);
    expect(rumours(text, {})).toEqual(['Donny van de Beek: Ajax -> Manchester United (interest)']);
  });

  it('finds no move in a short injury note', () => {
    const text = 'Chelsea are without defender Kwame Mensah, who is suspended for the trip to Fulham. Mensah limped off in the win over Brentford.';
    expect(rumours(text, {})).toEqual([]);
  });
});

describe('the seller the model reads', () => {
  it('is never a club only ever called his former one ("the former Brighton star")', () => {
    // A model that reads any club after "former" as the one he leaves, and every other pair as a move.
    const model = modelFromJson({
      schema: 'rumours-relation-model/1',
      classes: ['none', 'to', 'from'],
      bias: [0, 0, 0],
      weights: { 'lead:former': [0, 0, 4] },
      thresholds: { to: 0.3, toArticle: 0.3, from: 0.5, link: 0.5, own: 0.2 },
    });
    const text = 'Real Madrid want to sign Alexis Mac Allister, the former Brighton star, this summer. Liverpool are braced for bids.';
    const r = facts(text, { model }).rumours;
    expect(r.map((x) => x.to)).toEqual(['Real Madrid']);
    expect(r[0]?.from).not.toBe('Brighton & Hove Albion');
  });
});
