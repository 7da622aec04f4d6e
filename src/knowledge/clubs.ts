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

interface _RawClub {
  name: string;
  country: string;
  city?: string;
  aliases?: string[];
  stadiums?: string[];
  nicknames?: string[];
}

interface _Curated {
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
  return _rawTokens(phrase).map(foldWord);
}

function _rawTokens(phrase: string): string[] {
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

function _build(): ClubKnowledge {
  const raw = loadData<_RawClub[]>('clubs.json');
  const cur = loadData<_Curated>('club-curated.json');
  const clubs: ClubEntry[] = raw.map((r) => ({
    name: r.name,
    country: r.country,
    city: r.city ?? null,
    aliases: r.aliases ?? [],
    stadiums: r.stadiums ?? [],
    nicknames: r.nicknames ?? [],
  }));
  const byName = new Map<string, ClubEntry>();
  for (const c of clubs) if (!byName.has(c.name)) byName.set(c.name, c);

  const rank = new Map(cur.countryRank.map((c, i) => [c, i]));
  const rankOf = (c: ClubEntry) => rank.get(c.country) ?? cur.countryRank.length;
  const weak = new Set(cur.weakForms.map((f) => phraseTokens(f).join(' ')));
  const weakStart = new Set(cur.weakAtStart.map((f) => phraseTokens(f).join(' ')));
  const days = new Set(cur.calendarForms.map((f) => phraseTokens(f).join(' ')));
  // Towns: a one-word form that is also a town reads as a place after "in" ("a flat in Liverpool").
  const towns = new Set(cur.placeNames.map((p) => phraseTokens(p).join(' ')));
  for (const c of clubs) if (c.city) towns.add(phraseTokens(c.city).join(' '));

  // Every form with the clubs it may name; the best-ranked country wins a form that clubs of
  // several countries share, and clubs of one country that share a form make it contextual.
  interface _Entry {
    shapes: string[][];
    clubs: Map<ClubEntry, 'club' | 'stadium' | 'nickname'>;
  }
  const entries = new Map<string, _Entry>();
  const add = (form: string, club: ClubEntry, kind: 'club' | 'stadium' | 'nickname') => {
    const shape = _rawTokens(form);
    if (shape.length === 0) return;
    const key = shape.map(foldWord).join(' ');
    let e = entries.get(key);
    if (!e) {
      e = { shapes: [], clubs: new Map() };
      entries.set(key, e);
    }
    const written = shape.join(' ');
    if (!e.shapes.some((s) => s.join(' ') === written)) e.shapes.push(shape);
    if (!e.clubs.has(club)) e.clubs.set(club, kind);
  };
  for (const c of clubs) {
    add(c.name, c, 'club');
    for (const a of c.aliases) add(a, c, 'club');
    for (const s of c.stadiums) add(s, c, 'stadium');
    for (const n of c.nicknames) add(n, c, 'nickname');
  }

  const root: FormNode = { next: new Map(), form: null };
  const put = (toks: string[], form: ClubForm) => {
    let node = root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) {
        n = { next: new Map(), form: null };
        node.next.set(t, n);
      }
      node = n;
    }
    node.form = form;
  };
  const base = (kind: FormKind, key: string, shapes: string[][]): ClubForm => ({
    kind,
    club: null,
    candidates: [],
    fallback: null,
    prefer: false,
    generic: null,
    nickname: false,
    weak: weak.has(key),
    weakAtStart: weakStart.has(key),
    isCity: towns.has(key),
    isDay: days.has(key),
    shapes,
  });

  const core = new Set(cur.coreCountries);
  for (const [key, e] of entries) {
    const list = [...e.clubs.keys()];
    const best = Math.min(...list.map(rankOf));
    const top = list.filter((c) => rankOf(c) === best);
    const form = base('club', key, e.shapes);
    if (top.length === 1) {
      const club = top[0] as ClubEntry;
      form.kind = e.clubs.get(club) ?? 'club';
      form.club = club;
      form.nickname = form.kind === 'nickname';
      // Outside the main football countries, a one-word town ("Tokyo") or a short acronym ("ABC",
      // "KFC") is more often something else than the club.
      if (!core.has(club.country) && !key.includes(' ')) {
        const acronym = e.shapes.every((s) => (s[0] ?? '').length <= 4 && s[0] === (s[0] ?? '').toUpperCase());
        if (form.isCity || acronym) form.weak = true;
      }
    } else {
      form.kind = 'contextual';
      form.candidates = top;
      form.nickname = top.some((c) => e.clubs.get(c) === 'nickname');
    }
    put(key.split(' '), form);
  }

  // Curated context rules take over any form they name.
  for (const rule of cur.contextual) {
    const candidates = rule.candidates.map((n) => byName.get(n)).filter((c): c is ClubEntry => c !== undefined);
    const fallback = rule.default ? (byName.get(rule.default) ?? null) : null;
    for (const f of rule.forms) {
      const toks = phraseTokens(f);
      const key = toks.join(' ');
      const form = base('contextual', key, [_rawTokens(f)]);
      form.candidates = candidates;
      form.fallback = fallback;
      form.prefer = rule.prefer === true;
      form.nickname = rule.nickname === true;
      put(toks, form);
    }
  }
  for (const w of cur.genericWords) {
    const toks = phraseTokens(w);
    const form = base('generic', toks.join(' '), [_rawTokens(w)]);
    form.generic = toks.join(' ');
    put(toks, form);
  }
  for (const n of cur.notClubs) {
    const toks = phraseTokens(n);
    if (toks.length === 0) continue;
    put(toks, base('blocker', toks.join(' '), [_rawTokens(n)]));
  }

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

function _descriptors(cur: _Curated, byName: Map<string, ClubEntry>): DescriptorIndex {
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
