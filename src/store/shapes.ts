// The JSON shapes of the store's query commands (`rumours`, `club`, `search`, `stats`): zod schemas,
// so that the types and the JSON Schema `rumours schema` prints come from one place.
import { z } from 'zod';
import { STORE_SCHEMA_ID } from '../ids.js';
import { Currency, Status } from '../schema.js';


export const RumourRow = z.object({
  date: z.string().nullable(),
  player: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  status: Status,
  window: z.string().nullable(),
  feeAmount: z.number().nullable(),
  feeCurrency: Currency.nullable(),
  feeText: z.string().nullable(),
  source: z.string().nullable(),
  file: z.string(),
  line: z.int().positive().nullable().describe('The line of the file the rumour starts on; null for articles stored by a rumours older than line numbers'),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});

export const ClubLink = z.object({
  direction: z.enum(['in', 'out']).describe('in: a player linked with joining the club; out: one of its players linked with leaving'),
  player: z.string(),
  club: z.string().nullable().describe('The other club of the move'),
  status: Status.describe('The stage of the latest report'),
  reports: z.int().positive(),
  firstReport: z.string().nullable(),
  latestReport: z.string().nullable(),
  fee: z.string().nullable().describe('The latest fee reported, as written'),
});

export const SearchHit = z.object({
  kind: z.enum(['article', 'quote']),
  file: z.string(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  speaker: z.string().nullable(),
  text: z.string().describe('The matching passage of the article, or the sentence holding the quote'),
});

export const StoreStats = z.object({
  path: z.string(),
  bytes: z.int().nonnegative(),
  schema: z.int(),
  extractor: z.int(),
  articles: z.int().nonnegative(),
  stale: z.int().nonnegative().describe('Articles read by an older extractor (see `rumours reindex`)'),
  textBytes: z.int().nonnegative(),
  players: z.int().nonnegative(),
  clubs: z.int().nonnegative(),
  rumours: z.int().nonnegative(),
  fees: z.int().nonnegative(),
  quotes: z.int().nonnegative(),
  firstDate: z.string().nullable(),
  latestDate: z.string().nullable(),
  consistent: z.boolean().optional().describe('With --check: is every article stored whole?'),
  problems: z.array(z.string()).optional().describe('With --check: what is not'),
});

/** `--format json` of a listing command: its rows under a header; ndjson prints the rows alone. */
function _listing<T extends z.ZodType>(kind: string, item: T) {
  return z.object({ schema: z.literal(STORE_SCHEMA_ID), kind: z.literal(kind), items: z.array(item) });
}

/** The JSON document of each query command, by command name. */
export const STORE_DOCUMENTS = {
  rumours: _listing('rumours', RumourRow),
  club: _listing('club', ClubLink),
  search: _listing('search', SearchHit),
  stats: StoreStats,
} as const;

export type RumourRow = z.infer<typeof RumourRow>;
export type ClubLink = z.infer<typeof ClubLink>;
export type SearchHit = z.infer<typeof SearchHit>;
export type StoreStats = z.infer<typeof StoreStats>;
