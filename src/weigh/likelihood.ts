// The likelihood of a move as of a day: a logistic model (knowledge/likelihood-model.ts, trained by
// scripts/train-likelihood.mjs) over what the record shows by then: the stage reached, how many
// articles and outlets report the move and over how many days, rival destinations and how the move
// stands against the most reported one, the player's or an official's own words, a fee agreed, its
// size, a medical, the time since the move was last reported, the outlets' track records, and the
// words its report is told in (its sentence's cues; its article's talk of a deal, or hearsay). Each
// likelihood comes with its reasons: the features that moved it most, strongest first.
import { likelihoodModel, type LikelihoodModel } from '../knowledge/likelihood-model.js';
import { History, type Report } from './history.js';
import { Records } from './records.js';

/** How far back a rival destination counts: a window and a half. */
const _RIVAL_DAYS = 180;

export interface Weighed {
  likelihood: number;
  reasons: string[];
}

/** The features of one move as of a day, with what their reasons say. */
export interface Features {
  x: Record<string, number>;
  detail: {
    articles: number;
    outlets: number;
    days: number;
    gap: number | null;
    rivals: string[];
    rivalDone: string | null;
    /** The most reported rival destination in the same period, with its articles and the move's own. */
    lead: { rival: string; theirs: number; ours: number } | null;
    /** The largest fee the move was reported at, in millions of euros. */
    feeMillions: number | null;
    /** The article-wide words of the report's article, by kind. */
    words: Readonly<Record<string, readonly string[]>>;
    records: Array<{ source: string; confirmed: number; settled: number }>;
  };
}

/** The feature names, in the order the model file lists them. */
export const FEATURES = [
  'stage:interest',
  'stage:talks',
  'stage:bid',
  'stage:agreed',
  'stage:completed',
  'stage:rejected',
  'stage:denied',
  'reached:bid',
  'reached:agreed',
  'reached:completed',
  'denied-before',
  'articles',
  'outlets',
  'days',
  'rivals',
  'rival-agreed',
  'lead',
  'own-words',
  'official-words',
  'fee',
  'fee-agreed',
  'fee-size',
  'medical',
  'gap',
  'record',
  'cue:close',
  'cue:done',
  'cue:stay',
  'cue:doubt',
  'words:deal',
  'words:hearsay',
] as const;

const _RANK: Record<string, number> = { interest: 1, talks: 2, bid: 3, agreed: 4, completed: 5 };

/**
 * The features of `r`'s move as of `asOf` (default: its own day), from the reports a reader could
 * have known then. `r` is the move's report of that day (or its latest before it).
 */
export function featuresOf(history: History, records: Records | null, r: Report, asOf: number | null = r.day): Features {
  const seen = history.visible(r, asOf);
  const move = seen.filter((x) => x.move === r.move);
  const x: Record<string, number> = {};
  x[`stage:${r.status}`] = 1;
  const best = Math.max(0, ...move.map((m) => _RANK[m.status] ?? 0));
  if (best >= 3) x['reached:bid'] = 1;
  if (best >= 4) x['reached:agreed'] = 1;
  if (best >= 5) x['reached:completed'] = 1;
  if (move.some((m) => m !== r && (m.status === 'denied' || m.status === 'rejected'))) x['denied-before'] = 1;
  const files = new Set(move.map((m) => m.file));
  const outlets = new Set(move.flatMap((m) => (m.source === null ? [] : [m.source])));
  const dayNow = asOf ?? r.day;
  const days = move.map((m) => m.day).filter((d): d is number => d !== null);
  const span = dayNow === null || days.length === 0 ? 0 : Math.max(0, dayNow - Math.min(...days));
  x.articles = Math.log1p(files.size - 1);
  x.outlets = Math.log1p(outlets.size);
  x.days = Math.log1p(span);
  // Rival destinations: other clubs the same player was linked with in the months before, and how
  // many articles each (and the move itself) had in that time.
  const rivals = new Set<string>();
  const period = new Map<string, Set<string>>();
  let rivalDone: string | null = null;
  for (const o of seen) {
    if (o.to === r.from || (dayNow !== null && o.day !== null && o.day < dayNow - _RIVAL_DAYS)) continue;
    const files = period.get(o.to) ?? new Set<string>();
    period.set(o.to, files.add(o.file));
    if (o.move === r.move) continue;
    rivals.add(o.to);
    if (o.status === 'agreed' || o.status === 'completed') rivalDone = o.to;
  }
  x.rivals = Math.log1p(rivals.size);
  if (rivalDone !== null) x['rival-agreed'] = 1;
  // The move against its most reported rival (ties to the first by name): ahead or behind, in log articles.
  let lead: Features['detail']['lead'] = null;
  for (const rival of [...rivals].sort()) {
    const theirs = period.get(rival)?.size ?? 0;
    if (lead === null || theirs > lead.theirs) lead = { rival, theirs, ours: period.get(r.to)?.size ?? 0 };
  }
  if (lead !== null) x.lead = Math.log1p(lead.ours) - Math.log1p(lead.theirs);
  if (move.some((m) => m.ownWords)) x['own-words'] = 1;
  if (move.some((m) => m.officialWords)) x['official-words'] = 1;
  if (move.some((m) => m.fee)) x.fee = 1;
  if (move.some((m) => m.feeAgreed)) x['fee-agreed'] = 1;
  if (move.some((m) => m.medical)) x.medical = 1;
  // The fee's size: log10 of the largest reported, in millions of euros (a €1m fee or less counts nothing).
  const fees = move.flatMap((m) => (m.feeMillions === null ? [] : [m.feeMillions]));
  const feeMillions = fees.length ? Math.max(...fees) : null;
  if (feeMillions !== null && feeMillions > 1) x['fee-size'] = Math.log10(feeMillions);
  // The words the report's article tells its rumours in, article-wide: of a deal, of hearsay.
  for (const [kind, words] of Object.entries(r.words)) if (words.length) x[`words:${kind}`] = Math.log1p(words.length);
  // The words of this report's sentence, and whether the move was ever said to be close.
  for (const c of r.cues) x[`cue:${c}`] = 1;
  if (move.some((m) => m.cues.includes('close'))) x['cue:close'] = 1;
  // Days since the move was last reported before this report's article.
  const before = move.filter((m) => m.file !== r.file && m.day !== null && dayNow !== null && m.day <= dayNow);
  const last = before.length ? Math.max(...before.map((m) => m.day as number)) : null;
  const gap = last === null || dayNow === null ? null : dayNow - last;
  x.gap = gap === null ? 0 : Math.log1p(gap);
  // The track records of the outlets reporting the move, each as a confirmed share beside a half.
  const recs: Features['detail']['records'] = [];
  if (records && dayNow !== null) {
    for (const s of [...outlets].sort()) {
      const rec = records.recordOf(s, dayNow, r.playerKey);
      const settled = rec.confirmed + rec.contradicted;
      if (settled > 0) recs.push({ source: s, confirmed: rec.confirmed, settled });
    }
  }
  if (recs.length) x.record = recs.reduce((sum, q) => sum + (q.confirmed + 1) / (q.settled + 2) - 0.5, 0) / recs.length;
  return { x, detail: { articles: files.size, outlets: outlets.size, days: span, gap, rivals: [...rivals].sort(), rivalDone, lead, feeMillions, words: r.words, records: recs } };
}

