// An article as the store keeps it: the JSON that JSON Lines prints for it (fees also in the default
// currency), deflated. Made in the worker that extracted it when a run goes through the store, so
// that the main thread only inserts (docs/speed.md, "The store's share").
import { deflateRawSync } from 'node:zlib';
import { convertArticle } from '../aggregate/currency.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import type { Article } from '../schema.js';
import { jsonReplacer } from './json.js';

export function packArticle(a: Article): Buffer {
  return deflateRawSync(JSON.stringify(convertArticle(a, DEFAULT_CURRENCY), jsonReplacer));
}
