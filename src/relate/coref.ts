// Who a phrase points to: a name ("Gillan"), a pronoun ("He adds"), or a description ("the Reds
// midfielder", "the 39-times capped Argentina international", "the Frenchman").
// Pronouns follow the subject of the narrative: the person a sentence opens with ("Newcastle boss
// Graeme Souness is lining up ..."), carried through sentences that open with "He". Descriptions go
// to the last person named with that role, or to the player the text was last about.
import { foldName, peopleKnowledge } from '../knowledge/people.js';
import { insideAny, lastStartingBy, within } from '../extract/spans.js';
import type { Doc, PersonEntity, Span } from '../extract/types.js';

interface _At {
  ent: PersonEntity;
  start: number;
  end: number;
}

const _PRONOUN = /^(?:he|him|his|she|her|himself|herself)$/i;
// A word that points back to a player: "he", "the Frenchman", "the Brighton star", "the 28-year-old".
const _POINTER = /\b(?:he|him|his)\b|\bthe (?:[\p{L}\d-]+ ){0,3}?(?:player|midfielder|striker|defender|forward|winger|keeper|goalkeeper|star|man|international|frenchman|spaniard|dane|argentine|argentinian|brazilian|englishman|dutchman|youngster|teenager|centre-back|full-back|right-back|left-back|\d+-year-old)\b/iu;
const _DESCRIPTION = /^(?:the|this|that|our|their|his)\s/i;
// What may come before a sentence's subject: connectives, a club and a role ("But Newcastle boss").
const _LEAD = /^(?:(?:but|and|however|meanwhile|now|so|yet|also|indeed|still|although|though|while|then|instead|earlier|later|previously|at the time|in (?:fact|addition)),?\s+)*/i;
const _SUBJECT_PRONOUN = /^(?:he|she)\b/i;
const _SUBJECT_DESCRIPTION = /^(?:the|this) ((?:[\p{L}\d'-]+ ){0,4}?[\p{L}\d'-]+?)(?=\s(?:is|was|has|had|have|will|would|could|said|says|told|added|insists|insisted|admits|admitted|now|also|believes|wants|revealed|explained|claimed|confirmed)\b)/iu;
// A sentence opening on someone not named: "A Premier League spokesman said", "An Arsenal source claimed".
// (No `i` flag: under it \p{Lu} would match any letter.)
const _UNNAMED_SUBJECT = /^(?:[Aa]n?|[Oo]ne)\s+(?:[\p{L}'-]+\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|source|sources|official|insider|representative|statement)\b(?!\s+\p{Lu})/u;
/** The subject of a sentence that opens on someone not named: a "he" after it is nobody we know. */
const _NOBODY: PersonEntity = { name: '', aliases: [], role: null, club: null, mentions: [] };
const _SAME_ROLE: Record<string, string[]> = { manager: ['manager', 'coach'], coach: ['coach', 'manager'] };

/** A player where the text names him or points to him ("he", "the Frenchman": `pointed`). */
export interface PlayerAt {
  ent: PersonEntity;
  at: number;
  pointed: boolean;
}

export class References {
  private readonly _mentions: _At[];
  private readonly _main: PersonEntity | null;
  private readonly _subjects = new Map<number, PersonEntity | null>();
  private _quoteTest: ((offset: number) => boolean) | null = null;
  private _names: Map<string, PersonEntity> | null = null;
  private _folded: Array<[string, PersonEntity]> = [];

  constructor(
    private readonly _doc: Doc,
    readonly entities: PersonEntity[],
    /** Quoted speech: names inside it say nothing about who the narrative is about. */
    private readonly _quotes: Span[] = [],
  ) {
    this._mentions = entities.flatMap((ent) => ent.mentions.map((m) => ({ ent, start: m.start, end: m.end }))).sort((a, b) => a.start - b.start);
    // The player the article is about: the one named most often, first named on a tie.
    const players = entities.filter((e) => e.role === null);
    this._main = players.reduce<PersonEntity | null>((best, e) => (!best || e.mentions.length > best.mentions.length ? e : best), null);
  }

  get main(): PersonEntity | null {
    return this._main;
  }

  /** Entity mentions inside [start, end). */
  within(start: number, end: number): _At[] {
    return within(this._mentions, start, end);
  }

  /** The last entity named before `offset` (and after `floor`), optionally only players or only people. */
  lastBefore(offset: number, want: 'player' | 'person' | 'any' = 'any', floor = 0): PersonEntity | null {
    for (let i = lastStartingBy(this._mentions, offset - 1); i >= 0; i--) {
      const m = this._mentions[i] as _At;
      if (m.start < floor) return null;
      if (want === 'any' || (want === 'player') === (m.ent.role === null)) return m.ent;
    }
    return null;
  }

  /** An entity by name or short form: "Mac Allister", "Konate", "Gillan". */
  byName(text: string): PersonEntity | null {
    const f = foldName(text);
    if (!f) return null;
    if (!this._names) {
      // Folded once per article: quotes ask for their speakers by name many times.
      this._names = new Map();
      for (const e of this.entities) for (const n of [e.name, ...e.aliases]) if (!this._names.has(foldName(n))) this._names.set(foldName(n), e);
      this._folded = this.entities.map((e) => [foldName(e.name), e]);
    }
    const exact = this._names.get(f);
    if (exact) return exact;
    const tail = this._folded.filter(([n]) => n.endsWith(' ' + f));
    return tail.length === 1 ? (tail[0]?.[1] ?? null) : null;
  }

  /** Resolve what a phrase at `offset` points to, or null when it is not clear. */
  resolve(text: string, offset: number): PersonEntity | null {
    const t = text.trim();
    if (!t) return null;
    if (_PRONOUN.test(t)) return this.pronoun(offset);
    const named = this.byName(t.replace(/^(?:the|his|their)\s+/i, ''));
    if (named) return named;
    if (_DESCRIPTION.test(t)) return this.description(t, offset);
    return null;
  }

  /** "he" at `offset`: the subject of its sentence when named before it, else the narrative's last subject. */
  pronoun(offset: number): PersonEntity | null {
    const s = this._doc.sentenceAt(offset);
    const own = this.subjectOf(s.index);
    if (own && this.within(s.start, offset).some((m) => m.ent === own)) return own;
    const before = this._subjectBefore(s.index);
    // "But a Premier League spokesman said ... He said:": he is that spokesman, whom nobody named.
    if (before === _NOBODY) return null;
    return before ?? this.lastBefore(offset, 'any');
  }

  /** The nearest subject in the sentences before sentence `index`. */
  subjectBefore(index: number): PersonEntity | null {
    const subj = this._subjectBefore(index);
    return subj === _NOBODY ? null : subj;
  }

  private _subjectBefore(index: number): PersonEntity | null {
    for (let i = index - 1; i >= 0 && i >= index - 8; i--) {
      const subj = this._subject(i);
      if (subj) return subj;
    }
    return null;
  }

  /** The person a sentence of narrative opens with, resolving "He ..." and "The Frenchman ..." too. */
  subjectOf(index: number): PersonEntity | null {
    const subj = this._subject(index);
    return subj === _NOBODY ? null : subj;
  }

  private _subject(index: number): PersonEntity | null {
    const cached = this._subjects.get(index);
    if (cached !== undefined) return cached;
    this._subjects.set(index, null); // guards the recursion below
    const subj = this._findSubject(index);
    this._subjects.set(index, subj);
    return subj;
  }

  private _findSubject(index: number): PersonEntity | null {
    const s = this._doc.sentences[index];
    if (!s || this._inQuote(s.start)) return null;
    const text = this._doc.text.slice(s.start, s.end);
    const lead = _LEAD.exec(text)?.[0].length ?? 0;
    const rest = text.slice(lead);
    if (_SUBJECT_PRONOUN.test(rest)) return this._subjectBefore(index);
    if (_UNNAMED_SUBJECT.test(rest)) return _NOBODY;
    const first = this.within(s.start, s.end).find((m) => !this._inQuote(m.start));
    if (first && first.start - s.start - lead <= 40 && _noVerbBefore(this._doc.text.slice(s.start + lead, first.start))) return first.ent;
    const desc = _SUBJECT_DESCRIPTION.exec(rest);
    if (desc) return this.description(desc[0], s.start + lead);
    return null;
  }

  /**
   * The player a stretch of text points to with "he" or a description, if it has one. A club inside
   * the description narrows it: "the Brighton star" is the last player tied to Brighton.
   */
  pointedPlayer(start: number, end: number, clubs: Array<Span & { club: string }>, skip: (at: number) => boolean = () => false): { ent: PersonEntity; at: number } | null {
    const m = _POINTER.exec(this._doc.text.slice(start, end));
    if (!m) return null;
    const at = start + m.index;
    if (skip(at)) return null;
    if (/^h/i.test(m[0])) {
      const ent = this.pronoun(at);
      return ent && ent.role === null ? { ent, at } : null;
    }
    const club = clubs.find((c) => c.start >= at && c.end <= at + m[0].length)?.club;
    for (let i = this._mentions.length - 1; club && i >= 0; i--) {
      const x = this._mentions[i] as _At;
      if (x.start < at && x.ent.role === null && x.ent.club === club) return { ent: x.ent, at };
    }
    const ent = this.description(m[0], at);
    return ent && ent.role === null ? { ent, at } : null;
  }

  /** Players named in [start, end) outside quotes, once each, or else the one it points to ("he", "the Frenchman"). */
  playersIn(start: number, end: number, clubs: Array<Span & { club: string }>, skip: (at: number) => boolean): PlayerAt[] {
    const out: PlayerAt[] = [];
    const seen = new Set<PersonEntity>();
    for (const m of this.within(start, end)) {
      if (m.ent.role !== null || seen.has(m.ent) || skip(m.start)) continue;
      seen.add(m.ent);
      out.push({ ent: m.ent, at: m.start, pointed: false });
    }
    if (out.length) {
      // "The Ajax player is being monitored by Tottenham as a replacement for Christian Eriksen":
      // a description before the first name points to someone else than that name.
      const first = out[0] as PlayerAt;
      const p = first.at > start ? this.pointedPlayer(start, first.at, clubs, skip) : null;
      if (p && !seen.has(p.ent) && _DESCRIPTION.test(this._doc.text.slice(p.at, p.at + 6))) out.unshift({ ...p, pointed: true });
      return out;
    }
    const p = this.pointedPlayer(start, end, clubs, skip);
    return p ? [{ ...p, pointed: true }] : [];
  }

  /** "the Portuguese coach" → the last coach or manager; "the Frenchman" → the player last written about. */
  description(text: string, offset: number): PersonEntity | null {
    const k = peopleKnowledge();
    const words = foldName(text).split(' ');
    for (let n = Math.min(k.maxPhraseWords, words.length); n >= 1; n--) {
      const phrase = words.slice(words.length - n).join(' ');
      const role = k.roleWords.get(phrase);
      if (!role) continue;
      const named = this._lastWithRole(offset, _SAME_ROLE[role] ?? [role]);
      // "a Premier League spokesman said ... The spokesman added": the one nobody named, if he came last.
      const unnamed = this._lastUnnamed(phrase, offset);
      return unnamed > (named?.mentions.filter((m) => m.start < offset).at(-1)?.start ?? -1) ? null : named;
    }
    return this.lastBefore(offset, 'player') ?? this._main;
  }

  /** Where "a/an ... <role phrase>" last stood before `offset` with no name after it, or -1. */
  private _lastUnnamed(phrase: string, offset: number): number {
    const before = this._doc.text.slice(Math.max(0, offset - 3000), offset);
    const re = new RegExp(`\\b(?:[Aa]n?|[Oo]ne)\\s+(?:[\\p{L}'-]+\\s+){0,4}?${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b(?!\\s+\\p{Lu})`, 'gu');
    let last = -1;
    for (const m of before.matchAll(re)) last = offset - before.length + m.index;
    return last;
  }

  private _lastWithRole(offset: number, roles: string[]): PersonEntity | null {
    for (let i = this._mentions.length - 1; i >= 0; i--) {
      const m = this._mentions[i] as _At;
      if (m.start < offset && m.ent.role !== null && roles.includes(m.ent.role)) return m.ent;
    }
    return this.entities.find((e) => e.role !== null && roles.includes(e.role)) ?? null;
  }

  private get _inQuote(): (offset: number) => boolean {
    this._quoteTest ??= insideAny(this._quotes);
    return this._quoteTest;
  }
}

/** Only words that may stand before a subject: a club name, a role, "the". */
function _noVerbBefore(prefix: string): boolean {
  const words = prefix.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  if (words.length > 5 || /[,;:"(]/.test(prefix)) return false;
  const k = peopleKnowledge();
  return words.every((w) => {
    const tag = k.lexTag(w);
    return !tag || !/Verb|Tense|Infinitive|Gerund|Modal|Copula|Auxiliary|Preposition/.test(tag) || k.roleWords.has(w);
  });
}
