// The learned pair scorer's weights (data/rumour-model.json, written by `npm run train`): a
// multinomial logistic regression over sparse string features. Loading and scoring only; what the
// features are is relate/pairs.ts's business, how they are learned scripts/train.mjs's.
import { loadData } from './_load.js';

/** What the model says of a (player, club) pair in a sentence: no move, the club wants him, or he leaves it. */
export const PAIR_CLASSES = ['none', 'to', 'from'] as const;
export type PairClass = (typeof PAIR_CLASSES)[number];

export interface RelationModelJson {
  schema: 'rumours-relation-model/1';
  classes: PairClass[];
  bias: number[];
  /** Feature → one weight per class. */
  weights: Record<string, number[]>;
  thresholds: Thresholds;
  /** How it was trained and what cross-validation measured: for people, not read at run time. */
  about?: unknown;
}

export interface RelationModel {
  bias: readonly number[];
  weights: ReadonlyMap<string, readonly number[]>;
  thresholds: Thresholds;
}

/**
 * A club is the player's seller at P(from) ≥ from. Any other club is one that wants him when
 * P(to) + link × P(from) ≥ to (once another club is his seller, "linked with him" is read as a
 * move there) and P(to) ≥ own; in a whole article (five sentences or more) rather than an excerpt,
 * when that sum reaches toArticle.
 */
export interface Thresholds {
  to: number;
  toArticle: number;
  from: number;
  link: number;
  own: number;
}

let _model: RelationModel | null = null;

/** The committed model, loaded once. */
export function relationModel(): RelationModel {
  _model ??= modelFromJson(loadData<RelationModelJson>('rumour-model.json'));
  return _model;
}

export function modelFromJson(json: RelationModelJson): RelationModel {
  return { bias: json.bias, weights: new Map(Object.entries(json.weights)), thresholds: json.thresholds };
}

/** Class probabilities [none, to, from] for one pair's features (unknown features weigh nothing). */
export function scorePair(model: RelationModel, features: readonly string[]): [number, number, number] {
  let z0 = model.bias[0] ?? 0;
  let z1 = model.bias[1] ?? 0;
  let z2 = model.bias[2] ?? 0;
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    z0 += w[0] ?? 0;
    z1 += w[1] ?? 0;
    z2 += w[2] ?? 0;
  }
  const m = Math.max(z0, z1, z2);
  const e0 = Math.exp(z0 - m);
  const e1 = Math.exp(z1 - m);
  const e2 = Math.exp(z2 - m);
  const sum = e0 + e1 + e2;
  return [e0 / sum, e1 / sum, e2 / sum];
}
