import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { findSources, scanSources } from '../../src/extract/sources.js';
import { expectLinear, tenthAndWhole } from './_linear.js';

const found = (text: string) => findSources(docFromText(text)).map((s) => `${s.kind}:${s.name}|${s.alias}`);
const names = (text: string) => [...new Set(findSources(docFromText(text)).map((s) => s.name))];

describe('findSources: citation contexts', () => {
  it('reads "according to" and "(via X)"', () => {
    expect(found('According to Caught Offside, Real Madrid are watching the midfielder.')).toEqual(['outlet:Caught Offside|Caught Offside']);
    expect(names('According to Marca (via Liverpool.com), Madrid have accepted the decision.')).toEqual(['Marca', 'Liverpool.com']);
    expect(found('According to CaughtOffside, Los Blancos are circling.')).toEqual(['outlet:Caught Offside|CaughtOffside']);
  });

  it('reads "told X", "speaking to X", "comments relayed by X" and "in an interview with X"', () => {
    expect(names('"I am happy here," he told the News of the World.')).toEqual(['News of the World']);
    expect(names('Parry, speaking exclusively to BBC Sport, admits the decision is his.')).toEqual(['BBC Sport']);
    expect(names('He has spoken of his wish, with comments relayed by AS earlier this year.')).toEqual(['AS']);
    expect(names('The boss, in an interview with The Independent newspaper, spoke out.')).toEqual(['The Independent']);
    expect(names('He told Spanish sports daily Marca: "I want to stay."')).toEqual(['Marca']);
  });

  it('reads the outlet as the subject of a citing verb', () => {
    expect(names('TEAMtalk has learned that the bid is genuine.')).toEqual(['TEAMtalk']);
    expect(names('Sky Sports News understands the fee is agreed.')).toEqual(['Sky Sports News']);
    expect(names('But the Liverpool Echo newspaper has said the club will walk away.')).toEqual(['Liverpool Echo']);
    expect(names('Marca and AS report that the deal is close.')).toEqual(['Marca', 'AS']);
    expect(names('The fee is agreed, reports the Daily Mail.')).toEqual(['Daily Mail']);
  });

  it('finds the publishing outlet naming itself', () => {
    expect(names('This follows recent reporting here at TEAMtalk over a move.')).toEqual(['TEAMtalk']);
    expect(names('Sources have told TEAMtalk that any move is difficult.')).toEqual(['TEAMtalk']);
  });

  it('counts a generic word only where it is cited', () => {
    expect(names('Sport is a business, and Goal was the word of the day. As a Record signing he starred.')).toEqual([]);
    expect(names('Reports in Sport claim the deal is done, Record says.')).toEqual(['Sport', 'Record']);
  });

  it('reads BBC stations, but not a clause after "the BBC"', () => {
    expect(names('"We are monitoring him," he told BBC Newcastle.')).toEqual(['BBC Newcastle']);
    expect(names('Gerrard told the BBC Liverpool were unlikely to win it.')).toEqual(['BBC']);
  });

  it('reads outlets the table does not know when they are described and cited', () => {
    expect(names('"I will decide soon," he told Argentine radio station Del Plata.')).toEqual(['Del Plata']);
    expect(names("In an attempt to calm things, Cole told Arsenal's website that he will stay.")).toEqual(["Arsenal's website"]);
  });
});

describe('findSources: journalists', () => {
  it('reads a journalist by his trade, with his outlet, and follows his surname', () => {
    const text = [
      'Indeed, as TEAMtalk correspondent Fraser Gillan explains, the player is a major target.',
      "According to Gillan, 'sources have suggested the claims are a pressure play'.",
      'Gillan, though, is adamant Liverpool will not sell. He added that nothing is close.',
    ].join('\n\n');
    const out = found(text);
    expect(out).toContain('outlet:TEAMtalk|TEAMtalk');
    expect(out).toContain('journalist:Fraser Gillan|Fraser Gillan');
    expect(out.filter((s) => s === 'journalist:Fraser Gillan|Gillan')).toHaveLength(2);
  });

  it('reads names with particles and bylines by outlet', () => {
    expect(names('Italian journalist Gianluca Di Marzio reports that talks are advanced.')).toEqual(['Gianluca Di Marzio']);
    expect(names("The Athletic's David Ornstein reports a fee has been agreed.")).toEqual(['The Athletic', 'David Ornstein']);
    expect(names('Fabrizio Romano has reported that the medical is booked.')).toEqual(['Fabrizio Romano']);
  });
});

describe('findSources: not sources', () => {
  it('skips advertising lines and image credits', () => {
    expect(names('Watch more of our videos on ShotsTV.com\n\nReal Madrid are interested.')).toEqual([]);
    expect(names('Arne Slot looks on (Image credit: Getty Images)\n\nListen to the full interview on BBC Radio Five Live.')).toEqual([]);
    expect(names('The striker scored twice (Photo by Sky Sports/Getty Images).')).toEqual([]);
  });

  it('skips outlets named without a citation', () => {
    expect(names('BBC Sport pundit Alan Hansen was critical of the side.')).toEqual([]);
    expect(names('The Sun was shining at Anfield, and the Mirror of the club is its fans.')).toEqual([]);
    expect(names('The Spanish journalist claims the deal is close.')).toEqual([]);
  });

  it('gives the outlets named without a citation by two words or more, for the names recogniser to leave out', () => {
    const text = "Listen to the interview on BBC Radio Five Live's Sportsweek.\n\nThe Sun was out, Sky Sports reports.";
    const scan = scanSources(docFromText(text));
    expect(scan.sources.map((s) => s.name)).toEqual(['Sky Sports']);
    // "Sky Sports" is cited, so a source and not in the list.
    expect(scan.outletNames.map((m) => text.slice(m.start, m.end))).toEqual(['BBC Radio Five Live', 'The Sun']);
    // One-word names of the table are words too ("Record").
    expect(scanSources(docFromText('Record crowds came to watch the derby.')).outletNames).toEqual([]);
  });
});

describe('findSources: odd input', () => {
  const cases: Array<[string, string]> = [
    ['citations', 'According to Marca, TEAMtalk correspondent Fraser Gillan told BBC Sport that Gillan says '.repeat(1_100)],
    ['names', 'BBC '.repeat(25_000)],
    ['possessives', "Arsenal's website told Uefa's official website ".repeat(2_200)],
    ['trade words', 'journalist Ab Cd Ef reporter '.repeat(3_500)],
    ['marks', '"\''.repeat(50_000)],
  ];
  for (const [name, text] of cases) {
    it(`runs on 100 KB of ${name} in linear time`, () => {
      expect(() => findSources(docFromText(text))).not.toThrow();
      expectLinear(tenthAndWhole(text, docFromText), findSources);
    });
  }

  it('never throws on empty or broken text', () => {
    for (const t of ['', 'BBC', 'according to', 'told the', "'s website", 'journalist ', '(via']) expect(() => findSources(docFromText(t))).not.toThrow();
  });
});
