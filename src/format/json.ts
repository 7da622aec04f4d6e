// JSON and JSON Lines, written article by article so that a run over thousands of files never holds
// the whole document, and closed by `end()` even when the run stops half-way.
import { convertArticle } from '../aggregate/currency.js';
import { DEFAULT_CURRENCY, SCHEMA_IDS } from '../ids.js';
import type { ArticleOut, Currency } from '../schema.js';
import type { Formatter, Sink } from './sink.js';
import { safeJson } from './_text.js';

/** Keeps every key: an undefined value becomes null rather than vanishing (NaN and ±Infinity do too). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}

/** One article as an element of the JSON document's "articles", indented to sit there. */
export function jsonArticle(a: ArticleOut): string {
  // JSON.stringify escapes line breaks inside strings, so every raw newline is structure.
  return `    ${safeJson(JSON.stringify(a, jsonReplacer, 2)).replace(/\n/g, '\n    ')}`;
}

/** One article as a line of JSON Lines. */
export function ndjsonArticle(a: ArticleOut): string {
  return `${safeJson(JSON.stringify(a, jsonReplacer))}\n`;
}

/** `{"schema": "rumours/extract@1", "currency": "EUR", "articles": [...]}`, two-space indented. */
export function jsonFormatter(out: Sink, currency: Currency = DEFAULT_CURRENCY): Formatter {
  let count = 0;
  let open = false;
  const begin = () => {
    if (open) return;
    open = true;
    out.write(`{\n  "schema": ${JSON.stringify(SCHEMA_IDS.extract)},\n  "currency": ${JSON.stringify(currency)},\n  "articles": [`);
  };
  const text = (chunk: string | Uint8Array) => {
    begin();
    out.write(count === 0 ? '\n' : ',\n');
    out.write(chunk);
    count++;
  };
  return {
    begin,
    article: (a) => text(jsonArticle(convertArticle(a, currency))),
    text,
    skipped() {},
    end() {
      begin();
      out.write(count === 0 ? ']\n}\n' : '\n  ]\n}\n');
    },
  };
}

/** One compact Article per line, written as soon as the article is done. */
export function ndjsonFormatter(out: Sink, currency: Currency = DEFAULT_CURRENCY): Formatter {
  const text = (chunk: string | Uint8Array) => void out.write(chunk);
  return {
    begin() {},
    article: (a) => text(ndjsonArticle(convertArticle(a, currency))),
    text,
    skipped() {},
    end() {},
  };
}
