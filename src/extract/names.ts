// Names: players and people (managers, executives, agents, journalists), one entity per person.
import type { ClubMention, Doc, PersonEntity, QuoteFinding, SourceFinding } from './types.js';

export interface NameContext {
  clubs: ClubMention[];
  sources: SourceFinding[];
  quotes: QuoteFinding[];
}

export function findPeople(_doc: Doc, _ctx: NameContext): PersonEntity[] {
  return [];
}
