// `rumours eval`: load the gold, run the extractor over the paths, score. The command only wires
// options to this and renders the report.
import type { RunOptions } from '../pipeline.js';
import type { Article } from '../schema.js';
import { loadGold } from './gold.js';
import { evaluate, pairKey, type EvalReport } from './score.js';

export { GOLD_SCHEMA_ID, GoldFile, loadGold, normaliseArticle, parseGold, refSpellings } from './gold.js';
export type { GoldFileInput, GoldRef, GoldResult, NormGoldArticle } from './gold.js';
export { attributeMatches, compact, FEE_TOLERANCE, feeScore, fold, matchOneToOne, nameScore, namesMatch, quoteMatches, spellingScore } from './match.js';
export { renderDetails, renderJson, renderTable, FIELD_LABELS, type RenderOptions } from './report.js';
export { ATTRIBUTE_FIELDS, CORE_FIELDS, EVAL_SCHEMA_ID, EvalDetail, EvalReport, EXTRA_FIELDS, FIELDS, FieldScore, evaluate, pairKey } from './score.js';
export type { FieldName } from './score.js';

export type RunEvalResult = { ok: true; report: EvalReport } | { ok: false; file: string; reason: string };

/**
 * Score the extractor on the articles under `paths` against the gold file. A gold file that cannot
 * be read or parsed is the only failure; unreadable articles become `errors` in the report.
 */
export async function runEval(goldPath: string, paths: string[], opts: RunOptions = {}): Promise<RunEvalResult> {
  const gold = await loadGold(goldPath);
  if (!gold.ok) return { ok: false, file: goldPath, reason: gold.reason };
  const articles: Article[] = [];
  const failures: EvalReport['errors'] = [];
  // Loaded on use: the extractor's knowledge tables are not needed for `--help`.
  const { extractPaths } = await import('../pipeline.js');
  for await (const o of extractPaths(paths, opts)) {
    if (o.ok) articles.push(o.article);
    else failures.push({ file: o.file, reason: o.reason });
  }
  await _sameRoles(articles, opts);
  const report = evaluate(gold.gold, articles);
  // A gold article whose file could not be read is reported once, with the read error.
  const failed = new Set(failures.map((f) => pairKey(f.file)));
  report.errors = [...failures, ...report.errors.filter((e) => !failed.has(pairKey(e.file)))];
  return { ok: true, report };
}

/**
 * One person, one role across the run: the articles that name as a player a man whom others call
 * manager (or agent, chairman, ...) are read again knowing it (aggregate/roles.ts).
 */
async function _sameRoles(articles: Article[], opts: RunOptions): Promise<void> {
  const { runRoles, playersWithRoles } = await import('../aggregate/roles.js');
  const roles = runRoles(articles);
  if (roles.size === 0) return;
  const { extractArticle } = await import('../analyse.js');
  const { readFile } = await import('../read/index.js');
  for (const [i, a] of articles.entries()) {
    if (a.file === '-' || !playersWithRoles(a, roles)) continue;
    const r = await readFile(a.file, opts.maxSize);
    if (r.ok) articles[i] = extractArticle(r.source, { roles });
  }
}
