import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { findFees } from '../../src/extract/fees.js';
import type { FeeFinding } from '../../src/extract/types.js';
import { expectLinear, tenthAndWhole } from './_linear.js';

const fees = (text: string): FeeFinding[] => findFees(docFromText(text));
const one = (text: string): FeeFinding => {
  const found = fees(text);
  expect(found).toHaveLength(1);
  return found[0] as FeeFinding;
};

describe('amount forms', () => {
  it.each([
    ['Liverpool paid £35m for him.', 35_000_000, 'GBP', '£35m'],
    ['They want €120million for the midfielder.', 120_000_000, 'EUR', '€120million'],
    ['A bid of $141.5m was tabled.', 141_500_000, 'USD', '$141.5m'],
    ['They were prepared to pay £20 million for him.', 20_000_000, 'GBP', '£20 million'],
    ['The club was sold for £1.2bn last year.', 1_200_000_000, 'GBP', '£1.2bn'],
    ['He joined for £1.5million in 2019.', 1_500_000, 'GBP', '£1.5million'],
    ['Rovers signed the youngster for £500k.', 500_000, 'GBP', '£500k'],
    ['Madrid demand 20 million euros for the winger.', 20_000_000, 'EUR', '20 million euros'],
    ['Madrid demand 10m euros for the winger.', 10_000_000, 'EUR', '10m euros'],
    ['Town would take 30 million pounds for the striker.', 30_000_000, 'GBP', '30 million pounds'],
    ['The club accepted a million pounds for the keeper.', 1_000_000, 'GBP', 'a million pounds'],
    ['A bid of US$10,000 was made for the youngster.', 10_000, 'USD', 'US$10,000'],
    ['He signed for £600,000 in 1998.', 600_000, 'GBP', '£600,000'],
    ['United signed the forward for £27M.', 27_000_000, 'GBP', '£27M'],
    ['Roma paid a 20m euro record fee for him.', 20_000_000, 'EUR', '20m euro'],
    ['Town paid two million pounds for the keeper.', 2_000_000, 'GBP', 'two million pounds'],
  ])('%s', (text, amount, currency, written) => {
    const f = one(text);
    expect(f.amount).toBe(amount);
    expect(f.currency).toBe(currency);
    expect(f.text).toBe(written);
    expect(f.bound).toBe('exact');
  });

  it('reads pounds given as an HTML entity, with offsets into the text', () => {
    const doc = docFromText('Spurs bid &#163;8m for Forest duo');
    const [f] = findFees(doc);
    expect(f?.amount).toBe(8_000_000);
    expect(f?.currency).toBe('GBP');
    expect(doc.text.slice(f?.start, f?.end)).toBe('£8m');
  });

  it('reads each amount of a list on its own', () => {
    const found = fees('Spurs had seen previous bids of £3m, £4m and £5m rejected.');
    expect(found.map((f) => f.amount)).toEqual([3_000_000, 4_000_000, 5_000_000]);
    expect(found.every((f) => f.kind === 'bid')).toBe(true);
  });
});

describe('ranges and bounds', () => {
  it('keeps both ends of "£40-50m"', () => {
    const f = one('They value him at £40-50m.');
    expect([f.amount, f.amountMax, f.bound, f.text]).toEqual([40_000_000, 50_000_000, 'range', '£40-50m']);
  });

  it('keeps both ends of "between £40m and £50m"', () => {
    const f = one('He is valued at between £40m and £50m.');
    expect([f.amount, f.amountMax, f.bound]).toEqual([40_000_000, 50_000_000, 'range']);
    expect(f.text).toBe('between £40m and £50m');
  });

  it('reads "£25m-£30m" and "between 40 and 50 million euros" as ranges', () => {
    expect(one('A fee of £25m-£30m is expected.')).toMatchObject({ amount: 25_000_000, amountMax: 30_000_000, bound: 'range' });
    expect(one('A fee of between 40 and 50 million euros is expected.')).toMatchObject({ amount: 40_000_000, amountMax: 50_000_000, currency: 'EUR', bound: 'range' });
  });

  it('reads "from £3m to £5m" as two amounts, not a range', () => {
    const found = fees('Liverpool lifted their offer from £3m to £5m.');
    expect(found.map((f) => [f.amount, f.amountMax])).toEqual([[3_000_000, null], [5_000_000, null]]);
  });

  it.each([
    ['He would cost in excess of £100m.', 'at-least'],
    ['They will pay more than £30m.', 'at-least'],
    ['Any fee over £35m would do.', 'at-least'],
    ['Chelsea will test them with a £30m-plus bid.', 'at-least'],
    ['They could ask for up to £60m.', 'at-most'],
    ['Liverpool could look for as much as €80m.', 'at-most'],
    ['They want around £50m for him.', 'about'],
    ['They want about £50m for him.', 'about'],
    ['They paid some £50m for him.', 'about'],
    ['A fee in the region of £50m was agreed.', 'about'],
  ])('%s → %s', (text, bound) => {
    expect(one(text).bound).toBe(bound);
  });

  it('joins an add-on to its fee: amount is the initial sum, amountMax the total', () => {
    const f = one('United agreed an initial £12m plus £3m in add-ons for the defender.');
    expect([f.amount, f.amountMax, f.bound, f.text]).toEqual([12_000_000, 15_000_000, 'range', '£12m plus £3m in add-ons']);
    expect(f.kind).toBe('paid');
  });

  it('reads unnamed add-ons as a lower bound', () => {
    expect(one('They agreed a fee of £40m plus add-ons.')).toMatchObject({ amount: 40_000_000, bound: 'at-least', text: '£40m plus add-ons' });
  });
});

