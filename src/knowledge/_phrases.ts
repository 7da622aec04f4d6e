// Find known multi-word phrases in text by walking its words once: cheaper and safer than one huge
// regular expression of alternatives, and phrase lists stay plain data. An article's words are
// tokenised once (src/tokens) and matched here by id; `find` reads a bare string, for callers that
// hold no token stream.

export interface PhraseHit<T> {
  start: number;
  end: number;
  phrase: string;
  value: T;
}

/** A phrase found over a token stream: its first and last token (inclusive). */
export interface TokenHit<T> {
  first: number;
  last: number;
  phrase: string;
  value: T;
}

/** What a word is, for every phrase table: letters and digits, joined by an apostrophe or hyphen (src/tokens/wordSpans reads the same). */
const _WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

// Every word any phrase table holds, lower-cased, as a small id (0 is "no table's word"). Only table
// words are kept, so the map stays the size of the tables, not of the corpus.
const _vocabulary = new Map<string, number>();

/** The id of a lower-cased word, 0 when no phrase table holds it. */
export function wordId(lower: string): number {
  return _vocabulary.get(lower) ?? 0;
}

/** Grows when a table is built: a token stream whose ids are older reads them again. */
export function vocabularySize(): number {
  return _vocabulary.size;
}

function _intern(word: string): number {
  let id = _vocabulary.get(word);
  if (id === undefined) {
    id = _vocabulary.size + 1;
    _vocabulary.set(word, id);
  }
  return id;
}

interface _Entry<T> {
  words: string[];
  ids: number[];
  phrase: string;
  value: T;
}

export class PhraseIndex<T> {
  private readonly _byFirst = new Map<string, Array<_Entry<T>>>();
  // By the id of the first word: ids are small and dense, so an array.
  private readonly _byFirstId: Array<Array<_Entry<T>> | undefined> = [];

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().match(_WORD) ?? [];
      const first = words[0];
      if (!first) continue;
      const entry = { words, ids: words.map(_intern), phrase, value };
      const list = this._byFirst.get(first) ?? [];
      list.push(entry);
      // Longest phrases first, so "completed a deal" wins over "completed".
      list.sort((a, b) => b.words.length - a.words.length);
      this._byFirst.set(first, list);
      this._byFirstId[entry.ids[0] as number] = list;
    }
  }

  /** Every phrase occurrence in `text` (offsets relative to it), longest first at each word, no overlaps. */
  find(text: string): Array<PhraseHit<T>> {
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    _WORD.lastIndex = 0;
    // Lower-cased word by word: lower-casing the whole text could change its length ("İ").
    for (let m = _WORD.exec(text); m !== null; m = _WORD.exec(text)) {
      words.push(m[0].toLowerCase());
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    const hits: Array<PhraseHit<T>> = [];
    for (let i = 0; i < words.length; i++) {
      const cands = this._byFirst.get(words[i] as string);
      if (!cands) continue;
      for (const c of cands) {
        if (i + c.words.length > words.length || !c.words.every((w, j) => words[i + j] === w)) continue;
        hits.push({ start: starts[i] as number, end: ends[i + c.words.length - 1] as number, phrase: c.phrase, value: c.value });
        i += c.words.length - 1;
        break;
      }
    }
    return hits;
  }

  /** The same walk over word ids (from `wordId`), tokens `from` to `to` (exclusive). */
  findIds(ids: ArrayLike<number>, from: number, to: number): Array<TokenHit<T>> {
    const hits: Array<TokenHit<T>> = [];
    for (let i = from; i < to; i++) {
      const id = ids[i] as number;
      if (id === 0) continue;
      const cands = this._byFirstId[id];
      if (!cands) continue;
      for (const c of cands) {
        const n = c.ids.length;
        if (i + n > to) continue;
        let j = 1;
        while (j < n && ids[i + j] === c.ids[j]) j++;
        if (j < n) continue;
        hits.push({ first: i, last: i + n - 1, phrase: c.phrase, value: c.value });
        i += n - 1;
        break;
      }
    }
    return hits;
  }
}

/** Does a text start with one of many strings? Looked up by their common opening, not tried one by one. */
export class Prefixes {
  private readonly _head: number;
  private readonly _byHead = new Map<string, string[]>();

  constructor(list: readonly string[]) {
    this._head = list.length ? Math.min(...list.map((p) => p.length)) : 0;
    for (const p of list) {
      const head = p.slice(0, this._head);
      const same = this._byHead.get(head);
      if (same) same.push(p);
      else this._byHead.set(head, [p]);
    }
  }

  startOf(text: string): boolean {
    const same = this._byHead.get(text.slice(0, this._head));
    return same !== undefined && same.some((p) => text.startsWith(p));
  }
}
