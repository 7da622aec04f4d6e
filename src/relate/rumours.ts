// Rumours: player × from-club × to-club × stage, read clause by clause from the narrative (quoted
// speech is left out: what people say is reported as quotes). A clause makes a rumour when it cues
// a stage ("are keeping tabs on", "tabled a bid", "completed a deal"), names or points to a player,
// and names a club that wants him. Which club is which comes from the words around each club:
// "to"/"join" mark the buyer, "a bid from X" and "X's bid" too; "from"/"leave" and an attribute
// ("Brighton's Carlos Baleba", "Liverpool midfielder") mark the seller; otherwise the club that is
// the clause's subject is the one that wants him.
import { attributiveClub } from '../extract/names.js';
import { insideAny, within } from '../extract/spans.js';
import type { ClubMention, Doc, FeeFinding, PersonEntity, QuoteFinding, RumourFinding, Sentence, SourceFinding, Span } from '../extract/types.js';
import { relationModel, scorePair, type RelationModel } from '../knowledge/relation-model.js';
import { stageKnowledge, type StageKnowledge } from '../knowledge/stages.js';
import type { Money, Status } from '../schema.js';
import { phrasesIn } from '../tokens/index.js';
import { endsWithMarker, hasPhrase, headsClub, isAttribute, leadOf, ownsSomeoneElse, possessiveBid, stageCues as _cues, talksMarket } from './_wording.js';
import type { PlayerAt, References } from './coref.js';
import { candidatePairs, isExcerpt, type Pair } from './pairs.js';

export interface RumourContext {
  entities: PersonEntity[];
  /** The learned pair scorer; the committed one when left out, none (the rules alone) when null. */
  model?: RelationModel | null;
  /** Sees every candidate pair with its features (the training script's way in). */
  onPairs?: (pairs: Pair[]) => void;
  clubs: ClubMention[];
  fees: FeeFinding[];
  feePlayers: Array<string | null>;
  sources: SourceFinding[];
  quotes: QuoteFinding[];
  refs: References;
  /** Who said each quote (by index), where known: "I'm staying" said by the player denies his move. */
  speakers?: Array<string | null>;
}

const _THEY = /\b(?:they|their|them)\b/i;
const _OPENING = /^(?:while|whilst|although|though|as|after|before|if|when|despite|with|having)\b[^,;]{3,120},/i;
// Clause breaks: where a sentence turns to another subject.
const _CLAUSE = /;|\s[-–]\s|,\s+(?:and|but|while|whereas|although|though|with|after|before|as|who|which|where)\s|\s(?:but|while|whereas|although|though|after|before|because)\s/gi;

interface _Clause extends Span {
  sentence: Sentence;
}

/**
 * The rules propose, the learned scorer decides: every (player, club) pair named in one sentence is
 * scored (relate/pairs.ts), what the rules found among its features. Each player gets one seller (his
 * written club, else the club the model reads him as leaving, else the rules'); every other club the
 * model links him with is a move, with the rules' stage, or its sentences'. A denial told later
 * stands over the report.
 */
export function findRumours(doc: Doc, ctx: RumourContext): RumourFinding[] {
  const { rumours: rules, home } = _ruleRumours(doc, ctx);
  const model = ctx.model === undefined ? relationModel() : ctx.model;
  let found = rules;
  if (model !== null || ctx.onPairs) {
    const pairs = candidatePairs(doc, { clubs: ctx.clubs, quotes: ctx.quotes, refs: ctx.refs, rules, home });
    ctx.onPairs?.(pairs);
    if (model !== null) found = _decide(doc, ctx, model, rules, pairs);
  }
  _laterDenials(doc, ctx, found);
  return found;
}

// "have ruled out tabling a second offer": no more bids, which is not a denial of the interest.
const _ANOTHER_BID = /\b(?:second|another|further|improved|fresh|new|third)\s+(?:offer|bid|approach|proposal)\b/i;
const _HEDGE = /\b(?:right now|for now|at the moment|at this moment|currently|for the time being|at present)\b/i;

