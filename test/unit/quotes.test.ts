import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { extractFacts } from '../../src/extract/index.js';
import { findQuotes } from '../../src/extract/quotes.js';
import { expectLinear, tenthAndWhole } from './_linear.js';

const quotes = (text: string) => findQuotes(docFromText(text));
const speakers = (text: string) => quotes(text).map((q) => q.speakerSpan?.text ?? null);
const texts = (text: string) => quotes(text).map((q) => q.text);

describe('findQuotes: marks', () => {
  it('reads a double-quoted sentence and gives the words inside the marks', () => {
    const text = 'Rinaldi told BBC Sport: "We have not received any offer for the player."';
    const doc = docFromText(text);
    const [q, ...rest] = findQuotes(doc);
    expect(rest).toHaveLength(0);
    expect(q?.text).toBe('We have not received any offer for the player.');
    expect(doc.text.slice(q?.start, q?.end)).toBe(q?.text);
    expect(q?.continues).toBe(false);
  });

  it('folds curly and mismatched marks', () => {
    expect(texts('\u201cIt is a country I like a lot," said Smith.')).toEqual(['It is a country I like a lot']);
    expect(texts('Smith said: "It is a country I like a lot\u201d.')).toEqual(['It is a country I like a lot']);
  });

  it('splits a quote interrupted by its attribution into two', () => {
    const qs = quotes('"We are happy with the squad we have," said Parry. "There is no need to sell anyone at all."');
    expect(qs.map((q) => q.text)).toEqual(['We are happy with the squad we have', 'There is no need to sell anyone at all.']);
    expect(qs.map((q) => q.speakerSpan?.text)).toEqual(['Parry', 'Parry']);
    expect(qs.map((q) => q.continues)).toEqual([false, true]);
  });

  it('gives one quote per paragraph of a speech over several paragraphs', () => {
    const qs = quotes('Jones said: "We played well in the first half.\n\n"But the second half was not good enough for us."');
    expect(qs.map((q) => q.text)).toEqual(['We played well in the first half.', 'But the second half was not good enough for us.']);
    expect(qs[1]?.continues).toBe(true);
    expect(qs[1]?.speakerSpan).toEqual(qs[0]?.speakerSpan);
  });

  it('starts a new quote at a new opening mark in flattened text', () => {
    const t = 'He told BBC Five Live: "Steven is above money here. "It does not matter what the offer is." Parry left.';
    expect(texts(t)).toEqual(['Steven is above money here.', 'It does not matter what the offer is.']);
    expect(speakers(t)).toEqual(['He', 'He']);
  });

  it('ignores scare quotes and short phrases', () => {
    expect(quotes('Brady called the offer "derisory" and "a joke" on Monday.')).toEqual([]);
    expect(quotes('Mac Allister could move to Madrid \u2018within a year\u2019, reports say.')).toEqual([]);
    expect(quotes('"Yeah," Konate replied when asked about it.')).toEqual([]);
  });

  it('keeps a three-word utterance that has its own attribution', () => {
    expect(texts('"Yes, why not," the 39-times capped Argentina international replied when asked.')).toEqual(['Yes, why not']);
  });

  it('tells apostrophes from single quotation marks', () => {
    const t = "Konaté's deal runs out, the players' wages are high and they don't care. Madrid were 'prepared to pay £20 million' for him.";
    expect(texts(t)).toEqual(['prepared to pay £20 million']);
    expect(quotes("It's the 'Galacticos' era and the '90s are over, isn't it?")).toEqual([]);
    expect(texts("'The players' wages are far too high for us,' he said.")).toEqual(["The players' wages are far too high for us"]);
  });

  it('leaves single quotes inside a double-quoted quote to it', () => {
    const t = '"People were saying \'fourth-choice striker, what are you doing there\' all the time," he said.';
    expect(texts(t)).toEqual(["People were saying 'fourth-choice striker, what are you doing there' all the time"]);
  });

  it('skips a quoted name and a headline', () => {
    expect(quotes('It was the so-called "Battle of Old Trafford" that year.')).toEqual([]);
    expect(quotes("Anelka 'eyes Man City departure'\n\nAnelka wants to leave the club.")).toEqual([]);
  });
});

