// Weighing: across articles, as of each article's date, the likelihood of every rumour's move with
// its reasons, and the outlets' track records. Reads what relations found (rumours, quotes); the
// store, the aggregates and the commands read it.
import type { Article } from '../schema.js';
import { dayOf, History, type ArticleFacts, type Report } from './history.js';
import { featuresOf, recordsOf, weigh, type Weighed } from './likelihood.js';
import type { Records } from './records.js';

export { dayOf, History, playerKey, reportsOf, type ArticleFacts, type Report } from './history.js';
export { featuresOf, FEATURES, weigh, type Features, type Weighed } from './likelihood.js';
export { outcomeOf, Records, wilson } from './records.js';

/** What weighing needs of an article. */
export function factsOf(a: Pick<Article, 'file' | 'date' | 'rumours' | 'quotes' | 'players'>): ArticleFacts {
  return { file: a.file, date: a.date, rumours: a.rumours, speakers: a.quotes.map((q) => q.speaker), players: a.players.map((p) => p.name) };
}

/**
 * A history that weighs as it grows: each article's rumours are weighed from what it holds once the
 * article is added (the articles dated on or before it, and the article itself), never from later ones.
 */
export class Weigher {
  readonly history = new History();
  private records: Records | null = null;

  /** Adds articles known beforehand (the store's), without weighing them. */
  know(facts: Iterable<ArticleFacts>): void {
    for (const a of facts) this.history.addArticle(a);
    this.records = null;
  }

  /** Adds an article and weighs its rumours, in their order. */
  weighArticle(a: ArticleFacts): Weighed[] {
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
