// `npm run train` (second part, its `posttrain`, after scripts/train.mjs: the extractor it weighs
// must be the one the new rumour model makes): learn how likely a reported move is to happen from how moves reported
// this way ended, and write the weights to src/knowledge/data/likelihood-model.json; with --cv, also
// measure it by cross-validation split by player and write docs/likelihood.md.
//
// The examples: every excerpt of ../shared/corpora/tm-snippets-dev whose rumours include the move its
// Transfermarkt thread was about (../shared/gold/tm-dev.gold.json), labelled by how the thread ended
// (../shared/gold/tm-dev.meta.json: Done deal / Transfer failed). The features are weigh/'s, computed
// across all the excerpts as of each one's date (src/weigh), the same code the CLI runs.
//
// Deterministic: a logistic regression fitted by Newton's method from zero, no random order, no clock.
// test/unit/likelihood.test.ts keeps the committed weights in step with this script.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../dist/analyse.js';
import { compact, loadGold, nameScore } from '../dist/eval/index.js';
import { likelihoodModelFrom } from '../dist/knowledge/likelihood-model.js';
import { readFile } from '../dist/read/index.js';
import { factsOf, featuresOf, FEATURES, History, Records } from '../dist/weigh/index.js';
import { score } from '../dist/weigh/likelihood.js';
import { foldOf } from './_seeded.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = path.join(ROOT, '../shared');
export const LIKELIHOOD_FILE = path.join(ROOT, 'src/knowledge/data/likelihood-model.json');
export const REPORT_FILE = path.join(ROOT, 'docs/likelihood.md');
const GOLD = path.join(SHARED, 'gold/tm-dev.gold.json');
const META = path.join(SHARED, 'gold/tm-dev.meta.json');
const DIR = path.join(SHARED, 'corpora/tm-snippets-dev');

export const SETTINGS = { l2: 3, iterations: 30, folds: 5 };

/** The stage alone, ordered as the issue gives it: the baseline. */
const STAGE_ORDER = ['denied', 'rejected', 'interest', 'talks', 'bid', 'agreed', 'completed'];

/** One example per excerpt that reports its thread's move: { x, y, group, status, file }. */
export async function loadExamples() {
  const g = await loadGold(GOLD);
  if (!g.ok) throw new Error(`${GOLD}: ${g.reason}`);
  const meta = JSON.parse(readFileSync(META, 'utf8')).snippets;
  const files = Object.keys(g.gold.articles).sort();
  const history = new History();
  const read = [];
  for (const file of files) {
    const r = await readFile(path.join(DIR, file));
    if (!r.ok) throw new Error(`${file}: ${r.reason}`);
    const a = extractArticle(r.source);
    read.push({ file, a, reports: history.addArticle(factsOf(a)) });
  }
  const records = new Records(history);
  const out = [];
  for (const { file, reports } of read) {
    const gold = g.gold.articles[file];
    const outcome = meta[file]?.outcome;
    const move = gold?.rumours?.[0];
    if (!move || (outcome !== 'Done deal' && outcome !== 'Transfer failed')) continue;
    const players = [move.player].flat();
    const to = [move.to].flat();
    const r = reports.find((x) => nameScore(x.player, players) > 0 && nameScore(x.to, to) > 0);
    if (!r) continue;
    out.push({ file, x: featuresOf(history, records, r).x, y: outcome === 'Done deal' ? 1 : 0, group: compact(players[0]), status: r.status });
  }
  return { examples: out, excerpts: files.length };
}

const _vec = (x, names) => names.map((f) => x[f] ?? 0);

