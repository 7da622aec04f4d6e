// The likelihood: the committed weights in step with the training script, and weighing that never
// looks ahead (what a reader could have known on the article's day).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (it reads the built extractor from dist/, as `npm test` builds first)
import { auroc, buildLikelihood, fit, LIKELIHOOD_FILE, likelihoodText } from '../../scripts/train-likelihood.mjs';
import { likelihoodModelFrom } from '../../src/knowledge/likelihood-model.js';
import { type ArticleFacts, featuresOf, History, Records, Weigher, wilson } from '../../src/weigh/index.js';
import { score } from '../../src/weigh/likelihood.js';

type Fee = ArticleFacts['rumours'][number]['fee'];

function article(
  file: string,
  date: string,
  status: ArticleFacts['rumours'][number]['status'],
  opts: { to?: string; source?: string; sentence?: string; player?: string; fee?: Fee } = {},
): ArticleFacts {
  const player = opts.player ?? 'Romelu Lukaku';
  return {
    file,
    date,
    rumours: [{ player, from: 'Inter Milan', to: opts.to ?? 'Chelsea FC', status, fee: opts.fee ?? null, source: opts.source ?? null, evidence: { sentence: opts.sentence ?? 'Chelsea want Lukaku.' } }],
    speakers: [],
    players: [player],
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

describe('the evidence a likelihood gives as its reasons', () => {
  it("reads its article's words: talk of a deal lifts it, hearsay lowers it, and each says which words", () => {
    const deal = new Weigher().weighArticle(article('a.txt', '2021-06-01', 'talks', { sentence: 'Chelsea have agreed personal terms with Lukaku and a medical is booked.' }))[0]!;
    const plain = new Weigher().weighArticle(article('a.txt', '2021-06-01', 'talks', { sentence: 'Chelsea are in talks over Lukaku.' }))[0]!;
    const hearsay = new Weigher().weighArticle(article('a.txt', '2021-06-01', 'talks', { sentence: 'Chelsea could reportedly be linked with Lukaku.' }))[0]!;
    expect(deal.likelihood).toBeGreaterThan(plain.likelihood);
    expect(hearsay.likelihood).toBeLessThan(plain.likelihood);
    expect(deal.reasons).toContain('talk of a deal: "agreed", "personal terms"');
    expect(hearsay.reasons.some((r) => r.startsWith('hearsay: ') && r.includes('"reportedly"'))).toBe(true);
  });

  it('weighs the move against its most reported rival, ahead or behind', () => {
    const w = new Weigher();
    w.know([
      article('a.txt', '2021-06-01', 'interest', { to: 'Arsenal' }),
      article('b.txt', '2021-06-02', 'interest', { to: 'Arsenal' }),
      article('c.txt', '2021-06-03', 'interest', { to: 'Arsenal' }),
      article('d.txt', '2021-06-04', 'interest'),
    ]);
    const all = [...w.weighAll().entries()];
    const chelsea = all.find(([r]) => r.file === 'd.txt')![1];
    const arsenal = all.find(([r]) => r.file === 'c.txt')![1];
    expect(chelsea.reasons).toContain('behind Arsenal (1 article to 3)');
    expect(chelsea.likelihood).toBeLessThan(arsenal.likelihood);
  });

  it("reads the fee's size in euros, a bigger fee weighing more", () => {
    const fee = (amount: number): Fee => ({ text: `£${amount / 1e6}m`, amount, currency: 'GBP' });
    const big = new Weigher().weighArticle(article('a.txt', '2021-06-01', 'bid', { fee: fee(90_000_000) }))[0]!;
    const small = new Weigher().weighArticle(article('a.txt', '2021-06-01', 'bid', { fee: fee(3_000_000) }))[0]!;
    expect(big.likelihood).toBeGreaterThan(small.likelihood);
    // £90m at 2021's average rate.
    expect(big.reasons.find((r) => r.endsWith('m fee'))).toMatch(/^a €10\dm fee$/);
  });

  it("weighs an outlet's record on other players' moves, not on the move it weighs", () => {
    const history = new History();
    const add = (a: ArticleFacts) => history.addArticle(a);
    // Sky Sports called Sancho's move, which was completed later; then it reports Lukaku's.
    add(article('s1.txt', '2021-05-01', 'interest', { player: 'Jadon Sancho', to: 'Manchester United', source: 'Sky Sports' }));
    add(article('s2.txt', '2021-06-01', 'completed', { player: 'Jadon Sancho', to: 'Manchester United' }));
    add(article('l1.txt', '2021-06-02', 'interest', { source: 'Sky Sports' }));
    add(article('l2.txt', '2021-07-01', 'completed'));
    const [l3] = add(article('l3.txt', '2021-07-02', 'bid', { source: 'Sky Sports' }));
    const records = new Records(history);
    expect(records.recordOf('Sky Sports', 20_000)).toEqual({ confirmed: 2, contradicted: 0 });
    // Weighing Lukaku's move, Sky Sports' record is its Sancho call only.
    expect(featuresOf(history, records, l3!).detail.records).toEqual([{ source: 'Sky Sports', confirmed: 1, settled: 1 }]);
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
