// The club table: canonical names, short forms, nicknames and stadiums (clubs.json, built from the
// openfootball lists) with the curated context rules (club-curated.json). Loaded once; the lookups
// here are what the club recogniser and the other recognisers ask.
import { loadData } from './_load.js';
import { foldLetters } from './fold.js';
import { resolveClose, type Resolution } from './similar.js';

export interface ClubEntry {
  /** Canonical name: the usual English name ("Bayern Munich", "Manchester United"). */
  name: string;
  /** Country code of the club table ("eng", "es", "de"...). */
  country: string;
  city: string | null;
  aliases: string[];
  stadiums: string[];
  nicknames: string[];
}

/** How a form names its club. */
export type FormKind =
  | 'club' // a name or short form: one club
  | 'stadium' // a ground used for its club ("valued at Anfield")
  | 'nickname' // a nickname that names one club ("the Gunners"); reads a leading "the"
  | 'contextual' // names one of several clubs, the one the article names outright ("the Reds", "Madrid")
  | 'generic' // a bare name part ("United", "City"): any named club whose name has the word
  | 'blocker'; // a phrase that is never a club (a league, a cup, a country) and hides the words in it

export interface ClubForm {
  kind: FormKind;
  /** The club for 'club', 'stadium' and 'nickname' forms. */
  club: ClubEntry | null;
  /** Candidate clubs for 'contextual' forms. */
  candidates: ClubEntry[];
  /** The club a contextual form means when the article names none of the candidates. */
  fallback: ClubEntry | null;
  /** The first candidate wins whenever the article names it ("Real" is Real Madrid if it is named). */
  prefer: boolean;
  /** The folded word a 'generic' form stands for. */
  generic: string | null;
  /** A nickname: a "the" just before it belongs to the mention. */
  nickname: boolean;
  /**
   * A word that is also a common word, a surname or a town ("Santos", "Berlin", "Oxford"): taken only
   * with a cue ("Santos striker", "Bundesliga side Berlin") or when the article names the club outright.
   */
  weak: boolean;
  /**
   * A word that is also an English verb or adjective ("Reading", "Bury"): as the first word of a
   * sentence it needs a cue or a verb after it ("Reading have"), or the club named elsewhere.
   */
  weakAtStart: boolean;
  /** The form is the club's home town, so "in Liverpool" is a place. */
  isCity: boolean;
  /** The form is also a day ("Wednesday"): never the club in "on Wednesday", "Wednesday night". */
  isDay: boolean;
  /** Each spelling of the form, token by token as written in the table, for case checks. */
  shapes: string[][];
}

export interface FormNode {
  next: Map<string, FormNode>;
  form: ClubForm | null;
}

/** What a descriptor place word points to: a country code set, a home city, or a list of clubs. */
export type PlaceSpec = { countries: Set<string> } | { city: string } | { clubs: ClubEntry[] };

export interface DescriptorIndex {
  /** Folded token sequences ("la liga", "north london") → what they point to. */
  places: FormTrie<PlaceSpec>;
  modifiers: FormTrie<true>;
  heads: FormTrie<true>;
}

export interface FormTrie<T> {
  next: Map<string, FormTrie<T>>;
  value: T | null;
}

export interface ClubKnowledge {
  clubs: ClubEntry[];
  byName: Map<string, ClubEntry>;
  forms: FormNode;
  descriptors: DescriptorIndex;
  /** Folded words that read as a place just before a town ("in", "near"). */
  placeWords: FormTrie<true>;
  /** Folded words after a town that make it a newspaper, street or institution ("Liverpool Echo"). */
  nonClubFollowers: Set<string>;
  /** Folded words before a town that make it something else ("BBC Newcastle", "New York"). */
  nonClubPreceders: Set<string>;
  /** Folded capitalised words that may follow a club without making it another name ("Chelsea TV"). */
  clubFollowers: Set<string>;
  /** Capitalised words that start sentences and clauses and are not first names ("The", "Former"). */
  functionWords: Set<string>;
  /** Folded words that follow a club in football prose ("boss", "striker", "fans"). */
  roleWords: Set<string>;
  /** Folded nouns that introduce a club by name ("side", "club", "outfit"). */
  clubNouns: Set<string>;
  /** Folded verbs that follow a club as the subject of a sentence ("have", "signed"). */
  clubVerbs: Set<string>;
  /** Folded words around a day name that make it a date ("on", "last", "night"). */
  timeWords: Set<string>;
}

