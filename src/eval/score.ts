// Scoring extracted articles against gold: per-field counts micro-averaged over all articles, the
// macro-F1 of the core fields, and every miss / false positive / wrong attribute for --verbose.
import { z } from 'zod';
import { SCHEMA_IDS } from '../ids.js';
import { lookupClub } from '../knowledge/clubs.js';
import type { Article } from '../schema.js';
import { normaliseArticle, refSpellings, type GoldEntity, type GoldListField, type GoldFileInput, type GoldRef, type NormGoldArticle } from './gold.js';
import { attributeMatches, compact, feeScore, fold, matchOneToOne, nameScore, quoteMatches } from './match.js';

export const EVAL_SCHEMA_ID = SCHEMA_IDS.eval;

/** Fields in the macro-F1, in table order. */
export const CORE_FIELDS = [
  'players',
  'clubs',
  'fees',
  'feePlayer',
  'quotes',
  'quoteSpeaker',
  'sources',
  'rumours',
  'rumourFrom',
  'rumourStatus',
  'date',
] as const;
/** Reported beside the others, not in the macro-F1. */
export const EXTRA_FIELDS = ['people', 'peopleRole'] as const;
export const FIELDS = [...CORE_FIELDS, ...EXTRA_FIELDS] as const;
export type FieldName = (typeof FIELDS)[number];

/** Attribute fields are scored over matched pairs: P = R = F1 = right / matched. */
export const ATTRIBUTE_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['feePlayer', 'quoteSpeaker', 'rumourFrom', 'rumourStatus', 'peopleRole', 'date']);

export const FieldScore = z.object({
  precision: z.number().min(0).max(1),
  recall: z.number().min(0).max(1),
  f1: z.number().min(0).max(1),
  tp: z.int().nonnegative().describe('Found and in the gold (attribute fields: matched pairs whose attribute is right)'),
  fp: z.int().nonnegative().describe('Found, not in the gold (attribute fields: matched pairs whose attribute is wrong)'),
  fn: z.int().nonnegative().describe('In the gold, not found (attribute fields: same as fp)'),
  scored: z.boolean().describe('False when no gold entry gives this field (partial gold): left out of the macro-F1'),
});

export const EvalDetail = z.object({
  file: z.string(),
  field: z.enum(FIELDS),
  kind: z.enum(['miss', 'false-positive', 'wrong']),
  value: z.string().describe('The fact, as the gold or the extractor gives it'),
  expected: z.string().nullable().optional().describe('wrong: the gold attribute'),
  got: z.string().nullable().optional().describe('wrong: the extracted attribute'),
});

const _Problem = z.object({ file: z.string(), reason: z.string() });

export const EvalReport = z.object({
  schema: z.literal(EVAL_SCHEMA_ID),
  fields: z.object(Object.fromEntries(FIELDS.map((f) => [f, FieldScore])) as Record<FieldName, typeof FieldScore>),
  macroF1: z.number().min(0).max(1).describe('Mean F1 of the fields listed in macroFields'),
  macroFields: z.array(z.enum(FIELDS)),
  articles: z.int().nonnegative().describe('Gold articles paired with an extracted article and scored'),
  errors: z.array(_Problem).describe('Gold articles with no extracted file, files that could not be read'),
  ignored: z.array(_Problem).describe('Extracted files not scored (no gold entry, or a second file of the same name)'),
  details: z.array(EvalDetail).optional().describe('Every miss, false positive and wrong attribute (--verbose)'),
});

export type FieldScore = z.infer<typeof FieldScore>;
export type EvalDetail = z.infer<typeof EvalDetail>;
export type EvalReport = z.infer<typeof EvalReport>;

interface _Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Some gold entry gave this field (or this attribute of a matched pair). */
  scored: boolean;
}

