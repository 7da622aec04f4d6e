// How close a name typed by a user is to a known one: one rule for players and clubs alike. Names are
// compared as folded keys (case, accents, spaces and hyphens gone: "Mac Allister" = "MacAllister");
// a few typos are forgiven by edit distance, more for longer names, and nothing below a similarity
// cut-off is ever suggested.
import { distance } from 'fastest-levenshtein';

/** Typos forgiven in a key of this many letters: none in a short one ("Real" is not "Reus"), two in a long one. */
export function typosAllowed(letters: number): number {
  return letters <= 3 ? 0 : letters === 4 ? 1 : 2;
}

/** Below this, a name is not worth suggesting (1 is the same key, 0 nothing alike). */
export const SUGGEST_CUTOFF = 0.6;

/** 1 − edit distance ÷ the longer key's length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** Something a name can be resolved to, with the keys it is known by (whole names and parts of them). */
export interface Candidate<T> {
  item: T;
  keys: readonly string[];
  /**
   * The keys of its whole names, its own name first: of candidates equally close, the one close by
   * its own name wins, else the one close by a whole name ("Liverpool" over "Liverpool Montevideo").
   */
  whole?: readonly string[];
}

export type Resolution<T> =
  | { kind: 'one'; item: T; typos: number }
  | { kind: 'several'; items: T[] }
  | { kind: 'none'; suggestions: T[] };

/**
 * The candidates a query key names, forgiving typos: the one nearest, when it is the only one at
 * that distance; several when they tie; else those above the cut-off as suggestions, best first.
 */
export function resolveClose<T>(query: string, candidates: Iterable<Candidate<T>>, suggestions = 3): Resolution<T> {
  const allowed = typosAllowed(query.length);
  const scored: Array<{ item: T; d: number; sim: number; whole: number }> = [];
  const near = (k: string | undefined) => k !== undefined && Math.abs(k.length - query.length) <= allowed && distance(query, k) <= allowed;
  for (const c of candidates) {
    let d = Infinity;
    let sim = 0;
    const whole = near(c.whole?.[0]) ? 2 : (c.whole ?? []).some(near) ? 1 : 0;
    for (const k of c.keys) {
      // Keys far longer or shorter cannot be within the allowance; their similarity is low anyway.
      const kd = Math.abs(k.length - query.length) > Math.max(allowed, query.length) ? Infinity : distance(query, k);
      if (kd < d) d = kd;
      if (kd !== Infinity) sim = Math.max(sim, 1 - kd / Math.max(k.length, query.length, 1));
    }
    scored.push({ item: c.item, d, sim, whole });
  }
  const best = Math.min(Infinity, ...scored.map((s) => s.d));
  if (best <= allowed) {
    const tied = scored.filter((s) => s.d === best);
    const own = tied.filter((s) => s.whole === 2);
    const wholes = tied.filter((s) => s.whole >= 1);
    const at = own.length === 1 ? own : wholes.length === 1 ? wholes : tied;
    const first = at[0];
    if (at.length === 1 && first) return { kind: 'one', item: first.item, typos: best };
    return { kind: 'several', items: at.map((s) => s.item) };
  }
  const close = scored.filter((s) => s.sim >= SUGGEST_CUTOFF).sort((a, b) => b.sim - a.sim);
  return { kind: 'none', suggestions: close.slice(0, suggestions).map((s) => s.item) };
}
