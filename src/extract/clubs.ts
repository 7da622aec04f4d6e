// Clubs: official names, short forms, nicknames and stadiums from the club table, with
// context-dependent nicknames ("the Reds") resolved from the clubs the article names outright.
import type { ClubMention, Doc } from './types.js';

export function findClubs(_doc: Doc): ClubMention[] {
  return [];
}
