// One article's text → one Article of the contract: the recognisers (src/extract), then the
// relations between what they found (src/relate), then the facts with their evidence. Pure: no I/O,
// no state beyond the knowledge tables, and it never throws: a failure inside a recogniser becomes a
// warning on the article. It sits above both layers it composes (docs/how-it-works.md, "Layers").
import { evidence, makeDoc, recognise } from './extract/index.js';
import { lineSpans, showSpan } from './extract/doc.js';
import { lastStartingBy } from './extract/spans.js';
import type { ClubMention, Doc, PersonEntity, SourceFinding, Span } from './extract/types.js';
import type { SourceText } from './read/index.js';
import { normalise } from './read/normalise.js';
import { pieces } from './read/pieces.js';
import { References } from './relate/coref.js';
import { assignFeePlayers } from './relate/fees.js';
import { findRumours, type RumourContext } from './relate/rumours.js';
import { attributeQuotes } from './relate/speakers.js';
import type { Article, Club, Evidence, Fee, Person, Player, Quote, Role, Rumour, Source } from './schema.js';

/**
 * How rumours are decided: another model than the committed one (cross-validation), or a look at the
 * pairs (training); the roles the run's other articles give people (aggregate/roles.ts); and the
 * size of the pieces a long article is read in (tests; PIECE otherwise).
 */
export type ExtractOptions = Pick<RumourContext, 'model' | 'onPairs'> & { roles?: ReadonlyMap<string, Role>; pieceSize?: number };

// An article longer than this (in characters) is extracted in pieces of at most this size, whose
// facts are merged: the recognisers' work on a whole article grows faster than the article (a
// worker with 184 MB of heap ran out on a 5 MB one), on a piece it is bounded. Articles are a few
// KB; 256 KB of prose is a short book, so that a cut rarely falls between two mentions that explain
// each other.
export const PIECE = 256 * 1024;

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
    const size = opts.pieceSize ?? PIECE;
    if (src.original.length <= size) return { ...base, ...extractFacts(makeDoc(src.file, normalise(src.original, { html: src.html }), src.original), opts) };
    return { ...base, ...extractInPieces(src, size, opts) };
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

/**
 * A long article's facts, piece by piece (read/pieces.ts), merged as one extraction of the whole
 * would give them: one player, club or source per name over all the pieces (mentions added up, the
 * aliases joined, the first evidence, the first club written beside a name), one rumour per player
 * and club (the first told), every fee and quote. Only the facts of a piece are kept past it.
 * Evidence is exact: a piece's offsets map into the whole text, and lines count in the whole file.
 */
export function extractInPieces(src: SourceText, size: number, opts: ExtractOptions = {}): Facts {
  let lines: Span[] | null = null;
  const lineOf = (offset: number) => lastStartingBy((lines ??= lineSpans(src.original)), offset) + 1;
  const merged = new _Merged();
  for (const norm of pieces(src.original, src.html, size)) {
    // Copied, so that the facts' strings hold their own characters: V8 keeps a string's whole text
    // alive for any slice of it, and the piece's text is not needed past it.
    merged.add(structuredClone(extractFacts({ ...makeDoc(src.file, norm, src.original), lineOf }, opts)));
  }
  return merged.facts();
}

class _Merged {
  private title: string | null | undefined;
  // Players and people by name: a name is one entity however many pieces name it.
  private readonly persons = new Map<string, Player | Person>();
  private readonly clubs = new Map<string, Club>();
  private readonly sources = new Map<string, Source>();
  private readonly rumours = new Map<string, Rumour>();
  private readonly fees: Fee[] = [];
  private readonly quotes: Quote[] = [];

  add(f: Facts): void {
    // The headline is the first piece's: a later piece's first paragraph is no headline.
    if (this.title === undefined) this.title = f.title;
    for (const p of [...f.players, ...f.people]) {
      const had = this.persons.get(p.name);
      if (!had) {
        this.persons.set(p.name, p);
        continue;
      }
      // The role of the piece with more mentions (one extraction counts its votes over all mentions).
      const role = p.mentions > had.mentions || (p.mentions === had.mentions && _role(had) === null) ? _role(p) : _role(had);
      const [name, aliases, mentions, club, evidence] = [had.name, _union(had.aliases, p.aliases), had.mentions + p.mentions, had.club ?? p.club, had.evidence];
      // In the contract's key order, which the JSON output keeps.
      this.persons.set(p.name, role === null ? { name, aliases, mentions, club, evidence } : { name, aliases, role, club, mentions, evidence });
    }
    for (const c of f.clubs) {
      const had = this.clubs.get(c.name);
      this.clubs.set(c.name, had ? { ...had, aliases: _union(had.aliases, c.aliases), mentions: had.mentions + c.mentions } : c);
    }
    for (const s of f.sources) {
      const had = this.sources.get(s.name);
      this.sources.set(s.name, had ? { ...had, aliases: _union(had.aliases, s.aliases) } : s);
    }
    for (const r of f.rumours) {
      const key = `${r.player}\u0000${r.to}`;
      if (!this.rumours.has(key)) this.rumours.set(key, r);
    }
    this.fees.push(...f.fees);
    this.quotes.push(...f.quotes);
  }

  facts(): Facts {
    const all = [...this.persons.values()];
    return {
      title: this.title ?? null,
      players: all.filter((p): p is Player => !('role' in p)),
      people: all.filter((p): p is Person => 'role' in p),
      clubs: [...this.clubs.values()],
      fees: this.fees,
      quotes: this.quotes,
      sources: [...this.sources.values()],
      rumours: [...this.rumours.values()],
    };
  }
}

function _union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function _role(p: Player | Person): Role | null {
  return 'role' in p ? p.role : null;
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
