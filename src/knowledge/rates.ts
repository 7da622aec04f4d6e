// Yearly average exchange rates, loaded once from data/rates.json: units of each currency for one
// euro. Other pairs are crossed through the euro, as the ECB's own tables are.
import type { Currency } from '../schema.js';
import { loadData } from './_load.js';

export interface RatesData {
  base: 'EUR';
  years: Record<string, Partial<Record<Currency, number>>>;
}

export interface RateTable {
  /** The years the table covers, oldest first. */
  years: number[];
  /** The year whose rates stand in for `year`: itself, else the nearest; the latest for an undated article. */
  nearestYear(year: number | null): number;
  /** Units of `to` for one unit of `from`, on average over `year` (a year of the table), to 4 decimals. */
  rate(from: Currency, to: Currency, year: number): number;
}

let _table: RateTable | null = null;

/** The table shipped in data/rates.json. */
export function rateTable(): RateTable {
  _table ??= rateTableFrom(loadData<RatesData>('rates.json'));
  return _table;
}

/** A table from data of the rates.json shape; a year without a positive rate for a currency is an error. */
export function rateTableFrom(data: RatesData): RateTable {
  const perEuro = new Map<number, Record<Currency, number>>();
  for (const [key, rates] of Object.entries(data.years)) {
    const year = Number(key);
    const row = { EUR: 1, GBP: rates.GBP ?? NaN, USD: rates.USD ?? NaN };
    if (!Number.isInteger(year) || !(row.GBP > 0) || !(row.USD > 0)) throw new Error(`rates: year "${key}" needs positive GBP and USD rates`);
    perEuro.set(year, row);
  }
  const years = [...perEuro.keys()].sort((a, b) => a - b);
  if (years.length === 0) throw new Error('rates: the table has no years');
  return {
    years,
    nearestYear(year) {
      if (year === null) return years[years.length - 1] as number;
      // Ties go to the earlier year: a rate already known at the time.
      return years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best));
    },
    rate(from, to, year) {
      const row = perEuro.get(year);
      if (!row) throw new Error(`rates: no rates for ${year}`);
      return Math.round((row[to] / row[from]) * 1e4) / 1e4;
    },
  };
}
