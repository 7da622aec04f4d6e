// The recognisers, over one article's doc: clubs, sources, quotes and fees, then the people, told
// where the others are. What relates them (src/relate) comes after, composed by src/analyse.ts.
import type { ClubMention, Doc, FeeFinding, PersonEntity, QuoteFinding, SourceFinding, Span } from './types.js';
import type { Evidence, Role } from '../schema.js';
import { findClubs } from './clubs.js';
import { showSpan } from './doc.js';
import { findFees } from './fees.js';
import { findPeople } from './names.js';
import { findQuotes } from './quotes.js';
import { scanSources } from './sources.js';

export { docFromText, makeDoc } from './doc.js';

/** What the recognisers found in one article. */
export interface Findings {
  clubs: ClubMention[];
  sources: SourceFinding[];
  outletNames: ReturnType<typeof scanSources>['outletNames'];
  quotes: QuoteFinding[];
  fees: FeeFinding[];
  people: PersonEntity[];
}

export function recognise(doc: Doc, roles?: ReadonlyMap<string, Role>): Findings {
  const clubs = findClubs(doc);
  const { sources, outletNames } = scanSources(doc);
  const quotes = findQuotes(doc);
  const fees = findFees(doc);
  const people = findPeople(doc, { clubs, sources, quotes, outletNames, ...(roles ? { roles } : {}) });
  return { clubs, sources, outletNames, quotes, fees, people };
}

/** A fact's evidence: where it is in the original file, and the sentence it stands in. */
export function evidence(doc: Doc, span: Span): Evidence {
  const sentence = doc.sentenceAt(span.start);
  // A fact may run past its sentence (a quote over several sentences): show the whole stretch.
  const shown = { start: Math.min(sentence.start, span.start), end: Math.max(sentence.end, span.end) };
  const text = shown.start === sentence.start && shown.end === sentence.end ? doc.shownSentence(sentence) : showSpan(doc, shown);
  const start = doc.toOriginal(span.start);
  return { file: doc.file, start, end: doc.toOriginal(span.end), line: doc.lineOf(start), sentence: text };
}
