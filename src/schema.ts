// The output contract, written once. TypeScript types are inferred from these schemas and
// `rumours schema` prints the JSON Schema derived from them, so the three never drift apart.
import { z } from 'zod';
import { CURRENCIES, SCHEMA_ID, SCHEMA_IDS, STATUSES } from './ids.js';

export { SCHEMA_ID, SCHEMA_IDS };

/** YYYY-MM-DD: the only form a date takes in the output. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');
/** A sha256 in lower-case hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the file bytes, lower-case hex');

/** Where a fact was read: offsets are UTF-16 code units into the file's text after the date header. */
export const Evidence = z
  .object({
    file: z.string().describe('The article file, as given on the command line ("-" for standard input)'),
    start: z.int().nonnegative().describe('Offset of the first character of the fact in the original text'),
    end: z.int().nonnegative().describe('Offset just past the fact ([start, end))'),
    line: z.int().positive().describe('The line of the file the fact starts on, counting from 1 (the date header is on line 1)'),
    sentence: z.string().describe('The sentence the fact was read from, whitespace collapsed'),
  })
  .describe('Evidence: the file, the character offsets [start, end), the line and the sentence');

export const Role = z.enum([
  'manager',
  'coach',
  'president',
  'chairman',
  'owner',
  'executive',
  'director',
  'agent',
  'journalist',
  'referee',
  'photographer',
  'other',
]);

export const Player = z.object({
  name: z.string().describe('The fullest name the article gives'),
  aliases: z.array(z.string()).describe('Every other form seen in the article (surname, nickname, ...)'),
  mentions: z.int().nonnegative(),
  club: z.string().nullable().describe('The club the article ties him to, canonical name'),
  evidence: Evidence,
});

export const Person = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: Role,
  club: z.string().nullable(),
  mentions: z.int().nonnegative(),
  evidence: Evidence,
});

export const Club = z.object({
  name: z.string().describe('Canonical name from the club table'),
  country: z.string().nullable().describe('ISO-like country code of the club table'),
  aliases: z.array(z.string()).describe('Forms seen in the article: short names, nicknames, stadiums'),
  mentions: z.int().nonnegative(),
  evidence: Evidence,
});

export const Currency = z.enum(CURRENCIES);
export const FeeKind = z.enum(['asking', 'bid', 'valuation', 'release-clause', 'paid', 'wage', 'other']);

export const Money = z.object({
  text: z.string().describe('The amount as written'),
  amount: z.number().nonnegative().nullable().describe('Whole currency units; null when the text cannot be read as a number'),
  currency: Currency.nullable(),
});

export const Fee = z.object({
  text: z.string().describe('The whole fee as written, conversions included'),
  amount: z.number().nonnegative().nullable().describe('Whole currency units (the low end of a range)'),
  amountMax: z.number().nonnegative().nullable().describe('The high end of a range, else null'),
  currency: Currency.nullable(),
  bound: z.enum(['exact', 'about', 'at-least', 'at-most', 'range']).describe('How the amount is qualified'),
  period: z.enum(['week', 'month', 'year']).nullable().describe('Set for wages: per week / month / year'),
  kind: FeeKind,
  conversions: z.array(Money).describe('The same amount in other currencies, given beside it'),
  player: z.string().nullable().describe('The player the fee concerns'),
  evidence: Evidence,
});

export const Quote = z.object({
  text: z.string(),
  speaker: z.string().nullable(),
  evidence: Evidence,
});

export const Source = z.object({
  name: z.string(),
  kind: z.enum(['outlet', 'journalist']),
  aliases: z.array(z.string()),
  evidence: Evidence,
});

export const Status = z.enum(STATUSES);

export const Rumour = z.object({
  player: z.string(),
  from: z.string().nullable().describe('The club he may leave (his club at the time)'),
  to: z.string().describe('The club linked with him'),
  status: Status,
  window: z.string().nullable().describe('The transfer window the article gives ("January", "summer")'),
  fee: Money.nullable().describe('The fee tied to this move, in the currency given first'),
  source: z.string().nullable().describe('The outlet or journalist the claim is attributed to'),
  evidence: Evidence,
  // Set by weighing (src/weigh) across the articles of a run or a store; printed on every rumour.
  likelihood: z.number().min(0).max(1).optional(),
  reasons: z.array(z.string()).optional(),
});

export const Article = z.object({
  file: z.string(),
  date: IsoDate.nullable().describe('YYYY-MM-DD from the date header, else null'),
  hash: Sha256,
  title: z.string().nullable().describe('The first line of the text when it reads as a headline'),
  warnings: z.array(z.string()),
  players: z.array(Player),
  people: z.array(Person),
  clubs: z.array(Club),
  fees: z.array(Fee),
  quotes: z.array(Quote),
  sources: z.array(Source),
  rumours: z.array(Rumour),
});

