// Rumours: player × from-club × to-club × stage, read clause by clause from the narrative (quoted
// speech is left out: what people say is reported as quotes). A clause makes a rumour when it cues
// a stage ("are keeping tabs on", "tabled a bid", "completed a deal"), names or points to a player,
// and names a club that wants him. Which club is which comes from the words around each club:
// "to"/"join" mark the buyer, "a bid from X" and "X's bid" too; "from"/"leave" and an attribute
// ("Brighton's Carlos Baleba", "Liverpool midfielder") mark the seller; otherwise the club that is
// the clause's subject is the one that wants him.
import { attributiveClub } from '../extract/names.js';
import { insideAny, within } from '../extract/spans.js';
import { peopleKnowledge } from '../knowledge/people.js';
import type { ClubMention, Doc, FeeFinding, PersonEntity, QuoteFinding, RumourFinding, Sentence, SourceFinding, Span } from '../extract/types.js';
import { stageKnowledge, type StageKnowledge } from '../knowledge/stages.js';
import type { Money, Status } from '../schema.js';
import type { References } from './coref.js';

export interface RumourContext {
  entities: PersonEntity[];
  clubs: ClubMention[];
  fees: FeeFinding[];
  feePlayers: Array<string | null>;
  sources: SourceFinding[];
  quotes: QuoteFinding[];
  refs: References;
}

const _THEY = /\b(?:they|their|them)\b/i;
const _OPENING = /^(?:while|whilst|although|though|as|after|before|if|when|despite|with|having)\b[^,;]{3,120},/i;
// Clause breaks: where a sentence turns to another subject.
const _CLAUSE = /;|\s[-–]\s|,\s+(?:and|but|while|whereas|although|though|with|after|before|as|who|which|where)\s|\s(?:but|while|whereas|although|though|after|before|because)\s/gi;

interface _Clause extends Span {
  sentence: Sentence;
}

interface _PlayerRef {
  ent: PersonEntity;
  at: number;
}

export function findRumours(doc: Doc, ctx: RumourContext): RumourFinding[] {
  const k = stageKnowledge();
  const refs = ctx.refs;
  const inQuote = insideAny(ctx.quotes, 1);
  const byKey = new Map<string, RumourFinding>();
  // Where each player is now: his written attribute, then what completed moves say.
  const home = new Map<PersonEntity, string>();
  for (const e of ctx.entities) if (e.club && e.role === null) home.set(e, e.club);

  let prev: _Clause | null = null;
  let prevPlayers: _PlayerRef[] = [];
  for (const clause of _clauses(doc)) {
    const text = doc.text.slice(clause.start, clause.end);
    const cues = k.cues.find(text).filter((c) => !inQuote(clause.start + c.start));
    const clubs = within(ctx.clubs, clause.start, clause.end).filter((c) => !inQuote(c.start));
    if (!cues.length || !_marketTalk(doc, k, clause.sentence)) continue;
    const status = _decisive(cues.map((c) => c.value), k.rank);
    const cueAt = clause.start + (cues[0]?.start ?? 0);
    let players = _playersIn(refs, clause, ctx.clubs, inQuote);
    // "... linked Owen with a move back to England, with Newcastle expressing their interest":
    // a clause that names nobody goes on about the players of the clause before it.
    if (!players.length && prev?.sentence === clause.sentence) players = prevPlayers.map((p) => ({ ...p, at: clause.start }));
    prev = clause;
    prevPlayers = players;
    for (const p of players) {
      const roles = _clubRoles(doc, k, clause, clubs, ctx.clubs, p, cueAt, status);
      const known = roles.from ?? home.get(p.ent) ?? null;
      let tos = roles.to.filter((c) => c !== known);
      // No club in the clause wants him: the sentence's subject does ("Liverpool are weighing up
      // ..., with reporting over a potential move for Brighton's Carlos Baleba"), or "they" does.
      if (!tos.length) {
        const subject = _subjectClub(doc, ctx.clubs, clause.sentence, inQuote);
        if (subject && subject !== known) tos = [subject];
        else if (_THEY.test(text)) tos = _listOf(_theyClub(doc, ctx.clubs, clause, known, inQuote));
      }
      for (const to of tos) {
        const from = known ?? _mainClub(ctx.clubs, to);
        _record(byKey, { start: clause.sentence.start, end: clause.sentence.end, player: p.ent.name, from, to, status, window: _window(k, text), fee: _fee(ctx, clause.sentence, p.ent.name, status), source: _source(doc, ctx.sources, clause.sentence) });
      }
      if (roles.from && !home.has(p.ent)) home.set(p.ent, roles.from);
      if (status === 'completed' && tos.length === 1 && tos[0]) home.set(p.ent, tos[0]);
    }
  }
  return [...byKey.values()];
}

/**
 * One rumour per player and destination. The first sentence that tells it is the evidence and gives
 * the stage: news writing leads with its news, and measured on the gold sets, the lede's stage is
 * right more often than the furthest stage named anywhere in the article.
 */