/** Logistic regression, L2 on the weights (not the bias), by Newton's method from zero. */
export function fit(examples, names = FEATURES) {
  const k = names.length + 1;
  const rows = examples.map((e) => [1, ..._vec(e.x, names)]);
  const w = new Array(k).fill(0);
  for (let it = 0; it < SETTINGS.iterations; it++) {
    const g = new Array(k).fill(0);
    const h = Array.from({ length: k }, () => new Array(k).fill(0));
    rows.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-row.reduce((s, v, j) => s + v * w[j], 0)));
      const d = p - examples[i].y;
      const q = p * (1 - p);
      for (let a = 0; a < k; a++) {
        if (row[a] === 0) continue;
        g[a] += d * row[a];
        for (let b = 0; b < k; b++) h[a][b] += q * row[a] * row[b];
      }
    });
    for (let a = 1; a < k; a++) {
      g[a] += SETTINGS.l2 * w[a];
      h[a][a] += SETTINGS.l2;
    }
    h[0][0] += 1e-9;
    const step = _solve(h, g);
    for (let a = 0; a < k; a++) w[a] -= step[a];
  }
  const round = (v) => Math.round(v * 1e4) / 1e4;
  return { bias: round(w[0]), weights: Object.fromEntries(names.map((f, i) => [f, round(w[i + 1])]).filter(([, v]) => v !== 0)) };
}

