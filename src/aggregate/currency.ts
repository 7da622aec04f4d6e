// A fee in another currency, for comparing reports: the article's own figure when it gives one,
// else an estimate at the yearly average rate of the article's year.
import { rateTable, type RateTable } from '../knowledge/rates.js';
import { weighedRumours as weighed } from '../weigh/index.js';
import type { Article, ArticleOut, Converted, Currency, Fee, Money, RumourFee } from '../schema.js';

export { DEFAULT_CURRENCY } from '../ids.js';

/**
 * `fee` (read in an article dated `date`, "YYYY-MM-DD" or null) in `target`: as it is when already
 * in `target`; else the sum the article gives in `target` beside it; else at the table's rate.
 * Null when the fee has no amount or no currency.
 */
export function convertFee(
  fee: Pick<Fee, 'amount' | 'amountMax' | 'currency' | 'conversions'>,
  date: string | null,
  target: Currency,
  rates: RateTable = rateTable(),
): Converted | null {
  const { amount, amountMax, currency } = fee;
  if (amount === null || currency === null) return null;
  if (currency === target) return _converted(amount, amountMax, target, 'same');
  const given = fee.conversions.find((m) => m.currency === target && m.amount !== null)?.amount ?? null;
  if (given !== null) {
    // A range's high end at the journalist's own rate: the article converts the low end only.
    const max = amountMax === null ? null : amount === 0 ? given : _estimate((amountMax * given) / amount);
    return _converted(given, max, target, 'article');
  }
  const year = rates.nearestYear(_year(date));
  const rate = rates.rate(currency, target, year);
  return _converted(_estimate(amount * rate), amountMax === null ? null : _estimate(amountMax * rate), target, 'rate', rate, year);
}

/** The fees the article gives for a rumour's fee: those of the same amount and currency (their conversions are the article's own). */
export type FeeLike = Pick<Fee, 'amount' | 'currency' | 'conversions'>;

/**
 * A rumour's fee (read in an article dated `date`) with `converted`: the article's own sum in `target`
 * when one of its fees of the same amount gives it, else as `convertFee` finds it.
 */
export function convertRumourFee(fee: Money | null, fees: readonly FeeLike[], date: string | null, target: Currency, rates: RateTable = rateTable()): RumourFee | null {
  if (fee === null) return null;
  const twin = fees.find((f) => f.amount === fee.amount && f.currency === fee.currency && f.conversions.length > 0);
  return { ...fee, converted: convertFee({ amount: fee.amount, amountMax: null, currency: fee.currency, conversions: twin?.conversions ?? [] }, date, target, rates) };
}

/** An article as printed: every fee, and every rumour's fee, also in `target`. */
export function convertArticle(a: Article, target: Currency, rates: RateTable = rateTable()): ArticleOut {
  return {
    ...a,
    fees: a.fees.map((f) => ({ ...f, converted: convertFee(f, a.date, target, rates) })),
    rumours: weighed(a).map((r) => ({ ...r, fee: convertRumourFee(r.fee, a.fees, a.date, target, rates) })),
  };
}

function _converted(amount: number, amountMax: number | null, currency: Currency, via: Converted['via'], rate: number | null = null, rateYear: number | null = null): Converted {
  return { amount, amountMax, currency, via, rate, rateYear };
}

function _year(date: string | null): number | null {
  const m = date === null ? null : /^(\d{4})-/.exec(date);
  return m ? Number(m[1]) : null;
}

/**
 * Whole units to three significant figures: a yearly average is a few per cent off the rate of the
 * day, so more digits would claim a precision the estimate does not have.
 */
function _estimate(x: number): number {
  const step = Math.max(1, 10 ** (Math.floor(Math.log10(Math.max(x, 1))) - 2));
  return Math.round(x / step) * step;
}
