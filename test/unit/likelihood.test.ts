// The likelihood: the committed weights in step with the training script, and weighing that never
// looks ahead (what a reader could have known on the article's day).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (it reads the built extractor from dist/, as `npm test` builds first)
import { auroc, buildLikelihood, fit, LIKELIHOOD_FILE, likelihoodText } from '../../scripts/train-likelihood.mjs';
import { likelihoodModelFrom } from '../../src/knowledge/likelihood-model.js';
import { type ArticleFacts, Weigher, wilson } from '../../src/weigh/index.js';
import { score } from '../../src/weigh/likelihood.js';

function article(file: string, date: string, status: ArticleFacts['rumours'][number]['status'], opts: { to?: string; source?: string; sentence?: string } = {}): ArticleFacts {
  return {
    file,
    date,
    rumours: [{ player: 'Romelu Lukaku', from: 'Inter Milan', to: opts.to ?? 'Chelsea FC', status, fee: null, source: opts.source ?? null, evidence: { sentence: opts.sentence ?? 'Chelsea want Lukaku.' } }],
    speakers: [],
    players: ['Romelu Lukaku'],
  };
}

describe('the likelihood model', () => {
  it('is in step with the training script (run `npm run train` after changing features or gold)', async () => {
    const json = await buildLikelihood();
    expect(likelihoodText(json) === readFileSync(LIKELIHOOD_FILE, 'utf8'), 'src/knowledge/data/likelihood-model.json is stale: run npm run train').toBe(true);
  }, 60_000);

  it('fits a feature that tells the outcome, and AUROC counts ties half', () => {
    const ex = Array.from({ length: 60 }, (_, i) => ({ x: { cue: i % 3 === 0 ? 1 : 0, noise: i % 2 }, y: i % 3 === 0 ? 1 : 0 }));
    const m = likelihoodModelFrom(fit(ex, ['cue', 'noise']));
    expect(score(m, { cue: 1 })).toBeGreaterThan(0.6);
    expect(score(m, { cue: 0 })).toBeLessThan(0.4);
    expect(auroc([0.1, 0.9, 0.5, 0.5], [0, 1, 0, 1])).toBeCloseTo(0.875);
  });
});

describe('weighing as of a day', () => {
  it('gives every rumour a likelihood in [0, 1] with its stage among its reasons', () => {
    const w = new Weigher();
    const [r] = w.weighArticle(article('a.txt', '2021-06-01', 'bid'));
    expect(r!.likelihood).toBeGreaterThanOrEqual(0);
    expect(r!.likelihood).toBeLessThanOrEqual(1);
    expect(r!.reasons).toContain('bid stage');
  });

  it('never looks ahead: a later article does not change an earlier likelihood', () => {
    const early = [article('a.txt', '2021-06-01', 'interest'), article('b.txt', '2021-06-05', 'bid', { source: 'Sky Sports' })];
    const later = article('c.txt', '2021-08-01', 'completed', { sentence: 'Lukaku has completed his move after a medical.' });
    const before = new Weigher();
    before.know(early);
    const alone = [...before.weighAll().values()];
    const after = new Weigher();
    after.know([...early, later]);
    const all = [...after.weighAll().values()];
    expect(all.slice(0, 2)).toEqual(alone);
    // As of a day before the later article, the move stands as it did, and the later report is not listed.
    expect([...after.weighAll('2021-07-01').values()]).toEqual(alone);
    // The later article itself weighs what came before it.
    expect(all[2]!.likelihood).toBeGreaterThan(alone[1]!.likelihood);
  });

  it('a report dated after the day asked is not read, whatever order articles come in', () => {
    const w = new Weigher();
    const late = w.weighArticle(article('c.txt', '2021-08-01', 'interest', { to: 'Arsenal' }));
    const w2 = new Weigher();
    w2.know([article('z.txt', '2021-09-01', 'completed')]);
    const late2 = w2.weighArticle(article('c.txt', '2021-08-01', 'interest', { to: 'Arsenal' }));
    expect(late2).toEqual(late);
  });
});

describe('the Wilson interval', () => {
  it('keeps "1 of 1" well below a sure thing', () => {
    const [low, high] = wilson(1, 1);
    expect(low).toBeLessThan(0.25);
    expect(high).toBe(1);
    expect(wilson(70, 100)[0]).toBeGreaterThan(wilson(1, 1)[0]);
  });
});
