// Build the Doc every recogniser reads: normalised text, paragraphs, sentences, token stream, offset map.
import { normalise, type Normalised } from '../read/normalise.js';
import { segment, sentenceAt } from '../segment/index.js';
import { TokenStream } from '../tokens/index.js';
import { lastStartingBy } from './spans.js';
import type { Doc, Span } from './types.js';

/** `original` is the text the offsets count in (after the date header, which sits on line 1). */
export function makeDoc(file: string, norm: Normalised, original: string): Doc {
  const { paragraphs, sentences } = segment(norm.text);
  const map = norm.map;
  let lines: Span[] | null = null;
  const shown: Array<string | undefined> = [];
  return {
    file,
    view: norm.view,
    text: norm.text,
    paragraphs,
    sentences,
    toOriginal: (offset) => map[Math.max(0, Math.min(offset, map.length - 1))] ?? 0,
    lineOf: (offset) => lastStartingBy((lines ??= lineSpans(original)), offset) + 1,
    sentenceAt: (offset) => sentenceAt(sentences, offset),
    shownSentence(s) {
      if (sentences[s.index] !== s) return showSpan({ view: norm.view }, s);
      return (shown[s.index] ??= showSpan({ view: norm.view }, s));
    },
    // Made here, not on first use: a Doc copied with a spread keeps one stream, made once.
    tokens: new TokenStream(norm.text, sentences),
  };
}

/** A Doc straight from a string: for tests and for callers that hold text, not files. */
export function docFromText(text: string, file = '<text>'): Doc {
  return makeDoc(file, normalise(text), text);
}

/** The file's lines as spans (breaks left out): LF, CRLF or a lone CR ends a line, as editors count. */
export function lineSpans(text: string): Span[] {
  const lines: Span[] = [];
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    lines.push({ start, end: m.index });
    start = breaks.lastIndex;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** The view text of a span with runs of whitespace collapsed: what people are shown. */
export function showSpan(doc: Pick<Doc, 'view'>, span: Span): string {
  const text = doc.view.slice(span.start, span.end);
  // Most sentences have single spaces only and none at the ends: nothing to collapse or trim.
  return _TIDY.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

const _TIDY = /[^\S ]| {2}|^ | $/;