/**
 * A denial told after the report stands over it: "I'm staying" said by the player, or "Arsenal
 * have no interest in him", in a later sentence that names the player or the club he was linked
 * with, and no third club (whose denial would be about another move); so does a club's denial in
 * the headline or lede that names no player, over the interest reported below it.
 */
function _laterDenials(doc: Doc, ctx: RumourContext, rumours: RumourFinding[]): void {
  const k = stageKnowledge();
  // "Right now I'm very comfortable at Liverpool": a hedge leaves the door open, no denial.
  const denials = doc.sentences.filter((s) => {
    const text = doc.text.slice(s.start, s.end);
    return !_HEDGE.test(text) && !_ANOTHER_BID.test(text) && _cues(k, doc, s.start, s.end).some((h) => h.value === 'denied');
  });
  if (!denials.length) return;
  for (const r of rumours) {
    if (r.status === 'completed' || r.status === 'denied') continue;
    for (const s of denials) {
      const clubs = within(ctx.clubs, s.start, s.end).map((c) => c.club);
      if (clubs.some((c) => c !== r.to && c !== r.from)) continue;
      // "Arsenal boss Arsene Wenger says he has no plans to sign a new goalkeeper", as the lede of
      // an article that goes on to list the keepers linked with Arsenal: the denial covers them.
      const lede = s.index <= 1 && s.start <= r.start && r.status === 'interest' && clubs.includes(r.to) && !ctx.refs.within(s.start, s.end).some((m) => m.ent.role === null);
      if (lede) {
        r.status = 'denied';
        break;
      }
      if (s.start <= r.start) continue;
      const named = ctx.refs.within(s.start, s.end).some((m) => m.ent.name === r.player);
      const said = ctx.quotes.some((q, i) => q.start < s.end && q.end > s.start && ctx.speakers?.[i] === r.player);
      if (named || said || clubs.includes(r.to)) {
        r.status = 'denied';
        break;
      }
    }
  }
}

const _GUESS = 0.15;
const _EXACT: ReadonlySet<Status> = new Set<Status>(['completed', 'denied', 'rejected']);

interface _Scores {
  to: number;
  from: number;
  /** Over its sentences, how much more the pair reads "leaves there" than "goes there". */
  net: number;
  /** Every mention of the club beside him calls it his former one ("the former Brighton star"). */
  former: boolean;
  /** The pair, in the sentence where it reads most as a move. */
  best: Pair;
  /** The sentences that put the two together, in text order. */
  sentences: Sentence[];
}

