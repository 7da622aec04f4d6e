// The committed weights are what `npm run train` writes from today's data and code: a change to the
// features, the gold or the training that is not followed by a retrain fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (it reads the built extractor from dist/, as `npm test` builds first)
import { buildModel, MODEL_FILE, modelText } from '../../scripts/train.mjs';
import { modelFromJson, scorePair } from '../../src/knowledge/relation-model.js';

describe('the rumour model', () => {
  it('is in step with the training script (run `npm run train` after changing features or gold)', async () => {
    const json = await buildModel();
    expect(modelText(json) === readFileSync(MODEL_FILE, 'utf8'), 'src/knowledge/data/rumour-model.json is stale: run npm run train').toBe(true);
  }, 30_000);

  it('scores unknown features as nothing and gives probabilities that sum to one', () => {
    const m = modelFromJson({ schema: 'rumours-relation-model/1', classes: ['none', 'to', 'from'], bias: [1, 0, 0], weights: { 'lead:to': [0, 3, -1] }, thresholds: { to: 0.5, toArticle: 0.65, from: 0.5, link: 0.5, own: 0.2 } });
    const [none, to, from] = scorePair(m, ['lead:to', 'never-seen']);
    expect(none + to + from).toBeCloseTo(1);
    expect(to).toBeGreaterThan(none);
    expect(scorePair(m, ['never-seen'])).toEqual(scorePair(m, []));
  });
});