/** The model's probability for features. */
export function score(model: LikelihoodModel, x: Record<string, number>): number {
  let z = model.bias;
  for (const [f, v] of Object.entries(x)) z += (model.weights.get(f) ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

/** A contribution smaller than this (in log-odds) is not worth a reason. */
const _WORTH = 0.15;
const _REASONS = 5;

/** The likelihood, and the reasons that moved it most, strongest first. */
export function weigh(f: Features, model: LikelihoodModel = likelihoodModel()): Weighed {
  const likelihood = Math.round(score(model, f.x) * 1000) / 1000;
  const parts = new Map<string, number>();
  for (const [name, v] of Object.entries(f.x)) {
    const c = (model.weights.get(name) ?? 0) * v;
    const text = _reason(name, f);
    if (text !== null) parts.set(text, (parts.get(text) ?? 0) + c);
  }
  const reasons = [...parts]
    .filter(([text, c]) => Math.abs(c) >= _WORTH || text.endsWith(' stage'))
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, _REASONS)
    .map(([text]) => text);
  return { likelihood, reasons };
}

const _plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first two distinct words, quoted: '"agreed", "medical"'. */
const _quoted = (words: readonly string[] | undefined) => [...new Set(words ?? [])].slice(0, 2).map((w) => `"${w}"`).join(', ');

function _reason(name: string, f: Features): string | null {
  const d = f.detail;
  if (name.startsWith('stage:')) return `${name.slice(6)} stage`;
  switch (name) {
    case 'reached:completed':
      return 'reported completed';
    case 'reached:agreed':
    case 'reached:bid':
      return `reported at ${name.slice(8)} stage before`;
    case 'denied-before':
      return 'denied or rejected before';
    // Articles, outlets and days read as one: "4 articles, 3 outlets in 9 days".
    case 'articles':
    case 'outlets':
    case 'days':
      return `${_plural(d.articles, 'article')}${d.outlets > 0 ? `, ${_plural(d.outlets, 'outlet')}` : ''}${d.days > 0 ? ` in ${_plural(d.days, 'day')}` : ''}`;
    case 'rivals':
      return d.rivals.length ? `rival${d.rivals.length > 1 ? 's' : ''}: ${d.rivals.slice(0, 3).join(', ')}${d.rivals.length > 3 ? ', ...' : ''}` : null;
    case 'rival-agreed':
      return `agreed elsewhere: ${d.rivalDone}`;
    case 'lead':
      return d.lead === null ? null : `${d.lead.ours >= d.lead.theirs ? 'ahead of' : 'behind'} ${d.lead.rival} (${_plural(d.lead.ours, 'article')} to ${d.lead.theirs})`;
    case 'own-words':
      return "the player's own words";
    case 'official-words':
      return "an official's words";
    // A fee and its size read as one: "a €45m fee".
    case 'fee':
    case 'fee-size':
      return d.feeMillions === null ? 'a fee reported' : `a €${d.feeMillions >= 10 ? Math.round(d.feeMillions) : Math.round(d.feeMillions * 10) / 10}m fee`;
    case 'fee-agreed':
      return 'fee agreed';
    case 'words:deal':
      return `talk of a deal: ${_quoted(d.words.deal)}`;
    case 'words:hearsay':
      return `hearsay: ${_quoted(d.words.hearsay)}`;
    case 'medical':
      return 'medical';
    case 'gap':
      return d.gap === null ? null : `${_plural(d.gap, 'day')} since the last report`;
    case 'cue:close':
      return 'said to be close';
    case 'cue:done':
      return 'said to be done';
    case 'cue:stay':
      return 'said to stay';
    case 'cue:doubt':
      return 'doubts reported';
    case 'record':
      return d.records.map((r) => `${r.source} ${r.confirmed}/${r.settled} confirmed`).join(', ');
    default:
      return null;
  }
}

/** A history's track records, made once it holds everything to be weighed. */
export function recordsOf(history: History): Records {
  return new Records(history);
}
