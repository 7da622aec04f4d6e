// Names: players and people (managers, executives, agents, journalists), one entity per person.
// Candidates are runs of capitalised words; club, outlet and credit spans are cut out; the words
// around each mention say whether it is a player or a person with a role; short forms ("Mac Allister",
// "Konate", "Vinicius") are linked to the fullest name in the article.
import { foldLetters } from '../knowledge/fold.js';
import { foldName, peopleKnowledge, type PeopleKnowledge } from '../knowledge/people.js';
import type { Role } from '../schema.js';
import { lastStartingBy } from './spans.js';
import type { ClubMention, Doc, NameMention, PersonEntity, QuoteFinding, Sentence, SourceFinding, Span } from './types.js';

export interface NameContext {
  clubs: ClubMention[];
  sources: SourceFinding[];
  quotes: QuoteFinding[];
  /** Outlets named without being cited (sources.ts): cut out like the cited ones. */
  outletNames?: Span[];
  /**
   * Roles the other articles of the run give people by name (folded full name → role): a man this
   * article names with no word of what he is keeps the role they give him.
   */
  roles?: ReadonlyMap<string, Role>;
}

interface _Tok extends Span {
  word: string;
  cap: boolean;
  possessive: boolean;
  initial: boolean;
}

interface _Cand extends Span {
  toks: _Tok[];
  /** Folded tokens without honorifics and suffixes: what linking compares. */
  key: string[];
}

type _Vote = Role | 'player';

interface _Ent {
  key: string[];
  name: string;
  mentions: NameMention[];
  votes: Map<_Vote, number>;
  club: string | null;
  /** A single word accepted only if something says it is a person. */
  support: boolean;
}

