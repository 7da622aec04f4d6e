// Clubs: official names, short forms, nicknames and stadiums from the club table, with
// context-dependent nicknames ("the Reds") resolved from the clubs the article names outright.
//
// One linear pass over the words walks a trie of the table's forms and keeps the longest match at
// each word. Single words get a few cheap checks of the words around them (a surname after a first
// name, a town after "in", a newspaper after a town). Forms that name several clubs ("the Reds",
// "United", "the Spanish giants") are resolved last, against the clubs the article names outright.
import {
  clubKnowledge,
  type ClubEntry,
  type ClubForm,
  type ClubKnowledge,
  type FormNode,
  type FormTrie,
  type PlaceSpec,
  foldWord,
  phraseTokens,
  wordSpans,
} from '../knowledge/clubs.js';
import type { ClubMention, Doc, Span } from './types.js';

interface _Tok extends Span {
  raw: string;
  fold: string;
  /** The first word of its sentence. */
  initial: boolean;
  /** Its sentence reads as a title-case headline ("Liverpool Target Real Madrid Star"). */
  titled: boolean;
  /** Its sentence is a team line-up ("Esson, Hart, Diamond (Byrne 75)..."), full of surnames. */
  lineup: boolean;
}

/** A mention found in the pass, before context-dependent forms are resolved. */
interface _Found extends Span {
  form: ClubForm | null;
  /** Descriptor mentions ("the Spanish giants"): what the place word points to. */
  place: PlaceSpec | null;
  /** Index of its first word, for ordering against the article's named clubs. */
  at: number;
  /** A weak word without a cue: kept only if the article names its club outright elsewhere. */
  needsSupport: boolean;
  /** For a lone word without a cue ("Carlisle"): the folded word, which a surname use elsewhere can veto. */
  bare: string | null;
}

