// Fees: money amounts with currency, ranges, bounds, conversions and the kind of fee.
import type { Doc, FeeFinding } from './types.js';

export function findFees(_doc: Doc): FeeFinding[] {
  return [];
}