// Gaussian elimination with partial pivoting: h·x = g.
function _solve(h, g) {
  const n = g.length;
  const m = h.map((row, i) => [...row, g[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      if (f !== 0) for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

/** The model trained on every example: what `npm run train` writes. */
export async function buildLikelihood(loaded) {
  const { examples, excerpts } = loaded ?? (await loadExamples());
  const m = fit(examples);
  return {
    schema: 'rumours-likelihood-model/1',
    bias: m.bias,
    about: {
      trainedOn: { gold: path.relative(ROOT, GOLD), outcomes: path.relative(ROOT, META) },
      excerpts,
      examples: examples.length,
      done: examples.filter((e) => e.y === 1).length,
      settings: SETTINGS,
    },
    weights: m.weights,
  };
}

/** The features in groups, each left out in turn to show what it adds (the ablation in docs/likelihood.md). */
export const GROUPS = [
  ['the stage and the stage reached before', (f) => f.startsWith('stage:') || f.startsWith('reached:') || f === 'denied-before'],
  ['articles, outlets, days, days since the last report', (f) => ['articles', 'outlets', 'days', 'gap'].includes(f)],
  ['rivals (how many, one agreed, the move against the most reported)', (f) => f.startsWith('rival') || f === 'lead'],
  ["the player's or an official's own words", (f) => f.endsWith('-words')],
  ['a fee, its size, a fee agreed, a medical', (f) => f.startsWith('fee') || f === 'medical'],
  ["the outlets' track records", (f) => f === 'record'],
  ["the report's sentence (close, done, stay, doubt)", (f) => f.startsWith('cue:')],
  ["the article's words (a deal, hearsay)", (f) => f.startsWith('words:')],
];

/** Cross-validated predictions (split by player) of a model over `names`: each from a fold that never saw the player. */
export function predictByPlayer(examples, names = FEATURES) {
  const out = new Array(examples.length);
  for (let f = 0; f < SETTINGS.folds; f++) {
    const m = likelihoodModelFrom(fit(examples.filter((e) => foldOf(e.group, SETTINGS.folds) !== f), names));
    examples.forEach((e, i) => {
      if (foldOf(e.group, SETTINGS.folds) === f) out[i] = score(m, e.x);
    });
  }
  return out;
}

/** k-fold cross-validation split by player: the model, the stage alone, and the model without each group of features. */
export function crossValidate(examples) {
  const y = examples.map((e) => e.y);
  const measure = (p) => ({ auroc: auroc(p, y), brier: brier(p, y) });
  const model = predictByPlayer(examples);
  const stage = predictByPlayer(examples, FEATURES.filter((f) => f.startsWith('stage:')));
  const rank = examples.map((e) => STAGE_ORDER.indexOf(e.status));
  return {
    n: examples.length,
    players: new Set(examples.map((e) => e.group)).size,
    model: measure(model),
    stage: { auroc: auroc(rank, y), brier: brier(stage, y) },
    base: { brier: brier(y.map(() => y.reduce((a, b) => a + b, 0) / y.length), y) },
    // Where it errs: a move's first report (no earlier article) against the later ones.
    first: _subset(model, y, examples.map((e) => e.x.articles === 0)),
    later: _subset(model, y, examples.map((e) => e.x.articles !== 0)),
    without: GROUPS.map(([name, inGroup]) => ({ name, ...measure(predictByPlayer(examples, FEATURES.filter((f) => !inGroup(f)))) })),
    calibration: _bins(model, y),
  };
}

/** The area under the ROC curve: how often a done deal scores above a failed one (ties count half). */
export function auroc(scores, y) {
  let pos = 0;
  let neg = 0;
  let wins = 0;
  const order = scores.map((s, i) => [s, y[i]]).sort((a, b) => a[0] - b[0]);
  // Rank-sum with ties averaged.
  let i = 0;
  let rankSum = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const avg = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) if (order[t][1] === 1) rankSum += avg;
    i = j;
  }
  for (const v of y) v === 1 ? pos++ : neg++;
  wins = rankSum - (pos * (pos + 1)) / 2;
  return pos && neg ? wins / (pos * neg) : NaN;
}

function _subset(p, y, keep) {
  const ps = p.filter((_, i) => keep[i]);
  const ys = y.filter((_, i) => keep[i]);
  return { n: ys.length, done: ys.reduce((a, b) => a + b, 0), auroc: auroc(ps, ys) };
}

export function brier(p, y) {
  return p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / p.length;
}

function _bins(p, y) {
  const bins = Array.from({ length: 5 }, (_, b) => ({ from: b / 5, to: (b + 1) / 5, n: 0, predicted: 0, done: 0 }));
  p.forEach((v, i) => {
    const b = bins[Math.min(4, Math.floor(v * 5))];
    b.n++;
    b.predicted += v;
    b.done += y[i];
  });
  return bins.map((b) => ({ ...b, predicted: b.n ? b.predicted / b.n : null, done: b.n ? b.done / b.n : null }));
}

export function likelihoodText(json) {
  return JSON.stringify(json, null, 1) + '\n';
}

/** docs/likelihood.md: what cross-validation measured. */
export function reportText(cv, json) {
  const f = (v) => v.toFixed(3);
  const cal = cv.calibration.filter((b) => b.n).map((b) => `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${f(b.predicted)} | ${f(b.done)} |`);
  const weights = Object.entries(json.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([k, v]) => `| \`${k}\` | ${v > 0 ? '+' : ''}${v.toFixed(2)} |`);
  return `# The likelihood model, measured

Written by \`node scripts/train-likelihood.mjs --cv\` (part of \`npm run train\`); do not edit by hand.

**What it is.** A logistic regression that gives a reported move (player → club) the probability that
it happened, from what the record shows on the day of the report: the stage, how many articles and
outlets report the move and over how many days, rival destinations and how the move stands against
the most reported one, the player's or an official's own words, a fee (agreed, and its size) or a
medical, the days since the last report, the outlets' track records (on other players' moves), the
words of the report's sentence (close, done, stay, doubt) and the words its article tells its rumours
in (talk of a deal: "agreed", "medical", "personal terms"...; hearsay: "reportedly", "could",
"linked with"...; src/knowledge/data/likelihood-cues.json).
It is trained on how moves reported this way ended: ${json.about.examples} excerpts of English-language
transfer stories (2019-2021, ../shared/corpora/tm-snippets-dev) whose rumours include the move their
Transfermarkt thread was about (${json.about.done} done deals, ${json.about.examples - json.about.done} failed), of
${json.about.excerpts} excerpts in all. The features of each excerpt are computed across all the excerpts dated
on or before it.

**How it is measured.** ${SETTINGS.folds}-fold cross-validation split by player (every excerpt about one
player in one fold, ${cv.players} players): every prediction comes from a model that never saw him.

| | AUROC | Brier |
| --- | --- | --- |
| the likelihood model | ${f(cv.model.auroc)} | ${f(cv.model.brier)} |
| the stage alone (completed > agreed > bid > talks > interest > rejected > denied; Brier: each stage's share of done deals) | ${f(cv.stage.auroc)} | ${f(cv.stage.brier)} |
| no information (the share of done deals) | 0.500 | ${f(cv.base.brier)} |

**What each kind of evidence adds** (the model refitted without it, same folds):

| left out | AUROC | Brier |
| --- | --- | --- |
${cv.without.map((w) => `| ${w.name} | ${f(w.auroc)} | ${f(w.brier)} |`).join('\n')}

**How honest the figure is.** The article's words, the move against its most reported rival and the
fee's size were added after comparing some forty candidate features (whole-article counts, outlets'
and clubs' records, the player's attention, the month, loans, fee thresholds, trees instead of a
regression) on these same folds, so the figure above is somewhat optimistic: choosing among the
candidate sets inside each training fold (nested cross-validation) measured about 0.005 lower when it
was written. The regression's settings (${JSON.stringify(SETTINGS)}) were not tuned. By player, the
figure is uncertain by about ±0.035 (a bootstrap over players).

The issue's target: AUROC ≥ 0.87 ${cv.model.auroc >= 0.87 ? 'is met' : 'is not met'}; Brier ≤ 0.17 ${cv.model.brier <= 0.17 ? 'is met' : 'is not met'}. The set kept
aside (other players) is not in this repository's reach, so it is not measured here.

**What to keep in mind.** The excerpts are those Transfermarkt threads linked, and a thread that ended
in a done deal tends to gather more links before it ends: how many articles report a move is one
of the strongest features here, and part of its weight may be that selection rather than the press at large.
Where the model errs most is a move's first report: ${cv.first.n} excerpts had no earlier article about
their move (${cv.first.done} of them done deals), and among them it ranks a done deal above a failed one
with AUROC ${f(cv.first.auroc)} (${f(cv.later.auroc)} among the ${cv.later.n} later ones, ${cv.later.done} done): a single "X are
interested in Y" reads the same whether the thread went on to a signing or died, and the done deals it
scores lowest are of that kind (a club "interested", "eyeing", "in the frame"), or reports the
extractor read at a lower stage than they told ("we can confirm", "will spend the season on loan at").
An excerpt counts only when the extractor finds its thread's move in it (${json.about.examples} of ${json.about.excerpts}), and
the stage is the extractor's reading, which is why the stage alone scores lower here than on
hand-labelled stages.

**Calibration** (cross-validated predictions in fifths):

| predicted | excerpts | mean predicted | share done |
| --- | --- | --- | --- |
${cal.join('\n')}

**Weights** (log-odds per unit; counts are log(1 + n)):

| feature | weight |
| --- | --- |
${weights.join('\n')}
`;
}

async function main() {
  const loaded = await loadExamples();
  const json = await buildLikelihood(loaded);
  writeFileSync(LIKELIHOOD_FILE, likelihoodText(json));
  console.log(`wrote ${path.relative(ROOT, LIKELIHOOD_FILE)}: ${Object.keys(json.weights).length} features from ${json.about.examples} examples`);
  if (!process.argv.includes('--cv')) return;
  const cv = crossValidate(loaded.examples);
  writeFileSync(REPORT_FILE, reportText(cv, json));
  console.log(`cross-validated by player: AUROC ${cv.model.auroc.toFixed(3)} Brier ${cv.model.brier.toFixed(3)}; stage alone AUROC ${cv.stage.auroc.toFixed(3)} Brier ${cv.stage.brier.toFixed(3)}; wrote ${path.relative(ROOT, REPORT_FILE)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