function _decide(doc: Doc, ctx: RumourContext, model: RelationModel, rules: RumourFinding[], pairs: Pair[]): RumourFinding[] {
  const k = stageKnowledge();
  const key = (player: string, club: string) => `${player}\u0000${club}`;
  // Per player, per club: the pair's strongest "goes there" and "leaves there" over its sentences.
  const byPlayer = new Map<PersonEntity, Map<string, _Scores>>();
  // The stage a sentence gives, read once a sentence.
  const stages = new Map<number, Status | null>();
  const stageOf = (sentence: Sentence): Status | null => {
    let stage = stages.get(sentence.index);
    if (stage === undefined) {
      const cues = _cues(k, doc, sentence.start, sentence.end).map((c) => c.value);
      stage = cues.length ? _decisive(cues, k.rank) : null;
      stages.set(sentence.index, stage);
    }
    return stage;
  };
  for (const pair of pairs) {
    const [, pTo, pFrom] = scorePair(model, pair.features);
    const clubs = byPlayer.get(pair.ent) ?? new Map<string, _Scores>();
    byPlayer.set(pair.ent, clubs);
    const sc = clubs.get(pair.club.club) ?? { to: -1, from: -1, net: 0, former: true, best: pair, sentences: [] };
    clubs.set(pair.club.club, sc);
    if (sc.sentences.at(-1) !== pair.sentence) sc.sentences.push(pair.sentence);
    if (pTo > sc.to) [sc.to, sc.best] = [pTo, pair];
    sc.from = Math.max(sc.from, pFrom);
    sc.net += pFrom - pTo;
    sc.former &&= pair.features.includes('lead:former');
  }
  // One seller per player; every other club the model links him with, in either direction, is one
  // that wants him.
  const seller = new Map<PersonEntity, string | null>();
  const ruleFrom = new Map<string, string>();
  for (const r of rules) if (r.from !== null && !ruleFrom.has(r.player)) ruleFrom.set(r.player, r.from);
  const moves = new Map<string, _Scores>();
  const t = model.thresholds;
  // A whole article names many more pairs than the moves it tells: it takes surer evidence.
  const toAt = isExcerpt(doc) ? t.to : t.toArticle;
  for (const [ent, clubs] of byPlayer) {
    // His club as written beside his name is exact: it wins over the model's reading; where the model
    // is unsure, the seller the rules read ("a bid from Tottenham for Andy Reid" leaves Forest) stands.
    let from: string | null = ent.club;
    // Over all its sentences, not its one best: a headline's "Blues slam Blackburn over Savage" does
    // not make Blackburn the club he leaves when the body has Blackburn bidding for him.
    let most = 0;
    if (from === null) for (const [club, sc] of clubs) if (sc.from >= t.from && sc.net > most && !sc.former) [from, most] = [club, sc.net];
    from ??= ruleFrom.get(ent.name) ?? null;
    seller.set(ent, from);
    for (const [club, sc] of clubs) if (club !== from && sc.to >= t.own && sc.to + t.link * sc.from >= toAt) moves.set(key(ent.name, club), sc);
  }
  const readOf = new Map([...byPlayer].flatMap(([ent, clubs]) => [...clubs].map(([c, sc]) => [key(ent.name, c), sc] as const)));
  const out = new Map<string, RumourFinding>();
  // A rule's rumour stands unless the model read its pair as no move there (P(to) under `own`) or
  // as him leaving that club; a completed move, a denial or a rejection the rules read from fixed
  // wording stands whatever the model says.
  for (const r of rules) {
    const id = key(r.player, r.to);
    const read = readOf.get(id);
    if (!read || moves.has(id) || _EXACT.has(r.status) || (read.to >= t.own && read.from < t.from)) out.set(id, { ...r });
  }
  for (const [id, sc] of moves) {
    if (out.has(id)) continue;
    const pair = sc.best;
    const player = pair.ent.name;
    const to = pair.club.club;
    // The stage: the first sentence that puts the two together with a stage word, as the rules read the lede.
    let s = pair.sentence;
    let status: Status = 'interest';
    for (const other of sc.sentences) {
      const stage = stageOf(other);
      if (stage === null) continue;
      [s, status] = [other, stage];
      break;
    }
    out.set(id, { start: s.start, end: s.end, player, from: null, to, status, window: _window(k, doc, s), fee: _fee(ctx, s, player, status), source: _source(doc, ctx.sources, s) });
  }
  // The seller chosen above; else the rules'; else the model's best guess; else the article's main
  // club or the only other club named.
  const entities = new Map<string, PersonEntity>(ctx.entities.map((e) => [e.name, e]));
  const clubNames = [...new Set(ctx.clubs.map((m) => m.club))];
  // A move the article reports done says where he is now: every other move starts there.
  const joined = new Map<string, string>();
  // (Not a loan: "a loan spell at Leipzig" ends where it began.)
  for (const r of out.values()) if (r.status === 'completed' && !joined.has(r.player) && !/\bloan/i.test(doc.text.slice(r.start, r.end))) joined.set(r.player, r.to);
  for (const r of out.values()) {
    const ent = entities.get(r.player);
    const now = r.status === 'completed' ? undefined : joined.get(r.player);
    const modelFrom = now ?? (ent ? seller.get(ent) : undefined);
    const others = clubNames.filter((c) => c !== r.to);
    if (modelFrom && modelFrom !== r.to) r.from = modelFrom;
    else r.from ??= _guessSeller(ent && byPlayer.get(ent), r.to) ?? _mainClub(ctx.clubs, r.to) ?? (others.length === 1 ? (others[0] ?? null) : null);
    if (r.from === r.to) r.from = null;
  }
  // Stable order: where each rumour is told.
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** The rules alone: clause by clause, a stage cue, a player and a club that wants him. */
function _ruleRumours(doc: Doc, ctx: RumourContext): { rumours: RumourFinding[]; home: Map<PersonEntity, string> } {
  const k = stageKnowledge();
  const refs = ctx.refs;
  const inQuote = insideAny(ctx.quotes, 1);
  const byKey = new Map<string, RumourFinding>();
  // Where each player is now: his written attribute, then what completed moves say.
  const home = new Map<PersonEntity, string>();
  for (const e of ctx.entities) if (e.club && e.role === null) home.set(e, e.club);

  let prev: _Clause | null = null;
  let prevPlayers: PlayerAt[] = [];
  let before: _Clause | null = null;
  for (const clause of _clauses(doc)) {
    const just = before;
    before = clause;
    const text = doc.text.slice(clause.start, clause.end);
    const cues = _cues(k, doc, clause.start, clause.end).filter((c) => !inQuote(clause.start + c.start));
    const clubs = within(ctx.clubs, clause.start, clause.end).filter((c) => !inQuote(c.start));
    if (!cues.length || !_marketTalk(doc, k, clause.sentence)) continue;
    const status = _decisive(cues.map((c) => c.value), k.rank);
    const cueAt = clause.start + (cues[0]?.start ?? 0);
    let players = refs.playersIn(clause.start, clause.end, ctx.clubs, inQuote);
    // "... linked Owen with a move back to England, with Newcastle expressing their interest":
    // a clause that names nobody goes on about the players of the clause before it.
    // "..., who has been loaned to Everton": a relative clause is about the man just before it.
    if (!players.length && _RELATIVE.test(text)) players = just?.sentence === clause.sentence ? _lastNamed(refs.playersIn(just.start, just.end, ctx.clubs, inQuote), just.end) : [];
    else if (!players.length && prev?.sentence === clause.sentence) players = prevPlayers.map((p) => ({ ...p, at: clause.start }));
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
        _record(byKey, { start: clause.sentence.start, end: clause.sentence.end, player: p.ent.name, from, to, status, window: _window(k, doc, clause), fee: _fee(ctx, clause.sentence, p.ent.name, status), source: _source(doc, ctx.sources, clause.sentence) });
      }
      if (roles.from && !home.has(p.ent)) home.set(p.ent, roles.from);
      if (status === 'completed' && tos.length === 1 && tos[0]) home.set(p.ent, tos[0]);
    }
  }
  return { rumours: [...byKey.values()], home };
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

