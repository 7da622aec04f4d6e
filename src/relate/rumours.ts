// Rumours: player × from-club × to-club × stage, read from the verbs of the sentence.
import type { ClubMention, Doc, FeeFinding, PersonEntity, RumourFinding, SourceFinding } from '../extract/types.js';

export interface RumourContext {
  entities: PersonEntity[];
  clubs: ClubMention[];
  fees: FeeFinding[];
  feePlayers: Array<string | null>;
  sources: SourceFinding[];
}

export function findRumours(_doc: Doc, _ctx: RumourContext): RumourFinding[] {
  return [];
}
