// Which player each fee concerns: a player named in the fee's sentence (the nearest, preferring one
// after "for"), else the player the text is about at that point. Money that is not a transfer fee
// (kind "other") concerns nobody.
import type { ClubMention, Doc, FeeFinding } from '../extract/types.js';
import type { References } from './coref.js';

// Real paragraphs stay under 3,000 characters; scraped text with no line breaks does not.
const _LOOKBACK = 5000;

export function assignFeePlayers(doc: Doc, fees: FeeFinding[], refs: References, clubs: ClubMention[]): Array<string | null> {
  // Asked once per sentence, not once per fee: a line of thousands of amounts stays linear.
  const pointedIn = new Map<number, ReturnType<References['pointedPlayer']>>();
  return fees.map((f) => {
    if (f.kind === 'other') return null;
    const s = doc.sentenceAt(f.start);
    const named = refs.within(s.start, s.end).filter((m) => m.ent.role === null);
    if (named.length) {
      // "a £2m deal for Everton's Thomas Gravesen": the name after the amount, close by, is the one.
      const after = named.filter((m) => m.start >= f.end && m.start - f.end <= 60);
      const pick = after[0] ?? named.reduce((a, b) => (_distance(a, f) <= _distance(b, f) ? a : b));
      return pick.ent.name;
    }
    if (!pointedIn.has(s.index)) pointedIn.set(s.index, refs.pointedPlayer(s.start, s.end, clubs));
    const pointed = pointedIn.get(s.index);
    if (pointed) return pointed.ent.name;
    const paragraph = doc.paragraphs[s.paragraph];
    const floor = Math.max(f.start - _LOOKBACK, paragraph ? paragraph.start - 2000 : 0);
    return refs.lastBefore(f.start, 'player', floor)?.name ?? refs.main?.name ?? null;
  });
}

function _distance(m: { start: number; end: number }, f: { start: number; end: number }): number {
  return m.end <= f.start ? f.start - m.end : m.start - f.end;
}
