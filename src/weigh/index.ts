// Weighing: across articles, as of each article's date, the likelihood of every rumour's move with
// its reasons, and the outlets' track records. Reads what relations found (rumours, quotes); the
// store, the aggregates and the commands read it.
import type { Article, Rumour } from '../schema.js';
import { dayOf, History, type ArticleFacts, type Report } from './history.js';
import { featuresOf, recordsOf, weigh, type Weighed } from './likelihood.js';
import type { Records } from './records.js';

export { dayOf, History, playerKey, reportsOf, type ArticleFacts, type Report } from './history.js';
export { featuresOf, FEATURES, weigh, type Features, type Weighed } from './likelihood.js';
export { outcomeOf, Records, wilson } from './records.js';
export { sourceTable, type SourceFilter, type SourceRow } from './sources.js';

/** An article as weighing reads it (whole, or as a story or the store hands it over). */
export type Weighable = Pick<Article, 'file' | 'date' | 'rumours'> & { quotes: ReadonlyArray<{ speaker: string | null }>; players: ReadonlyArray<{ name: string }> };

/** What weighing needs of an article. */
export function factsOf(a: Weighable): ArticleFacts {
  return { file: a.file, date: a.date, rumours: a.rumours, speakers: a.quotes.map((q) => q.speaker), players: a.players.map((p) => p.name) };
}

/**
 * A history that weighs as it grows: each article's rumours are weighed from what it holds once the
 * article is added (the articles dated on or before it, and the article itself), never from later ones.
 */
export class Weigher {
  readonly history = new History();
  private records: Records | null = null;

  /** The reports of articles known by their hash (a stored article read again is not counted twice). */
  private readonly known = new Map<string, Report[]>();

  /** Adds articles known beforehand (the store's), without weighing them; returns each one's reports. */
  know(facts: Iterable<ArticleFacts & { hash?: string }>): Report[][] {
    const out: Report[][] = [];
    for (const a of facts) {
      const reports = this.history.addArticle(a);
      if (a.hash !== undefined) this.known.set(a.hash, reports);
      out.push(reports);
    }
    this.records = null;
    return out;
  }

  /** Adds an article (unless known by its hash) and weighs its rumours, in their order. */
  weighArticle(a: ArticleFacts & { hash?: string }): Weighed[] {
    const seen = a.hash === undefined ? undefined : this.known.get(a.hash);
    if (seen && seen.length === a.rumours.length) {
      this.records ??= recordsOf(this.history);
      return seen.map((r) => weigh(featuresOf(this.history, this.records, r)));
    }
    const reports = this.history.addArticle(a);
    if (this.records) this.records.add(reports);
    else this.records = recordsOf(this.history);
    return reports.map((r) => weigh(featuresOf(this.history, this.records, r)));
  }

  /**
   * Every report's likelihood as it stood on its article's date. With `asOf`, only the reports dated
   * on or before it (what was known that day; a move's likelihood then is its latest report's).
   */
  weighAll(asOf?: string): Map<Report, Weighed> {
    this.records ??= recordsOf(this.history);
    const out = new Map<Report, Weighed>();
    const day = asOf === undefined ? undefined : dayOf(asOf);
    for (const player of this.history.players()) {
      for (const r of player) {
        if (day !== undefined && (r.day === null || day === null || r.day > day)) continue;
        out.set(r, weigh(featuresOf(this.history, this.records, r)));
      }
    }
    return out;
  }
}

/**
 * The article's rumours with their likelihoods: as a run or a store weighed them (set on the rumours),
 * else weighed from the article alone (what it says is all that is known).
 */
export function weighedRumours(a: Weighable): Array<Rumour & Weighed> {
  if (a.rumours.every((r) => r.likelihood !== undefined && r.reasons !== undefined)) return a.rumours as Array<Rumour & Weighed>;
  const alone = new Weigher().weighArticle(factsOf(a));
  return a.rumours.map((r, i) => ({ ...r, likelihood: r.likelihood ?? alone[i]?.likelihood ?? 0, reasons: r.reasons ?? alone[i]?.reasons ?? [] }));
}

/** Sets each rumour's likelihood and reasons, as the run's weigher gives them. */
export function setWeighed(a: Pick<Article, 'rumours'>, weighed: readonly Weighed[]): void {
  a.rumours.forEach((r, i) => {
    const w = weighed[i];
    if (w) [r.likelihood, r.reasons] = [w.likelihood, w.reasons];
  });
}

/**
 * Weighs the rumours of articles read together that carry no likelihood yet, each as of its article's
 * date from the others dated on or before it.
 */
export function weighAcross(articles: readonly Weighable[]): void {
  if (articles.every((a) => a.rumours.every((r) => r.likelihood !== undefined))) return;
  const w = new Weigher();
  const reports = articles.map((a) => w.history.addArticle(factsOf(a)));
  const weighed = w.weighAll();
  articles.forEach((a, i) => {
    if (a.rumours.some((r) => r.likelihood === undefined)) setWeighed(a, (reports[i] ?? []).map((r) => weighed.get(r) ?? { likelihood: 0, reasons: [] }));
  });
}
