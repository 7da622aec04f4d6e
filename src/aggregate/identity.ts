// Who is who across articles. One player is one identity whatever form of his name each article uses
// ("Konate" and "Ibrahima Konaté", "Mo Salah" and "Mohamed Salah", "Vinicius Jnr" and "Vinícius
// Júnior"), and two men who share a surname stay two ("Ashley Cole" and "Joe Cole"): the first name
// decides, and for a surname alone, the club.
import { foldLetters, isAscii } from '../knowledge/fold.js';
import { resolveClose } from '../knowledge/similar.js';
import { canonicalWord } from '../knowledge/variants.js';

/** Lower case, no diacritics, letters and digits only, single spaces: "N'Golo  Kanté" → "n golo kante". */
export function foldName(s: string): string {
  const folded = foldLetters(s);
  // Most names fold to ASCII: the Unicode classes then give the same, and a run need not compile them
  // (about 6 ms, cold).
  return folded.replace(isAscii(folded) ? _NOT_ASCII_WORD : _NOT_WORD, ' ').trim();
}

const _NOT_WORD = /[^\p{L}\p{N}]+/gu;
const _NOT_ASCII_WORD = /[^a-z0-9]+/g;

// Names repeat across thousands of articles: their words and keys are remembered (short strings
// only, and a memory is dropped when it grows past a bound).
const _MEMO_MAX = 50_000;
const _tokenMemo = new Map<string, string[]>();
const _keyMemo = new Map<string, string>();
const _shownMemo = new Map<string, string>();

function _remembered<T>(memo: Map<string, T>, s: string, compute: (s: string) => T): T {
  let value = memo.get(s);
  if (value === undefined) {
    value = compute(s);
    if (s.length <= 80) {
      if (memo.size >= _MEMO_MAX) memo.clear();
      memo.set(s, value);
    }
  }
  return value;
}

/**
 * The words a name is compared by: folded, each in one spelling of the name-variants table
 * ("Mo Salah" → mohamed, salah; "Vinícius Jnr" → vinicius, junior).
 */
export function nameTokens(s: string): string[] {
  return _remembered(_tokenMemo, s, (name) => {
    const folded = foldName(name);
    return folded === '' ? [] : folded.split(' ').map(canonicalWord);
  });
}

/** The key a name is compared by: its words, spaces removed ("Mac Allister" = "MacAllister"). */
export function nameKey(s: string): string {
  return _remembered(_keyMemo, s, (name) => nameTokens(name).join(''));
}

/** A form as shown: folded, spaces removed, but its words as written ("Mo Salah" is not "Mohamed Salah"). */
function _shownKey(form: string): string {
  return _remembered(_shownMemo, form, (f) => foldName(f).replace(/ /g, ''));
}

/**
 * How well a query names a form: 3 the whole name, 2 a surname (a run of words at the end, either
 * way round: "Mac Allister" for "Alexis Mac Allister", or an article that only says "Konate" for a
 * query "Ibrahima Konate"), 1 another run of its words (a first name), 0 not at all.
 */
export function matchRank(query: string, form: string): 0 | 1 | 2 | 3 {
  const q = nameTokens(query);
  const f = nameTokens(form);
  if (q.length === 0 || f.length === 0) return 0;
  const qk = q.join('');
  const fk = f.join('');
  if (qk === fk) return 3;
  for (let i = 1; i < f.length; i++) if (f.slice(i).join('') === qk) return 2;
  for (let i = 1; i < q.length; i++) if (q.slice(i).join('') === fk) return 2;
  for (let i = 0; i < f.length; i++) {
    for (let j = i + 1; j <= f.length; j++) if (f.slice(i, j).join('') === qk) return 1;
  }
  return 0;
}

/** What identities are found from: each article's players (with their club) and the names its rumours and fees give. */
export interface NamesOf {
  players: Array<{ name: string; aliases: string[]; club?: string | null }>;
  rumours: Array<{ player: string; from?: string | null }>;
  fees: Array<{ player: string | null }>;
}