export interface RawClub {
  name: string;
  country: string;
  city?: string;
  aliases?: string[];
  stadiums?: string[];
  nicknames?: string[];
}

export interface Curated {
  countryRank: string[];
  coreCountries: string[];
  contextual: { forms: string[]; nickname?: boolean; candidates: string[]; default?: string; prefer?: boolean }[];
  genericWords: string[];
  descriptors: { heads: string[]; modifiers: string[]; places: Record<string, string | string[] | null> };
  placeWords: string[];
  nonClubFollowers: string[];
  nonClubPreceders: string[];
  clubFollowers: string[];
  weakForms: string[];
  weakAtStart: string[];
  notClubs: string[];
  functionWords: string[];
  roleWords: string[];
  clubNouns: string[];
  clubVerbs: string[];
  placeNames: string[];
  calendarForms: string[];
  timeWords: string[];
}

const _WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function _isWordChar(code: number, ch: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return _WORD_CHAR.test(ch);
}

/**
 * The words of a text as [start, end) pairs: runs of letters, digits and marks, and each "&" on its
 * own. A plain character loop: several times faster than a Unicode-property regex.
 */
export function wordSpans(text: string): number[] {
  const out: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogate pairs (astral letters) count as word characters when the pair is one.
    const word = code >= 0xd800 && code <= 0xdbff ? _WORD_CHAR.test(text.slice(i, i + 2)) : _isWordChar(code, text[i] ?? '');
    if (word) {
      if (start < 0) start = i;
      if (code >= 0xd800 && code <= 0xdbff) i++;
      continue;
    }
    if (start >= 0) {
      out.push(start, i);
      start = -1;
    }
    if (code === 38) out.push(i, i + 1); // &
  }
  if (start >= 0) out.push(start, text.length);
  return out;
}

/** One word, lower-cased with accents and special letters folded ("Mönchengladbach" → "monchengladbach"). */
export function foldWord(word: string): string {
  return foldLetters(word);
}

/** A phrase as the words the recogniser compares: "Brighton & Hove Albion" → brighton and hove albion. */
export function phraseTokens(phrase: string): string[] {
  return rawTokens(phrase).map(foldWord);
}

/** A phrase's words as written ("&" as "and"): the shapes a form keeps for case checks. */
export function rawTokens(phrase: string): string[] {
  const spans = wordSpans(phrase);
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += 2) {
    const w = phrase.slice(spans[i], spans[i + 1]);
    out.push(w === '&' ? 'and' : w);
  }
  return out;
}

let _knowledge: ClubKnowledge | null = null;

export function clubKnowledge(): ClubKnowledge {
  if (!_knowledge) _knowledge = _build();
  return _knowledge;
}

/** The club a name, short form, nickname or stadium stands for, whatever the case and accents. */
export function lookupClub(name: string): ClubEntry | null {
  const k = clubKnowledge();
  let toks = phraseTokens(name);
  if (toks[0] === 'the' && toks.length > 1 && !_at(k.forms, toks)) toks = toks.slice(1);
  // Forms with the affixes the recogniser reads around any club name ("FC Barcelona", "Arsenal FC").
  const tries = [toks];
  if (toks[0] === 'fc' || toks[0] === 'afc') tries.push(toks.slice(1));
  if (toks.at(-1) === 'fc' || toks.at(-1) === 'afc') tries.push(toks.slice(0, -1));
  if (toks.length > 2 && toks.at(-2) === 'football' && toks.at(-1) === 'club') tries.push(toks.slice(0, -2));
  for (const t of tries) {
    const form = _at(k.forms, t);
    if (!form || form.kind === 'blocker' || form.kind === 'generic') continue;
    const club = form.club ?? form.fallback;
    if (club) return club;
  }
  return null;
}