describe('conversion groups', () => {
  it('is one fee in the first currency, the others as conversions, the span over the group', () => {
    const doc = docFromText('The Reds would demand a fee of around €120million (£105m, $141.5m) for the star.');
    const found = findFees(doc);
    expect(found).toHaveLength(1);
    const f = found[0] as FeeFinding;
    expect([f.amount, f.currency, f.bound, f.kind]).toEqual([120_000_000, 'EUR', 'about', 'asking']);
    expect(f.conversions).toEqual([
      { text: '£105m', amount: 105_000_000, currency: 'GBP' },
      { text: '$141.5m', amount: 141_500_000, currency: 'USD' },
    ]);
    expect(doc.text.slice(f.start, f.end)).toBe('€120million (£105m, $141.5m)');
  });

  it('groups a currency word with a sign conversion', () => {
    const f = one('He criticised his 3000 euros (£2,060) fine.');
    expect([f.amount, f.currency, f.kind]).toEqual([3000, 'EUR', 'other']);
    expect(f.conversions).toEqual([{ text: '£2,060', amount: 2060, currency: 'GBP' }]);
  });

  it('allows "about" and "or" inside the brackets', () => {
    const f = one('They could look for €80m (about £67m or $85m) for him.');
    expect(f.conversions.map((c) => [c.amount, c.currency])).toEqual([[67_000_000, 'GBP'], [85_000_000, 'USD']]);
  });

  it('does not group two amounts in the same currency', () => {
    expect(fees('They paid £5m (£4m up front) for him.')).toHaveLength(2);
  });
});

describe('kinds', () => {
  it.each([
    ['Reports claim the club would demand a fee of €120m for the midfielder.', 'asking'],
    ['It is thought Blackburn want £6m for the midfielder.', 'asking'],
    ["Benfica's asking price of €120m is too high for them.", 'asking'],
    ['Los Blancos were prepared to pay £20m to prise him away.', 'bid'],
    ['Forest have received an £8m bid from Spurs.', 'bid'],
    ['Celtic cannot match the £6m offer from Birmingham.', 'bid'],
    ['Madrid are closing in on a £2m deal for the Dane.', 'bid'],
    ['The club value the midfielder at £80m.', 'valuation'],
    ['The Brighton star would cost in excess of £100m.', 'valuation'],
    ['He has a €70m release clause in his contract.', 'release-clause'],
    ['They rewarded him with a contract with a buy-out clause of £100m.', 'release-clause'],
    ['The Reds signed him for just £35m last summer.', 'paid'],
    ['The striker joined the Gunners from Seville for £17m in 2004.', 'paid'],
    ['United struck a £50m deal for his services.', 'paid'],
    ["Drogba, Chelsea's £24m striker, is injured.", 'paid'],
    ['He earns wages of £80,000 at the club.', 'wage'],
    ['He is on a salary of £2m at the club.', 'wage'],
  ])('%s → %s', (text, kind) => {
    expect(one(text).kind).toBe(kind);
  });

  it('takes the nearest cue: "for just £35m" beats a later "release clause"', () => {
    expect(one('They signed him for just £35m as they took advantage of a release clause in his deal.').kind).toBe('paid');
  });

  it('sets the wage period', () => {
    expect(one('He is on £300,000-a-week at the club.')).toMatchObject({ kind: 'wage', period: 'week', text: '£300,000-a-week' });
    expect(one('He will earn £200,000 per week.')).toMatchObject({ kind: 'wage', period: 'week' });
    expect(one('He will be paid £10m a year.')).toMatchObject({ kind: 'wage', period: 'year' });
    expect(one('He is on weekly wages of £150,000.')).toMatchObject({ kind: 'wage', period: 'week' });
  });

  it('does not read "a year ago" as a wage period', () => {
    expect(one('He signed for £20m a year ago.')).toMatchObject({ kind: 'paid', period: null });
  });

  it.each([
    ["Arsenal's £100m deal with Emirates to sponsor their new ground was a surprise."],
    ["Roman Abramovich's £140m takeover changed the club."],
    ['The club still owe PSG £5m from the purchase of the striker.'],
    ['City recently announced debts of £62m.'],
    ['The manager was fined £15,000 for his comments.'],
    ['The winners take home prize money of £2m.'],
    ["The league's £10bn TV deal was signed in the spring."],
    ['The association signed a £7million, six-year sponsorship deal with a kit maker.'],
    ['The new stadium will cost £300m to build.'],
  ])('money not tied to a transfer is other: %s', (text) => {
    expect(one(text).kind).toBe('other');
  });
});

