// Who a phrase points to: a name ("Gillan"), a pronoun ("He adds"), or a description ("the Reds
// midfielder", "the 39-times capped Argentina international", "the Frenchman"). Descriptions go to
// the player the text was last about; pronouns to the person named last.
import { foldName, peopleKnowledge } from '../knowledge/people.js';
import type { Doc, PersonEntity } from '../extract/types.js';

interface _At {
  ent: PersonEntity;
  start: number;
  end: number;
}

const _PRONOUN = /^(?:he|him|his|she|her|himself)$/i;
const _DESCRIPTION = /^(?:the|this|that|our|their|his)\s/i;

export class References {
  private readonly _mentions: _At[];
  private readonly _main: PersonEntity | null;

  constructor(
    private readonly _doc: Doc,
    readonly entities: PersonEntity[],
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
    return this._mentions.filter((m) => m.start >= start && m.end <= end);
  }

  /** The last entity named before `offset` (and after `floor`), optionally only players or only people. */
  lastBefore(offset: number, want: 'player' | 'person' | 'any' = 'any', floor = 0): PersonEntity | null {
    for (let i = this._mentions.length - 1; i >= 0; i--) {
      const m = this._mentions[i] as _At;
      if (m.start >= offset) continue;
      if (m.start < floor) return null;
      if (want === 'any' || (want === 'player') === (m.ent.role === null)) return m.ent;
    }
    return null;
  }

  /** An entity by name or short form: "Mac Allister", "Konate", "Gillan". */
  byName(text: string): PersonEntity | null {
    const f = foldName(text);
    if (!f) return null;
    const exact = this.entities.find((e) => foldName(e.name) === f || e.aliases.some((a) => foldName(a) === f));
    if (exact) return exact;
    const tail = this.entities.filter((e) => foldName(e.name).endsWith(' ' + f));
    return tail.length === 1 ? (tail[0] ?? null) : null;
  }

  /** Resolve what a phrase at `offset` points to, or null when it is not clear. */
  resolve(text: string, offset: number): PersonEntity | null {
    const t = text.trim();
    if (!t) return null;
    if (_PRONOUN.test(t)) return this.lastBefore(offset, 'any');
    const named = this.byName(t.replace(/^(?:the|his|their)\s+/i, ''));
    if (named) return named;
    if (_DESCRIPTION.test(t)) {
      const k = peopleKnowledge();
      const words = foldName(t).split(' ');
      for (let n = Math.min(3, words.length); n >= 1; n--) {
        const role = k.roleWords.get(words.slice(words.length - n).join(' '));
        if (role) return this._lastWithRole(offset, role);
      }
      return this.lastBefore(offset, 'player') ?? this._main;
    }
    return null;
  }

  private _lastWithRole(offset: number, role: string): PersonEntity | null {
    for (let i = this._mentions.length - 1; i >= 0; i--) {
      const m = this._mentions[i] as _At;
      if (m.start < offset && m.ent.role === role) return m.ent;
    }
    return this.entities.find((e) => e.role === role) ?? null;
  }

  get doc(): Doc {
    return this._doc;
  }
}
