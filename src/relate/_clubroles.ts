// What the words around a club say of its part in a move, shared by the rules (rumours.ts) and the
// learned scorer's features (pairs.ts): "to"/"join" before it, "from"/"leave", "X's bid", "X midfielder".
import { peopleKnowledge } from '../knowledge/people.js';
import type { StageKnowledge } from '../knowledge/stages.js';
import type { ClubMention, Doc, Span } from '../extract/types.js';

/** A club written as the attribute of a person other than the player at `playerAt`: "Barcelona's Ronaldinho". */
export function ownsSomeoneElse(doc: Doc, c: ClubMention, playerAt: number): boolean {
  const after = doc.text.slice(c.end, c.end + 40);
  const m = /^'s?\s+(?:[a-z-]+\s+){0,2}([\p{Lu}][\p{L}'-]+)/u.exec(after);
  if (!m && !isAttribute(doc, c)) return false;
  if (playerAt <= c.start && c.start - playerAt <= 40) return false; // inside his own description: "the Lille star"
  const named = c.end + (m?.index ?? 0);
  return !(playerAt >= c.end && playerAt - c.end <= 40 && playerAt >= named);
}

/** "The former Brighton man", "Liverpool midfielder": a club used as an attribute of a person. */
export function isAttribute(doc: Doc, c: ClubMention): boolean {
  const next = /^(?:'s?)?\s+([\p{L}-]+)/u.exec(doc.text.slice(c.end, c.end + 30))?.[1]?.toLowerCase() ?? '';
  const k = peopleKnowledge();
  return next === 'man' || k.playerWords.has(next) || k.roleWords.has(next);
}

/** The words just before a club, within its sentence, with a trailing "the" dropped. */
export function leadOf(doc: Doc, sentenceStart: number, c: Span): string {
  return doc.text.slice(Math.max(sentenceStart, c.start - 40), c.start).replace(/\b(?:the|a|an)\s+$/i, '');
}

/** Does `lead` end with one of the markers ("a move to", "leave")? */
export function endsWithMarker(markers: StageKnowledge['to'], lead: string): boolean {
  const hits = markers.find(lead);
  const last = hits[hits.length - 1];
  return !!last && /^\s*$/.test(lead.slice(last.end));
}

/** "Blackburn's bid", "Liverpool's interest": the club owns the wanting. */
export function possessiveBid(doc: Doc, k: StageKnowledge, c: Span): boolean {
  const after = doc.text.slice(c.end, c.end + 40);
  const m = /^'s?\s+(?:[\p{L}£€$\d.-]+\s+){0,2}?([\p{L}-]+(?: for)?)/u.exec(after);
  const noun = (m?.[1] ?? '').toLowerCase();
  return k.bidNouns.has(noun) || k.bidNouns.has(noun.split(' ')[0] ?? '');
}
