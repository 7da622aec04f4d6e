// One token stream per article, made once after segmenting: every word's offsets, its sentence, and
// the id of its lower-cased form in the phrase tables' vocabulary. The phrase tables (stage words,
// markers, market words, windows) are matched over it by id, so no clause, sentence or lead is
// tokenised again for each table that reads it; the outlet table reads its words off it too.
import { type PhraseHit, type PhraseIndex, vocabularySize, wordId } from '../knowledge/_phrases.js';
import type { Sentence } from '../segment/index.js';

export class TokenStream {
  readonly count: number;
  /** Offsets of each word in the text (end exclusive). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The sentence each word stands in. */
  readonly sentence: Int32Array;
  private _ids: Int32Array | null = null;
  private _idsFor = -1;
  private readonly _memo = new Map<object, Map<number, unknown>>();

  constructor(readonly text: string, sentences: readonly Sentence[]) {
    const starts: number[] = [];
    const ends: number[] = [];
    wordSpans(text, starts, ends);
    this.count = starts.length;
    this.starts = new Int32Array(starts);
    this.ends = new Int32Array(ends);
    this.sentence = new Int32Array(this.count).fill(-1);
    let s = 0;
    for (let i = 0; i < this.count; i++) {
      const at = starts[i] as number;
      while (s < sentences.length && (sentences[s] as Sentence).end <= at) s++;
      const sen = sentences[s];
      if (sen && sen.start <= at) this.sentence[i] = s;
    }
  }

  /**
   * Word ids, made on first use: tables are built lazily, and a table built after the ids were read
   * adds words, so the ids are read again then (on the first articles of a run only).
   */
  ids(): Int32Array {
    const size = vocabularySize();
    if (this._ids && this._idsFor === size) return this._ids;
    const ids = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) ids[i] = wordId(this.text.slice(this.starts[i], this.ends[i]).toLowerCase());
    this._idsFor = size;
    return (this._ids = ids);
  }

  /** What `phrasesIn` found for one table, by stretch. */
  memoOf<T>(index: PhraseIndex<T>): Map<number, Array<PhraseHit<T>>> {
    let memo = this._memo.get(index) as Map<number, Array<PhraseHit<T>>> | undefined;
    if (!memo) this._memo.set(index, (memo = new Map()));
    return memo;
  }

  /** The first word ending after `at`. */
  firstEndingAfter(at: number): number {
    const table = this._index();
    return table && at >= 0 && at <= this.text.length ? (table.endingAfter[at] as number) : _firstAtLeast(this.ends, at + 1);
  }

  /** The first word starting at or after `at`. */
  firstStartingFrom(at: number): number {
    const table = this._index();
    return table && at >= 0 && at <= this.text.length ? (table.startingFrom[at] as number) : _firstAtLeast(this.starts, at);
  }

  // Both answers for every offset of the text, made on the first question: stretches are asked of
  // hundreds of times an article, and a table read is cheaper than a search each time. Not for a
  // text past a million characters: eight bytes a character is too much memory there.
  private _offsets: { endingAfter: Int32Array; startingFrom: Int32Array } | null = null;

  private _index(): { endingAfter: Int32Array; startingFrom: Int32Array } | null {
    if (this._offsets) return this._offsets;
    const n = this.text.length;
    if (n > _MAX_TABLE) return null;
    const endingAfter = new Int32Array(n + 1);
    const startingFrom = new Int32Array(n + 1);
    let e = 0;
    let s = 0;
    for (let at = 0; at <= n; at++) {
      while (e < this.count && (this.ends[e] as number) <= at) e++;
      while (s < this.count && (this.starts[s] as number) < at) s++;
      endingAfter[at] = e;
      startingFrom[at] = s;
    }
    return (this._offsets = { endingAfter, startingFrom });
  }
}

const _MAX_TABLE = 1 << 20;

/**
 * The words of `text` as the phrase tables' `WORD` pattern finds them (runs of letters and digits
 * joined by single apostrophes or hyphens), by a character loop: ASCII by its codes, other characters
 * by the same Unicode classes, astral ones as a pair. Several times faster than the pattern itself.
 */
export function wordSpans(text: string, starts: number[], ends: number[]): void {
  const n = text.length;
  let p = 0;
  while (p < n) {
    let w = _letterOrDigit(text, p);
    if (w === 0) {
      p += _width(text, p);
      continue;
    }
    const start = p;
    for (;;) {
      while (w > 0) {
        p += w;
        w = _letterOrDigit(text, p);
      }
      const c = text.charCodeAt(p);
      if ((c === 39 || c === 45) && (w = _letterOrDigit(text, p + 1)) > 0) {
        p += 1;
        continue;
      }
      break;
    }
    starts.push(start);
    ends.push(p);
  }
}

const _LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The width (1, or 2 for an astral character) of the letter or digit at `p`, or 0 for none. */
function _letterOrDigit(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(p + 1);
    return d >= 0xdc00 && d <= 0xdfff && _LETTER_OR_DIGIT.test(text.slice(p, p + 2)) ? 2 : 0;
  }
  return _LETTER_OR_DIGIT.test(text[p] as string) ? 1 : 0;
}

/** The width of the character at `p`: 2 for a surrogate pair, else 1. */
function _width(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(p + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Binary search in ascending offsets: the index of the first one >= `at` (the length if none). */
function _firstAtLeast(sorted: Int32Array, at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The phrases of `index` in text[start, end), offsets relative to `start`: what
 * `index.find(text.slice(start, end))` gives, read off the stream. A stretch that cuts a word in two
 * tokenises differently from the whole text, so it is read as a string.
 */
export function phrasesIn<T>(index: PhraseIndex<T>, tokens: TokenStream, start: number, end: number): Array<PhraseHit<T>> {
  // The rules, the pair scorer and the later-denial pass ask the same of one sentence or lead: asked
  // once. The hits are shared, so callers only read them.
  const key = start * _SPAN + end;
  const memo = end < _SPAN ? tokens.memoOf(index) : null;
  const known = memo?.get(key);
  if (known) return known;
  const hits = _phrasesIn(index, tokens, start, end);
  memo?.set(key, hits);
  return hits;
}

// Offsets below this pack (start, end) into one number, exact as a double.
const _SPAN = 2 ** 26;

function _phrasesIn<T>(index: PhraseIndex<T>, tokens: TokenStream, start: number, end: number): Array<PhraseHit<T>> {
  const from = tokens.firstEndingAfter(start);
  const to = tokens.firstStartingFrom(end);
  if ((from < tokens.count && (tokens.starts[from] as number) < start) || (to > from && (tokens.ends[to - 1] as number) > end)) {
    return index.find(tokens.text.slice(start, end));
  }
  return index.findIds(tokens.ids(), from, to).map((h) => ({ start: (tokens.starts[h.first] as number) - start, end: (tokens.ends[h.last] as number) - start, phrase: h.phrase, value: h.value }));
}
