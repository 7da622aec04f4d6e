// The contract's constants that commands need at start-up: schema ids and enum values. Kept apart
// from src/schema.ts so that a run that only prints does not load zod; the zod enums there are built
// from these lists, so there is still one place each is written.

export const SCHEMA_ID = 'rumours/1';
export const STORE_SCHEMA_ID = 'rumours-store/1';

export const CURRENCIES = ['GBP', 'EUR', 'USD'] as const;
/**
 * The currency stories compare fees in unless told otherwise: the rate table's base (one published
 * rate, no cross rate) and the currency clubs across Europe quote fees in.
 */
export const DEFAULT_CURRENCY = 'EUR' satisfies (typeof CURRENCIES)[number];
export const STATUSES = ['interest', 'talks', 'bid', 'rejected', 'agreed', 'completed', 'denied'] as const;