describe('findQuotes: speakers', () => {
  it('finds the speaker before a colon', () => {
    expect(speakers('Mac Allister said: "I look at it every single day."')).toEqual(['Mac Allister']);
    expect(speakers('He adds: "Liverpool are not putting a price on him."')).toEqual(['He']);
    expect(speakers('Speaking about his medal, Mac Allister said: "I look at it every single day."')).toEqual(['Mac Allister']);
    expect(speakers('Mac Allister added in February: "It is crazy since the first day here."')).toEqual(['Mac Allister']);
    expect(speakers('But chairman John Wardle said: "We are a big club and always will be."')).toEqual(['John Wardle']);
    expect(speakers('But Mutu hit out at the decision, saying: "Chelsea have destroyed me."')).toEqual(['Mutu']);
  });

  it('finds the speaker after the quote', () => {
    expect(speakers('"I would like to play in Spain one day," said the Reds midfielder.')).toEqual(['the Reds midfielder']);
    expect(speakers('"I would like to play in Spain one day," Konate replied when asked.')).toEqual(['Konate']);
    expect(speakers('"I would like to play in Spain one day," he had said on Thursday.')).toEqual(['he']);
    expect(speakers('"We are off to Madrid tomorrow." he said.')).toEqual(['he']);
    expect(speakers('"We are off to Madrid tomorrow." Parry said the club would fly.')).toEqual([null]);
    expect(speakers("'We want him back at the club,' said Slot.")).toEqual(['Slot']);
    expect(speakers('"We will not sell him to anyone," Rick Parry, the Liverpool chief executive, said.')).toEqual(['Rick Parry']);
    expect(speakers('"We will not sell him to anyone," said the Liverpool chief executive.')).toEqual(['the Liverpool chief executive']);
    expect(speakers('"Our aim is to focus on youngsters," said club director of communications Philip Townsend.')).toEqual(['Philip Townsend']);
  });

  it('reads frames and narrative attributions of partial quotes', () => {
    expect(speakers("According to Gillan, 'sources have suggested the claims are a pressure play' today.")).toEqual(['Gillan']);
    expect(speakers('In Gillan\'s words it would "need to be a ridiculous fee".')).toEqual(['Gillan']);
    expect(speakers('Chairman Freddy Shepherd described it as "totally unacceptable and totally unprofessional".')).toEqual(['Freddy Shepherd']);
    expect(speakers("It was reported that Madrid were 'prepared to pay £20 million' for him.")).toEqual([null]);
  });

  it('reads labels and reported speech before the quote', () => {
    expect(speakers('- Bolton boss Sam Allardyce: "We were not good enough today."')).toEqual(['Sam Allardyce']);
    expect(speakers('But Hodgson told BBC Sport that the break was good. "I just feel it is hard to say for sure."')).toEqual(['Hodgson']);
    expect(speakers('The Chelsea boss, who has until Friday to respond, said: "It was whistle and whistle all day."')).toEqual(['The Chelsea boss']);
  });

  it('carries the speaker to a continuation and back to an open quote', () => {
    expect(speakers('"It could help us a lot. "If we get through it will help even more," said Robertson.')).toEqual(['Robertson', 'Robertson']);
    expect(speakers('The rain fell all day.\n\n"Nobody knows who said this at all."')).toEqual([null]);
  });

  it('gives speaker spans that point at the words in the text', () => {
    const doc = docFromText('"We are happy with the squad we have," said Rick Parry.');
    const s = findQuotes(doc)[0]?.speakerSpan;
    expect(s && doc.text.slice(s.start, s.end)).toBe('Rick Parry');
  });
});

describe('findQuotes: odd input', () => {
  const cases: Array<[string, string]> = [
    ['double marks', '"'.repeat(100_000)],
    ['single marks', "'".repeat(100_000)],
    ['spaced marks', ' "'.repeat(50_000)],
    ['spaced singles', " 'a".repeat(33_000)],
    ['short quotes', '"a b c d" '.repeat(10_000)],
    ['attributed quotes', '"We want him back," said the Reds midfielder. '.repeat(2_000)],
    ['open singles', "He said: 'we ".repeat(8_000)],
    ['mixed', `"'"' "a' 'b" :"c`.repeat(7_000)],
  ];
  for (const [name, text] of cases) {
    it(`runs on 100 KB of ${name} in linear time`, () => {
      expect(() => findQuotes(docFromText(text))).not.toThrow();
      expectLinear(tenthAndWhole(text, docFromText), findQuotes);
    });
  }

  it('never throws on empty or unbalanced text', () => {
    for (const t of ['', '"', "'", '" "', 'He said: "', 'Open "quote that never ends here at all', '\n\n"\n\n']) {
      expect(() => quotes(t)).not.toThrow();
    }
    expect(texts('He said: "This quote is never closed at all')).toEqual(['This quote is never closed at all']);
  });
});

describe('speakers', () => {
  const said = (text: string) => extractFacts(docFromText(text)).quotes.map((q) => q.speaker);

  it('gives "He said" after an unnamed spokesman to nobody, not to the last man named', () => {
    const text =
      'Sven-Goran Eriksson defended the player. But a Premier League spokesman said the rules are very clear. He said: "A player under contract has no right to talk to another club." The spokesman added: "The rules are clear on that point."';
    expect(said(text)).toEqual([null, null]);
  });

  it('still gives "He said" to the named subject before it', () => {
    const text = 'Arsenal manager Arsene Wenger spoke on Friday. He said: "We have made no offer for the player at all."';
    expect(said(text)).toEqual(['Arsene Wenger']);
  });
});
