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
  stats: StoreStats,
} as const;

export type RumourRow = z.infer<typeof RumourRow>;
export type ClubLink = z.infer<typeof ClubLink>;
export type SearchHit = z.infer<typeof SearchHit>;
export type StoreStats = z.infer<typeof StoreStats>;