const _UPPER = /\p{Lu}/u;
const _LETTER = /\p{L}/u;
// "(Image credit: Getty Images)", "(Photo by ... /Getty Images)" and credit lines.
const _CREDIT_PAREN = /\((?:image|photo|picture|pic|credit|getty)s?(?: credits?| by)?\s{0,2}[:-]?[^()\n]{0,300}\)/gi;
const _CREDIT_LINE = /^[ \t]{0,10}(?:image|photo|picture|pic)?\s{0,2}credits?\s{0,2}:[^\n]{0,300}/gim;
const _TLD = /\.[a-z]{2,6}(?:[^a-z]|$)/;
// Words that glue the parts of one name: spaces, "St. ", "Saint-Germain", "St James' Park".
const _GLUE = /^(?:[ \t]{1,2}|[ \t]?[-/][ \t]?|'[ \t]?|\.[ \t]?)$/;
const _SUB = /\(\p{Lu}[\p{L}'-]{1,30} \d{1,3}\)/gu;
const _LOWER_WORD = /(?<![\p{L}'])\p{Ll}[\p{L}]*/gu;
const _PLACE_SUFFIX = new Set(['born', 'based', 'raised', 'bred']);
const _INTEREST = new Set(['interest', 'interested', 'invest', 'invested', 'investing', 'stake', 'shares', 'investment', 'investor']);

export function findClubs(doc: Doc): ClubMention[] {
  try {
    return _findClubs(doc);
  } catch {
    // A recogniser must never take the article down with it.
    return [];
  }
}

function _findClubs(doc: Doc): ClubMention[] {
  const k = clubKnowledge();
  const text = doc.text;
  const toks = _tokens(doc);
  const credits = _creditSpans(text);
  const found: _Found[] = [];
  // Words the article uses as surnames ("Clarke Carlisle"): alone elsewhere they are the person too.
  const surnames = new Set<string>();

  let i = 0;
  while (i < toks.length) {
    const m = _longest(k.forms, toks, text, i);
    if (!m) {
      i++;
      continue;
    }
    const { form, last } = m;
    if (form.kind === 'blocker') {
      i = last + 1; // "Premier League", "United States": the words inside are not clubs
      continue;
    }
    const first = toks[i] as _Tok;
    const end = toks[last] as _Tok;
    const verdict = _inside(credits, first.start) || _inWebAddress(text, first.start, end.end) ? 'no' : _accept(k, form, toks, text, i, last);
    if (verdict === 'no') {
      const prev = toks[i - 1];
      const person = prev !== undefined && prev.raw !== prev.raw.toUpperCase() && !k.nonClubPreceders.has(prev.fold);
      if (i === last && person && _nameBefore(k, toks, text, i)) surnames.add(first.fold);
      i++;
      continue;
    }
    let start = first.start;
    let stop = end.end;
    // "the Reds" takes in its "the"; "FC Barcelona", "Liverpool FC", "Manchester City Football Club"
    // take in the club-form words.
    const prev = toks[i - 1];
    if (prev && _glued(text, prev, first) && ((form.nickname && prev.fold === 'the') || prev.raw === 'FC' || prev.raw === 'AFC')) start = prev.start;
    const n1 = toks[last + 1];
    const n2 = toks[last + 2];
    if (n1 && (n1.raw === 'FC' || n1.raw === 'AFC') && _glued(text, end, n1)) stop = n1.end;
    else if (n1 && n2 && n1.raw === 'Football' && n2.raw === 'Club' && _glued(text, end, n1) && _glued(text, n1, n2)) stop = n2.end;
    const bare = i === last && !_cue(k, toks, text, i) ? first.fold : null;
    found.push({ start, end: stop, form, place: null, at: i, needsSupport: verdict === 'if-named', bare });
    i = last + 1;
  }

  found.push(..._descriptors(k, toks, text, credits));
  return _resolve(doc, _dropOverlaps(_dropNameLists(doc, _dropSurnames(found, surnames))));
}

/**
 * A lone word the article also uses as a surname is the person, unless the article names that club
 * in another way too ("Clarke Carlisle ... Carlisle said" against "Carlisle United ... Carlisle won").
 */
function _dropSurnames(found: _Found[], surnames: Set<string>): _Found[] {
  if (surnames.size === 0) return found;
  const otherwise = new Set<ClubEntry>();
  for (const f of found) if (f.form?.club && (f.bare === null || !surnames.has(f.bare))) otherwise.add(f.form.club);
  return found.filter((f) => f.bare === null || !surnames.has(f.bare) || (f.form?.club != null && otherwise.has(f.form.club)));
}

/** In a bare list of names where most items are not clubs, the lone words that look like clubs are surnames. */
function _dropNameLists(doc: Doc, found: _Found[]): _Found[] {
  const perSentence = new Map<number, _Found[]>();
  for (const f of found) {
    const s = doc.sentenceAt(f.start);
    const list = perSentence.get(s.index);
    if (list) list.push(f);
    else perSentence.set(s.index, [f]);
  }
  const drop = new Set<_Found>();
  for (const [index, list] of perSentence) {
    const s = doc.sentences[index];
    if (!s) continue;
    const items = _bareListItems(doc.text.slice(s.start, s.end));
    if (items > 0 && list.length * 2 < items) for (const f of list) if (!/\s/.test(doc.text.slice(f.start, f.end)) && doc.text[f.end] !== ':') drop.add(f);
  }
  return drop.size > 0 ? found.filter((f) => !drop.has(f)) : found;
}

// ---- words ----

function _tokens(doc: Doc): _Tok[] {
  const text = doc.text;
  const out: _Tok[] = [];
  const spans = wordSpans(text);
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i] as number;
    const end = spans[i + 1] as number;
    const raw = text.slice(start, end);
    out.push({ start, end, raw, fold: raw === '&' ? 'and' : foldWord(raw), initial: false, titled: false, lineup: false });
  }
  // Sentence starts and title-case sentences, in one walk over both sorted lists.
  let t = 0;
  for (const s of doc.sentences) {
    while (t < out.length && (out[t] as _Tok).start < s.start) t++;
    const from = t;
    let words = 0;
    let caps = 0;
    let u = t;
    while (u < out.length && (out[u] as _Tok).start < s.end) {
      const w = out[u] as _Tok;
      if (w.raw.length >= 4) {
        // ASCII letters by their codes; other characters by the Unicode tests.
        const c = w.raw.charCodeAt(0);
        const ascii = c < 128;
        if (ascii ? (c | 32) >= 97 && (c | 32) <= 122 : _LETTER.test(w.raw[0] ?? '')) {
          words++;
          if (ascii ? c >= 65 && c <= 90 : _UPPER.test(w.raw[0] ?? '')) caps++;
        }
      }
      u++;
    }
    // Title case: nearly every word capitalised. News sentences thick with names reach 3 in 4.
    const titled = words >= 3 && caps / words >= 0.9;
    const lineup = _isLineup(text.slice(s.start, s.end));
    if (from < out.length && (out[from] as _Tok).start < s.end) (out[from] as _Tok).initial = true;
    for (let v = from; v < u; v++) {
      (out[v] as _Tok).titled = titled;
      (out[v] as _Tok).lineup = lineup;
    }
    t = u;
  }
  if (doc.sentences.length === 0 && out[0]) out[0].initial = true;
  return out;
}

/** A team sheet: substitutions in brackets ("Byrne (Morrison 75)") or a "Subs" list. */
function _isLineup(sentence: string): boolean {
  if (/\bSubs\b|\bBooked:|\bSent off:/.test(sentence)) return true;
  _SUB.lastIndex = 0;
  let n = 0;
  while (_SUB.exec(sentence) && n < 2) n++;
  return n >= 2;
}

/**
 * Items of a bare list of capitalised names ("Dida, Cafu, Cordoba, Marquez, ..."): no lowercase word
 * but "and", no digits. 0 when the sentence is not such a list.
 */
function _bareListItems(sentence: string): number {
  let commas = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c === 44) commas++;
    else if (c >= 48 && c <= 57) return 0;
  }
  if (commas < 4) return 0;
  _LOWER_WORD.lastIndex = 0;
  for (const m of sentence.matchAll(_LOWER_WORD)) if (m[0] !== 'and') return 0;
  return commas + 1;
}

/** Only spaces and name glue ("-", "'", "St.") between two words on one line. */
function _glued(text: string, a: Span, b: Span): boolean {
  if (b.start - a.end > 3) return false;
  const gap = text.slice(a.end, b.start);
  if (!_GLUE.test(gap)) return false;
  // A full stop joins only an abbreviation ("St. Mirren", "D.C. United"), not two sentences.
  if (gap.startsWith('.')) return a.end - a.start <= 2 || gap === '.';
  return true;
}

/** Only spaces between two words: they stand side by side in one phrase. */
function _adjacent(text: string, a: Span, b: Span): boolean {
  const gap = b.start - a.end;
  if (gap < 1 || gap > 2) return false;
  for (let p = a.end; p < b.start; p++) if (text[p] !== ' ' && text[p] !== '\t') return false;
  return true;
}

function _caseOk(form: ClubForm, toks: _Tok[], from: number): boolean {
  return form.shapes.some((shape) => shape.every((sh, j) => _tokenCase(sh, (toks[from + j] as _Tok).raw)));
}

function _tokenCase(shape: string, raw: string): boolean {
  const first = shape[0] ?? '';
  if (shape.length >= 2 && _UPPER.test(shape) && shape === shape.toUpperCase()) return raw === raw.toUpperCase(); // PSG, QPR
  if (_UPPER.test(first)) return _UPPER.test(raw[0] ?? '');
  return true; // "the", "de", "&", digits
}

/** The longest form starting at word `i` whose spelling and case fit. */
function _longest(root: FormNode, toks: _Tok[], text: string, i: number): { form: ClubForm; last: number } | null {
  const hit = _descend(root, toks, text, i, (n) => (n.form && (n.form.kind === 'blocker' || _caseOk(n.form, toks, i)) ? n.form : null));
  return hit && { form: hit.value, last: hit.last };
}

/** Follow a trie of words from word `i` through glued words; the deepest node with a value wins. */
function _descend<N extends { next: Map<string, N> }, V>(root: N, toks: _Tok[], text: string, i: number, valueOf: (node: N) => V | null): { value: V; last: number } | null {
  let node: N | undefined = root.next.get((toks[i] as _Tok).fold);
  let best: { value: V; last: number } | null = null;
  let j = i;
  while (node) {
    const value = valueOf(node);
    if (value !== null) best = { value, last: j };
    const a = toks[j];
    const b = toks[j + 1];
    if (!a || !b || !_glued(text, a, b)) break;
    node = node.next.get(b.fold);
    j++;
  }
  return best;
}

// ---- checks around a match ----

/** 'yes', 'no', or 'if-named': a weak word kept only if the article names its club outright. */
function _accept(k: ClubKnowledge, form: ClubForm, toks: _Tok[], text: string, i: number, last: number): 'yes' | 'no' | 'if-named' {
  const first = toks[i] as _Tok;
  const end = toks[last] as _Tok;
  const prev = toks[i - 1];
  const next = toks[last + 1];
  const nextAdj = next !== undefined && _adjacent(text, end, next);

  // "Liverpool-born", "a Madrid-based agent": the town, not the club.
  if (next && text[end.end] === '-' && next.start === end.end + 1 && _PLACE_SUFFIX.has(next.fold)) return 'no';
  if (i !== last) return 'yes';
  // In a team sheet a lone word is a surname, unless it heads the list ("Chelsea: Cech, ...").
  if (first.lineup && text[end.end] !== ':') return 'no';

  const cue = _cue(k, toks, text, i);
  const verbNext = nextAdj && next !== undefined && k.clubVerbs.has(next.fold);
  let verdict: 'yes' | 'if-named' = 'yes';
  if (form.weak && !cue) verdict = 'if-named';
  // "Reading have signed" is the club; "Reading the game" is not.
  if (form.weakAtStart && first.initial && !cue && !verbNext) verdict = 'if-named';
  // "business with Wednesday" is the club; "on Wednesday", "Wednesday night", "Wednesday 3 March" are days.
  if (form.isDay) {
    if (prev && k.timeWords.has(prev.fold) && _adjacent(text, prev, first)) return 'no';
    if (nextAdj && next && k.timeWords.has(next.fold)) return 'no';
    if (/^,? \d/.test(text.slice(end.end, end.end + 3))) return 'no';
  }

  if (!first.titled) {
    // "Bobby Charlton", "BBC Newcastle", "New York": a capitalised word before makes it part of a name.
    if (_nameBefore(k, toks, text, i) && !(verbNext && prev && k.nonClubPreceders.has(prev.fold))) return 'no';
    // "Chelsea Clinton", "Liverpool Echo", "United Nations": a capitalised word after.
    if (nextAdj && next && _UPPER.test(next.raw[0] ?? '') && !k.clubFollowers.has(next.fold) && !k.functionWords.has(next.fold)) {
      if (next.raw !== 'FC' && next.raw !== 'AFC' && (k.nonClubFollowers.has(next.fold) || !_formStart(k, next.fold))) return 'no';
    }
  }
  if (nextAdj && next && k.nonClubFollowers.has(next.fold) && _UPPER.test(next.raw[0] ?? '')) return 'no';

  // "a house in Liverpool", "the city of Madrid": the town, unless the club is plainly meant.
  if (form.isCity && !cue && _afterPlaceWord(k, toks, text, i)) return 'no';
  return verdict;
}

/** Words that make a single word read as a club: "Nice striker", "Ligue 1 side Nice", "Nice's". */
function _cue(k: ClubKnowledge, toks: _Tok[], text: string, i: number): boolean {
  const w = toks[i] as _Tok;
  let next = toks[i + 1];
  let from: Span = w;
  // A possessive: look past "'s" to the noun it governs.
  if (next && next.fold === 's' && text[w.end] === "'" && next.start === w.end + 1) {
    from = next;
    next = toks[i + 2];
  }
  if (next && _adjacent(text, from, next) && (k.roleWords.has(next.fold) || next.raw === 'FC' || next.raw === 'AFC')) return true;
  const prev = toks[i - 1];
  return prev !== undefined && _adjacent(text, prev, w) && k.clubNouns.has(prev.fold);
}

/** A capitalised word just before word `i` that could be a first name or a name's first part. */
function _nameBefore(k: ClubKnowledge, toks: _Tok[], text: string, i: number): boolean {
  const w = toks[i] as _Tok;
  const prev = toks[i - 1];
  if (w.titled || !prev || !_adjacent(text, prev, w) || !_UPPER.test(prev.raw[0] ?? '')) return false;
  // "Real Madrid" reads on as a club; "Tom Barrow" does not, though "Tom" starts "Tom Tomsk".
  return !_notAName(k, prev) && !_formStart(k, prev.fold, w.fold);
}

/** A capitalised word that is no first name: "The", "Former", "Spanish", "Injured", "Reportedly". */
function _notAName(k: ClubKnowledge, w: _Tok): boolean {
  if (k.functionWords.has(w.fold) || k.clubNouns.has(w.fold)) return true;
  return w.fold.length >= 5 && /(?:ed|ing|ly)$/.test(w.fold);
}

/** Does a club form start with `fold` (or, given `then`, do the two words lead on into one)? */
function _formStart(k: ClubKnowledge, fold: string, then?: string): boolean {
  const start = k.forms.next.get(fold);
  if (then !== undefined) return start?.next.get(then) !== undefined;
  return start !== undefined && start.form !== null && start.form.kind !== 'blocker';
}

/** A place phrase ("in", "the city of", "based in") ends just before word `i`. */
function _afterPlaceWord(k: ClubKnowledge, toks: _Tok[], text: string, i: number): boolean {
  let node: FormTrie<true> | undefined = undefined;
  const w = toks[i] as _Tok;
  const next = toks[i + 1];
  if (next && next.fold === 's' && text[w.end] === "'") return false; // "in Liverpool's midfield"
  let j = i - 1;
  let right: Span = w;
  const words: string[] = [];
  while (j >= 0 && words.length < 4) {
    const t = toks[j] as _Tok;
    if (!_adjacent(text, t, right)) break;
    words.unshift(t.fold);
    node = _trieAt(k.placeWords, words);
    if (node?.value) {
      const before = toks[j - 1];
      return !(before && _INTEREST.has(before.fold) && _adjacent(text, before, t));
    }
    right = t;
    j--;
  }
  return false;
}

function _trieAt<T>(root: FormTrie<T>, words: string[]): FormTrie<T> | undefined {
  let node: FormTrie<T> | undefined = root;
  for (const w of words) {
    node = node.next.get(w);
    if (!node) return undefined;
  }
  return node;
}

/** Image credits, sorted and merged so that a binary search can test an offset. */
function _creditSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of [_CREDIT_PAREN, _CREDIT_LINE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function _inside(spans: Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The match sits in a web address, a domain or a handle: "Liverpool.com", "@LFC", "www.arsenal.com". */
function _inWebAddress(text: string, start: number, end: number): boolean {
  let l = start;
  while (l > 0 && start - l < 100 && !/\s/.test(text[l - 1] ?? ' ')) l--;
  let r = end;
  while (r < text.length && r - end < 100 && !/\s/.test(text[r] ?? ' ')) r++;
  const before = text.slice(l, start);
  const after = text.slice(end, r);
  if (/[@#]|:\/\/|www\./i.test(before) || (before.includes('/') && /^[\w.-]*\//.test(after))) return true;
  return _TLD.test(after);
}

// ---- descriptors: "the Spanish giants", "the LaLiga giants", "the London club" ----

function _descriptors(k: ClubKnowledge, toks: _Tok[], text: string, credits: Span[]): _Found[] {
  const out: _Found[] = [];
  const d = k.descriptors;
  for (let i = 0; i < toks.length; i++) {
    const the = toks[i] as _Tok;
    if (the.fold !== 'the' || _inside(credits, the.start)) continue;
    let j = i + 1;
    // Up to two modifiers: "the reigning Spanish champions", "the cash-rich Saudi Pro League side".
    for (let mods = 0; mods < 2; mods++) {
      const m = _walk(d.modifiers, toks, text, j);
      if (!m) break;
      j = m.last + 1;
    }
    const place = _walk(d.places, toks, text, j);
    if (!place) continue;
    const head = _walk(d.heads, toks, text, place.last + 1);
    if (!head) continue;
    const firstPlace = toks[j] as _Tok;
    if (!_UPPER.test(firstPlace.raw[0] ?? '') && !/^(?:north|south|east|west)$/.test(firstPlace.fold)) continue;
    const end = toks[head.last] as _Tok;
    out.push({ start: the.start, end: end.end, form: null, place: place.value, at: i, needsSupport: false, bare: null });
    i = head.last;
  }
  return out;
}

function _walk<T>(root: FormTrie<T>, toks: _Tok[], text: string, i: number): { value: T; last: number } | null {
  const first = toks[i];
  const prev = toks[i - 1];
  if (!first || (prev && !_glued(text, prev, first))) return null;
  return _descend(root, toks, text, i, (n) => n.value);
}

// ---- resolution ----

function _dropOverlaps(found: _Found[]): _Found[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: _Found[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end - f.start > last.end - last.start) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

function _resolve(doc: Doc, found: _Found[]): ClubMention[] {
  // The clubs the article names outright, with where it names them.
  const named = new Map<ClubEntry, number[]>();
  for (const f of found) {
    const club = f.form && (f.form.kind === 'club' || f.form.kind === 'stadium' || f.form.kind === 'nickname') ? f.form.club : null;
    if (!club || f.needsSupport) continue;
    const at = named.get(club);
    if (at) at.push(f.at);
    else named.set(club, [f.at]);
  }
  const pool = new _Pool(named);
  const out: ClubMention[] = [];
  for (const f of found) {
    const club = _clubOf(f, pool);
    if (!club || (f.needsSupport && !named.has(club))) continue;
    const alias = doc.view.slice(f.start, f.end).replace(/\s+/g, ' ');
    out.push({ start: f.start, end: f.end, club: club.name, country: club.country, alias });
  }
  return out;
}

/** The named clubs of one article, with the subsets that context-dependent forms look at, cached. */
class _Pool {
  private readonly byWord = new Map<string, ClubEntry[]>();
  private readonly byPlace = new Map<PlaceSpec, ClubEntry[]>();

  constructor(readonly named: Map<ClubEntry, number[]>) {}

  /** Named clubs whose canonical name has the word ("United" → Newcastle United). */
  withWord(word: string): ClubEntry[] {
    let list = this.byWord.get(word);
    if (!list) {
      list = [...this.named.keys()].filter((c) => phraseTokens(c.name).includes(word));
      this.byWord.set(word, list);
    }
    return list;
  }

  /** Named clubs of a descriptor's country, town or club list. */
  inPlace(place: PlaceSpec): ClubEntry[] {
    let list = this.byPlace.get(place);
    if (!list) {
      list = [...this.named.keys()].filter(_placeFits(place));
      this.byPlace.set(place, list);
    }
    return list;
  }
}

function _clubOf(f: _Found, pool: _Pool): ClubEntry | null {
  const form = f.form;
  if (form && form.club && form.kind !== 'contextual' && form.kind !== 'generic') return form.club;
  if (form?.kind === 'contextual') {
    const preferred = form.prefer ? form.candidates[0] : undefined;
    if (preferred && pool.named.has(preferred)) return preferred;
    return _choose(form.candidates, pool.named, f.at, false) ?? form.fallback;
  }
  if (form?.kind === 'generic') return _choose(pool.withWord(form.generic ?? ''), pool.named, f.at, false);
  if (f.place) {
    const place = f.place;
    if ('clubs' in place && place.clubs.length === 1) return place.clubs[0] ?? null;
    // A descriptor is taken only when one club of that kind clearly leads the article.
    return _choose(pool.inPlace(place), pool.named, f.at, true);
  }
  return null;
}

function _placeFits(place: PlaceSpec): (c: ClubEntry) => boolean {
  if ('countries' in place) return (c) => place.countries.has(c.country);
  if ('city' in place) return (c) => c.city !== null && phraseTokens(c.city).join(' ') === place.city;
  const set = new Set(place.clubs);
  return (c) => set.has(c);
}

/**
 * Among the candidates the article names, the one it names most (the subject of the piece), then the
 * one named nearest before the mention. With `clear`, the leader must be named at least twice as
 * often as the next ("the Premiership champions" among four English clubs is left alone).
 */
function _choose(candidates: ClubEntry[], named: Map<ClubEntry, number[]>, at: number, clear: boolean): ClubEntry | null {
  let best: ClubEntry | null = null;
  let bestCount = -1;
  let bestBefore = -1;
  let second = 0;
  for (const club of candidates) {
    const ats = named.get(club);
    if (!ats) continue;
    let before = -1;
    for (const a of ats) if (a < at && a > before) before = a;
    const count = ats.length;
    if (count > bestCount || (count === bestCount && before > bestBefore)) {
      second = Math.max(second, bestCount);
      best = club;
      bestCount = count;
      bestBefore = before;
    } else second = Math.max(second, count);
  }
  if (clear && best && second > 0 && bestCount < 2 * second) return null;
  return best;
}
