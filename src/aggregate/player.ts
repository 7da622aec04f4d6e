// One player's story across many articles: all that they say about him, oldest article first. Who he
// is (every form of his name the articles use) is ./identity.ts's.
import { SCHEMA_IDS } from '../ids.js';
import { foldLetters } from '../knowledge/fold.js';
import { spellings } from '../knowledge/variants.js';
import type { Article, Currency, Player, PlayerStory } from '../schema.js';
import { convertFee, convertRumourFee, DEFAULT_CURRENCY } from './currency.js';
import { weighAcross, weighedRumours } from '../weigh/index.js';
import { _surnameKeys, _tellingForms, findPlayer, knownPlayers, nameKey, nameTokens, type Identity } from './identity.js';

/** What a story is told from: an article, or the part of it that the store picks as maybe his. */
export type StoryArticle = Pick<Article, 'file' | 'date' | 'rumours' | 'fees' | 'quotes'> & { players: Array<Pick<Player, 'name' | 'aliases' | 'club'>> };

export type StoryResult =
  | { kind: 'story'; story: PlayerStory; typos: number }
  | { kind: 'none'; closest: string[] }
  | { kind: 'ambiguous'; candidates: string[] };

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
 * A test for "does this text name one of these forms (word lists) as whole words?", but not where the
 * words end a name of someone else's: "Cole" in "Joe Cole is happy" is not Ashley. A text without any
 * spelling of a form's last word is passed over before it is split into words.
 */
function _namer(forms: string[][], others: Set<string>): (text: string) => boolean {
  const needles = [...new Set(forms.flatMap((f) => spellings(f[f.length - 1] ?? '')))].filter((w) => w !== '');
  // The same quote is often reported by many articles: each text is read once.
  const seen = new Map<string, boolean>();
  return (text) => {
    let yes = seen.get(text);
    if (yes === undefined) {
      yes = _names(text);
      seen.set(text, yes);
    }
    return yes;
  };
  function _names(text: string): boolean {
    const folded = foldLetters(text);
    if (!needles.some((w) => folded.includes(w))) return false;
    const t = nameTokens(text);
    return forms.some((f) => {
      if (f.length === 0) return false;
      for (let i = 0; i + f.length <= t.length; i++) {
        if (f.some((w, j) => t[i + j] !== w)) continue;
        const end = i + f.length;
        if (![1, 2, 3].some((back) => i - back >= 0 && others.has(t.slice(i - back, end).join('')))) return true;
      }
      return false;
    });
  }
}

/** All that the articles say about the player the query names, every fee also in `currency`. */
export function playerStory(query: string, articles: StoryArticle[], currency: Currency = DEFAULT_CURRENCY): StoryResult {
  const players = knownPlayers(articles);
  const found = findPlayer(query, players);
  if (found.kind !== 'one') return found;
  // Rumours read from files (not weighed by a store) are weighed across the articles given.
  weighAcross(articles);
  const others = new Set(players.filter((p) => p !== found.player).flatMap((p) => [...p.keys]));
  return { kind: 'story', story: _storyOf(query, found.player, others, articles, currency), typos: found.typos };
}

/** `others`: the keys of everyone else found, so that "Joe Cole" is not taken for Ashley by his surname. */
function _storyOf(query: string, who: Identity, others: Set<string>, articles: StoryArticle[], currency: Currency): PlayerStory {
  const story: PlayerStory = {
    schema: SCHEMA_IDS.player,
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
  // The names only he goes by anywhere; most articles add none of their own.
  const ownNames = [who.name, ...who.aliases].filter((f) => who.own.has(nameKey(f)));
  const ownNamer = _namer(_tellingForms(ownNames), others);
  // Articles mostly use the same few forms of his name: one test per set of forms, not per article.
  const namers = new Map<string, (text: string) => boolean>();
  const namerOf = (local: string[]) => {
    const key = local.join('\u0000');
    let namer = namers.get(key);
    if (!namer) {
      namer = _namer(_tellingForms([...ownNames, ...local]), others);
      namers.set(key, namer);
    }
    return namer;
  };
  for (const a of byDate(articles)) {
    // His names here: those this article uses for him, and those only he goes by anywhere.
    const local = who.byArticle.get(a);
    const keys = local ? new Set([...who.own, ...local]) : who.own;
    const players = local ? a.players.filter((p) => local.has(nameKey(p.name))) : [];
    const his = (name: string | null) => {
      if (name === null) return false;
      const k = nameKey(name);
      return keys.has(k) || (!others.has(k) && _surnameKeys(name).some((s) => keys.has(s)));
    };
    const localNames = [who.name, ...who.aliases, ...players.flatMap((p) => [p.name, ...p.aliases])].filter((f) => local?.has(nameKey(f)));
    const names = localNames.length === 0 ? ownNamer : namerOf(localNames);
    const dated = { date: a.date, file: a.file };
    const rumours = _inOrder(weighedRumours(a).filter((r) => his(r.player)));
    const fees = _inOrder(a.fees.filter((f) => his(f.player)));
    const quotes: PlayerStory['quotes'] = [];
    for (const q of _inOrder(a.quotes)) {
      if (his(q.speaker)) quotes.push({ ...q, ...dated, relation: 'by' });
      else if (names(q.text) || names(q.evidence.sentence)) quotes.push({ ...q, ...dated, relation: 'about' });
    }
    if (players.length === 0 && rumours.length === 0 && fees.length === 0 && quotes.length === 0) continue;
    story.articles++;
    if (a.date !== null) dates.push(a.date);
    story.rumours.push(...rumours.map((r) => ({ ...r, fee: convertRumourFee(r.fee, a.fees, a.date, currency), ...dated })));
    // A fee read from a stored article may carry a conversion already: replaced, in the same place.
    story.fees.push(...fees.map(({ converted: _, ...f }: StoryArticle['fees'][number] & { converted?: unknown }) => ({ ...f, ...dated, converted: convertFee(f, a.date, currency) })));
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

function _inOrder<T extends { evidence: { start: number } }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.evidence.start - b.evidence.start);
}
