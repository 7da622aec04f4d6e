// One article's text → one Article of the contract: the recognisers (src/extract), then the
// relations between what they found (src/relate), then the facts with their evidence. Pure: no I/O,
// no state beyond the knowledge tables, and it never throws: a failure inside a recogniser becomes a
// warning on the article. It sits above both layers it composes (docs/how-it-works.md, "Layers").
import { evidence, makeDoc, recognise } from './extract/index.js';
import { showSpan } from './extract/doc.js';
import type { ClubMention, Doc, PersonEntity, SourceFinding, Span } from './extract/types.js';
import type { SourceText } from './read/index.js';
import { References } from './relate/coref.js';
import { assignFeePlayers } from './relate/fees.js';
import { findRumours, type RumourContext } from './relate/rumours.js';
import { attributeQuotes } from './relate/speakers.js';
import type { Article, Club, Evidence, Fee, Person, Player, Quote, Role, Rumour, Source } from './schema.js';

/**
 * How rumours are decided: another model than the committed one (cross-validation), or a look at the
 * pairs (training); and the roles the run's other articles give people (aggregate/roles.ts).
 */
export type ExtractOptions = Pick<RumourContext, 'model' | 'onPairs'> & { roles?: ReadonlyMap<string, Role> };

export function extractArticle(src: SourceText, opts: ExtractOptions = {}): Article {
  const base: Article = {
    file: src.file,
    date: src.date,
    hash: src.hash,
    title: null,
    warnings: [...src.warnings],
    players: [],
    people: [],
    clubs: [],
    fees: [],
    quotes: [],
    sources: [],
    rumours: [],
  };
  try {
    return { ...base, ...extractFacts(makeDoc(src.file, src.norm, src.original), opts) };
  } catch (err) {
    // The promise is "never throws on any text": keep the article, say what went wrong.
    base.warnings.push(`extraction failed: ${(err as Error)?.message ?? String(err)}`);
    return base;
  }
}

type Facts = Pick<Article, 'title' | 'players' | 'people' | 'clubs' | 'fees' | 'quotes' | 'sources' | 'rumours'>;

export function extractFacts(doc: Doc, opts: ExtractOptions = {}): Facts {
  const { clubs: clubMentions, sources: sourceFindings, quotes: quoteFindings, fees: feeFindings, people: entities } = recognise(doc, opts.roles);
  // One index of who is named where, shared by the three relations that resolve references.
  const refs = new References(doc, entities, quoteFindings);
  const speakers = attributeQuotes(doc, quoteFindings, refs);
  const feePlayers = assignFeePlayers(doc, feeFindings, refs, clubMentions);
  const rumours = findRumours(doc, { ...opts, speakers, entities, clubs: clubMentions, fees: feeFindings, feePlayers, sources: sourceFindings, quotes: quoteFindings, refs });
  const ev = (span: Span): Evidence => evidence(doc, span);

  const players: Player[] = entities
    .filter((e) => e.role === null)
    .map((e) => ({ name: e.name, aliases: e.aliases, mentions: e.mentions.length, club: e.club, evidence: ev(_first(e)) }));
  const people: Person[] = entities
    .filter((e): e is PersonEntity & { role: NonNullable<PersonEntity['role']> } => e.role !== null)
    .map((e) => ({ name: e.name, aliases: e.aliases, role: e.role, club: e.club, mentions: e.mentions.length, evidence: ev(_first(e)) }));
  const fees: Fee[] = feeFindings.map((f, i) => ({
    text: f.text,
    amount: f.amount,
    amountMax: f.amountMax,
    currency: f.currency,
    bound: f.bound,
    period: f.period,
    kind: f.kind,
    conversions: f.conversions,
    player: feePlayers[i] ?? null,
    evidence: ev(f),
  }));
  const quotes: Quote[] = quoteFindings.map((q, i) => ({ text: q.text, speaker: speakers[i] ?? null, evidence: ev(q) }));
  const rumourRows: Rumour[] = rumours.map((r) => ({
    player: r.player,
    from: r.from,
    to: r.to,
    status: r.status,
    window: r.window,
    fee: r.fee,
    source: r.source,
    evidence: ev(r),
  }));
  return {
    title: _title(doc),
    players,
    people,
    clubs: _groupClubs(doc, clubMentions),
    fees,
    quotes,
    sources: _groupSources(doc, sourceFindings),
    rumours: rumourRows,
  };
}

function _first(e: PersonEntity): Span {
  return e.mentions[0] ?? { start: 0, end: 0 };
}

function _groupClubs(doc: Doc, mentions: ClubMention[]): Club[] {
  const byName = new Map<string, { first: ClubMention; aliases: Set<string>; count: number }>();
  for (const m of mentions) {
    const g = byName.get(m.club);
    if (g) {
      g.count++;
      g.aliases.add(m.alias);
    } else byName.set(m.club, { first: m, aliases: new Set([m.alias]), count: 1 });
  }
  return [...byName.values()].map((g) => ({
    name: g.first.club,
    country: g.first.country,
    aliases: [...g.aliases].filter((a) => a !== g.first.club),
    mentions: g.count,
    evidence: evidence(doc, g.first),
  }));
}

function _groupSources(doc: Doc, findings: SourceFinding[]): Source[] {
  const byName = new Map<string, { first: SourceFinding; aliases: Set<string> }>();
  for (const f of findings) {
    const g = byName.get(f.name);
    if (g) g.aliases.add(f.alias);
    else byName.set(f.name, { first: f, aliases: new Set([f.alias]) });
  }
  return [...byName.values()].map((g) => ({
    name: g.first.name,
    kind: g.first.kind,
    aliases: [...g.aliases].filter((a) => a !== g.first.name),
    evidence: evidence(doc, g.first),
  }));
}

/** A short first paragraph without a full stop reads as a headline. */
function _title(doc: Doc): string | null {
  const p = doc.paragraphs[0];
  if (!p || p.end - p.start > 150) return null;
  const t = showSpan(doc, p);
  return /[.!?]["'”’]?$/.test(t) ? null : t;
}
