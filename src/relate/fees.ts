// Which player each fee concerns: a player named in the fee's sentence (the nearest, preferring one
// after "for"), else the player the text is about at that point. Money that is not a transfer fee
// (kind "other") concerns nobody.
import type { ClubMention, Doc, FeeFinding, PersonEntity } from '../extract/types.js';
import { References } from './coref.js';

export function assignFeePlayers(doc: Doc, fees: FeeFinding[], people: PersonEntity[], clubs: ClubMention[]): Array<string | null> {
  const refs = new References(doc, people);
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
    const pointed = refs.pointedPlayer(s.start, s.end, clubs);
    if (pointed) return pointed.ent.name;
    const paragraph = doc.paragraphs[s.paragraph];
    return refs.lastBefore(f.start, 'player', paragraph ? Math.max(0, paragraph.start - 2000) : 0)?.name ?? refs.main?.name ?? null;
  });
}

function _distance(m: { start: number; end: number }, f: { start: number; end: number }): number {
  return m.end <= f.start ? f.start - m.end : m.start - f.end;
}