/** One player as the articles name him. */
export interface Identity {
  /** His fullest name, and every other form seen. */
  name: string;
  aliases: string[];
  /** nameKey of every form. */
  keys: Set<string>;
  /** The keys that name him and no one else found: a surname two players share is not among them. */
  own: Set<string>;
  /** Per article (the object given), the keys of the forms that it uses for him. */
  byArticle: Map<NamesOf, Set<string>>;
}

interface _Unit {
  article: NamesOf;
  forms: string[];
  clubs: Set<string>;
  /** Keys of the forms of more than one word ("alexismacallister"); none for a surname alone. */
  full: string[];
  /** Key of the form of most words. */
  longest: string;
}

/**
 * Everyone the articles treat as a player. Forms the extractor tied together in one article are one
 * player; across articles, players sharing a full name are one; a surname alone joins the one full
 * name that ends with it, or, when several do, the one of them at the same club (left alone when that
 * does not decide: "Silva" could be many men).
 */
export function knownPlayers(articles: NamesOf[]): Identity[] {
  const units = articles.flatMap(_unitsOf);
  const parent = units.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };
  // Full names shared across articles join players.
  const byFull = new Map<string, number>();
  units.forEach((u, i) => {
    for (const k of u.full) {
      const seen = byFull.get(k);
      if (seen === undefined) byFull.set(k, i);
      else union(seen, i);
    }
  });
  // Surnames: the proper word-suffixes of full names, which players own them, and those players' clubs.
  const owners = new Map<string, Set<number>>();
  const clubsOf = new Map<number, Set<string>>();
  units.forEach((u, i) => {
    const root = find(i);
    const clubs = clubsOf.get(root) ?? new Set<string>();
    for (const c of u.clubs) clubs.add(c);
    clubsOf.set(root, clubs);
    for (const form of u.forms) {
      const t = nameTokens(form);
      for (let s = 1; s < t.length; s++) {
        const k = t.slice(s).join('');
        owners.set(k, (owners.get(k) ?? new Set<number>()).add(root));
      }
    }
  });
  // A part of a name ("Konate", "Mac Allister": a surname of other players' full names) joins its one
  // owner, or its owner at the same club; a surname alone that this does not place stays with the
  // other mentions of it alone (a player known by one name, or never named in full).
  const alone = new Map<string, number>();
  units.forEach((u, i) => {
    const roots = new Set([...(owners.get(u.longest) ?? [])].map(find));
    if (roots.has(find(i))) return;
    const atClub = roots.size > 1 ? [...roots].filter((r) => [...(clubsOf.get(r) ?? [])].some((c) => u.clubs.has(c))) : [...roots];
    const owner = atClub.length === 1 ? atClub[0] : undefined;
    if (owner !== undefined) return union(owner, i);
    if (u.full.length > 0) return;
    const seen = alone.get(u.longest);
    if (seen === undefined) alone.set(u.longest, i);
    else union(seen, i);
  });
  const groups = new Map<number, _Unit[]>();
  units.forEach((u, i) => {
    const group = groups.get(find(i));
    if (group) group.push(u);
    else groups.set(find(i), [u]);
  });
  const ids = [...groups.values()].map(_identity);
  // A key in two identities (the "Cole" of Ashley's articles and of Joe's) is nobody's own.
  const holders = new Map<string, number>();
  for (const id of ids) for (const k of id.keys) holders.set(k, (holders.get(k) ?? 0) + 1);
  for (const id of ids) for (const k of id.keys) if (holders.get(k) === 1) id.own.add(k);
  return ids.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * One article's players: each with its forms and club, and the names its rumours and fees give that
 * no player of it has (a surname of exactly one of its players joins him).
 */