/** Below the model's threshold, its likeliest seller is still a better guess than none. */
function _guessSeller(clubs: Map<string, _Scores> | undefined, to: string): string | null {
  let best: string | null = null;
  let top = _GUESS;
  for (const [club, sc] of clubs ?? []) if (club !== to && sc.from >= top && !sc.former) [best, top] = [club, sc.from];
  return best;
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
  if (isAttribute(doc, first)) return null;
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
  const last = clubs.filter((c) => c.end <= s.start && s.start - c.end < 600 && c.club !== from && !inQuote(c.start) && !isAttribute(doc, c)).pop();
  return last?.club ?? null;
}



function _listOf<T>(x: T | null): T[] {
  return x === null ? [] : [x];
}

/** Does the sentence talk about the transfer market, and not about a contract, a takeover or an award? */
function _marketTalk(doc: Doc, k: StageKnowledge, s: Sentence): boolean {
  return !hasPhrase(k.notTransfer, doc, s.start, s.end) && talksMarket(k, doc, s.start, s.end);
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
    const breaks: number[] = [];
    _CLAUSE.lastIndex = 0;
    for (let m = _CLAUSE.exec(text); m !== null; m = _CLAUSE.exec(text)) breaks.push(m.index);
    if (opening) breaks.push(opening[0].length - 1);
    for (const at of breaks.sort((a, b) => a - b)) {
      const m = { index: at };
      if (m.index > start) yield { start: s.start + start, end: s.start + m.index, sentence: s };
      start = m.index;
    }
    yield { start: s.start + start, end: s.end, sentence: s };
  }
}