/**
 * The club a name given by a user stands for: as `lookupClub` reads it, else a part of clubs' names
 * ("Real": several, listed), else within a typo or two ("Liverpol"), else the names worth suggesting.
 */
export function findClub(name: string): Resolution<ClubEntry> {
  const exact = lookupClub(name);
  if (exact) return { kind: 'one', item: exact, typos: 0 };
  const query = phraseTokens(name).join('');
  if (query === '') return { kind: 'none', suggestions: [] };
  const named = _clubRuns().filter((c) => c.runs.includes(query));
  if (named.length > 0) return named.length === 1 && named[0] ? { kind: 'one', item: named[0].item, typos: 0 } : { kind: 'several', items: named.map((c) => c.item) };
  return resolveClose(query, _clubRuns().map((c) => ({ item: c.item, keys: c.runs, whole: c.whole })));
}

let _runs: Array<{ item: ClubEntry; runs: string[]; whole: string[] }> | null = null;

/** Every run of words of each club's names and nicknames, spaces removed ("realmadrid", "real", "madrid"). */
function _clubRuns(): Array<{ item: ClubEntry; runs: string[]; whole: string[] }> {
  _runs ??= clubKnowledge().clubs.map((club) => {
    const runs = new Set<string>();
    const forms = [club.name, ...club.aliases, ...club.nicknames];
    for (const form of forms) {
      const t = phraseTokens(form);
      for (let i = 0; i < t.length; i++) for (let j = i + 1; j <= t.length; j++) runs.add(t.slice(i, j).join(''));
    }
    return { item: club, runs: [...runs], whole: forms.map((f) => phraseTokens(f).join('')) };
  });
  return _runs;
}

/** The entry for a canonical name. */
export function clubByName(name: string): ClubEntry | null {
  return clubKnowledge().byName.get(name) ?? null;
}

/**
 * True when the word on its own names a club ("Chelsea", "Spurs", "PSG") and is not also a common
 * surname or word ("Hamilton", "Santos", "Nice"): a name recogniser should not read it as a person.
 */
export function isClubWord(word: string): boolean {
  const form = _at(clubKnowledge().forms, phraseTokens(word));
  if (!form || form.weak || form.weakAtStart) return false;
  return form.kind === 'club' || form.kind === 'nickname' || form.kind === 'stadium' || (form.kind === 'contextual' && form.fallback !== null);
}

function _at(root: FormNode, toks: string[]): ClubForm | null {
  let node: FormNode | undefined = root;
  for (const t of toks) {
    node = node.next.get(t);
    if (!node) return null;
  }
  return toks.length > 0 ? node.form : null;
}

// ---- building ----

/** The clubs of clubs.json, in its order (the indices club-forms.json gives). */
export function clubEntries(raw: RawClub[]): ClubEntry[] {
  return raw.map((r) => ({
    name: r.name,
    country: r.country,
    city: r.city ?? null,
    aliases: r.aliases ?? [],
    stadiums: r.stadiums ?? [],
    nicknames: r.nicknames ?? [],
  }));
}

function _build(): ClubKnowledge {
  const raw = loadData<RawClub[]>('clubs.json');
  const cur = loadData<Curated>('club-curated.json');
  const clubs = clubEntries(raw);
  const byName = new Map<string, ClubEntry>();
  for (const c of clubs) if (!byName.has(c.name)) byName.set(c.name, c);

  // The forms were derived from clubs.json and club-curated.json at build time (scripts/build-club-forms.mjs,
  // _club-forms.ts): folding and ranking ~9,500 forms cost 75-165 ms per thread; reading them, a few.
  const root = formTrie(loadData<ClubFormsFile>('club-forms.json'), clubs);

  return {
    clubs,
    byName,
    forms: root,
    descriptors: _descriptors(cur, byName),
    placeWords: _trie(cur.placeWords.map((w) => [phraseTokens(w), true as const])),
    nonClubFollowers: new Set(cur.nonClubFollowers.map(foldWord)),
    nonClubPreceders: new Set(cur.nonClubPreceders.map(foldWord)),
    clubFollowers: new Set(cur.clubFollowers.map(foldWord)),
    functionWords: new Set(cur.functionWords.map(foldWord)),
    roleWords: new Set(cur.roleWords.map(foldWord)),
    clubNouns: new Set(cur.clubNouns.map(foldWord)),
    clubVerbs: new Set(cur.clubVerbs.map(foldWord)),
    timeWords: new Set(cur.timeWords.map(foldWord)),
  };
}

