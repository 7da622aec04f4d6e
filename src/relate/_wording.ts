// What the words say of a move, shared by the rules (rumours.ts) and the learned scorer's features
// (pairs.ts): the stage words as read in context, and around a club "to"/"join" before it,
// "from"/"leave", "X's bid", "X midfielder".
import { peopleKnowledge } from '../knowledge/people.js';
import type { PhraseHit, PhraseIndex } from '../knowledge/_phrases.js';
import type { StageKnowledge } from '../knowledge/stages.js';
import type { Status } from '../schema.js';
import type { ClubMention, Doc, Span } from '../extract/types.js';
import { phrasesIn } from '../tokens/index.js';

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
  const [next] = _wordsAfter(doc, c);
  const k = peopleKnowledge();
  return next === 'man' || k.playerWords.has(next) || k.roleWords.has(next);
}

const _RUNS_CLUB: ReadonlySet<string> = new Set(['manager', 'coach', 'president', 'chairman', 'executive', 'owner']);

/** A club written before the title of a man who runs it: "Inter Milan boss", "PSG sporting director". */
export function headsClub(doc: Doc, c: ClubMention): boolean {
  const [one, two] = _wordsAfter(doc, c);
  const roles = peopleKnowledge().roleWords;
  const role = roles.get(`${one} ${two}`) ?? roles.get(one);
  return role !== undefined && _RUNS_CLUB.has(role);
}

/** The two words after a club (past its "'s"), lower case: what they say the club is to someone. */
function _wordsAfter(doc: Doc, c: ClubMention): [string, string] {
  const m = /^(?:'s?)?\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(doc.text.slice(c.end, c.end + 40));
  return [m?.[1]?.toLowerCase() ?? '', m?.[2]?.toLowerCase() ?? ''];
}

/** The words before a club: `text` is doc.text from `start` on. */
export interface Lead {
  text: string;
  start: number;
}

/** The words just before a club, within its sentence, with a trailing "the" dropped. */
export function leadOf(doc: Doc, sentenceStart: number, c: Span): Lead {
  // "to French side Lyon", "from Serie A giants Juventus": the marker stands before the description.
  const start = Math.max(sentenceStart, c.start - 60);
  // Both cuts take words off the end only: the lead stays doc.text from `start`.
  const text = doc.text
    .slice(start, c.start)
    .replace(_DESCRIBED, '')
    .replace(/\b(?:the|a|an)\s+$/i, '');
  return { text, start };
}

const _DESCRIBED = /\s(?:(?:the|a|an)\s+)?(?:[\p{Lu}\d][\p{L}\d'-]*\s+){0,3}(?:side|club|outfit|giants|champions|team|rivals|neighbours|minnows|strugglers|leaders|holders|opponents)\s+$/u;

/** Does `lead` end with one of the markers ("a move to", "leave")? */
export function endsWithMarker(markers: StageKnowledge['to'], doc: Doc, lead: Lead): boolean {
  const hits = phrasesIn(markers, doc.tokens, lead.start, lead.start + lead.text.length);
  const last = hits[hits.length - 1];
  return !!last && /^\s*$/.test(lead.text.slice(last.end));
}

/** "Blackburn's bid", "Liverpool's interest": the club owns the wanting. */
export function possessiveBid(doc: Doc, k: StageKnowledge, c: Span): boolean {
  const after = doc.text.slice(c.end, c.end + 40);
  const m = /^'s?\s+(?:[\p{L}£€$\d.-]+\s+){0,2}?([\p{L}-]+(?: for)?)/u.exec(after);
  const noun = (m?.[1] ?? '').toLowerCase();
  return k.bidNouns.has(noun) || k.bidNouns.has(noun.split(' ')[0] ?? '');
}

// "may launch a bid", "considering an offer": a bid that is only thought of is interest.
const _MAYBE = /\b(?:may|might|could|would|consider|considering|mull|mulling|plan|plans|planning)\s+(?:(?:to|a|an|another|make|launch|lodge|submit|table|an?\s+improved)\s+){0,3}$/i;

// "was denied by a fine save", "had a penalty appeal rejected": the words of the pitch, not the market.
const _PASSIVE_BEFORE = /\b(?:(?:was|were|been|being|is|are)\s+(?:\w+\s+)?|(?:had|has|have)\s+(?:a|an|the|his|their|its)\s+(?:[\w-]+\s+){0,2})$/i;

const _IN_THE_RACE = /^\s+(?:[\p{L}'&-]+\s+){0,5}?(?:in|on)\s+(?:the\s+)?(?:race|pursuit|hunt|chase|queue|battle|scramble|running|list)\b/u;

// Clubs and places are capitalised: after "moved to", a lower-case word other than these is a verb.
const _BEFORE_PLACE = new Set(['the', 'a', 'an', 'his', 'their', 'north', 'south', 'east', 'west', 'northern', 'southern', 'nearby', 'rivals', 'newly', 'second', 'third', 'league', 'non-league', 'top-flight']);

function _verbNext(after: string): boolean {
  const w = /^\s+([a-z][a-z-]*)\b/.exec(after)?.[1];
  return w !== undefined && !_BEFORE_PLACE.has(w);
}

const _SILENCE_AFTER = /^\s+to\s+(?:comment|be\s+drawn|discuss|speculate|confirm|deny|reveal|elaborate|say|talk|answer|name|go\s+into)\b/i;

/**
 * The stage words of doc.text[start, end) as read in context, offsets relative to `start`: a bid
 * only thought of is interest, a save denied is none.
 */
export function stageCues(k: StageKnowledge, doc: Doc, start: number, end: number): Array<PhraseHit<Status>> {
  const out: Array<PhraseHit<Status>> = [];
  const hits = phrasesIn(k.cues, doc.tokens, start, end);
  if (!hits.length) return out;
  const text = doc.text.slice(start, end);
  for (const hit of hits) {
    const before = text.slice(Math.max(0, hit.start - 40), hit.start);
    if ((hit.value === 'denied' || hit.value === 'rejected') && (_PASSIVE_BEFORE.test(before) || /^\s+by\b/i.test(text.slice(hit.end)))) continue;
    // "Brighton have joined Aston Villa in the race to sign him": a rival joined, not a club.
    if (hit.value === 'completed' && /\bjoin/.test(hit.phrase) && _IN_THE_RACE.test(text.slice(hit.end, hit.end + 60))) {
      out.push({ ...hit, value: 'interest' });
      continue;
    }
    // "moved to play down reports": a verb after "moved to", not a club.
    if (hit.value === 'completed' && /\bto$/.test(hit.phrase) && _verbNext(text.slice(hit.end))) continue;
    // "refused to comment", "refused to be drawn": silence, not a refusal of a bid.
    if (hit.value === 'rejected' && _SILENCE_AFTER.test(text.slice(hit.end))) continue;
    out.push(hit.value === 'bid' && _MAYBE.test(before) ? { ...hit, value: 'interest' } : hit);
  }
  return out;
}

/** Does doc.text[start, end) talk about the transfer market: a market word ("move", "fee", "loan") or a sum? */
export function talksMarket(k: StageKnowledge, doc: Doc, start: number, end: number): boolean {
  return /[£€$]\s?\d/.test(doc.text.slice(start, end)) || hasPhrase(k.context, doc, start, end);
}

/** Do the words of doc.text[start, end) hold a phrase of `index`? */
export function hasPhrase<T>(index: PhraseIndex<T>, doc: Doc, start: number, end: number): boolean {
  return phrasesIn(index, doc.tokens, start, end).length > 0;
}