const _RELATIVE = /^[\s,;(–—-]*(?:who|whose)\b/i;

/** The player named last before a relative clause, if the clause follows his name: its antecedent. */
function _lastNamed(players: PlayerAt[], end: number): PlayerAt[] {
  const last = players.reduce<PlayerAt | null>((a, p) => (!a || p.at > a.at ? p : a), null);
  return last && !last.pointed && end - last.at <= 40 ? [{ ...last, at: end }] : [];
}

const _OWNS_OTHER = /^'s?\s+(?:[a-z]+\s+)?(?:plans|future|side|squad|team|fans|board|ambitions|history|academy|stadium|ground|manager|boss|chairman|owner|owners|hierarchy|players|title|season|form|defence|attack|midfield)\b/;
const _REFUSED_BY = /\b(?:rejected|turned\s+down|knocked\s+back|snubbed|refused|rebuffed|dismissed|blocked)\s+by\s*$/i;
const _HIS_MOVE_FROM = /\b(?:his|her)\s+(?:[\p{L}£€$\d.-]+\s+){0,2}?(?:move|switch|transfer|departure|exit)\s+from\s*$/iu;
const _EXIT_AFTER = /^(?:'s?)?\s+(?:exit|departure)\b/i;
const _TARGET_AFTER = /^\s+(?:(?:transfer|summer|january|loan|top|main|prime|key|long-term|dream)\s+)?targets?\b/i;

interface _Roles {
  from: string | null;
  to: string[];
}

/** Which of the clause's clubs the player leaves and which want him. */
function _clubRoles(doc: Doc, k: StageKnowledge, clause: _Clause, clubs: ClubMention[], allClubs: ClubMention[], p: PlayerAt, cueAt: number, status: Status): _Roles {
  const attr = attributiveClub(doc, allClubs, p.at);
  let from: string | null = attr && attr.start >= clause.sentence.start ? attr.club : null;
  const to: string[] = [];
  const subjects: string[] = [];
  const objects: string[] = [];
  const partners: string[] = [];
  let hisTalks = false;
  for (const c of clubs) {
    if (attr && c.start === attr.start) continue;
    // "with Barcelona's Ronaldinho": a club written as another player's attribute wants nobody here.
    if (ownsSomeoneElse(doc, c, p.at)) {
      // "Inter Milan boss Antonio Conte wants a reunion with Vidal": the club of the man who wants him.
      if (c.start < cueAt && headsClub(doc, c)) subjects.push(c.club);
      continue;
    }
    const lead = leadOf(doc, clause.sentence.start, c);
    // "is being closely followed by Real Madrid": the agent wants him; "rejected by Forest": it sells.
    const byAgent = /\bby\s*$/i.test(lead.text) && c.start > cueAt;
    // "a bid for Sancho turned down by Dortmund": whoever turns the bid down sells, whatever the
    // sentence's stage; "Chelsea target Lukaku": the club before "target" wants him.
    const after = doc.text.slice(c.end, c.end + 30);
    // "to sign the Fiorentina striker": the club in the words that point to him is his own.
    if (p.pointed && c.start >= p.at && c.start - p.at <= 12 && isAttribute(doc, c)) {
      from ??= c.club;
      continue;
    }
    // "central to Liverpool's plans": the marker is the noun's; the club only owns it.
    if (_OWNS_OTHER.test(after) && !possessiveBid(doc, k, c) && !isAttribute(doc, c)) {
      (c.start < cueAt ? subjects : objects).push(c.club);
      continue;
    }
    if (byAgent && (status === 'rejected' || status === 'denied' || _REFUSED_BY.test(lead.text))) from ??= c.club;
    // "his move from Middlesbrough", "eyes Man City exit": the club he leaves, not one that bids.
    else if (_HIS_MOVE_FROM.test(lead.text) || _EXIT_AFTER.test(after)) from ??= c.club;
    else if (_TARGET_AFTER.test(after)) to.push(c.club);
    else if (endsWithMarker(k.partner, doc, lead)) {
      partners.push(c.club);
      // "Pogba is in talks with Juventus": his own talks, told just before the club.
      hisTalks ||= !p.pointed && p.at < c.start && c.start - p.at <= 50 && !/\b(?:club|clubs|they|side)\b/i.test(doc.text.slice(p.at, c.start));
    }
    else if (byAgent || endsWithMarker(k.bidder, doc, lead) || endsWithMarker(k.to, doc, lead) || possessiveBid(doc, k, c)) to.push(c.club);
    else if (endsWithMarker(k.from, doc, lead)) from ??= c.club;
    else if (_coordinated(doc, c, to, clubs)) to.push(c.club);
    else if (c.start < cueAt) subjects.push(c.club);
    else objects.push(c.club);
  }
  // "Aston Villa have made an offer to Porto for Morais": the club a buyer deals with sells; "Pogba
  // is in talks with Juventus": with no other club, the one he talks to wants him.
  // ("as the club near an agreement with Monaco for the midfielder": no club named as buyer, but
  // the player is not the one talking either, so Monaco still sells.)
  if (partners.length) {
    const buyers = [...to, ...subjects].filter((c) => !partners.includes(c));
    if (buyers.length || !hisTalks) from ??= partners[0] ?? null;
    else to.push(...partners);
  }
  if (to.length) {
    // "Forest have received a bid from Tottenham for Andy Reid": the subject is the seller.
    from ??= subjects.find((c) => !to.includes(c)) ?? null;
    return { from, to: _unique(to) };
  }
  // "Liverpool insist all offers will be refused": the club that turns offers down sells.
  if (subjects.length && status === 'rejected' && !objects.length) return { from: from ?? (subjects[subjects.length - 1] as string), to: [] };
  if (subjects.length) return { from, to: [subjects[subjects.length - 1] as string] };
  return { from, to: objects.slice(0, 1) };
}




/** "a move to Barcelona and Liverpool": a club joined by "and"/"or" to a club already wanted. */
function _coordinated(doc: Doc, c: ClubMention, wanted: string[], clubs: ClubMention[]): boolean {
  const prev = clubs.filter((o) => o.end <= c.start && wanted.includes(o.club)).pop();
  return !!prev && /^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$/.test(doc.text.slice(prev.end, c.start));
}

function _unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function _window(k: StageKnowledge, doc: Doc, s: Span): string | null {
  return phrasesIn(k.windows, doc.tokens, s.start, s.end)[0]?.value ?? null;
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
  return before[before.length - 1]?.name ?? _ownVoice(doc, sources);
}

// "BBC Sport understands", "Sky Sports News has learned": an outlet naming itself as the source of
// its own story speaks for the whole article.
const _OWN = /^,?\s*(?:understands|has\s+(?:learnt|learned)|can\s+(?:reveal|confirm)|has\s+been\s+told)\b/i;

function _ownVoice(doc: Doc, sources: SourceFinding[]): string | null {
  return sources.find((x) => x.kind === 'outlet' && _OWN.test(doc.text.slice(x.end, x.end + 40)))?.name ?? null;
}
