// One player across many articles: who he is (every form of his name the articles use), and all that
// they say about him, oldest article first. Matching forgives case, accents, spacing and punctuation,
// and a surname alone ("Konate", "mac allister", "MacAllister").
import { foldLetters } from '../knowledge/fold.js';
import { SCHEMA_ID } from '../ids.js';
import type { Article, Currency, Player, PlayerStory } from '../schema.js';
import { convertFee, DEFAULT_CURRENCY } from './currency.js';

/** Lower case, no diacritics, letters and digits only, single spaces: "N'Golo  Kanté" → "n golo kante". */
export function foldName(s: string): string {
  return foldLetters(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function _tokens(folded: string): string[] {
  return folded === '' ? [] : folded.split(' ');
}

/** The key a name is compared by: folded, spaces removed ("Mac Allister" = "MacAllister"). */
export function nameKey(s: string): string {
  return foldName(s).replace(/ /g, '');
}

/**
 * How well a query names a form: 3 the whole name, 2 a surname (a run of words at the end, either
 * way round: "Mac Allister" for "Alexis Mac Allister", or an article that only says "Konate" for a
 * query "Ibrahima Konate"), 1 another run of its words (a first name), 0 not at all.
 */
export function matchRank(query: string, form: string): 0 | 1 | 2 | 3 {
  const q = _tokens(foldName(query));
  const f = _tokens(foldName(form));
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

/** Levenshtein distance (inputs capped at 64 characters: names, not documents). */
export function editDistance(a: string, b: string): number {
  const s = a.slice(0, 64);
  const t = b.slice(0, 64);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/** One player as the articles name him: his fullest name and every other form seen. */
export interface Identity {
  name: string;
  aliases: string[];
  /** nameKey of every form. */
  keys: Set<string>;
}

interface _Unit {
  forms: string[];
}

/**
 * Everyone the articles treat as a player. Forms the extractor tied together in one article are one
 * player; across articles, players sharing a form are one; a surname-only player joins the one full
 * name that ends with it (left alone when several do: "Silva" could be many men).
 */
export interface NamesOf {
  players: Array<{ name: string; aliases: string[] }>;
  rumours: Array<{ player: string }>;
  fees: Array<{ player: string | null }>;
}

export function knownPlayers(articles: NamesOf[]): Identity[] {
  const units: _Unit[] = [];
  for (const a of articles) {
    const local = a.players.map((p) => ({ forms: [p.name, ...p.aliases] }));
    const localKeys = new Set(local.flatMap((u) => u.forms.map(nameKey)));
    units.push(...local);
    const loose = [...a.rumours.map((r) => r.player), ...a.fees.map((f) => f.player)];
    for (const name of loose) {
      if (name === null || nameKey(name) === '' || localKeys.has(nameKey(name))) continue;
      localKeys.add(nameKey(name));
      units.push({ forms: [name] });
    }
  }
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
  // Forms shared across articles join players, but not first names: "Jose" is many men.
  const byKey = new Map<string, number>();
  units.forEach((u, i) => {
    for (const tokens of _tellingForms(u.forms)) {
      const k = tokens.join('');
      const seen = byKey.get(k);
      if (seen === undefined) byKey.set(k, i);
      else union(seen, i);
    }
  });
  // Surnames: the proper word-suffixes of multi-word forms, and which groups own them.
  const surnameOwners = new Map<string, Set<number>>();
  units.forEach((u, i) => {
    for (const form of u.forms) {
      const t = _tokens(foldName(form));
      for (let s = 1; s < t.length; s++) {
        const k = t.slice(s).join('');
        const owners = surnameOwners.get(k) ?? new Set<number>();
        owners.add(find(i));
        surnameOwners.set(k, owners);
      }
    }
  });
  for (const [k, owners] of surnameOwners) {
    const roots = new Set([...owners].map(find));
    const holder = byKey.get(k);
    if (roots.size === 1 && holder !== undefined) union([...roots][0] ?? holder, holder);
  }
  const groups = new Map<number, string[]>();
  units.forEach((u, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), ...u.forms]);
  });
  return [...groups.values()].map(_identity).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function _identity(forms: string[]): Identity {
  const byKey = new Map<string, { form: string; count: number }>();
  for (const form of forms) {
    const k = nameKey(form);
    if (k === '') continue;
    const e = byKey.get(k);
    if (e) e.count++;
    else byKey.set(k, { form, count: 1 });
  }
  const ranked = [...byKey.values()].sort(
    (a, b) => _tokens(foldName(b.form)).length - _tokens(foldName(a.form)).length || b.count - a.count || (a.form < b.form ? -1 : 1),
  );
  const name = ranked[0]?.form ?? '';
  return { name, aliases: ranked.slice(1).map((e) => e.form).sort(), keys: new Set(byKey.keys()) };
}

/** What a story is told from: an article, or the part of it that the store picks as maybe his. */
export type StoryArticle = Pick<Article, 'file' | 'date' | 'rumours' | 'fees' | 'quotes'> & { players: Array<Pick<Player, 'name' | 'aliases' | 'club'>> };

export type StoryResult =
  | { kind: 'story'; story: PlayerStory }
  | { kind: 'none'; closest: string[] }
  | { kind: 'ambiguous'; candidates: string[] };

/** The player the query names best; several equally good is ambiguous, none gives the closest names. */
export function findPlayer(query: string, players: Identity[]): { kind: 'one'; player: Identity } | Exclude<StoryResult, { kind: 'story' }> {
  let best = 0;
  let found: Identity[] = [];
  for (const p of players) {
    const forms = [p.name, ...p.aliases];
    const telling = new Set(_tellingForms(forms).map((t) => t.join('')));
    // A first name seen alone counts no more than the first word of a full name.
    const rank = Math.max(0, ...forms.map((f) => (telling.has(nameKey(f)) ? matchRank(query, f) : Math.min(1, matchRank(query, f)))));
    if (rank === 0 || rank < best) continue;
    if (rank > best) {
      best = rank;
      found = [];
    }
    found.push(p);
  }
  if (found.length === 1 && found[0]) return { kind: 'one', player: found[0] };
  if (found.length > 1) return { kind: 'ambiguous', candidates: found.map((p) => p.name) };
  return { kind: 'none', closest: closestPlayers(query, players) };
}

/** The `n` players whose name (or surname) is fewest edits from the query. */
export function closestPlayers(query: string, players: Identity[], n = 3): string[] {
  const q = foldName(query);
  const scored = players.map((p) => {
    let d = Infinity;
    for (const form of [p.name, ...p.aliases]) {
      const t = _tokens(foldName(form));
      for (let s = 0; s < t.length; s++) d = Math.min(d, editDistance(q, t.slice(s).join(' ')));
    }
    return { name: p.name, d };
  });
  return scored
    .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, n)
    .map((s) => s.name);
}

/** Oldest first; articles without a date last; the given order breaks ties. */
export function byDate<T extends { date: string | null }>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const da = a.item.date;
      const db = b.item.date;
      if (da !== db) {
        if (da === null) return 1;
        if (db === null) return -1;
        return da < db ? -1 : 1;
      }
      return a.i - b.i;
    })
    .map((x) => x.item);
}

