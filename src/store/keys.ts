// The keys a name is indexed and looked up by, so that the store finds the articles that may name a
// player without reading them; the fine matching is then src/aggregate/identity.ts's. Names are stored
// as written (folded); a query is looked up in every spelling of its words ("Mo" also as "Mohamed"),
// so the spellings table can grow without re-reading the store.
import { foldName } from '../aggregate/identity.js';
import { spellings } from '../knowledge/variants.js';

/** The most spellings a query is looked up in: the product of its words' spellings, capped. */
const _MAX_SPELLINGS = 64;

const _MAX_WORDS = 6;

function _words(s: string): string[] {
  return foldName(s).split(' ').filter((w) => w !== '');
}

/** Every run of consecutive words, spaces removed: "Alexis Mac Allister" → alexismacallister, macallister, mac... */
export function nameRuns(name: string): string[] {
  const t = _words(name).slice(0, _MAX_WORDS);
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) for (let j = i + 1; j <= t.length; j++) out.add(t.slice(i, j).join(''));
  return [...out];
}

/** Every way the query can be spelt, word by word ("mo salah" → mo salah, mohamed salah, ...). */
function _spelt(words: string[]): string[][] {
  let out: string[][] = [[]];
  for (const w of words) out = out.flatMap((head) => spellings(w).map((s) => [...head, s])).slice(0, _MAX_SPELLINGS);
  return out;
}

/**
 * What a query is looked up by: itself whole and its surnames ("Ibrahima Konate" also finds
 * "Konate"), in every spelling.
 */
export function queryKeys(query: string): string[] {
  const out = new Set<string>();
  for (const t of _spelt(_words(query))) for (let i = 0; i < t.length; i++) out.add(t.slice(i).join(''));
  return [...out];
}

/** The query's words in every spelling. */
export function queryWordSet(query: string): Set<string> {
  return new Set(_words(query).flatMap(spellings));
}

/**
 * A test for "may this name be the player the query names": it shares a word with the query (folded).
 * Loose on purpose, a first cut before the story's own matching; remembered, as names repeat.
 */
export function mayName(query: string): (name: string) => boolean {
  const words = queryWordSet(query);
  const seen = new Map<string, boolean>();
  return (name) => {
    let yes = seen.get(name);
    if (yes === undefined) {
      yes = _words(name).some((w) => words.has(w));
      seen.set(name, yes);
    }
    return yes;
  };
}

/** The folded words of a player's names, between spaces (' steven gerrard stevie g '), for `instr` in SQL. */
export function nameWords(names: string[]): string {
  const words = new Set(names.flatMap(_words));
  return ` ${[...words].join(' ')} `;
}

/** The query's words (in every spelling) as `nameWords` stores them, each between spaces. */
export function queryWords(query: string): string[] {
  return [...queryWordSet(query)].map((w) => ` ${w} `);
}
