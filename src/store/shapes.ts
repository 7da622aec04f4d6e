// The JSON shapes of the store's query commands (`rumours`, `club`, `search`, `stats`): zod schemas,
// so that the types and the JSON Schema `rumours schema` prints come from one place.
import { z } from 'zod';
import { SCHEMA_IDS } from '../ids.js';
import { EXTRACTOR_VERSION } from './schema.js';
import { Currency, DatedRumour, IsoDate, RumourFee, Status } from '../schema.js';


/** A rumour from the store: the shape `extract` and `player` print, with its article's date and file. */
export const RumourRow = DatedRumour;

export const ClubLink = z.object({
  direction: z.enum(['in', 'out']).describe('in: a player linked with joining the club; out: one of its players linked with leaving'),
  player: z.string(),
  club: z.string().nullable().describe('The other club of the move'),
  status: Status.describe('The stage of the latest report'),
  reports: z.int().positive(),
  firstReport: IsoDate.nullable(),
  latestReport: IsoDate.nullable(),
  fee: RumourFee.nullable().describe('The latest fee reported, as written and in the currency asked for'),
  likelihood: z.number().min(0).max(1).describe("How likely the move is to happen, as of the latest report (on or before --as-of): a model of how moves reported this way ended"),
  reasons: z.array(z.string()).describe('What moved the likelihood most, strongest first'),
});

/** `rumours sources`: one outlet or journalist, and how the moves it reported ended. */
export const SourceRecord = z.object({
  source: z.string().describe('The outlet (one row however it is written: "BBC Sport" and "Five Live" are the BBC) or journalist'),
  kind: z.enum(['outlet', 'journalist']),
  reported: z.int().positive().describe('Moves (player → club) it reported before they were done'),
  confirmed: z.int().nonnegative().describe('Borne out later: he completed the move it reported, or the move it denied did not happen'),
  contradicted: z.int().nonnegative().describe('Proved wrong later: he went elsewhere or a denial stood, or the move it denied was completed'),
  open: z.int().nonnegative().describe('Not settled yet'),
  hitRate: z.number().min(0).max(1).nullable().describe('confirmed / (confirmed + contradicted); null when none is settled'),
  low: z.number().min(0).max(1).nullable().describe('The low end of the hit rate\'s 95% Wilson interval (the table is ordered by it)'),
  high: z.number().min(0).max(1).nullable().describe('The high end of the interval'),
  medianDaysAhead: z.number().nonnegative().nullable().describe('Median days from its first report to the completion, over the moves it called right'),
  first: z.int().nonnegative().describe('Moves it was the first to report (on the day of the earliest report)'),
});

export const SearchHit = z.object({
  kind: z.enum(['article', 'quote']),
  file: z.string(),
  date: IsoDate.nullable(),
  title: z.string().nullable(),
  speaker: z.string().nullable(),
  text: z.string().describe('The matching passage of the article, or the sentence holding the quote'),
});

export const StoreStats = z.object({
  schema: z.literal(SCHEMA_IDS.stats),
  path: z.string().describe("The store's file"),
  bytes: z.int().nonnegative().describe('Its size, with its write-ahead log'),
  storeVersion: z.int().describe("The store's schema version (how many migrations it has had)"),
  extractor: z.int().describe('The version of the extractor this rumours is'),
  articles: z.int().nonnegative(),
  stale: z.int().nonnegative().describe('Articles read by an older extractor (see `rumours reindex`)'),
  textBytes: z.int().nonnegative(),
  players: z.int().nonnegative(),
  clubs: z.int().nonnegative(),
  rumours: z.int().nonnegative(),
  fees: z.int().nonnegative(),
  quotes: z.int().nonnegative(),
  firstDate: IsoDate.nullable(),
  latestDate: IsoDate.nullable(),
  consistent: z.boolean().optional().describe('With --check: is every article stored whole?'),
  problems: z.array(z.string()).optional().describe('With --check: what is not'),
});

/** The counts of a store that holds nothing (or is not there yet). */
export function emptyStats(path: string): StoreStats {
  return {
    schema: SCHEMA_IDS.stats,
    path,
    bytes: 0,
    storeVersion: 0,
    extractor: EXTRACTOR_VERSION,
    articles: 0,
    stale: 0,
    textBytes: 0,
    players: 0,
    clubs: 0,
    rumours: 0,
    fees: 0,
    quotes: 0,
    firstDate: null,
    latestDate: null,
  };
}

/** `--format json` of a listing command: `{"schema", "currency"?, "items"}`; ndjson prints the items alone. */
function _listing<T extends z.ZodType>(schema: string, item: T) {
  return z.object({ schema: z.literal(schema), items: z.array(item) });
}

/** The JSON document of each query command, by command name. */
export const STORE_DOCUMENTS = {
  rumours: _listing(SCHEMA_IDS.rumours, RumourRow).extend({ currency: Currency.describe("The currency every fee's `converted` is in (--currency)") }),
  club: _listing(SCHEMA_IDS.club, ClubLink).extend({ club: z.string().describe('The club, by its canonical name'), currency: Currency.describe("The currency every fee's `converted` is in (--currency)") }),
  search: _listing(SCHEMA_IDS.search, SearchHit),
  sources: _listing(SCHEMA_IDS.sources, SourceRecord),
  stats: StoreStats,
} as const;

export type RumourRow = z.infer<typeof RumourRow>;
export type ClubLink = z.infer<typeof ClubLink>;
export type SearchHit = z.infer<typeof SearchHit>;
export type SourceRecord = z.infer<typeof SourceRecord>;
export type StoreStats = z.infer<typeof StoreStats>;
