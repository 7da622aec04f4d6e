// Build the Doc every recogniser reads: normalised text, paragraphs, sentences, offset map.
import { normalise, type Normalised } from '../read/normalise.js';
import { segment, sentenceAt } from '../segment/index.js';
import type { Doc, Span } from './types.js';

export function makeDoc(file: string, norm: Normalised): Doc {
  const { paragraphs, sentences } = segment(norm.text);
  const map = norm.map;
  return {
    file,
    view: norm.view,
    text: norm.text,
    paragraphs,
    sentences,
    toOriginal: (offset) => map[Math.max(0, Math.min(offset, map.length - 1))] ?? 0,
    sentenceAt: (offset) => sentenceAt(sentences, offset),
  };
}

/** A Doc straight from a string: for tests and for callers that hold text, not files. */
export function docFromText(text: string, file = '<text>'): Doc {
  return makeDoc(file, normalise(text));
}

/** The view text of a span with runs of whitespace collapsed: what people are shown. */
export function showSpan(doc: Doc, span: Span): string {
  return doc.view.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}
