// An article as the store keeps it: the JSON that JSON Lines prints for it (fees also in the default
// currency), its rumours' likelihoods left out, deflated. Made in the worker that extracted it when a
// run goes through the store with several workers, so that the main thread only inserts
// (docs/speed.md, "The store's share").
import { deflateRawSync } from 'node:zlib';
import { convertArticle } from '../aggregate/currency.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import type { Article } from '../schema.js';
import { jsonReplacer } from './json.js';

export function packArticle(a: Article): Buffer {
  const converted = convertArticle(a, DEFAULT_CURRENCY);
  return deflateRawSync(JSON.stringify({ ...converted, rumours: unweighed(converted.rumours) }, jsonReplacer));
}

/** Rumours without their likelihoods: those depend on the other articles and the day asked about, so they are weighed when read, never stored. */
export function unweighed<R extends { likelihood?: number; reasons?: string[] }>(rumours: R[]): Array<Omit<R, 'likelihood' | 'reasons'>> {
  return rumours.map(({ likelihood: _l, reasons: _r, ...r }) => r);
}
