// The keys a name is indexed and looked up by, so that the store finds the articles that may name a
// player without reading them; the fine matching is then src/aggregate/player.ts's.
import { foldName } from '../aggregate/player.js';

const _MAX_WORDS = 6;

/** Every run of consecutive words, spaces removed: "Alexis Mac Allister" → alexismacallister, macallister, mac... */
export function nameRuns(name: string): string[] {
  const t = foldName(name).split(' ').filter((w) => w !== '').slice(0, _MAX_WORDS);
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) for (let j = i + 1; j <= t.length; j++) out.add(t.slice(i, j).join(''));
  return [...out];
}

/** What a query is looked up by: itself whole and its surnames ("Ibrahima Konate" also finds "Konate"). */
export function queryKeys(query: string): string[] {
  const t = foldName(query).split(' ').filter((w) => w !== '');
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) out.add(t.slice(i).join(''));
  return [...out];
}

/**
 * A test for "may this name be the player the query names": it shares a word with the query (folded).
 * Loose on purpose, a first cut before the story's own matching; remembered, as names repeat.
 */
export function mayName(query: string): (name: string) => boolean {
  const words = new Set(foldName(query).split(' ').filter((w) => w !== ''));
  const seen = new Map<string, boolean>();
  return (name) => {
    let yes = seen.get(name);
    if (yes === undefined) {
      yes = foldName(name).split(' ').some((w) => words.has(w));
      seen.set(name, yes);
    }
    return yes;
  };
}

/** The folded words of a player's names, between spaces (' steven gerrard stevie g '), for `instr` in SQL. */
export function nameWords(names: string[]): string {
  const words = new Set(names.flatMap((n) => foldName(n).split(' ')).filter((w) => w !== ''));
  return ` ${[...words].join(' ')} `;
}

/** The query's words as `nameWords` spells them, each between spaces. */
export function queryWords(query: string): string[] {
  return [...new Set(foldName(query).split(' ').filter((w) => w !== ''))].map((w) => ` ${w} `);
}
