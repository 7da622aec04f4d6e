// A long article in pieces of bounded size, each normalised on its own: extraction's memory then
// follows the piece, not the article (a 20 MB article whole needed about 70 times its size). A piece
// ends where the segmenter would end a paragraph if it can, else at a line, a sentence, a space; its
// map counts in the whole text, so evidence stays exact. What the pieces' facts lose is only what
// crosses a cut (a surname far from the full name): analyse.ts merges what they found.
import { normaliseRange, type Normalised } from './normalise.js';

/**
 * The article's normalised pieces, in order, made one at a time: at most `size` characters of the
 * original each (a tag or entity over a cut goes with the piece before), together exactly what
 * `normalise` gives for the whole.
 */
export function* pieces(original: string, html: boolean, size: number): Generator<Normalised> {
  for (let from = 0; from < original.length; ) {
    const to = original.length - from <= size ? original.length : cutIn(original, from + Math.ceil(size / 2), from + size);
    const norm = normaliseRange(original, from, to, html);
    from = norm.end;
    yield norm;
  }
}

// Where a piece may end, best first; each pattern ends where the next piece starts. A blank line
// before a line that does not carry on the sentence ("...and\n\nthen" does) ends a paragraph, as
// the segmenter reads it (segment/index.ts).
const _CUTS = [
  /\n[^\S\n]*\n(?=[^\S\n]*[^\sa-z(])/g,
  /\n/g,
  /[.!?]["'”’)]*[ \t]+(?=["'“‘]?[A-Z])/g,
  /[ \t\n]|\r(?!\n)/g,
];

/** The best place in [lo, hi] to end a piece: the last of the best kind there is. */
export function cutIn(text: string, lo: number, hi: number): number {
  // Searched in a window, not the rest of the text: a kind of cut the window lacks must not cost a
  // scan to the end of a long article for every piece.
  const base = Math.max(0, lo - 8);
  const window = text.slice(base, hi + 64);
  for (const re of _CUTS) {
    let best = -1;
    re.lastIndex = 0;
    for (let m = re.exec(window); m !== null; m = re.exec(window)) {
      const at = base + m.index + m[0].length;
      if (at > hi) break;
      if (at >= lo) best = at;
    }
    if (best > 0) return best;
  }
  // No space in half a piece: cut anyway, but not inside a surrogate pair or a CRLF.
  const c = text.charCodeAt(hi);
  return (c >= 0xdc00 && c <= 0xdfff) || (text[hi - 1] === '\r' && text[hi] === '\n') ? hi - 1 : hi;
}