/** Parent of each attribute field: an attribute with no matched pairs scores 1 only when its parent had nothing to do. */
const _PARENT: Partial<Record<FieldName, FieldName>> = {
  feePlayer: 'fees',
  quoteSpeaker: 'quotes',
  rumourFrom: 'rumours',
  rumourStatus: 'rumours',
  peopleRole: 'people',
};

/** The file name articles are paired on: gold key "018.txt" pairs with ".../bbc/018.txt". */
export function pairKey(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

/**
 * Score extracted articles against a gold file. Articles pair with gold entries by file basename;
 * gold entries with no article go to `errors` (and are not scored), articles with no gold entry to
 * `ignored`. `details` is always filled; renderers drop it unless asked.
 */
export function evaluate(gold: GoldFileInput, articles: readonly Article[]): EvalReport {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0, scored: false }])) as Record<FieldName, _Counts>;
  const details: EvalDetail[] = [];
  const errors: EvalReport['errors'] = [];
  const ignored: EvalReport['ignored'] = [];

  const goldByKey = new Map<string, string>();
  for (const key of Object.keys(gold.articles)) goldByKey.set(pairKey(key), key);
  const byKey = new Map<string, Article>();
  for (const a of articles) {
    const k = pairKey(a.file);
    const first = byKey.get(k);
    if (!goldByKey.has(k)) ignored.push({ file: a.file, reason: 'no gold entry for this file name' });
    else if (first) ignored.push({ file: a.file, reason: `same file name as ${first.file}, which was scored` });
    else byKey.set(k, a);
  }

  let scored = 0;
  for (const [k, key] of [...goldByKey].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const art = byKey.get(k);
    const g = gold.articles[key];
    if (!g) continue;
    if (!art) {
      errors.push({ file: key, reason: 'in the gold file but no extracted article has this file name' });
      continue;
    }
    scored++;
    _scoreArticle(normaliseArticle(g), art, { counts, details, file: art.file });
  }

  const fields = Object.fromEntries(FIELDS.map((f) => [f, _ratios(f, counts)])) as Record<FieldName, FieldScore>;
  // Partial gold may give no field at all of some kind: those stay out of the average.
  const given = CORE_FIELDS.filter((f) => counts[f].scored);
  const macroFields = given.length > 0 ? given : [...CORE_FIELDS];
  const macroF1 = macroFields.reduce((s, f) => s + fields[f].f1, 0) / macroFields.length;
  return { schema: EVAL_SCHEMA_ID, fields, macroF1, macroFields, articles: scored, errors, ignored, details };
}

// A ratio whose denominator is 0 is 1 when the field had nothing to find and found nothing, else 0.
function _ratios(f: FieldName, counts: Record<FieldName, _Counts>): FieldScore {
  const c = counts[f];
  const parent = _PARENT[f];
  const pc = parent ? counts[parent] : c;
  const vacuous = c.tp + c.fp + c.fn === 0 && pc.tp + pc.fp + pc.fn === 0 ? 1 : 0;
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : vacuous;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : vacuous;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp: c.tp, fp: c.fp, fn: c.fn, scored: c.scored };
}

interface _Ctx {
  counts: Record<FieldName, _Counts>;
  details: EvalDetail[];
  file: string;
}

