// Candidate (player, club) pairs for the learned scorer, one per player and club named in a sentence,
// each with the sparse features that the model weighs: the words between and around the two, their
// order and distance, the stage cues of the sentence, the from/to markers before the club, clause
// breaks, quotes, other clubs and players in between, and what the rules made of the pair. The same
// code makes the features at run time and for training (scripts/train.mjs), so the two never drift.
import { insideAny, within } from '../extract/spans.js';
import type { ClubMention, Doc, PersonEntity, QuoteFinding, RumourFinding, Sentence } from '../extract/types.js';
import { stageKnowledge } from '../knowledge/stages.js';
import { endsWithMarker, hasPhrase, isAttribute, leadOf, ownsSomeoneElse, possessiveBid, stageCues, talksMarket } from './_wording.js';
import type { PlayerAt, References } from './coref.js';

export interface PairContext {
  clubs: ClubMention[];
  quotes: QuoteFinding[];
  refs: References;
  /** What the rules found: a feature, so the model learns when to trust them. */
  rules: RumourFinding[];
  /** Each player's club as written beside his name ("Brighton's Baleba"). */
  home: ReadonlyMap<PersonEntity, string>;
}

export interface Pair {
  ent: PersonEntity;
  club: ClubMention;
  sentence: Sentence;
  features: string[];
}

/**
 * Below this share of sentences about the market, an article is about something else (a match report
 * with a transfer aside): the rules alone read it.
 */
const _ASIDE_SHARE = 0.2;
const _FEW_SENTENCES = 5;
/** From this share on, the article is a transfer story: every sentence of it may tell the move. */
const _STORY = 0.5;

/** An excerpt of a few sentences is all lede: too short to be about anything but its story. */
export function isExcerpt(doc: Doc): boolean {
  return doc.sentences.length < _FEW_SENTENCES;
}