const _WORD = /[\p{L}\p{M}]+(?:[-'][\p{L}\p{M}]+)*/gu;
const _CAP = /^[\p{Lu}]/u;
// Tags of compromise's lexicon that mark a capitalised word as ordinary English, a place or a date.
const _COMMON = new Set([
  'Determiner', 'Conjunction', 'Preposition', 'Adverb', 'Pronoun', 'Adjective', 'Comparative', 'Superlative',
  'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Modal', 'Copula', 'Auxiliary', 'QuestionWord',
  'Expression', 'Negative', 'Possessive', 'Cardinal', 'Ordinal', 'Value', 'Date', 'Month', 'WeekDay', 'Actor',
  'Singular', 'Plural', 'Uncountable', 'Noun', 'Participle', 'Copula', 'Demonym', 'Holiday', 'Unit',
]);
const _PLACE = new Set(['Country', 'City', 'Place', 'Region', 'Organization', 'Month', 'WeekDay', 'Demonym', 'Holiday', 'Date', 'Actor']);
const _ADJECTIVE = new Set(['Adjective', 'Comparative', 'Superlative']);
// The last word of a competition's name: "Chinese Super League" names no one.
const _COMPETITION = new Set(['league', 'cup', 'trophy', 'championship', 'premiership', 'shield', 'super']);
// Player words that may follow a name as its object, not as a position: "Rodri deal", "Kane goal".
const _OBJECT_NOUNS = new Set(['agent', 'representative', 'representatives', 'contract', 'deal', 'goal', 'goals', 'debut', 'transfer', 'signature', 'services', 'release', 'wages', 'camp', 'move', 'future', 'fee']);
// Words the lexicon calls adjectives that link a club to a man rather than describe him: "Blues
// slam Blackburn over Savage".
const _LINKING = new Set(['over', 'about', 'after', 'against', 'out', 'off', 'up', 'down', 'past', 'near']);
const _PERSONISH = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific']);
const _CREDIT = /\((?:image|photo|picture|pic)s?(?: credit)?s?:[^)\n]{0,200}\)|\b(?:getty|pa|afp|reuters|ap) images\b/gi;
const _MAX_NAME_WORDS = 6;
// Bounded like host names (labels of up to 63 characters): unbounded, "a.a.a…" or a long hyphenated
// run made this quadratic (seconds on a 100 KB line).
// Top-level domains are matched in lower case only: in scraped text "Sancho.It had been" is two
// glued sentences, not a host name.
const _URL = /\b(?:[Hh]ttps?:\/\/)?[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?:com|co\.uk|net|org|tv|io|es|de|fr|it)\b\S*/g;

// Each blocker with a test for a piece every match of it contains.
const _BLOCKERS: Array<[RegExp, RegExp]> = [
  [_CREDIT, /\(| images/i],
  [_URL, /\.(?:com|co\.uk|net|org|tv|io|es|de|fr|it)\b/],
];

export function findPeople(doc: Doc, ctx: NameContext): PersonEntity[] {
  const k = peopleKnowledge();
  const blocked = _blockedSpans(doc, ctx);
  const toks = _tokens(doc);
  const seen = _seenWords(toks);
  const groups = _groups(doc.text, toks).flatMap((g) => _splitBlocked(g, blocked));
  // Last words of multi-word names: a common word there ("Young", "Will") is a surname after all.
  const surnames = new Set(groups.filter((g) => g.length > 1).map((g) => foldName((g[g.length - 1] as _Tok).word)));
  const cands: _Cand[] = [];
  for (const group of groups) {
    for (const part of [group]) {
      const c = _refine(part, k, seen, surnames, doc.text);
      if (c) cands.push(c);
    }
  }
  const ents = _link(doc, cands, k, ctx.clubs);
  const journalists = new Set(ctx.sources.filter((s) => s.kind === 'journalist').map((s) => foldName(s.name)));
  const out: PersonEntity[] = [];
  for (const e of ents) {
    // A single word stands as a name when something says it is a person, or when the article uses it
    // as one again and again, mid-sentence, where no common word is capitalised ("Rodri ... Rodri").
    if (e.key.length === 1 && !e.support && e.votes.size === 0 && !_repeatedName(doc, e, cands, k)) continue;
    const folded = foldName(e.name);
    const isJournalist = [...journalists].some((j) => j === folded || j.endsWith(' ' + folded) || folded.endsWith(' ' + j));
    let role: Role | null = isJournalist ? 'journalist' : _decideRole(e.votes);
    // "speak to Kevin Keegan": nothing here says what he is; elsewhere in the run he is the manager.
    if (role === null && e.key.length > 1 && !e.votes.has('player')) role = ctx.roles?.get(folded) ?? null;
    const aliases = [...new Set(e.mentions.map((m) => m.text))].filter((a) => a !== e.name);
    out.push({ name: e.name, aliases, role, club: e.club, mentions: e.mentions });
  }
  return out;
}

// After a word, what makes it an adjective or part of a longer name: "Spanish side", "Carabao Cup".
const _NOT_ALONE = /^\s*(?:[\p{Lu}]|(?:side|club|team|league|cup|giants|outfit|government|football|capital|champions|press|media|fans|supporters|national)\b)/u;

/** Used as a name twice or more mid-sentence, never as an adjective, and no first name or demonym. */
function _repeatedName(doc: Doc, e: _Ent, cands: _Cand[], k: PeopleKnowledge): boolean {
  const w = e.name.toLowerCase();
  // A given name alone ("Danilo", "Thiago") may be how a player is known; no other known word may.
  const tag = k.lexTag(w);
  if (/(?:ish|ian|ese|ean|can)$/.test(w) || (tag !== undefined && tag !== 'MaleName')) return false;
  const at = new Set(e.mentions.map((m) => m.start));
  const mid = cands.filter((c) => at.has(c.start) && !(c.toks[0] as _Tok).initial);
  // "at Murrayfield", "in Lisbon": a place; "Rafa" beside "Rafael Benitez": his first name.
  const place = (c: _Cand) => /\b(?:at|in|from|to|into|near)\s+$/i.test(doc.text.slice(Math.max(0, c.start - 6), c.start));
  const firstName = cands.some((c) => c.key.length > 1 && _prefixCompatible(c.key[0] ?? '', e.key[0] ?? ''));
  return !firstName && mid.length >= 2 && mid.every((c) => !place(c) && !_NOT_ALONE.test(doc.text.slice(c.end, c.end + 14)));
}

function _blockedSpans(doc: Doc, ctx: NameContext): Span[] {
  const spans: Span[] = [...ctx.clubs, ...ctx.sources.filter((s) => s.kind === 'outlet'), ...(ctx.outletNames ?? [])];
  for (const [re, hint] of _BLOCKERS) {
    // Most texts hold no credit and no host name: a plain scan for what every match contains says so.
    if (!hint.test(doc.text)) continue;
    re.lastIndex = 0;
    for (const m of doc.text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function _tokens(doc: Doc): _Tok[] {
  const out: _Tok[] = [];
  const text = doc.text;
  const sentences = doc.sentences;
  // Words come in text order: their sentence is found by walking on, not by a search each.
  let si = 0;
  // exec, not matchAll: the iterator cost more than the matching over every word of the text.
  _WORD.lastIndex = 0;
  for (let m = _WORD.exec(text); m !== null; m = _WORD.exec(text)) {
    let word = m[0];
    let possessive = false;
    const n = word.length;
    const last = word.charCodeAt(n - 1);
    if (n >= 2 && word.charCodeAt(n - 2) === 39 && (last === 115 || last === 83)) {
      word = word.slice(0, -2); // "Rodri's"
      possessive = true;
    } else if (last === 115 && text.charCodeAt(m.index + n) === 39 && !/\p{L}/u.test(text[m.index + n + 1] ?? '')) {
      possessive = true; // "Davies' deal"
    }
    if (!word) continue;
    const c0 = word.charCodeAt(0);
    const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : _CAP.test(word);
    // Only capitalised words can start a name, so only they need to know where their sentence starts.
    let initial = false;
    if (cap) {
      while (si + 1 < sentences.length && (sentences[si + 1] as Sentence).start <= m.index) si++;
      initial = _isInitial(doc, sentences[si] ?? doc.sentenceAt(m.index), m.index);
    }
    out.push({ start: m.index, end: m.index + word.length, word, cap, possessive, initial });
  }
  return out;
}

/** Is the word at `at` the first of its sentence `s`, a quotation or a headline, where every word is capitalised? */
function _isInitial(doc: Doc, s: Sentence, at: number): boolean {
  if (at <= s.start) return true;
  let i = at - 1;
  while (i >= s.start && /[\s"'(\[-]/.test(doc.text[i] ?? '')) {
    if (/["'(\[]/.test(doc.text[i] ?? '')) return true;
    i--;
  }
  return i < s.start || /[:;]/.test(doc.text[i] ?? '');
}

/** Runs of capitalised words separated by single spaces, with name particles ("van", "de") inside. */
function _groups(text: string, toks: _Tok[]): _Tok[][] {
  const k = peopleKnowledge();
  const groups: _Tok[][] = [];
  let cur: _Tok[] = [];
  const flush = () => {
    while (cur.length && !cur[cur.length - 1]?.cap) cur.pop();
    if (cur.length) groups.push(cur);
    cur = [];
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as _Tok;
    const particle = !t.cap && k.particles.has(t.word.toLowerCase()) && _particleChainEndsInName(text, toks, i, k);
    if (t.cap || particle) {
      const prev = cur[cur.length - 1];
      if (prev && (prev.possessive || !_oneSpace(text, prev, t))) flush();
      cur.push(t);
    } else flush();
  }
  flush();
  return groups;
}

/** Exactly one space between two words. */
function _oneSpace(text: string, a: Span, b: Span): boolean {
  return b.start - a.end === 1 && text.charCodeAt(a.end) === 32;
}

/** "van der Sar": particles count when a chain of them ends in a capitalised word. */
function _particleChainEndsInName(text: string, toks: _Tok[], i: number, k: PeopleKnowledge): boolean {
  for (let j = i; j < toks.length && j < i + 3; j++) {
    const t = toks[j] as _Tok;
    const next = toks[j + 1];
    if (!next || !_oneSpace(text, t, next)) return false;
    if (next.cap) return true;
    if (!k.particles.has(next.word.toLowerCase())) return false;
  }
  return false;
}

function _splitBlocked(group: _Tok[], blocked: Span[]): _Tok[][] {
  const parts: _Tok[][] = [];
  let cur: _Tok[] = [];
  for (const t of group) {
    if (_overlaps(t, blocked)) {
      if (cur.length) parts.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) parts.push(cur);
  return parts;
}

function _overlaps(s: Span, spans: Span[]): boolean {
  // Blocked spans are sorted by start; the few that start last before s.end are the only candidates.
  for (let i = lastStartingBy(spans, s.end - 1), n = 0; i >= 0 && n < 4; i--, n++) {
    if ((spans[i] as Span).end > s.start) return true;
  }
  return false;
}

function _refine(part: _Tok[], k: PeopleKnowledge, seen: _Seen, surnames: Set<string>, text: string): _Cand | null {
  const toks = [...part];
  // Drop leading words that are not part of a name: "However", "Manager", "Sources", "The".
  while (toks.length) {
    const t = toks[0] as _Tok;
    const lw = t.word.toLowerCase();
    if (!t.cap) {
      if (k.particles.has(lw) && toks.length > 1) break;
      toks.shift();
      continue;
    }
    if (k.honorifics.has(lw) && toks.length > 1) break;
    if (k.roleWords.has(lw) || k.playerWords.has(lw) || k.nonPerson.has(lw)) {
      toks.shift();
      continue;
    }
    if (t.initial && !seen.midCap(foldLetters(t.word)) && _commonWord(lw, k, seen)) {
      toks.shift();
      continue;
    }
    break;
  }
  while (toks.length > 1 && _trailingJunk((toks[toks.length - 1] as _Tok).word, k) && !_surnameAfterAll(toks[toks.length - 1] as _Tok, k, text)) toks.pop();
  // An adjective opening a run is no first name: "Professional Footballers".
  while (toks.length > 1 && _ADJECTIVE.has(k.lexTag((toks[0] as _Tok).word.toLowerCase()) ?? '')) toks.shift();
  // "Chinese Super League", "Carabao Cup": a run that goes on into a competition is no name.
  if (toks.length > 1 && _COMPETITION.has((toks[toks.length - 1] as _Tok).word.toLowerCase())) return null;
  while (toks.length && k.nonPerson.has((toks[toks.length - 1] as _Tok).word.toLowerCase())) toks.pop();
  if (!toks.length) return null;
  const words = toks.map((t) => t.word.toLowerCase());
  if (words.some((w) => k.nonPerson.has(w))) return null;
  const key = words.filter((w) => !k.honorifics.has(w) && !k.suffixes.has(w)).map((w) => foldName(w));
  // Real names run to five words ("Ronaldo de Assis Moreira"); more than six is a headline in title
  // case or junk, and unbounded it made a 100 KB "name".
  if (!key.length || key.length > _MAX_NAME_WORDS) return null;
  const first = toks[0] as _Tok;
  const last = toks[toks.length - 1] as _Tok;
  if (key.length === 1) {
    const w = words.find((x) => !k.honorifics.has(x)) ?? '';
    const tag = k.lexTag(w);
    if (tag && _PLACE.has(tag)) return null;
    if (/^[\p{Lu}\d-]+$/u.test(first.word) && first.word.length > 1) return null; // acronyms: BBC, PSG
    if (/(?:side|shire)$/.test(w) && !_PERSONISH.has(tag ?? '')) return null; // Merseyside, Yorkshire
    if (/'(?:d|ve|ll|re|m|t)$/i.test(first.word) || tag === 'Pronoun') return null; // I'd, We've
    if (tag && _COMMON.has(tag) && !surnames.has(foldName(w))) return null;
    // "Spanish midfielder Rodri", "Brazilian forward": a word before a position describes, it names nobody.
    if (tag === 'Demonym' || _beforePosition(text, last.end, k)) return null;
  } else {
    const phraseTag = k.lexTag(words.join(' '));
    if (phraseTag && _PLACE.has(phraseTag)) return null;
  }
  return { start: first.start, end: last.end, toks, key };
}

/** How the article writes its words elsewhere: capitalised mid-sentence (folded), or in lower case. */
interface _Seen {
  midCap(folded: string): boolean;
  lower(word: string): boolean;
}

/** Made on first question: many articles never ask about the lower-case words. */
function _seenWords(toks: _Tok[]): _Seen {
  let midCaps: Set<string> | null = null;
  let lowerWords: Set<string> | null = null;
  return {
    midCap(folded) {
      if (!midCaps) {
        midCaps = new Set();
        for (const t of toks) if (t.cap && !t.initial) midCaps.add(foldLetters(t.word));
      }
      return midCaps.has(folded);
    },
    lower(word) {
      if (!lowerWords) {
        lowerWords = new Set();
        for (const t of toks) if (!t.cap) lowerWords.add(t.word);
      }
      return lowerWords.has(word);
    },
  };
}

/** Does a position word ("midfielder", not "deal" or "goal") follow at `at`? */
function _beforePosition(text: string, at: number, k: PeopleKnowledge): boolean {
  const next = /^\s+([\p{L}-]+)/u.exec(text.slice(at, at + 24))?.[1]?.toLowerCase();
  return next !== undefined && k.playerWords.has(next) && !_OBJECT_NOUNS.has(next);
}

function _trailingJunk(word: string, k: PeopleKnowledge): boolean {
  const lw = word.toLowerCase();
  if (k.nonPerson.has(lw)) return true;
  const tag = k.lexTag(lw);
  return word === 'I' || /'(?:d|ve|ll|re|m)$/i.test(word) || (tag !== undefined && /^(?:Pronoun|Determiner|Conjunction|Preposition|Adverb|Copula|Modal|Auxiliary)$/.test(tag));
}

/** "Emre Can has", "Emre Can.": a modal verb that no verb follows ends a name, it is no verb. */
function _surnameAfterAll(t: _Tok, k: PeopleKnowledge, text: string): boolean {
  if (!/^(?:Modal|Auxiliary)$/.test(k.lexTag(t.word.toLowerCase()) ?? '')) return false;
  return /^(?:'s|[.,;:!?)]|\s+(?:has|had|is|was|will|would|could|and|who|to|for|in|from|at|as|with|on|of|after|but|or)\b|\s+[–—-]\s)/.test(text.slice(t.end, t.end + 12)) || t.possessive;
}

function _commonWord(lw: string, k: PeopleKnowledge, seen: _Seen): boolean {
  const tag = k.lexTag(lw);
  if (tag && _PERSONISH.has(tag)) return false;
  if (tag && _COMMON.has(tag)) return true;
  if (seen.lower(lw)) return true;
  return /(?:ing|ly|ed|ness|ment|tion|sion|ity|ies|ous|ive|ful|less|able|ible)$/.test(lw);
}

// ---- linking ---------------------------------------------------------------------------------

function _link(doc: Doc, cands: _Cand[], k: PeopleKnowledge, clubs: ClubMention[]): _Ent[] {
  const index = new _EntIndex();
  const assigned = new Map<_Cand, _Ent>();
  const shared: Array<[_Cand, _Ent[]]> = [];
  // Longest names first so that short forms find the full name whatever the order in the text.
  for (const c of [...cands].sort((a, b) => b.key.length - a.key.length || a.start - b.start)) {
    const found = index.match(c);
    if (Array.isArray(found)) shared.push([c, found]);
    else assigned.set(c, found ?? index.add({ key: c.key, name: _display(doc, c), mentions: [], votes: new Map(), club: null, support: false }));
  }
  // Two people share a surname ("Ashley Cole", "Joe Cole"): a bare "Cole" is the one named last.
  const named = cands.filter((c) => assigned.has(c));
  for (const [c, ents] of shared) {
    let e: _Ent = ents[0] as _Ent;
    for (let i = lastStartingBy(named, c.start - 1); i >= 0; i--) {
      const other = assigned.get(named[i] as _Cand);
      if (other && ents.includes(other)) {
        e = other;
        break;
      }
    }
    assigned.set(c, e);
  }
  for (const c of cands) {
    const e = assigned.get(c);
    if (!e) continue;
    e.mentions.push({ start: c.start, end: c.end, text: _display(doc, c) });
    const vote = _context(doc, c, k);
    if (vote) e.votes.set(vote, (e.votes.get(vote) ?? 0) + (c.key.length > 1 ? 1.5 : 1));
    const attr = attributiveClub(doc, clubs, c.start);
    // "Hoffenheim's Joelinton", "Napoli midfielder Allan": a club written as his attribute says he is a person.
    if (vote || attr || _personTagged(c, k) || c.toks.length > 1) e.support = true;
    e.club ??= attr?.club ?? null;
  }
  // "Endrick, Vinicius Jnr and Rodrygo": a word listed beside a name is a name too. Candidates are
  // in text order, and a list joins neighbours.
  cands.forEach((c, i) => {
    const e = assigned.get(c);
    if (!e || e.support) return;
    const near = [cands[i - 1], cands[i + 1]].filter((o): o is _Cand => o !== undefined);
    if (near.some((o) => assigned.get(o)?.support && _listed(doc, c, o))) e.support = true;
  });
  for (const e of index.all) e.mentions.sort((a, b) => a.start - b.start);
  return index.all.filter((e) => e.mentions.length > 0).sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

/** Entities by whole name, last word and first word, so that linking stays linear in the text. */
class _EntIndex {
  readonly all: _Ent[] = [];
  private readonly _exact = new Map<string, _Ent>();
  private readonly _byLast = new Map<string, _Ent[]>();
  private readonly _byFirst = new Map<string, _Ent[]>();

  add(e: _Ent): _Ent {
    this.all.push(e);
    this._exact.set(e.key.join(' '), e);
    _push(this._byLast, e.key[e.key.length - 1] ?? '', e);
    if (e.key.length >= 2) _push(this._byFirst, e.key[0] ?? '', e);
    return e;
  }

  /** The entity a candidate names, several when it is a surname they share, or null for a new one. */
  match(c: _Cand): _Ent | _Ent[] | null {
    const exact = this._exact.get(c.key.join(' '));
    if (exact) return exact;
    const sameLast = this._byLast.get(c.key[c.key.length - 1] ?? '') ?? [];
    // A trailing part of a longer name: "Mac Allister", "Konate", "van Dijk".
    const tails = sameLast.filter((e) => e.key.length > c.key.length && _endsWith(e.key, c.key));
    if (tails.length === 1) return tails[0] ?? null;
    if (tails.length > 1) return tails;
    // "Mo Salah" and "Mohamed Salah": same surname, one first name the start of the other.
    if (c.key.length >= 2) {
      const nick = sameLast.find((e) => e.key.length >= 2 && _prefixCompatible(e.key[0] ?? '', c.key[0] ?? ''));
      if (nick) return nick;
    }
    // A first name alone, when one person in the article has it: "Steven" for Steven Gerrard.
    if (c.key.length === 1) {
      const firsts = this._byFirst.get(c.key[0] ?? '') ?? [];
      if (firsts.length === 1) return firsts[0] ?? null;
    }
    return null;
  }
}

function _push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function _endsWith(long: string[], short: string[]): boolean {
  const off = long.length - short.length;
  return short.every((w, i) => long[off + i] === w);
}

function _prefixCompatible(a: string, b: string): boolean {
  return a !== b && a.length >= 2 && b.length >= 2 && (a.startsWith(b) || b.startsWith(a));
}

function _display(doc: Doc, c: _Cand): string {
  return doc.view.slice(c.start, c.end).replace(/\s+/g, ' ');
}

// ---- context ---------------------------------------------------------------------------------

/** What the words just around a mention say it is: a role, a player, or nothing. */
function _context(doc: Doc, c: _Cand, k: PeopleKnowledge): _Vote | null {
  const sentence = doc.sentenceAt(c.start);
  const before = doc.text.slice(Math.max(sentence.start, c.start - 80), c.start).toLowerCase();
  const words = before.match(/[\p{L}\p{N}.'-]+|,/gu) ?? [];
  // "chief executive Peter Kenyon", "Blues boss Jose Mourinho", "his team-mate, Bellingham"
  let tail: string[] = [...words];
  if (tail[tail.length - 1] === ',') tail = tail.slice(0, -1);
  const direct = _phraseAtEnd(tail, k);
  if (direct) return direct;
  // "the signing of Rodri", "a bid for Raphinha": only a player is the object of a transfer;
  // "Chelsea have sacked Graham Potter": only a manager is sacked.
  const endings = _endings(tail, k.maxPhraseWords);
  for (let n = endings.length; n >= 1; n--) {
    const phrase = endings[n - 1] as string;
    if (k.managerBefore.has(phrase)) return 'manager';
    if (k.playerObjects.has(phrase)) return 'player';
  }
  if (tail[tail.length - 1] === 'under') return 'manager'; // "played at Anfield under Gerard Houllier"
  // "the former England coach will be unveiled as the successor to Dave Jones": he held that post.
  // The test reads the last two words and the boundary before them, so those two are all it needs.
  if (/\b(?:successor to|succeed|succeeds|succeeding|replace|replaces|replacing)$/.test(tail.slice(-2).join(' '))) {
    const post = /\b(?:the|a|new)\s+(?:[\p{L}-]+\s+){0,3}?(manager|boss|coach|head coach|chairman|chief executive)\b/u.exec(before);
    const role = post ? k.roleWords.get(post[1] ?? '') : undefined;
    if (role) return role;
  }
  // "BBC Sport pundit and former Liverpool stalwart Alan Hansen": a role a few words back, across
  // "and former" and capitalised names, when nothing but such words stand between.
  const orig = doc.text.slice(Math.max(sentence.start, c.start - 80), c.start).match(/[\p{L}\p{N}.'-]+|,/gu) ?? [];
  for (let i = orig.length - 1; i > 0 && i >= orig.length - 6; i--) {
    const w = orig[i] as string;
    if (!_BRIDGE.has(w.toLowerCase()) && !_CAP.test(w)) break;
    // Only the last few words can end in a phrase.
    const vote = _phraseAtEnd(orig.slice(Math.max(0, i - k.maxPhraseWords), i).map((x) => x.toLowerCase()), k);
    if (vote) return vote;
  }
  const afterCased = doc.text.slice(c.end, Math.min(doc.text.length, c.end + 80));
  const after = afterCased.toLowerCase();
  const poss = /^(?:'s|')\s+(?:[\p{L}-]+\s+){0,1}?([\p{L}-]+(?: [\p{L}-]+)?)/u.exec(after);
  if (poss) {
    const [one, two] = [poss[1]?.split(' ')[0] ?? '', poss[1] ?? ''];
    if (k.possessiveManager.has(two) || k.possessiveManager.has(one)) return 'manager';
    if (k.possessivePlayer.has(two) || k.possessivePlayer.has(one)) return 'player';
  }
  // "Rick Parry, the Liverpool chief executive," / "Bellingham, the England midfielder,"
  const appos = /^,\s+(?:the|a|an|his|their|our|its)\s+((?:[\p{L}'.-]+\s+){0,4}?[\p{L}.-]+)\s*[,.;]/u.exec(after);
  if (appos) {
    const ws = (appos[1] ?? '').split(/\s+/);
    for (let n = Math.min(k.maxPhraseWords, ws.length); n >= 1; n--) {
      const phrase = ws.slice(ws.length - n).join(' ');
      const role = k.roleWords.get(phrase);
      if (role) return role;
      if (k.playerWords.has(phrase)) return 'player';
    }
  }
  // "Wolves appoint Hoddle as manager", "Parry joined Liverpool as chief executive"
  const asRole = /^(?:\s+(?:will be|has been|have been|had been|was|is|to be))?(?:\s+(?:appointed|unveiled|named|installed|confirmed|joined|hired|took over|took charge|returned|returns|stays on|remains|continues|began|started|served|succeeded \S+))?(?:\s+[\p{Lu}][\p{L}'-]*){0,3}\s+as\s+(?:the\s+|a\s+|their\s+|its\s+)?(?:new\s+|former\s+|interim\s+|permanent\s+)?(?:[\p{L}'-]+\s+){0,2}?([\p{L}-]+(?:\s[\p{L}-]+)?)\b/u.exec(afterCased);
  if (asRole) {
    const words = (asRole[1] ?? '').toLowerCase().split(' ');
    const role = k.roleWords.get(words.join(' ')) ?? k.roleWords.get(words[0] ?? '') ?? k.roleWords.get(words[1] ?? '');
    if (role) return role;
  }
  // "Arne Slot standing firm on keeping his squad": only a manager has a squad, charges or players.
  // Only for the sentence's subject: "Kovač could see Bale as an option to bolster his squad".
  const subject = /^(?:[\p{L}'-]+,?\s+){0,2}$/u.test(doc.text.slice(sentence.start, c.start));
  if (subject && /^[^.;:!?"]{0,50}\b(?:his|her) (?:squad|charges|players|coaching staff|backroom staff)\b/.test(after)) return 'manager';
  if (k.managerAfterLeads.startOf(after)) return 'manager';
  if (k.playerVerbLeads.startOf(after)) return 'player';
  return c.toks.length > 1 ? _bridgedRole(doc, sentence, c, after, k) : null;
}

const _SPEAKS = /^\s+(?:has\s+|had\s+)?(?:told|tells|says|said|added|adds|insists|insisted|explained|confirmed|admitted|stressed|revealed)\b/;
const _UNNAMED_ROLE = /(?:'s?|\bhis|\bher|\btheir)\s+([\p{L}-]+(?:\s[\p{L}-]+)?)\b(?!\s+\p{Lu})/gu;

/**
 * "Juninho's agent has confirmed ... / Brian Hassell says ...": a role named with no name in one
 * sentence, and a name never seen before opening the next as its speaker, are one person.
 */
function _bridgedRole(doc: Doc, sentence: Sentence, c: _Cand, after: string, k: PeopleKnowledge): _Vote | null {
  if (!/^\s*$/.test(doc.text.slice(sentence.start, c.start)) || !_SPEAKS.test(after)) return null;
  const prev = doc.sentences[sentence.index - 1];
  if (!prev) return null;
  for (const m of doc.text.slice(prev.start, prev.end).matchAll(_UNNAMED_ROLE)) {
    const words = (m[1] ?? '').toLowerCase();
    const role = k.roleWords.get(words) ?? k.roleWords.get(words.split(' ')[0] ?? '');
    if (role && role !== 'journalist' && role !== 'other') return role;
  }
  return null;
}

/** A surname or famous single name in compromise's lexicon ("Ronaldo"); a first name alone is not enough. */
const _BRIDGE = new Set(['and', 'former', 'ex', 'lifelong', 'long-time', 'longtime', 'veteran', 'stalwart', 'legend', 'great', 'icon', 'favourite', 'hero']);

function _phraseAtEnd(words: string[], k: PeopleKnowledge): _Vote | null {
  const endings = _endings(words, k.maxPhraseWords);
  for (let n = endings.length; n >= 1; n--) {
    const phrase = endings[n - 1] as string;
    const role = k.roleWords.get(phrase);
    if (role) return role;
    if (k.playerWords.has(phrase)) return 'player';
  }
  return null;
}

/** The phrases of the last 1, 2 ... `max` words (joined by spaces), shortest first. */
function _endings(words: readonly string[], max: number): string[] {
  const out: string[] = [];
  let phrase = '';
  for (let n = 1; n <= Math.min(max, words.length); n++) {
    const w = words[words.length - n] as string;
    phrase = n === 1 ? w : `${w} ${phrase}`;
    out.push(phrase);
  }
  return out;
}

function _personTagged(c: _Cand, k: PeopleKnowledge): boolean {
  return c.toks.some((t) => /^(?:Person|LastName)$/.test(k.lexTag(t.word.toLowerCase()) ?? ''));
}

function _listed(doc: Doc, x: Span, y: Span): boolean {
  const [a, b] = x.start < y.start ? [x, y] : [y, x];
  const between = doc.text.slice(a.end, b.start);
  return between.length <= 12 && /^(?:'s)?(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)$/.test(between);
}

/**
 * The club written just before a name, as an attribute of it: "Liverpool midfielder Alexis Mac
 * Allister", "Brighton's Carlos Baleba", "Arsenal and England defender Cole". Only possessives, role
 * and player words, adjectives and capitalised words may stand between ("bid from Tottenham for
 * Andy Reid" is no attribute).
 */
export function attributiveClub(doc: Doc, clubs: ClubMention[], at: number): ClubMention | null {
  const k = peopleKnowledge();
  // From the last club before `at` (clubs are sorted): scanning from the end made long texts quadratic.
  for (let i = lastStartingBy(clubs, at - 1); i >= 0; i--) {
    const m = clubs[i] as ClubMention;
    if (m.end > at) continue;
    if (at - m.end > 50) return null;
    const between = doc.text.slice(m.end, at);
    const shape = /^(?:'s?)?\s+((?:[\p{L}\d.-]+\s+){0,4})$/u.exec(between);
    if (!shape) return null;
    const words = (shape[1] ?? '').trim().split(/\s+/).filter(Boolean);
    // "between Villa and Digne": a club and a man side by side, not the man's description.
    if (words[0]?.toLowerCase() === 'and' || words.some((w) => k.suitorWords.has(w.toLowerCase()) || _LINKING.has(w))) return null;
    const ok = words.every((w) => {
      const lw = w.toLowerCase();
      return _CAP.test(w) || lw === 'and' || /^\d/.test(w) || k.playerWords.has(lw) || k.roleWords.has(lw) || _ADJECTIVE.has(k.lexTag(lw) ?? '') || /-/.test(lw);
    });
    return ok ? m : null;
  }
  return null;
}

function _decideRole(votes: Map<_Vote, number>): Role | null {
  let best: _Vote | null = null;
  let bestN = 0;
  for (const [v, n] of votes) {
    if (n > bestN || (n === bestN && v !== 'player')) {
      best = v;
      bestN = n;
    }
  }
  return best === null || best === 'player' ? null : best;
}
