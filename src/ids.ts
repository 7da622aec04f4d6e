// The contract's constants that commands need at start-up: schema ids and enum values. Kept apart
// from src/schema.ts so that a run that only prints does not load zod; the zod enums there are built
// from these lists, so there is still one place each is written.

/**
 * Every JSON output starts with `"schema": "rumours/<command>@<version>"`: which command printed it,
 * and the version of its shape (bumped on any change a reader could trip on).
 */
export const SCHEMA_IDS = {
  extract: 'rumours/extract@1',
  player: 'rumours/player@1',
  rumours: 'rumours/rumours@1',
  club: 'rumours/club@1',
  sources: 'rumours/sources@1',
  search: 'rumours/search@1',
  stats: 'rumours/stats@1',
  eval: 'rumours/eval@1',
} as const;
export type OutputName = keyof typeof SCHEMA_IDS;
export const OUTPUT_NAMES = Object.keys(SCHEMA_IDS) as OutputName[];
export const SCHEMA_ID = SCHEMA_IDS.extract;

export const CURRENCIES = ['GBP', 'EUR', 'USD'] as const;
/**
 * The currency stories compare fees in unless told otherwise: the rate table's base (one published
 * rate, no cross rate) and the currency clubs across Europe quote fees in.
 */
export const DEFAULT_CURRENCY = 'EUR' satisfies (typeof CURRENCIES)[number];
export const STATUSES = ['interest', 'talks', 'bid', 'rejected', 'agreed', 'completed', 'denied'] as const;
