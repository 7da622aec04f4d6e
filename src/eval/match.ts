// The matching rules of the guidelines (names, fees, quotes) and the one-to-one pairing of
// predicted facts with gold facts. Pure functions: no knowledge tables, no I/O.
import { foldLetters } from '../knowledge/fold.js';

/**
 * Fold a name for comparison: case and diacritics away, "&" read as "and", apostrophes and full
 * stops dropped (O'Shea = OShea, Liverpool.com = Liverpoolcom), any other punctuation a word break.
 * Words are separated by single spaces.
 */
export function fold(s: string): string {
  return foldLetters(s)
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019\u02bc`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded name without word breaks: "Alexander-Arnold" and "Alexander Arnold" compare equal. */
export function compact(s: string): string {
  return fold(s).replace(/ /g, '');
}

/** How well two single spellings match: 2 equal, 1 one is the other's surname part, 0 not at all. */
export function spellingScore(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  if (fa === '' || fb === '') return 0;
  if (fa.replace(/ /g, '') === fb.replace(/ /g, '')) return 2;
  return _isSurnamePart(fa, fb) || _isSurnamePart(fb, fa) || _fullerForm(fa, fb) || _fullerForm(fb, fa) ? 1 : 0;
}

// The shorter is a trailing word sequence of the longer ("mac allister" of "alexis mac allister"),
// compared without word breaks so that "macallister" is one too.
function _isSurnamePart(short: string, long: string): boolean {
  const target = short.replace(/ /g, '');
  const words = long.split(' ');
  for (let i = 1; i < words.length; i++) {
    if (words.slice(i).join('') === target) return true;
  }
  return false;
}

// The longer gives a middle name or a second surname that the shorter (two words or more) leaves
// out: "Pape Sarr" of "Pape Matar Sarr", "Ander Herrera" of "Ander Herrera Aguera".
function _fullerForm(short: string, long: string): boolean {
  const s = short.split(' ');
  const l = long.split(' ');
  if (s.length < 2 || l.length <= s.length) return false;
  const sameEnds = s[0] === l[0] && s[s.length - 1] === l[l.length - 1];
  return sameEnds || s.every((w, i) => l[i] === w);
}

/**
 * How well a predicted name matches a gold name given as spellings (canonical first):
 * 3 equal to the canonical, 2 equal to another spelling, 1 surname part of one, 0 no match.
 */
export function nameScore(predicted: string, spellings: readonly string[]): number {
  let best = 0;
  spellings.forEach((s, i) => {
    const sc = spellingScore(predicted, s);
    const v = sc === 2 ? (i === 0 ? 3 : 2) : sc;
    if (v > best) best = v;
  });
  return best;
}

export function namesMatch(predicted: string, spellings: readonly string[]): boolean {
  return nameScore(predicted, spellings) > 0;
}

/** An attribute (speaker, fee player, rumour from): null matches null only, else the name rules. */
export function attributeMatches(predicted: string | null | undefined, goldSpellings: readonly string[] | null): boolean {
  const none = predicted === null || predicted === undefined || fold(predicted) === '';
  if (goldSpellings === null || goldSpellings.length === 0) return none;
  return !none && namesMatch(predicted, goldSpellings);
}

/** Fees within this fraction of the gold amount match. */
export const FEE_TOLERANCE = 0.01;

/**
 * How close a predicted amount is to the gold one, in (0, 1]; 0 when the currencies differ, the
 * amount is off by more than 1% of the gold amount, or the prediction has no amount.
 */
export function feeScore(pred: { amount: number | null; currency: string | null }, gold: { amount: number; currency: string }): number {
  if (pred.amount === null || pred.currency === null) return 0;
  if (pred.currency.toUpperCase() !== gold.currency.toUpperCase()) return 0;
  const diff = Math.abs(pred.amount - gold.amount);
  const allowed = FEE_TOLERANCE * Math.abs(gold.amount);
  if (diff > allowed) return 0;
  return allowed === 0 ? 1 : 1 - diff / (allowed * 2);
}

/** A quote matches when its folded text starts with the folded gold start. */
export function quoteMatches(predictedText: string, goldStart: string): boolean {
  const start = compact(goldStart);
  return start !== '' && compact(predictedText).startsWith(start);
}

export interface Pairing {
  /** [predicted index, gold index] */
  pairs: [number, number][];
  unmatchedPred: number[];
  unmatchedGold: number[];
}

/**
 * One-to-one, greedy, best first. `score` returns null for "no match" or a tuple compared
 * element by element (higher is better); on a tie a required gold entry goes before an optional
 * one, so that a prediction is not spent on an optional entry while a required one waits.
 */
export function matchOneToOne<P, G>(
  preds: readonly P[],
  golds: readonly G[],
  score: (p: P, g: G) => number[] | null,
  isOptional: (g: G) => boolean = () => false,
): Pairing {
  const cands: { p: number; g: number; s: number[]; opt: boolean }[] = [];
  preds.forEach((p, pi) => {
    golds.forEach((g, gi) => {
      const s = score(p, g);
      if (s !== null) cands.push({ p: pi, g: gi, s, opt: isOptional(g) });
    });
  });
  cands.sort((a, b) => _cmpTuple(b.s, a.s) || Number(a.opt) - Number(b.opt) || a.g - b.g || a.p - b.p);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of cands) {
    if (usedP.has(c.p) || usedG.has(c.g)) continue;
    usedP.add(c.p);
    usedG.add(c.g);
    pairs.push([c.p, c.g]);
  }
  pairs.sort((a, b) => a[1] - b[1]);
  return {
    pairs,
    unmatchedPred: preds.map((_, i) => i).filter((i) => !usedP.has(i)),
    unmatchedGold: golds.map((_, i) => i).filter((i) => !usedG.has(i)),
  };
}

function _cmpTuple(a: number[], b: number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