const _WORD = /[\p{L}\p{N}£€$]+(?:['’.-][\p{L}\p{N}]+)*|[,;:()"“”–—-]/gu;
// Where a sentence turns to another subject (as the rules cut clauses).
const _BREAK = /^(?:;|,|–|—|-|but|while|whereas|although|though|who|which|whose|after|before|because)$/;
const _MAX_BETWEEN = 14;

interface _Tok {
  start: number;
  end: number;
  w: string;
}

export function candidatePairs(doc: Doc, ctx: PairContext): Pair[] {
  const k = stageKnowledge();
  const inQuote = insideAny(ctx.quotes, 1);
  const ruleTo = new Map<string, RumourFinding>();
  const ruleFrom = new Set<string>();
  for (const r of ctx.rules) {
    ruleTo.set(`${r.player}\u0000${r.to}`, r);
    if (r.from) ruleFrom.add(`${r.player}\u0000${r.from}`);
  }
  const clubCounts = new Map<string, number>();
  for (const c of ctx.clubs) clubCounts.set(c.club, (clubCounts.get(c.club) ?? 0) + 1);
  const topClub = [...clubCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const cast = [`artClubs:${_bucket(clubCounts.size)}`, `artPlayers:${_bucket(ctx.refs.entities.filter((e) => e.role === null).length)}`];
  const firstClubs = new Set(within(ctx.clubs, doc.sentences[0]?.start ?? 0, doc.sentences[0]?.end ?? 0).map((c) => c.club));

  // Does the sentence talk about the transfer market (a market word or a sum), as the rules read it?
  const market = doc.sentences.map((s) => talksMarket(k, doc, s.start, s.end));
  // How much of the article is about the market: a transfer story, or a match report with one aside.
  const share = market.filter(Boolean).length / Math.max(1, market.length);
  // Then the rules alone read it, and no pair is worth scoring. A text of a few sentences is too
  // short to be about something else: "Pedro has agreed to join Roma." is all story.
  if (share < _ASIDE_SHARE && !isExcerpt(doc)) return [];
  // A story's every sentence may tell the move; so may an excerpt's, all lede, when it talks of the
  // market somewhere: a short injury note or match preview does not.
  const story = share >= _STORY || (isExcerpt(doc) && (share > 0 || doc.sentences.some((x) => stageCues(k, doc, x.start, x.end).length > 0)));
  cast.push(`docMarket:${share < _ASIDE_SHARE ? 'low' : share < 0.4 ? 'some' : share < 0.6 ? 'half' : 'most'}`);
  // What the words before a club say of it: the same whoever the player is, so read once a mention.
  const sides = new Map<number, string[]>();
  const clubSide = (c: ClubMention, s: Sentence): string[] => {
    let f = sides.get(c.start);
    if (f) return f;
    f = [];
    const lead = leadOf(doc, s.start, c);
    if (endsWithMarker(k.to, doc, lead)) f.push('lead:to');
    if (endsWithMarker(k.from, doc, lead)) f.push('lead:from');
    if (endsWithMarker(k.bidder, doc, lead)) f.push('lead:bidder');
    if (endsWithMarker(k.partner, doc, lead)) f.push('lead:partner');
    if (/\bby\s*$/i.test(lead.text)) f.push('lead:by');
    // "former club Napoli", "the ex-Chelsea man": where he was, not where he is.
    if (/\b(?:former|ex|(?<!-year-)old|boyhood|previous)(?:\s+club)?[\s-]*$/i.test(lead.text)) f.push('lead:former');
    if (possessiveBid(doc, k, c)) f.push('possBid');
    sides.set(c.start, f);
    return f;
  };
  const out: Pair[] = [];
  for (const s of doc.sentences) {
    const clubs = within(ctx.clubs, s.start, s.end);
    if (!clubs.length) continue;
    const players = ctx.refs.playersIn(s.start, s.end, ctx.clubs, inQuote);
    if (!players.length) continue;
    // A new contract at his own club, a takeover, an award: no move, as the rules read it.
    if (hasPhrase(k.notTransfer, doc, s.start, s.end)) continue;
    const text = doc.text.slice(s.start, s.end);
    const cues = stageCues(k, doc, s.start, s.end).map((c) => ({ at: s.start + c.start, status: c.value, phrase: c.phrase }));
    // No word of the market and no stage word, in an article that is not all transfer story: a
    // player and a club met on the pitch or in the treatment room (the model reads how a move is
    // told, not whether one is told at all).
    const plain = !market[s.index] && cues.length === 0;
    if (plain && !story) continue;
    const toks = _tokens(text, s.start);
    const sentenceFeats = [...cast, market[s.index] ? 'market' : 'noMarket', `cues:${cues.length === 0 ? 0 : cues.length === 1 ? 1 : 2}`, ...(s.index === 0 ? ['first'] : []), `nClubs:${Math.min(clubs.length, 3)}`, `nPlayers:${Math.min(players.length, 3)}`];
    for (const c of new Set(cues.map((x) => x.status))) sentenceFeats.push(`cue:${c}`);
    for (const p of players) {
      // One pair per club: its mention nearest the player.
      const nearest = new Map<string, ClubMention>();
      for (const c of clubs) {
        const prev = nearest.get(c.club);
        if (!prev || Math.abs(c.start - p.at) < Math.abs(prev.start - p.at)) nearest.set(c.club, c);
      }
      for (const c of nearest.values()) {
        const f = [...sentenceFeats, ..._pairFeatures(toks, p, c, clubs, players, cues, inQuote)];
        const key = `${p.ent.name}\u0000${c.club}`;
        const rule = ruleTo.get(key);
        if (rule) f.push(rule.start === s.start ? 'rule:to:here' : 'rule:to', `rule:${rule.status}`);
        if (ruleFrom.has(key)) f.push('rule:from');
        if (ctx.home.get(p.ent) === c.club) f.push('home');
        if (c.club === topClub) f.push('topClub');
        if (firstClubs.has(c.club)) f.push('clubInFirst');
        if (ctx.refs.main === p.ent) f.push('mainPlayer');
        if ((clubCounts.get(c.club) ?? 0) >= 3) f.push('clubOften');
        f.push(...clubSide(c, s));
        if (isAttribute(doc, c)) f.push(ownsSomeoneElse(doc, c, p.at) ? 'attrOther' : 'attr');
        out.push({ ent: p.ent, club: c, sentence: s, features: f });
      }
    }
  }
  // How often the article puts the two together: one sentence may be a side remark, three a story.
  const id = (p: Pair) => `${p.ent.name}\u0000${p.club.club}`;
  const together = new Map<string, number>();
  for (const p of out) together.set(id(p), (together.get(id(p)) ?? 0) + 1);
  for (const p of out) p.features.push(`together:${Math.min(together.get(id(p)) ?? 1, 3)}`);
  return out;
}

function _tokens(text: string, base: number): _Tok[] {
  const out: _Tok[] = [];
  _WORD.lastIndex = 0;
  for (let m = _WORD.exec(text); m !== null; m = _WORD.exec(text)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length, w: m[0].toLowerCase().replace(/\d/g, '0').replace(/’/g, "'") });
  }
  return out;
}

/** Index of the first token starting at or after `at`. */
function _tokAt(toks: _Tok[], at: number): number {
  let i = 0;
  while (i < toks.length && (toks[i] as _Tok).start < at) i++;
  return i;
}

function _pairFeatures(
  toks: _Tok[],
  p: PlayerAt,
  c: ClubMention,
  clubs: ClubMention[],
  players: PlayerAt[],
  cues: Array<{ at: number; status: string; phrase: string }>,
  inQuote: (at: number) => boolean,
): string[] {
  const f: string[] = [];
  const pi = _tokAt(toks, p.at);
  const ci = _tokAt(toks, c.start);
  const ce = _tokAt(toks, c.end);
  const pe = p.pointed ? pi + 1 : _tokAt(toks, p.ent.mentions.find((x) => x.start === p.at)?.end ?? p.at + 1);
  const clubFirst = c.start < p.at;
  f.push(clubFirst ? 'ord:cp' : 'ord:pc');
  if (p.pointed) f.push('pointed');
  if (inQuote(c.start)) f.push('q:club');
  const [a, b] = clubFirst ? [ce, pi] : [Math.max(pe, pi + 1), ci];
  const between = toks.slice(a, b);
  const dist = between.length;
  const bucket = dist <= 2 ? String(dist) : dist <= 5 ? '3-5' : dist <= 10 ? '6-10' : dist <= 20 ? '11-20' : '>20';
  f.push(`dist:${bucket}`, `dist:${clubFirst ? 'cp' : 'pc'}:${bucket}`);
  const shown = between.length > _MAX_BETWEEN ? [...between.slice(0, _MAX_BETWEEN / 2), ...between.slice(-_MAX_BETWEEN / 2)] : between;
  const dir = clubFirst ? 'cp' : 'pc';
  for (const t of shown) f.push(`btw:${t.w}`, `btw:${dir}:${t.w}`, `btws:${_stem(t.w)}`);
  for (let i = 0; i + 1 < shown.length; i++) f.push(`btw2:${(shown[i] as _Tok).w}_${(shown[i + 1] as _Tok).w}`);
  if (dist <= 4) f.push(`btwAll:${dir}:${between.map((t) => t.w).join('_')}`);
  if (between.some((t) => _BREAK.test(t.w))) f.push('break');
  const inBetween = (x: { start: number }) => x.start > Math.min(p.at, c.start) && x.start < Math.max(p.at, c.end);
  const clubsBetween = clubs.filter((o) => o.club !== c.club && inBetween(o)).length;
  f.push(`clubsBtw:${Math.min(clubsBetween, 2)}`);
  if (players.some((o) => o.ent !== p.ent && inBetween({ start: o.at }))) f.push('playerBtw');
  for (const cue of cues) if (inBetween({ start: cue.at })) f.push(`cueBtw:${cue.status}`, `cuePhrase:${cue.phrase}`);
  // The words around the club and around the player.
  const w = (i: number) => toks[i]?.w ?? (i < 0 ? '<s>' : '</s>');
  f.push(`c-1s:${_stem(w(ci - 1))}`, `c-2s:${_stem(w(ci - 2))}`, `c+1s:${_stem(w(ce))}`, `p-1s:${_stem(w(pi - 1))}`, `p+1s:${_stem(w(pe))}`);
  f.push(`c-1:${w(ci - 1)}`, `c-2:${w(ci - 2)}`, `c-21:${w(ci - 2)}_${w(ci - 1)}`, `c+1:${w(ce)}`, `c+12:${w(ce)}_${w(ce + 1)}`);
  f.push(`p-1:${w(pi - 1)}`, `p-21:${w(pi - 2)}_${w(pi - 1)}`, `p+1:${w(pe)}`, `p+12:${w(pe)}_${w(pe + 1)}`);
  if (ci === 0 || (ci <= 2 && /^(?:the|but|and|however|meanwhile)$/.test(w(0)))) f.push('c:subject');
  if (pi === 0) f.push('p:subject');
  return f;
}

/** A crude stem, enough to make "closing in", "closes in" and "closed in" one feature. */
function _stem(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:ing|ed|es|s)$/, '').replace(/(.)\1$/, '$1').replace(/e$/, '');
}

function _bucket(n: number): string {
  return n <= 2 ? String(n) : n <= 5 ? '3-5' : '6+';
}
