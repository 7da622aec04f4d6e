// Word knowledge for telling people apart: role words, player words, words that are never names,
// and compromise's lexicon for common English words, places and first names (as data/lexicon.json,
// derived from it by scripts/build-lexicon.mjs: looking words up needs none of compromise's parser).
import type { Role } from '../schema.js';
import { loadData } from './_load.js';
import { Prefixes } from './_phrases.js';
import { foldLetters } from './fold.js';

interface PeopleWords {
  roles: Record<string, string[]>;
  possessiveRole: Record<string, string[]>;
  player: string[];
  suitorWords: string[];
  playerVerbs: string[];
  playerObjects: string[];
  managerBefore: string[];
  managerAfter: string[];
  nonPerson: string[];
  honorifics: string[];
  suffixes: string[];
  particles: string[];
}

export interface PeopleKnowledge {
  /** Role phrase (lower case) → role, longest phrases first when matched. */
  roleWords: Map<string, Role>;
  playerWords: Set<string>;
  /** "Chelsea target Lukaku": words that make the club before a name his suitor, not his club. */
  suitorWords: Set<string>;
  /** Longest role or player phrase, in words: how far back to look. */
  maxPhraseWords: number;
  possessiveManager: Set<string>;
  possessivePlayer: Set<string>;
  /** What follows a player's name: each player verb as " scored", " has scored" and " had scored". */
  playerVerbLeads: Prefixes;
  /** What precedes a player's name as the object of a transfer: "signing of", "bid for". */
  playerObjects: Set<string>;
  /** What precedes a manager's name ("have sacked"), and what follows it (" was sacked"). */
  managerBefore: Set<string>;
  managerAfterLeads: Prefixes;
  nonPerson: Set<string>;
  honorifics: Set<string>;
  suffixes: Set<string>;
  particles: Set<string>;
  /** compromise's tag for a lower-case word, if its lexicon has one. */
  lexTag(word: string): string | undefined;
}

interface Lexicon {
  tags: Record<string, string[]>;
}

let _knowledge: PeopleKnowledge | null = null;

export function peopleKnowledge(): PeopleKnowledge {
  if (_knowledge) return _knowledge;
  const data = loadData<PeopleWords>('people-words.json');
  const roleWords = new Map<string, Role>();
  for (const [role, words] of Object.entries(data.roles)) {
    // The first role to claim a word keeps it ("official" is an executive before a referee).
    for (const w of words) if (!roleWords.has(w)) roleWords.set(w, role as Role);
  }
  const lexicon = new Map<string, string>();
  for (const [tag, words] of Object.entries(loadData<Lexicon>('lexicon.json').tags)) for (const w of words) lexicon.set(w, tag);
  const phrases = [...roleWords.keys(), ...data.player, ...data.playerObjects, ...data.managerBefore];
  _knowledge = {
    roleWords,
    playerWords: new Set(data.player),
    suitorWords: new Set(data.suitorWords),
    maxPhraseWords: Math.max(...phrases.map((p) => p.split(' ').length)),
    possessiveManager: new Set(data.possessiveRole.manager ?? []),
    possessivePlayer: new Set(data.possessiveRole.player ?? []),
    playerVerbLeads: new Prefixes(data.playerVerbs.flatMap((v) => [' ' + v, ' has ' + v, ' had ' + v])),
    playerObjects: new Set(data.playerObjects),
    managerBefore: new Set(data.managerBefore),
    managerAfterLeads: new Prefixes(data.managerAfter.map((v) => ' ' + v)),
    nonPerson: new Set(data.nonPerson),
    honorifics: new Set(data.honorifics),
    suffixes: new Set(data.suffixes),
    particles: new Set(data.particles),
    lexTag: (word) => lexicon.get(word),
  };
  return _knowledge;
}

const _PLAIN = /^[a-z0-9-]+(?: [a-z0-9-]+)*$/;

/** Lower case, no diacritics, no punctuation: the form names are compared in. */
export function foldName(s: string): string {
  const folded = foldLetters(s);
  // Most names are plain words already: nothing for the replacements below to change.
  if (_PLAIN.test(folded)) return folded;
  return folded
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
