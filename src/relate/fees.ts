// Which player each fee concerns.
import type { ClubMention, Doc, FeeFinding, PersonEntity } from '../extract/types.js';

export function assignFeePlayers(_doc: Doc, fees: FeeFinding[], _people: PersonEntity[], _clubs: ClubMention[]): Array<string | null> {
  return fees.map(() => null);
}
