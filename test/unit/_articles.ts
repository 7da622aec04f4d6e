// Small articles built by hand for the aggregation tests: only what a test names is filled in.
import type { Article, Evidence, Rumour } from '../../src/schema.js';

export function ev(file: string, start: number, sentence = 's'): Evidence {
  return { file, start, end: start + 3, line: 1, sentence };
}

export function article(file: string, date: string | null, players: Array<[string, ...string[]]>, extra: Partial<Article> = {}): Article {
  return {
    file,
    date,
    hash: '0'.repeat(64),
    title: null,
    warnings: [],
    players: players.map(([name, ...aliases], i) => ({ name, aliases, mentions: 1, club: null, evidence: ev(file, i * 10) })),
    people: [],
    clubs: [],
    fees: [],
    quotes: [],
    sources: [],
    rumours: [],
    ...extra,
  };
}

export function rumour(file: string, start: number, player: string, to: string, from: string | null = 'Liverpool'): Rumour {
  return { player, from, to, status: 'interest', window: null, fee: null, source: null, evidence: ev(file, start) };
}

/** The article with every player of it at `club`. */
export function atClub(a: Article, club: string): Article {
  return { ...a, players: a.players.map((p) => ({ ...p, club })) };
}
