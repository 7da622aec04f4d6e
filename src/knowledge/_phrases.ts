// Find known multi-word phrases in text by walking its words once: cheaper and safer than one huge
// regular expression of alternatives, and phrase lists stay plain data.

export interface PhraseHit<T> {
  start: number;
  end: number;
  phrase: string;
  value: T;
}

const _WORDS = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

export class PhraseIndex<T> {
  private readonly _byFirst = new Map<string, Array<{ words: string[]; phrase: string; value: T }>>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().match(_WORDS) ?? [];
      const first = words[0];
      if (!first) continue;
      const list = this._byFirst.get(first) ?? [];
      list.push({ words, phrase, value });
      // Longest phrases first, so "completed a deal" wins over "completed".
      list.sort((a, b) => b.words.length - a.words.length);
      this._byFirst.set(first, list);
    }
  }

  /** Every phrase occurrence in `text` (offsets relative to it), longest first at each word, no overlaps. */
  find(text: string): Array<PhraseHit<T>> {
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    _WORDS.lastIndex = 0;
    // Lower-cased word by word: lower-casing the whole text could change its length ("İ").
    for (let m = _WORDS.exec(text); m !== null; m = _WORDS.exec(text)) {
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
}
