// JSON and JSON Lines, written article by article so that a run over thousands of files never holds
// the whole document, and closed by `end()` even when the run stops half-way.
import { convertArticle } from '../aggregate/currency.js';
import { DEFAULT_CURRENCY, SCHEMA_IDS } from '../ids.js';
import type { ArticleOut, Currency } from '../schema.js';
import { batched, type Formatter, type Sink } from './sink.js';
import { safeJson } from './_text.js';

/** Keeps every key: an undefined value becomes null rather than vanishing (NaN and ±Infinity do too). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}

/** One article as an element of the JSON document's "articles", indented to sit there. */
export function jsonArticle(a: ArticleOut): string {
  return [...jsonArticleChunks(a)].join('');
}

/** One article as a line of JSON Lines. */
export function ndjsonArticle(a: ArticleOut): string {
  return [...ndjsonArticleChunks(a)].join('');
}

/**
 * `jsonArticle`'s text in pieces, a fact at a time: a long article's output is then never one string
 * (with its escaped and indented copies), which for a 20 MB article was most of its memory.
 */
export function* jsonArticleChunks(a: ArticleOut): Generator<string> {
  let first = true;
  // JSON.stringify escapes line breaks inside strings, so every raw newline is structure.
  for (const c of _chunks(a, 2)) {
    yield `${first ? '    ' : ''}${safeJson(c).replace(/\n/g, '\n    ')}`;
    first = false;
  }
}

/** `ndjsonArticle`'s text in pieces, as `jsonArticleChunks`. */
export function* ndjsonArticleChunks(a: ArticleOut): Generator<string> {
  for (const c of _chunks(a, 0)) yield safeJson(c);
  yield '\n';
}

/** JSON.stringify(a, jsonReplacer, indent), in pieces: the top-level lists an element at a time. */
function* _chunks(a: ArticleOut, indent: 0 | 2): Generator<string> {
  const [nl, pad, colon] = indent ? ['\n', '  ', ': '] : ['', '', ':'];
  // A nested value's own line breaks take its depth's indent.
  const at = (v: unknown, depth: string) => (JSON.stringify(v, jsonReplacer, indent) ?? 'null').replace(/\n/g, `\n${depth}`);
  yield '{';
  let sep = '';
  for (const [key, v] of Object.entries(a)) {
    const head = `${sep}${nl}${pad}${JSON.stringify(key)}${colon}`;
    sep = ',';
    if (!Array.isArray(v) || v.length === 0) {
      yield head + at(v, pad);
      continue;
    }
    yield `${head}[`;
    for (let i = 0; i < v.length; i++) yield `${i ? ',' : ''}${nl}${pad}${pad}${at(v[i], pad + pad)}`;
    yield `${nl}${pad}]`;
  }
  yield `${nl}}`;
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
  const text = (chunk: string | Uint8Array | Iterable<string>) => {
    begin();
    out.write(count === 0 ? '\n' : ',\n');
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) out.write(chunk);
    else for (const run of batched(chunk)) out.write(run);
    count++;
  };
  return {
    begin,
    article: (a) => text(jsonArticleChunks(convertArticle(a, currency))),
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
    article: (a) => {
      for (const run of batched(ndjsonArticleChunks(convertArticle(a, currency)))) out.write(run);
    },
    text,
    skipped() {},
    end() {},
  };
}