function _unitsOf(a: NamesOf): _Unit[] {
  const local = a.players.map((p) => _unit(a, [p.name, ...p.aliases], p.club));
  const byKey = new Map<string, _Unit>();
  for (const u of local) for (const f of u.forms) byKey.set(nameKey(f), u);
  const from = new Map<string, string>();
  for (const r of a.rumours) if (r.from) from.set(nameKey(r.player), r.from);
  const loose = [...a.rumours.map((r) => r.player), ...a.fees.map((f) => f.player)];
  for (const name of loose) {
    const k = name === null ? '' : nameKey(name);
    if (name === null || k === '' || byKey.has(k)) continue;
    const bySurname = local.filter((u) => u.forms.some((f) => _surnameKeys(f).includes(k)));
    const u = bySurname.length === 1 && bySurname[0] ? bySurname[0] : _unit(a, [], null);
    if (u.forms.length === 0) local.push(u);
    u.forms.push(name);
    Object.assign(u, _keysOf(u.forms));
    byKey.set(k, u);
  }
  // A club the article's rumours say he is leaving is his club too.
  for (const u of local) {
    for (const f of u.forms) {
      const club = from.get(nameKey(f));
      if (club) u.clubs.add(club);
    }
  }
  return local.filter((u) => u.longest !== '');
}

function _unit(article: NamesOf, forms: string[], club: string | null | undefined): _Unit {
  return { article, forms, clubs: new Set(club ? [club] : []), ..._keysOf(forms) };
}

function _keysOf(forms: string[]): Pick<_Unit, 'full' | 'longest'> {
  const longest = forms.reduce((best, f) => (nameTokens(f).length > nameTokens(best).length ? f : best), '');
  return { full: forms.filter((f) => nameTokens(f).length > 1).map(nameKey), longest: nameKey(longest) };
}

function _identity(units: _Unit[]): Identity {
  // Forms are told apart as written ("Mo Salah" and "Mohamed Salah" are both shown), compared by key.
  const byForm = new Map<string, { form: string; count: number }>();
  const keys = new Set<string>();
  const byArticle = new Map<NamesOf, Set<string>>();
  for (const u of units) {
    const here = byArticle.get(u.article) ?? new Set<string>();
    byArticle.set(u.article, here);
    for (const form of u.forms) {
      const k = nameKey(form);
      if (k === '') continue;
      keys.add(k);
      here.add(k);
      const shown = _shownKey(form);
      const e = byForm.get(shown);
      if (e) e.count++;
      else byForm.set(shown, { form, count: 1 });
    }
  }
  // The fullest name: most words, most used, longest spelling ("Mohamed" over "Mo").
  const ranked = [...byForm.values()].sort(
    (a, b) => nameTokens(b.form).length - nameTokens(a.form).length || b.count - a.count || b.form.length - a.form.length || (a.form < b.form ? -1 : 1),
  );
  const name = ranked[0]?.form ?? '';
  return { name, aliases: ranked.slice(1).map((e) => e.form).sort(), keys, own: new Set(), byArticle };
}

/** Keys of the proper word-suffixes of a name: "Alexis Mac Allister" → macallister, allister. */
export function _surnameKeys(name: string): string[] {
  const t = nameTokens(name);
  return t.slice(1).map((_, i) => t.slice(i + 1).join(''));
}

/**
 * The forms that name him in running text, as word lists: full names and surnames. A first name
 * alone ("Jose") is left out: it names too many other men to say that a quote is about him.
 */
export function _tellingForms(names: string[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const n of names) {
    const w = nameTokens(n);
    if (w.length > 0) seen.set(w.join(' '), w);
  }
  const forms = [...seen.values()];
  const longest = Math.max(0, ...forms.map((f) => f.length));
  return forms.filter((f) => {
    if (f.length > 1 || longest === 1) return true;
    return forms.some((g) => g.length > 1 && g[g.length - 1] === f[0]);
  });
}

/** `typos`: 0 when the query names him as the articles do, else the edits forgiven (see knowledge/similar.ts). */
export type FoundPlayer = { kind: 'one'; player: Identity; typos: number } | { kind: 'none'; closest: string[] } | { kind: 'ambiguous'; candidates: string[] };