/**
 * The forms that name him in running text: full names and surnames. A first name alone ("Jose") is
 * left out: it names too many other men to say that a quote is about him.
 */
function _tellingForms(names: string[]): string[][] {
  const forms = [...new Set(names.map(foldName))].filter((f) => f !== '').map(_tokens);
  const longest = Math.max(0, ...forms.map((f) => f.length));
  return forms.filter((f) => {
    if (f.length > 1 || longest === 1) return true;
    return forms.some((g) => g.length > 1 && g[g.length - 1] === f[0]);
  });
}

/** Does folded text name one of these forms as whole words? */
function _names(text: string, forms: string[][]): boolean {
  const t = ` ${foldName(text)} `;
  return forms.some((f) => f.length > 0 && t.includes(` ${f.join(' ')} `));
}

/** All that the articles say about the player the query names, every fee also in `currency`. */
export function playerStory(query: string, articles: StoryArticle[], currency: Currency = DEFAULT_CURRENCY): StoryResult {
  const found = findPlayer(query, knownPlayers(articles));
  if (found.kind !== 'one') return found;
  return { kind: 'story', story: storyOf(query, found.player, articles, currency) };
}

export function storyOf(query: string, who: Identity, articles: StoryArticle[], currency: Currency = DEFAULT_CURRENCY): PlayerStory {
  const story: PlayerStory = {
    schema: SCHEMA_ID,
    query,
    currency,
    player: { name: who.name, aliases: who.aliases },
    articles: 0,
    firstReport: null,
    latestReport: null,
    clubs: [],
    rumours: [],
    fees: [],
    quotes: [],
  };
  const dates: string[] = [];
  for (const a of byDate(articles)) {
    const keys = new Set(who.keys);
    const players = a.players.filter((p) => [p.name, ...p.aliases].some((f) => who.keys.has(nameKey(f))));
    for (const p of players) for (const f of [p.name, ...p.aliases]) keys.add(nameKey(f));
    const his = (name: string | null) => name !== null && (keys.has(nameKey(name)) || _surnames(name).some((k) => keys.has(k)));
    const forms = _tellingForms([who.name, ...who.aliases, ...players.flatMap((p) => [p.name, ...p.aliases])]);
    const dated = { date: a.date, file: a.file };
    const rumours = _inOrder(a.rumours.filter((r) => his(r.player)));
    const fees = _inOrder(a.fees.filter((f) => his(f.player)));
    const quotes: PlayerStory['quotes'] = [];
    for (const q of _inOrder(a.quotes)) {
      if (his(q.speaker)) quotes.push({ ...q, ...dated, relation: 'by' });
      else if (_names(q.text, forms) || _names(q.evidence.sentence, forms)) quotes.push({ ...q, ...dated, relation: 'about' });
    }
    if (players.length === 0 && rumours.length === 0 && fees.length === 0 && quotes.length === 0) continue;
    story.articles++;
    if (a.date !== null) dates.push(a.date);
    story.rumours.push(...rumours.map((r) => ({ ...r, ...dated })));
    story.fees.push(...fees.map((f) => ({ ...f, ...dated, converted: convertFee(f, a.date, currency) })));
    story.quotes.push(...quotes);
  }
  dates.sort();
  story.firstReport = dates[0] ?? null;
  story.latestReport = dates[dates.length - 1] ?? null;
  const clubs = new Map<string, number>();
  for (const r of story.rumours) clubs.set(r.to, (clubs.get(r.to) ?? 0) + 1);
  story.clubs = [...clubs].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  return story;
}

/** Keys of the proper word-suffixes of a name: "Alexis Mac Allister" → macallister, allister. */
function _surnames(name: string): string[] {
  const t = _tokens(foldName(name));
  return t.slice(1).map((_, i) => t.slice(i + 1).join(''));
}

function _inOrder<T extends { evidence: { start: number } }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.evidence.start - b.evidence.start);
}