describe('fees without an amount', () => {
  it('reports an undisclosed fee and a free transfer with amount and currency null', () => {
    const found = fees('He joined Everton for an undisclosed fee. Mbappe completed a free transfer to Real.');
    expect(found.map((f) => [f.text, f.amount, f.currency, f.kind])).toEqual([
      ['undisclosed fee', null, null, 'paid'],
      ['free transfer', null, null, 'paid'],
    ]);
  });

  it('reads "on a free" as a transfer but not "on a free kick" or "an undisclosed period"', () => {
    expect(fees('He left on a free in the summer.').map((f) => f.text)).toEqual(['free']);
    expect(fees('He scored on a free kick. He was away for an undisclosed period.')).toEqual([]);
  });
});

describe('not fees', () => {
  it.each([
    'The 25-year-old played 30 of 38 matches.',
    'His contract runs until 2028 and he wears the No.6 shirt.',
    'Greece won Euro 2004 after a 2-0 Euro qualifier win.',
    'He played in 16 Euro finals.',
    'He weighs 180 pounds.',
    'The price, £, was not given; nor was £m or £.',
    'Sydney paid A$5m and HK$20m for the rights.',
    'The stadium is 200m from the sea.',
  ])('%s', (text) => {
    expect(fees(text)).toEqual([]);
  });
});

describe('robustness', () => {
  it('gives null, never Infinity, for absurd amounts', () => {
    const f = one('They bid £99999999999999bn for him.');
    expect(f.amount).toBeNull();
    expect(f.currency).toBe('GBP');
  });

  const adversarial: Array<[string, string]> = [
    ['pound signs', '£'.repeat(50_000)],
    ['pound ones', '£1'.repeat(50_000)],
    ['digit commas', '1,'.repeat(50_000)],
    ['conversion openers', '€120million ('.repeat(8_000)],
    ['digits', '9'.repeat(100_000)],
    ['range dashes', '£1-'.repeat(33_000)],
    ['bids', 'bid £1m '.repeat(12_500)],
    ['words', 'undisclosed free transfer between '.repeat(3_000)],
    ['euros', '1 euros 2 '.repeat(10_000)],
  ];
  it.each(adversarial)('runs in linear time on 100 KB of %s', (_name, text) => {
    findFees(docFromText('Warm up: they bid £5m (€6m) for him, between £1m and £2m.'));
    expectLinear(tenthAndWhole(text, docFromText), findFees);
    for (const f of findFees(docFromText(text))) {
      if (f.amount !== null) expect(Number.isFinite(f.amount) && f.amount >= 0).toBe(true);
    }
  });

  it('never throws on random text and keeps amounts finite and non-negative', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = '£€$0123456789,.-+ ()kmbnKMilonureosdpaweyk\n\'"';
    for (let n = 0; n < 200; n++) {
      let s = '';
      for (let i = 0; i < 400; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const doc = docFromText(s);
      const found = findFees(doc);
      for (const f of found) {
        expect(f.amount === null || (Number.isFinite(f.amount) && f.amount >= 0)).toBe(true);
        expect(f.amountMax === null || (Number.isFinite(f.amountMax) && f.amountMax >= (f.amount ?? 0))).toBe(true);
        expect(f.start).toBeLessThan(f.end);
        expect(f.text).toBe(doc.view.slice(f.start, f.end));
      }
    }
  });
});