/** A fee in the one currency the output compares fees in (--currency); the fee's own fields stay as written. */
export const Converted = z
  .object({
    amount: z.number().nonnegative().describe('The fee (the low end of a range) in `currency`, whole units'),
    amountMax: z.number().nonnegative().nullable().describe('The high end of a range in `currency`, else null'),
    currency: Currency.describe('The currency asked for (--currency, default EUR)'),
    via: z
      .enum(['same', 'article', 'rate'])
      .describe(
        "How it was found: 'same', the fee is in that currency already; 'article', the article gives the sum in that currency beside it (the journalist's rate at the time); 'rate', estimated with the yearly average rate of the article's year",
      ),
    rate: z.number().positive().nullable().describe("With 'rate': units of `currency` for one unit of the fee's currency; else null"),
    rateYear: z.int().nullable().describe("With 'rate': the year whose average rate was used: the article's year, else the nearest the table has (the latest for an undated article); else null"),
  })
  .describe('The fee in the currency asked for (--currency)');

/** `converted` beside a fee: null when the fee has no amount or no currency. */
const _converted = Converted.nullable().describe('The fee in the currency asked for (--currency, default EUR), beside it as written; null when it has no amount or no currency');

/** A fee as printed: as written, and in the currency asked for. */
export const FeeOut = Fee.extend({ converted: _converted });

/** A rumour's fee as printed: the amount the move is reported at, and in the currency asked for. */
export const RumourFee = Money.extend({ converted: _converted });

/** A rumour as printed, the same shape in every output (extract, player, rumours). */
export const RumourOut = Rumour.extend({
  fee: RumourFee.nullable().describe('The fee tied to this move, in the currency given first'),
  likelihood: z
    .number()
    .min(0)
    .max(1)
    .describe(
      "How likely the move is to happen, as it stood on the article's date: a model of how moves reported this way ended (2019-2021, English-language outlets), weighed from the articles dated on or before it (of the run, and of the store when one is used)",
    ),
  reasons: z.array(z.string()).describe('What moved the likelihood most, strongest first ("bid stage", "4 articles, 3 outlets in 9 days", "rival: Chelsea", "Sky Sports 7/9 confirmed")'),
});

/** An article as printed: the extractor's, every fee also in the currency asked for. */
export const ArticleOut = Article.extend({ fees: z.array(FeeOut), rumours: z.array(RumourOut) });

export const Document = z.object({
  schema: z.literal(SCHEMA_IDS.extract),
  currency: Currency.describe("The currency every fee's `converted` is in (--currency)"),
  articles: z.array(ArticleOut),
});

/** A rumour as the store and a story give it: the article's rumour, with the article's date and file. */
export const DatedRumour = RumourOut.extend({ date: IsoDate.nullable().describe('The article date'), file: z.string().describe('The article file') });

const _Dated = { date: IsoDate.nullable().describe('The article date'), file: z.string() };

/** `rumours player NAME`: what every article read says about one player, oldest article first. */
export const PlayerStory = z.object({
  schema: z.literal(SCHEMA_IDS.player),
  query: z.string(),
  currency: Currency.describe("The currency every fee's `converted` is in (`--currency`)"),
  player: z.object({ name: z.string(), aliases: z.array(z.string()) }),
  articles: z.int().nonnegative().describe('How many articles name him'),
  firstReport: IsoDate.nullable(),
  latestReport: IsoDate.nullable(),
  clubs: z.array(z.object({ name: z.string(), count: z.int().nonnegative() })).describe('Clubs linked with him in rumours, most often first'),
  rumours: z.array(DatedRumour),
  fees: z.array(FeeOut.extend(_Dated)),
  quotes: z.array(Quote.extend({ ..._Dated, relation: z.enum(['by', 'about']) })),
});

export type PlayerStory = z.infer<typeof PlayerStory>;
export type Evidence = z.infer<typeof Evidence>;
export type Role = z.infer<typeof Role>;
export type Player = z.infer<typeof Player>;
export type Person = z.infer<typeof Person>;
export type Club = z.infer<typeof Club>;
export type Currency = z.infer<typeof Currency>;
export type FeeKind = z.infer<typeof FeeKind>;
export type Money = z.infer<typeof Money>;
export type Converted = z.infer<typeof Converted>;
export type Fee = z.infer<typeof Fee>;
export type Quote = z.infer<typeof Quote>;
export type Source = z.infer<typeof Source>;
export type Status = z.infer<typeof Status>;
export type Rumour = z.infer<typeof Rumour>;
export type Article = z.infer<typeof Article>;
export type Document = z.infer<typeof Document>;
export type FeeOut = z.infer<typeof FeeOut>;
export type RumourFee = z.infer<typeof RumourFee>;
export type RumourOut = z.infer<typeof RumourOut>;
export type ArticleOut = z.infer<typeof ArticleOut>;
export type DatedRumour = z.infer<typeof DatedRumour>;