function _record(byKey: Map<string, RumourFinding>, r: RumourFinding): void {
  const key = `${r.player}\u0000${r.to}`;
  const prev = byKey.get(key);
  if (!prev) {
    byKey.set(key, r);
    return;
  }
  prev.from ??= r.from;
  prev.window ??= r.window;
  prev.fee ??= r.fee;
  prev.source ??= r.source;
}

/**
 * Articles are written from one club's side: a player with no club of his own written is taken to
 * be at the club the article names most (other than the one he may join), when one clearly leads.
 */
function _mainClub(clubs: ClubMention[], except: string): string | null {
  const counts = new Map<string, number>();
  for (const c of clubs) if (c.club !== except) counts.set(c.club, (counts.get(c.club) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && first[1] >= 2 && (!second || first[1] > second[1]) ? first[0] : null;
}

/** The club a sentence opens with, as its subject ("Real Madrid are keeping tabs on ..."). */
function _subjectClub(doc: Doc, clubs: ClubMention[], s: Sentence, inQuote: (at: number) => boolean): string | null {
  const first = clubs.find((c) => c.start >= s.start && c.end <= s.end && !inQuote(c.start));
  if (!first || first.start - s.start > 30) return null;
  if (_attribute(doc, first)) return null;
  return /^(?:[\p{L}',]+\s+){0,3}$/u.test(doc.text.slice(s.start, first.start)) ? first.club : null;
}

/** "they"/"their": a club named earlier in the sentence, else the club the last sentences were about. */
function _theyClub(doc: Doc, clubs: ClubMention[], clause: _Clause, from: string | null, inQuote: (at: number) => boolean): string | null {
  const s = clause.sentence;
  const earlier = clubs.filter((c) => c.start >= s.start && c.end <= clause.start && c.club !== from && !inQuote(c.start)).pop();
  if (earlier) return earlier.club;
  for (let i = s.index - 1; i >= 0 && i >= s.index - 6; i--) {
    const subject = _subjectClub(doc, clubs, doc.sentences[i] as Sentence, inQuote);
    if (subject && subject !== from) return subject;
  }
  const last = clubs.filter((c) => c.end <= s.start && s.start - c.end < 600 && c.club !== from && !inQuote(c.start) && !_attribute(doc, c)).pop();
  return last?.club ?? null;
}

/** A club written as the attribute of a person other than the player: "Barcelona's Ronaldinho". */
function _ownsSomeoneElse(doc: Doc, c: ClubMention, p: _PlayerRef): boolean {
  const after = doc.text.slice(c.end, c.end + 40);
  const m = /^'s?\s+(?:[a-z-]+\s+){0,2}([\p{Lu}][\p{L}'-]+)/u.exec(after);
  if (!m && !_attribute(doc, c)) return false;
  if (p.at <= c.start && c.start - p.at <= 40) return false; // inside his own description: "the Lille star"
  const named = c.end + (m?.index ?? 0);
  return !(p.at >= c.end && p.at - c.end <= 40 && p.at >= named);
}

/** "The former Brighton man", "Liverpool midfielder": a club used as an attribute of a person. */
function _attribute(doc: Doc, c: ClubMention): boolean {
  const next = /^(?:'s?)?\s+([\p{L}-]+)/u.exec(doc.text.slice(c.end, c.end + 30))?.[1]?.toLowerCase() ?? '';
  const k = peopleKnowledge();
  return next === 'man' || k.playerWords.has(next) || k.roleWords.has(next);
}

function _listOf<T>(x: T | null): T[] {
  return x === null ? [] : [x];
}

/** Does the sentence talk about the transfer market, and not about a contract, a takeover or an award? */
function _marketTalk(doc: Doc, k: StageKnowledge, s: Sentence): boolean {
  const text = doc.text.slice(s.start, s.end);
  if (k.notTransfer.find(text).length) return false;
  return /[£€$]\s?\d/.test(text) || k.context.find(text).length > 0;
}

function _decisive(statuses: Status[], rank: Map<Status, number>): Status {
  return statuses.reduce((a, b) => ((rank.get(b) ?? 99) < (rank.get(a) ?? 99) ? b : a));
}

function* _clauses(doc: Doc): Generator<_Clause> {
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    let start = 0;
    // "While Liverpool are hoping ..., Real Madrid have decided ...": the opening clause ends at its comma.
    const opening = _OPENING.exec(text);
    const breaks = [...text.matchAll(_CLAUSE)].map((m) => m.index);
    if (opening) breaks.push(opening[0].length - 1);
    for (const at of breaks.sort((a, b) => a - b)) {
      const m = { index: at };
      if (m.index > start) yield { start: s.start + start, end: s.start + m.index, sentence: s };
      start = m.index;
    }
    yield { start: s.start + start, end: s.end, sentence: s };
  }
}

/** Players the clause names, or the one it points to ("he", "the Frenchman", "the 28-year-old"). */
function _playersIn(refs: References, clause: _Clause, clubs: ClubMention[], inQuote: (at: number) => boolean): _PlayerRef[] {
  const out: _PlayerRef[] = [];
  const seen = new Set<PersonEntity>();
  for (const m of refs.within(clause.start, clause.end)) {
    if (m.ent.role !== null || seen.has(m.ent) || inQuote(m.start)) continue;
    seen.add(m.ent);
    out.push({ ent: m.ent, at: m.start });
  }
  if (out.length) return out;
  const pointed = refs.pointedPlayer(clause.start, clause.end, clubs, inQuote);
  return pointed ? [pointed] : [];
}

interface _Roles {
  from: string | null;
  to: string[];
}

/** Which of the clause's clubs the player leaves and which want him. */
function _clubRoles(doc: Doc, k: StageKnowledge, clause: _Clause, clubs: ClubMention[], allClubs: ClubMention[], p: _PlayerRef, cueAt: number, status: Status): _Roles {
  const attr = attributiveClub(doc, allClubs, p.at);
  let from: string | null = attr && attr.start >= clause.sentence.start ? attr.club : null;
  const to: string[] = [];
  const subjects: string[] = [];
  const objects: string[] = [];
  for (const c of clubs) {
    if (attr && c.start === attr.start) continue;
    // "with Barcelona's Ronaldinho": a club written as another player's attribute wants nobody here.
    if (_ownsSomeoneElse(doc, c, p)) continue;
    const lead = _lead(doc, clause, c);
    // "is being closely followed by Real Madrid": the agent wants him; "rejected by Forest": it sells.
    const byAgent = /\bby\s*$/i.test(lead) && c.start > cueAt;
    if (byAgent && (status === 'rejected' || status === 'denied')) from ??= c.club;
    else if (byAgent || _endsWith(k.bidder, lead) || _endsWith(k.to, lead) || _possessiveBid(doc, k, c)) to.push(c.club);
    else if (_endsWith(k.from, lead)) from ??= c.club;
    else if (_coordinated(doc, c, to, clubs)) to.push(c.club);
    else if (c.start < cueAt) subjects.push(c.club);
    else objects.push(c.club);
  }
  if (to.length) {
    // "Forest have received a bid from Tottenham for Andy Reid": the subject is the seller.
    from ??= subjects.find((c) => !to.includes(c)) ?? null;
    return { from, to: _unique(to) };
  }
  if (subjects.length) return { from, to: [subjects[subjects.length - 1] as string] };
  return { from, to: objects.slice(0, 1) };
}

/** The words just before a club, within its clause, with a trailing "the" dropped. */
function _lead(doc: Doc, clause: _Clause, c: Span): string {
  return doc.text.slice(Math.max(clause.sentence.start, c.start - 40), c.start).replace(/\b(?:the|a|an)\s+$/i, '');
}

function _endsWith(markers: StageKnowledge['to'], lead: string): boolean {
  const hits = markers.find(lead);
  const last = hits[hits.length - 1];
  return !!last && /^\s*$/.test(lead.slice(last.end));
}

/** "Blackburn's bid", "Liverpool's interest": the club owns the wanting. */
function _possessiveBid(doc: Doc, k: StageKnowledge, c: Span): boolean {
  const after = doc.text.slice(c.end, c.end + 40);
  const m = /^'s?\s+(?:[\p{L}£€$\d.-]+\s+){0,2}?([\p{L}-]+(?: for)?)/u.exec(after);
  const noun = (m?.[1] ?? '').toLowerCase();
  return k.bidNouns.has(noun) || k.bidNouns.has(noun.split(' ')[0] ?? '');
}

/** "a move to Barcelona and Liverpool": a club joined by "and"/"or" to a club already wanted. */
function _coordinated(doc: Doc, c: ClubMention, wanted: string[], clubs: ClubMention[]): boolean {
  const prev = clubs.filter((o) => o.end <= c.start && wanted.includes(o.club)).pop();
  return !!prev && /^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$/.test(doc.text.slice(prev.end, c.start));
}

function _unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function _window(k: StageKnowledge, text: string): string | null {
  return k.windows.find(text)[0]?.value ?? null;
}

/**
 * The fee of a move: one in its sentence, else one the article gives for the player elsewhere that
 * fits the stage (a fee paid goes with a done deal, an asking price or a bid with a rumour).
 */
function _fee(ctx: RumourContext, s: Sentence, player: string, status: Status): Money | null {
  const usable = (f: FeeFinding) => f.amount !== null && f.kind !== 'other' && f.kind !== 'wage';
  const done = status === 'completed' || status === 'agreed';
  let pick = ctx.fees.find((f, i) => usable(f) && f.start >= s.start && f.end <= s.end && (ctx.feePlayers[i] ?? player) === player);
  pick ??= ctx.fees.find((f, i) => usable(f) && ctx.feePlayers[i] === player && (f.kind === 'paid') === done);
  return pick ? { text: pick.text, amount: pick.amount, currency: pick.currency } : null;
}

function _source(doc: Doc, sources: SourceFinding[], s: Sentence): string | null {
  const inSentence = sources.find((x) => x.start >= s.start && x.end <= s.end);
  if (inSentence) return inSentence.name;
  const para = doc.paragraphs[s.paragraph];
  const before = sources.filter((x) => x.end <= s.start && (!para || x.start >= para.start));
  return before[before.length - 1]?.name ?? null;
}