function _scoreArticle(g: NormGoldArticle, a: Article, ctx: _Ctx): void {
  // Players first: where a spelling is shared, the player's list wins.
  const who = _resolver([...(g.players ?? []), ...(g.people ?? [])]);
  const club = _withTableNames(_resolver(g.clubs ?? []));
  // A field the entry leaves out is not scored; a partial one counts no false positives.
  const on = (field: GoldListField): _Scope | null => (g[field] === undefined ? null : { partial: g.partial.has(field) });

  _names(ctx, 'players', a.players.map((p) => p.name), g.players, on('players'));
  _names(ctx, 'clubs', a.clubs.map((c) => c.name), g.clubs, on('clubs'));
  _names(ctx, 'sources', a.sources.map((s) => s.name), g.sources, on('sources'));

  // people: name match, then the role over matched pairs
  const peopleScope = on('people');
  if (g.people && peopleScope) {
    const people = _set(ctx, 'people', peopleScope, a.people, g.people, (p, e) => _nameTuple(p.name, e.spellings), (e) => e.optional, (p) => p.name, (e) => _canon(e));
    for (const [p, e] of people) {
      _attr(ctx, 'peopleRole', p.role === e.role, e.role, p.role, _canon(e));
    }
  }

  // fees: predicted fees with no amount ("undisclosed", "free") are not money amounts, so not scored
  const feeScope = on('fees');
  if (g.fees && feeScope) {
    const fees = a.fees.filter((f) => f.amount !== null);
    const feePairs = _set(
      ctx,
      'fees',
      feeScope,
      fees,
      g.fees,
      (p, e) => {
        const s = feeScore(p, e);
        return s === 0 ? null : [s, attributeMatches(p.player, who(e.player)) ? 1 : 0];
      },
      (e) => e.optional === true,
      (p) => _fee(p.currency ?? '?', p.amount ?? 0, p.player),
      (e) => _fee(e.currency, e.amount, _first(e.player)),
    );
    for (const [p, e] of feePairs) {
      _attr(ctx, 'feePlayer', attributeMatches(p.player, who(e.player)), _first(e.player), p.player, _fee(e.currency, e.amount, null));
    }
  }

  const quoteScope = on('quotes');
  if (g.quotes && quoteScope) {
    const quotePairs = _set(
      ctx,
      'quotes',
      quoteScope,
      a.quotes,
      g.quotes,
      (p, e) => (quoteMatches(p.text, e.start) ? [fold(e.start).length, attributeMatches(p.speaker, who(e.speaker)) ? 1 : 0] : null),
      (e) => e.optional === true,
      (p) => _clip(p.text),
      (e) => e.start,
    );
    for (const [p, e] of quotePairs) {
      _attr(ctx, 'quoteSpeaker', attributeMatches(p.speaker, who(e.speaker)), _first(e.speaker), p.speaker, _clip(e.start));
    }
  }

  const rumourScope = on('rumours');
  if (g.rumours && rumourScope) {
    const rumourPairs = _set(
      ctx,
      'rumours',
      rumourScope,
      a.rumours,
      g.rumours,
      (p, e) => {
        const ps = nameScore(p.player, who(e.player) ?? []);
        const ts = nameScore(p.to, club(e.to) ?? []);
        if (ps === 0 || ts === 0) return null;
        return [ps + ts, e.from === undefined || attributeMatches(p.from, club(e.from)) ? 1 : 0, e.status === undefined || p.status === e.status ? 1 : 0];
      },
      (e) => e.optional === true,
      (p) => _rumour(p.player, p.from, p.to, p.status),
      (e) => _rumour(_first(e.player) ?? '', _first(e.from ?? null), _first(e.to) ?? '', e.status),
    );
    for (const [p, e] of rumourPairs) {
      const what = _rumour(_first(e.player) ?? '', _first(e.from ?? null), _first(e.to) ?? '', e.status);
      // An attribute the gold leaves out (partial gold) is not scored.
      if (e.from !== undefined) _attr(ctx, 'rumourFrom', attributeMatches(p.from, club(e.from)), _first(e.from), p.from, what);
      if (e.status !== undefined) _attr(ctx, 'rumourStatus', p.status === e.status, e.status, p.status, what);
    }
  }

  if (g.date !== undefined) {
    _attr(ctx, 'date', a.date === g.date, g.date, a.date, 'date');
  }
}

function _first(r: GoldRef | null): string | null {
  return r === null ? null : (refSpellings(r)[0] ?? null);
}

/**
 * A gold reference ("player": "Steven Gerrard") stands for its own spellings and every spelling of
 * the gold entity it names; null stays null.
 */
