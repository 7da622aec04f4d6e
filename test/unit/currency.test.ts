// Fees in one currency: the policy (same, the article's own figure, the year's rate) and the rate table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertFee, DEFAULT_CURRENCY } from '../../src/aggregate/currency.js';
import { rateTable, rateTableFrom, type RatesData } from '../../src/knowledge/rates.js';
import type { Fee } from '../../src/schema.js';

// Made-up rates: the policy is tested apart from what the shipped table says.
const rates = rateTableFrom({
  base: 'EUR',
  years: {
    '2010': { GBP: 0.8, USD: 1.25 },
    '2012': { GBP: 0.9, USD: 1.5 },
    '2013': { GBP: 0.5, USD: 2 },
  },
});

type Money = Pick<Fee, 'amount' | 'amountMax' | 'currency' | 'conversions'>;

function fee(amount: number | null, currency: Fee['currency'], extra: Partial<Money> = {}): Money {
  return { amount, amountMax: null, currency, conversions: [], ...extra };
}

describe('converting a fee', () => {
  it('keeps a fee already in the currency asked for', () => {
    expect(convertFee(fee(35_000_000, 'GBP', { amountMax: 40_000_000 }), '2012-05-01', 'GBP', rates)).toEqual({
      amount: 35_000_000,
      amountMax: 40_000_000,
      currency: 'GBP',
      via: 'same',
      rate: null,
      rateYear: null,
    });
  });

  it("takes the article's own figure in that currency before any rate", () => {
    const conversions = [
      { text: '£105m', amount: 105_000_000, currency: 'GBP' as const },
      { text: '$141.5m', amount: 141_500_000, currency: 'USD' as const },
    ];
    const f = fee(120_000_000, 'EUR', { conversions });
    expect(convertFee(f, '2012-09-23', 'GBP', rates)).toEqual({ amount: 105_000_000, amountMax: null, currency: 'GBP', via: 'article', rate: null, rateYear: null });
    expect(convertFee(f, null, 'USD', rates)).toMatchObject({ amount: 141_500_000, via: 'article' });
  });

  it("passes over an unreadable figure in the article and uses the rate", () => {
    const f = fee(10_000_000, 'EUR', { conversions: [{ text: '£lots', amount: null, currency: 'GBP' }] });
    expect(convertFee(f, '2012-01-01', 'GBP', rates)).toMatchObject({ amount: 9_000_000, via: 'rate', rate: 0.9, rateYear: 2012 });
  });

  it("estimates with the rate of the article's year, crossed through the euro", () => {
    expect(convertFee(fee(10_000_000, 'EUR'), '2012-03-01', 'USD', rates)).toEqual({
      amount: 15_000_000,
      amountMax: null,
      currency: 'USD',
      via: 'rate',
      rate: 1.5,
      rateYear: 2012,
    });
    // GBP → USD in 2010: 1.25 / 0.8.
    expect(convertFee(fee(8_000_000, 'GBP'), '2010-06-30', 'USD', rates)).toMatchObject({ amount: 12_500_000, rate: 1.5625, rateYear: 2010 });
    // GBP → EUR in 2013: 1 / 0.5.
    expect(convertFee(fee(1_000_000, 'GBP'), '2013-12-31', 'EUR', rates)).toMatchObject({ amount: 2_000_000, rate: 2, rateYear: 2013 });
  });

  it('takes the nearest year the table has: before, after, in a gap, and the latest when undated', () => {
    const year = (date: string | null) => convertFee(fee(1_000_000, 'EUR'), date, 'GBP', rates)?.rateYear;
    expect(year('1998-01-01')).toBe(2010);
    expect(year('2031-07-01')).toBe(2013);
    expect(year('2011-07-01')).toBe(2010);
    expect(year(null)).toBe(2013);
    expect(year('not a date')).toBe(2013);
  });

  it('converts both ends of a range', () => {
    const range = fee(50_000_000, 'EUR', { amountMax: 60_000_000 });
    expect(convertFee(range, '2012-01-01', 'GBP', rates)).toMatchObject({ amount: 45_000_000, amountMax: 54_000_000, via: 'rate' });
    // The article converts the low end only: the high end goes at the article's own rate (43/50).
    const given = fee(50_000_000, 'EUR', { amountMax: 60_000_000, conversions: [{ text: '£43m', amount: 43_000_000, currency: 'GBP' }] });
    expect(convertFee(given, '2012-01-01', 'GBP', rates)).toMatchObject({ amount: 43_000_000, amountMax: 51_600_000, via: 'article' });
  });

  it('gives nothing for a fee without an amount or a currency', () => {
    expect(convertFee(fee(null, 'GBP'), '2012-01-01', 'EUR', rates)).toBeNull();
    expect(convertFee(fee(5_000_000, null), '2012-01-01', 'EUR', rates)).toBeNull();
  });

  it('rounds estimates to whole units, three significant figures', () => {
    const at = (amount: number) => convertFee(fee(amount, 'EUR'), '2012-01-01', 'GBP', rates)?.amount;
    expect(at(123_456_789)).toBe(111_000_000); // 111,111,110.1
    expect(at(1_234_567)).toBe(1_110_000);
    expect(at(333)).toBe(300); // 299.7
    expect(at(7)).toBe(6); // 6.3
    expect(at(0)).toBe(0);
  });

  it('defaults to the euro, the base of the table', () => {
    expect(DEFAULT_CURRENCY).toBe('EUR');
  });
});

describe('the rate table', () => {
  const data = JSON.parse(readFileSync(new URL('../../src/knowledge/data/rates.json', import.meta.url), 'utf8')) as RatesData & { _comment: string };

  it('says where its rates come from and what they are for', () => {
    expect(data._comment).toMatch(/ECB/);
    expect(data._comment).toMatch(/not for accounting/);
    expect(data.base).toBe('EUR');
  });

  it('has every year from 2000 to 2025, each with GBP and USD per euro to 4 decimals', () => {
    const table = rateTable();
    expect(table.years).toEqual(Array.from({ length: 26 }, (_, i) => 2000 + i));
    for (const [year, row] of Object.entries(data.years)) {
      for (const code of ['GBP', 'USD'] as const) {
        const r = row[code];
        expect(r, `${year} ${code}`).toBeGreaterThan(0.5);
        expect(r, `${year} ${code}`).toBeLessThan(1.7);
        expect(Math.round((r ?? 0) * 1e4) / 1e4).toBe(r);
      }
    }
  });

  it('crosses pairs through the euro and goes both ways', () => {
    const table = rateTable();
    for (const year of table.years) {
      const there = table.rate('GBP', 'USD', year);
      const back = table.rate('USD', 'GBP', year);
      expect(Math.abs(there * back - 1)).toBeLessThan(1e-3);
      expect(table.rate('EUR', 'EUR', year)).toBe(1);
    }
  });

  it('refuses a year without a rate', () => {
    expect(() => rateTableFrom({ base: 'EUR', years: { '2020': { GBP: 0.9 } } })).toThrow(/2020/);
    expect(() => rateTableFrom({ base: 'EUR', years: {} })).toThrow(/no years/);
  });
});
