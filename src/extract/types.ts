// Internal shapes passed between the pipeline's stages. Offsets here are into the *view* text
// (entities decoded, line endings and spaces normalised); `Doc.toOriginal` maps them back.
import type { Currency, FeeKind, Money, Role, Status } from '../schema.js';
import type { Sentence, Span } from '../segment/index.js';
import type { TokenStream } from '../tokens/index.js';

// Made by the segmenter, the step below; re-exported for the recognisers and relations.
export type { Sentence, Span };

export interface Doc {
  file: string;
  /** Text shown to people: entities decoded, CRLF → LF, odd spaces → ' ', quotes as written. */
  view: string;
  /** Same length as `view`, for matching: curly quotes and apostrophes made straight, dashes made '-'. */
  text: string;
  paragraphs: Span[];
  sentences: Sentence[];
  /** The words of `text`, tokenised once. */
  readonly tokens: TokenStream;
  /** Maps an offset in `view`/`text` to an offset in the original text. */
  toOriginal(offset: number): number;
  /** The line of the file (from 1) that an offset in the original text falls on. */
  lineOf(original: number): number;
  /** A sentence as shown to people (`showSpan`), made once however many facts it is the evidence of. */
  shownSentence(s: Sentence): string;
  /** The sentence containing an offset (the last one before it when it falls between sentences). */
  sentenceAt(offset: number): Sentence;
}

export interface ClubMention extends Span {
  /** Canonical club name from the club table. */
  club: string;
  country: string | null;
  /** The words as written. */
  alias: string;
}

export interface NameMention extends Span {
  text: string;
}

export interface PersonEntity {
  name: string;
  aliases: string[];
  /** null for players; a role for managers, executives, journalists... */
  role: Role | null;
  club: string | null;
  mentions: NameMention[];
}

export interface FeeFinding extends Span {
  text: string;
  amount: number | null;
  amountMax: number | null;
  currency: Currency | null;
  bound: 'exact' | 'about' | 'at-least' | 'at-most' | 'range';
  period: 'week' | 'month' | 'year' | null;
  kind: FeeKind;
  conversions: Money[];
}

export interface QuoteFinding extends Span {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** The speaker as written near the quote ("Rinaldi", "the Reds midfielder", "He"), resolved later. */
  speakerSpan: NameMention | null;
  /** The quote carries on the one before it (a new paragraph of the same speech). */
  continues?: boolean;
}

export interface SourceFinding extends Span {
  name: string;
  kind: 'outlet' | 'journalist';
  alias: string;
}

export interface RumourFinding extends Span {
  player: string;
  from: string | null;
  to: string;
  status: Status;
  window: string | null;
  fee: Money | null;
  source: string | null;
}