function _resolver(entities: GoldEntity[]): (ref: GoldRef | null) => string[] | null {
  const index = new Map<string, string[]>();
  for (const e of entities) {
    for (const s of e.spellings) {
      const k = compact(s);
      if (k !== '' && !index.has(k)) index.set(k, e.spellings);
    }
  }
  return (ref) => {
    if (ref === null) return null;
    const own = refSpellings(ref);
    const all = new Set(own);
    for (const s of own) for (const x of index.get(compact(s)) ?? []) all.add(x);
    return [...all];
  };
}

/**
 * A gold club stands for the club too, as the club table names it: gold written from another
 * source's names ("Stade Rennais FC", "Hertha BSC") matches the extractor's "Rennes", "Hertha Berlin".
 */
function _withTableNames(resolve: (ref: GoldRef | null) => string[] | null): (ref: GoldRef | null) => string[] | null {
  return (ref) => {
    const spellings = resolve(ref);
    if (!spellings) return spellings;
    const named = spellings.map((s) => lookupClub(s)?.name).filter((n): n is string => n !== undefined);
    return [...new Set([...spellings, ...named])];
  };
}

function _nameTuple(pred: string, spellings: string[]): number[] | null {
  const s = nameScore(pred, spellings);
  return s > 0 ? [s] : null;
}

function _names(ctx: _Ctx, field: FieldName, preds: string[], golds: GoldEntity[] | undefined, scope: _Scope | null): void {
  if (!golds || !scope) return;
  _set(ctx, field, scope, preds, golds, (p, e) => _nameTuple(p, e.spellings), (e) => e.optional, (p) => p, (e) => _canon(e));
}

/** How a field is scored in one article: `partial` gold counts no false positives. */
interface _Scope {
  partial: boolean;
}

/** Count one set field; returns the pairs whose gold entry is required (the attribute fields score those). */
function _set<P, G>(
  ctx: _Ctx,
  field: FieldName,
  scope: _Scope,
  preds: readonly P[],
  golds: readonly G[],
  score: (p: P, g: G) => number[] | null,
  isOptional: (g: G) => boolean,
  showP: (p: P) => string,
  showG: (g: G) => string,
): [P, G][] {
  const r = matchOneToOne(preds, golds, score, isOptional);
  const c = ctx.counts[field];
  c.scored = true;
  const out: [P, G][] = [];
  for (const [pi, gi] of r.pairs) {
    const p = preds[pi] as P;
    const g = golds[gi] as G;
    // An optional entry absorbs the prediction and counts for nothing.
    if (isOptional(g)) continue;
    c.tp++;
    out.push([p, g]);
  }
  for (const pi of r.unmatchedPred) {
    if (scope.partial) continue;
    c.fp++;
    ctx.details.push({ file: ctx.file, field, kind: 'false-positive', value: showP(preds[pi] as P) });
  }
  for (const gi of r.unmatchedGold) {
    const g = golds[gi] as G;
    if (isOptional(g)) continue;
    c.fn++;
    ctx.details.push({ file: ctx.file, field, kind: 'miss', value: showG(g) });
  }
  return out;
}

function _attr(ctx: _Ctx, field: FieldName, right: boolean, expected: string | null, got: string | null, value: string): void {
  const c = ctx.counts[field];
  c.scored = true;
  if (right) {
    c.tp++;
    return;
  }
  c.fp++;
  c.fn++;
  ctx.details.push({ file: ctx.file, field, kind: 'wrong', value, expected, got });
}

function _canon(e: GoldEntity): string {
  return e.spellings[0] ?? '';
}

function _fee(currency: string, amount: number, player: string | null): string {
  const n = amount.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  return `${currency} ${n}${player ? ` (${player})` : ''}`;
}

function _rumour(player: string, from: string | null, to: string, status: string | undefined): string {
  return `${player}: ${from ?? '?'} → ${to}${status ? ` (${status})` : ''}`;
}

function _clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 70 ? `${t.slice(0, 69)}…` : t;
}