/** The form table as stored: each form in the order a walk of the trie meets it (parents first). */
export interface ClubFormsFile {
  _comment: string;
  /** [folded words, kind, club index or -1, candidate indices, fallback index or -1, flags, shapes as written] */
  forms: [string, FormKind, number, number[], number, number, string[]][];
}

/** Flag bits of a stored form. */
export const FORM_FLAGS = { prefer: 1, nickname: 2, weak: 4, weakAtStart: 8, isCity: 16, isDay: 32 } as const;

/** The trie of club forms from its stored table; indices are into the clubs as clubs.json lists them. */
export function formTrie(file: ClubFormsFile, clubs: ClubEntry[]): FormNode {
  const root: FormNode = { next: new Map(), form: null };
  const at = (i: number) => (i < 0 ? null : (clubs[i] ?? null));
  for (const [key, kind, club, candidates, fallback, flags, shapes] of file.forms) {
    let node = root;
    let from = 0;
    // Most nodes are leaves: they share one empty map until a longer form passes through them.
    for (;;) {
      const space = key.indexOf(' ', from);
      const t = space < 0 ? key.slice(from) : key.slice(from, space);
      if (node.next === _NO_NEXT) node.next = new Map();
      let n = node.next.get(t);
      if (!n) {
        n = { next: _NO_NEXT, form: null };
        node.next.set(t, n);
      }
      node = n;
      if (space < 0) break;
      from = space + 1;
    }
    node.form = {
      kind,
      club: at(club),
      candidates: candidates.length === 0 ? [] : candidates.map((i) => clubs[i]).filter((c): c is ClubEntry => c !== undefined),
      fallback: at(fallback),
      prefer: (flags & FORM_FLAGS.prefer) !== 0,
      generic: kind === 'generic' ? key : null,
      nickname: (flags & FORM_FLAGS.nickname) !== 0,
      weak: (flags & FORM_FLAGS.weak) !== 0,
      weakAtStart: (flags & FORM_FLAGS.weakAtStart) !== 0,
      isCity: (flags & FORM_FLAGS.isCity) !== 0,
      isDay: (flags & FORM_FLAGS.isDay) !== 0,
      shapes: shapes.map((sh) => sh.split(' ')),
    };
  }
  return root;
}

const _NO_NEXT: Map<string, FormNode> = new Map();
function _descriptors(cur: Curated, byName: Map<string, ClubEntry>): DescriptorIndex {
  const places: [string[], PlaceSpec][] = [];
  for (const [word, spec] of Object.entries(cur.descriptors.places)) {
    if (spec === null) continue;
    let value: PlaceSpec;
    if (Array.isArray(spec)) value = { clubs: spec.map((n) => byName.get(n)).filter((c): c is ClubEntry => c !== undefined) };
    else if (spec.startsWith('city:')) value = { city: phraseTokens(spec.slice(5)).join(' ') };
    else value = { countries: new Set(spec.split(',')) };
    places.push([phraseTokens(word), value]);
  }
  return {
    places: _trie(places),
    modifiers: _trie(cur.descriptors.modifiers.map((w) => [phraseTokens(w), true as const])),
    heads: _trie(cur.descriptors.heads.map((w) => [phraseTokens(w), true as const])),
  };
}

function _trie<T>(items: [string[], T][]): FormTrie<T> {
  const root: FormTrie<T> = { next: new Map(), value: null };
  for (const [toks, value] of items) {
    if (toks.length === 0) continue;
    let node = root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) {
        n = { next: new Map(), value: null };
        node.next.set(t, n);
      }
      node = n;
    }
    node.value = value;
  }
  return root;
}