/**
 * The player the query names best; several equally good is ambiguous. None named as the articles
 * name him, the one name within a typo or two (knowledge/similar.ts) is taken; else the closest
 * names above the similarity cut-off are given.
 */
export function findPlayer(query: string, players: Identity[]): FoundPlayer {
  let best = 0;
  let found: Identity[] = [];
  const surnames = new Set(players.flatMap((p) => [p.name, ...p.aliases].flatMap(_surnameKeys)));
  for (const p of players) {
    const forms = [p.name, ...p.aliases];
    const telling = new Set(_tellingForms(forms).map((t) => t.join('')));
    // A first name seen alone counts no more than the first word of a full name, and a surname seen
    // alone no more than the surname of a full name ("Cole" is Ashley's and Joe's alike).
    const rankOf = (f: string) => {
      const rank = matchRank(query, f);
      if (!telling.has(nameKey(f))) return Math.min(1, rank);
      return nameTokens(f).length === 1 && surnames.has(nameKey(f)) ? Math.min(2, rank) : rank;
    };
    const rank = Math.max(0, ...forms.map(rankOf));
    if (rank === 0 || rank < best) continue;
    if (rank > best) {
      best = rank;
      found = [];
    }
    found.push(p);
  }
  if (found.length === 1 && found[0]) return { kind: 'one', player: found[0], typos: 0 };
  if (found.length > 1) return { kind: 'ambiguous', candidates: found.map((p) => p.name) };
  return closePlayer(query, players);
}

/** The player whose name (or surname) is within a typo or two of the query; else the closest names worth suggesting. */
export function closePlayer(query: string, players: Identity[]): FoundPlayer {
  const key = nameKey(query);
  if (key === '') return { kind: 'none', closest: [] };
  const r = resolveClose(
    key,
    players.map((p) => {
      const forms = [p.name, ...p.aliases];
      return { item: p, keys: forms.flatMap((f) => [nameKey(f), ..._surnameKeys(f)]), whole: forms.map(nameKey) };
    }),
  );
  if (r.kind === 'one') return { kind: 'one', player: r.item, typos: r.typos };
  if (r.kind === 'several') return { kind: 'ambiguous', candidates: r.items.map((p) => p.name) };
  return { kind: 'none', closest: r.suggestions.map((p) => p.name) };
}

/** Rumour rows from the store: who moves, and the club he was leaving (his club then). */
export interface PlayerRow {
  player: string;
  from: string | null;
}

/**
 * Who each row is: one identity found across the rows as across articles (each row its own article,
 * its `from` his club), so that a "Cole" leaving Arsenal is Ashley and not Joe. Also every identity.
 */
export function rowIdentities(rows: PlayerRow[]): { ids: Identity[]; of: Identity[] } {
  const names = rows.map((r): NamesOf => ({ players: [{ name: r.player, aliases: [], club: r.from }], rumours: [], fees: [] }));
  const ids = knownPlayers(names);
  const byName = new Map<NamesOf, Identity>();
  for (const id of ids) for (const n of id.byArticle.keys()) byName.set(n, id);
  return { ids, of: names.map((n) => byName.get(n) as Identity) };
}

/**
 * The rows that are the player the query names (see `rowIdentities`), and how he was found. A query
 * that fits several players keeps the rows of all of them.
 */
export function playerRows<T extends PlayerRow>(query: string, rows: T[]): { rows: T[]; found: FoundPlayer } {
  const { ids, of } = rowIdentities(rows);
  const found = findPlayer(query, ids);
  if (found.kind === 'none') return { rows: [], found };
  const chosen = new Set(found.kind === 'one' ? [found.player] : ids.filter((p) => found.candidates.includes(p.name)));
  return { rows: rows.filter((_, i) => chosen.has(of[i] as Identity)), found };
}
