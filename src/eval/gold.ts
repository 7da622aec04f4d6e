// The gold format (`rumours-gold/1`, see GUIDELINES.md): a zod schema for the file, and its
// normalisation into one shape per entry (spellings + optional flag) that the scorer works on.
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { describeFsError } from '../read/walk.js';
import { FeeKind, Status } from '../schema.js';

export const GOLD_SCHEMA_ID = 'rumours-gold/1';

const _Spellings = z.array(z.string().min(1)).min(1);

/** A name: one string, a list of spellings (the first canonical), or an object that may be optional. */
export const GoldName = z.union([
  z.string().min(1),
  _Spellings,
  z.strictObject({ name: z.union([z.string().min(1), _Spellings]), optional: z.boolean().optional() }),
]);

const _optional = z.boolean().optional();

/** A reference to a name given elsewhere in the article ("player", "speaker", "to"): a string or spellings. */
export const GoldRef = z.union([z.string().min(1), _Spellings]);

export const GoldPerson = z.strictObject({
  name: GoldRef,
  role: z.string(),
  optional: _optional,
});

export const GoldFee = z.strictObject({
  amount: z.number().nonnegative(),
  // Any code is accepted: a gold file may hold a currency the extractor does not know yet.
  currency: z.string().min(1),
  player: GoldRef.nullable(),
  kind: FeeKind.optional(),
  optional: _optional,
});

export const GoldQuote = z.strictObject({
  start: z.string().min(1),
  speaker: GoldRef.nullable(),
  optional: _optional,
});

export const GoldRumour = z.strictObject({
  player: GoldRef,
  /** Left out: the selling club is not scored for this rumour (partial gold). */
  from: GoldRef.nullable().optional(),
  to: GoldRef,
  /** Left out: the stage is not scored for this rumour (partial gold). */
  status: Status.optional(),
  optional: _optional,
});

/** The list fields of an article entry: each may be left out (not scored) or marked partial. */
export const GOLD_LIST_FIELDS = ['players', 'people', 'clubs', 'fees', 'quotes', 'sources', 'rumours'] as const;
export type GoldListField = (typeof GOLD_LIST_FIELDS)[number];

const _date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD or null');

// A list field left out of an entry is not scored for that article (GUIDELINES.md).
export const GoldArticle = z.strictObject({
  /** Absent: the date is not scored for this article. */
  date: _date.nullable().optional(),
  /** Fields whose list is known to be incomplete: listed items are expected, others are not false positives. */
  partial: z.array(z.enum(GOLD_LIST_FIELDS)).optional(),
  players: z.array(GoldName).optional(),
  optional_players: z.array(GoldName).optional(),
  people: z.array(GoldPerson).optional(),
  clubs: z.array(GoldName).optional(),
  optional_clubs: z.array(GoldName).optional(),
  fees: z.array(GoldFee).optional(),
  quotes: z.array(GoldQuote).optional(),
  sources: z.array(GoldName).optional(),
  rumours: z.array(GoldRumour).optional(),
});

export const GoldFile = z.strictObject({
  schema: z.literal(GOLD_SCHEMA_ID),
  articles: z.record(z.string().min(1), GoldArticle),
});

export type GoldName = z.infer<typeof GoldName>;
export type GoldRef = z.infer<typeof GoldRef>;
export type GoldPerson = z.infer<typeof GoldPerson>;
export type GoldFee = z.infer<typeof GoldFee>;
export type GoldQuote = z.infer<typeof GoldQuote>;
export type GoldRumour = z.infer<typeof GoldRumour>;
export type GoldArticle = z.infer<typeof GoldArticle>;
/** The parsed gold file. `evaluate` also takes the input form (arrays may be left out). */
export type GoldFile = z.infer<typeof GoldFile>;
export type GoldFileInput = z.input<typeof GoldFile>;

export type GoldResult = { ok: true; gold: GoldFile } | { ok: false; reason: string };

/** Validate parsed JSON as a gold file; the reason names the first offending entry. */
export function parseGold(json: unknown): GoldResult {
  const r = GoldFile.safeParse(json);
  if (r.success) return { ok: true, gold: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? `at ${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, reason: `not a ${GOLD_SCHEMA_ID} file: ${where}${issue?.message ?? 'invalid'}` };
}

// Gold files are hand-made: a few MB at most. Anything larger is the wrong file (/dev/zero was read for 620 MB).
const _GOLD_MAX = 64 * 1024 * 1024;

/** Why this path cannot be a gold file, before reading it: not a regular file, or far too large. */
async function _goldProblem(file: string): Promise<string | null> {
  const st = await fs.stat(file);
  if (!st.isFile()) return 'not a regular file (a gold file is JSON in a file)';
  if (st.size > _GOLD_MAX) return `too large for a gold file (${Math.round(st.size / 1024 / 1024)} MB > ${_GOLD_MAX / 1024 / 1024} MB)`;
  return null;
}

export async function loadGold(file: string): Promise<GoldResult> {
  let text: string;
  try {
    const problem = await _goldProblem(file);
    if (problem) return { ok: false, reason: problem };
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, reason: describeFsError(err) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (err) {
    return { ok: false, reason: `not valid JSON: ${(err as Error).message}` };
  }
  return parseGold(json);
}

// ---- normalised form ----

/** One gold name: every acceptable spelling (canonical first). */
export interface GoldEntity {
  spellings: string[];
  optional: boolean;
}

/** A list field: undefined when the entry leaves it out (not scored). */
export interface NormGoldArticle {
  date: string | null | undefined;
  partial: ReadonlySet<GoldListField>;
  players: GoldEntity[] | undefined;
  people: (GoldEntity & { role: string })[] | undefined;
  clubs: GoldEntity[] | undefined;
  fees: GoldFee[] | undefined;
  quotes: GoldQuote[] | undefined;
  sources: GoldEntity[] | undefined;
  rumours: GoldRumour[] | undefined;
}

type _InputArticle = z.input<typeof GoldArticle>;

export function refSpellings(r: GoldRef): string[] {
  return typeof r === 'string' ? [r] : [...r];
}

export function toEntity(n: GoldName, optional = false): GoldEntity {
  if (typeof n === 'string') return { spellings: [n], optional };
  if (Array.isArray(n)) return { spellings: [...n], optional };
  return { spellings: typeof n.name === 'string' ? [n.name] : [...n.name], optional: optional || n.optional === true };
}

/** An optional_* list counts as giving its field: the field is scored, its entries optional. */
export function normaliseArticle(a: _InputArticle): NormGoldArticle {
  const names = (list: GoldName[] | undefined, optional = false): GoldEntity[] => (list ?? []).map((n) => toEntity(n, optional));
  const withOptional = (list: GoldName[] | undefined, opt: GoldName[] | undefined): GoldEntity[] | undefined =>
    list === undefined && opt === undefined ? undefined : [...names(list), ...names(opt, true)];
  return {
    date: a.date,
    partial: new Set(a.partial ?? []),
    players: withOptional(a.players, a.optional_players),
    people: a.people?.map((p) => ({ ...toEntity(p.name, p.optional === true), role: p.role })),
    clubs: withOptional(a.clubs, a.optional_clubs),
    fees: a.fees,
    quotes: a.quotes,
    sources: a.sources && names(a.sources),
    rumours: a.rumours,
  };
}
