// The likelihood model's weights (data/likelihood-model.json, written by `npm run train` from
// scripts/train-likelihood.mjs): a logistic regression over the named features weigh/ computes.
// Loading and scoring only.
import { loadData } from './_load.js';

export interface LikelihoodModelJson {
  schema: 'rumours-likelihood-model/1';
  bias: number;
  /** Feature → weight; a feature the model does not know weighs nothing. */
  weights: Record<string, number>;
  /** How it was trained and what cross-validation measured: for people, not read at run time. */
  about?: unknown;
}

export interface LikelihoodModel {
  bias: number;
  weights: ReadonlyMap<string, number>;
}

let _model: LikelihoodModel | null = null;

/** The committed model, loaded once. */
export function likelihoodModel(): LikelihoodModel {
  _model ??= likelihoodModelFrom(loadData<LikelihoodModelJson>('likelihood-model.json'));
  return _model;
}

export function likelihoodModelFrom(json: Pick<LikelihoodModelJson, 'bias' | 'weights'>): LikelihoodModel {
  return { bias: json.bias, weights: new Map(Object.entries(json.weights)) };
}
