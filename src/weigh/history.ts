// The record the likelihood is weighed from: every rumour reported, as one dated report of a move
// (player → club), with what its article adds (a fee, a medical, the player's or an official's own
// words, the outlet it is attributed to). Everything here reads a history "as of" a day: only the
// reports dated on or before it, never the future.
import { loadData } from '../knowledge/_load.js';
import { foldLetters } from '../knowledge/fold.js';
import { outletGroup } from '../knowledge/outlets.js';
import { rateTable } from '../knowledge/rates.js';
import type { Currency, Rumour, Status } from '../schema.js';

/** What weighing needs of one article: its date, its rumours, who speaks in it and who plays in it. */
export interface ArticleFacts {
  file: string;
  date: string | null;
  rumours: ReadonlyArray<Pick<Rumour, 'player' | 'from' | 'to' | 'status' | 'fee' | 'source'> & { evidence: { sentence: string } }>;
  /** The speakers of its quotes (null: not known). */
  speakers: ReadonlyArray<string | null>;
  /** The players it names. */
  players: readonly string[];
}

export interface Report {
  /** The move: player (by surname) → club. */
  move: string;
  player: string;
  playerKey: string;
  to: string;
  from: string | null;
  status: Status;
  date: string | null;
  /** Days since 1970 of `date`; null when undated (such a report sees its own article only). */
  day: number | null;
  file: string;
  /** The outlet (by its group: "BBC Sport" counts as the BBC) or journalist it is attributed to. */
  source: string | null;
  /** Its index among its article's rumours. */
  index: number;
  fee: boolean;
  feeAgreed: boolean;
  medical: boolean;
  ownWords: boolean;
  officialWords: boolean;
  /** The kinds of words its sentence holds (knowledge/data/likelihood-cues.json): "close", "stay"... */
  cues: string[];
  /** Its fee in millions of euros (at the year's rate), when it gives one. */
  feeMillions: number | null;
  /** The words of each article-wide kind (likelihood-cues.json's "article") its article's rumours are told in, as often as they occur. */
  words: Readonly<Record<string, readonly string[]>>;
}

const _DAY = 86_400_000;

export function dayOf(date: string | null): number | null {
  if (date === null) return null;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / _DAY);
}

/** A player across articles: by the last word of his name, folded ("Lukaku", "Romelu Lukaku"). */
export function playerKey(name: string): string {
  const words = foldLetters(name).split(/[^a-z0-9]+/).filter((w) => w !== '');
  return words[words.length - 1] ?? '';
}

const _MEDICAL = /\bmedical\b/i;
const _FEE_AGREED = /\b(?:agreed?|agreement)\b[^.]{0,40}\b(?:fee|price|deal|terms)\b|\b(?:fee|price|terms)\b[^.]{0,30}\bagreed\b/i;

type _CueData = Record<string, string[] | string | Record<string, string[]>>;
let _cues: { sentence: Array<[string, RegExp]>; article: Array<[string, RegExp]> } | null = null;

const _wordsRe = (words: readonly string[], flags: string) => new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, flags);

function _cueTable(): NonNullable<typeof _cues> {
  if (_cues) return _cues;
  const data = loadData<_CueData>('likelihood-cues.json');
  const article = data.article !== undefined && !Array.isArray(data.article) && typeof data.article === 'object' ? data.article : {};
  _cues = {
    sentence: Object.entries(data).flatMap(([kind, words]) => (Array.isArray(words) ? [[kind, _wordsRe(words, 'i')] as [string, RegExp]] : [])),
    article: Object.entries(article).map(([kind, words]) => [kind, _wordsRe(words, 'gi')] as [string, RegExp]),
  };
  return _cues;
}

/** The kinds of cue words a sentence holds. */
export function cuesOf(sentence: string): string[] {
  return _cueTable()
    .sentence.filter(([, re]) => re.test(sentence))
    .map(([kind]) => kind);
}

/** The words of each article-wide kind in a text ("deal": agreed, medical...; "hearsay": reportedly, could...), lower-cased, as often as they occur. */
export function wordsOf(text: string): Record<string, string[]> {
  return Object.fromEntries(_cueTable().article.map(([kind, re]) => [kind, [...text.matchAll(re)].map((m) => m[0].toLowerCase())]));
}

/** A fee in millions of euros, at the rate of the article's year. */
function _millions(fee: { amount: number | null; currency: Currency | null } | null, date: string | null): number | null {
  if (fee === null || fee.amount === null || fee.amount <= 0) return null;
  const rates = rateTable();
  const rate = fee.currency === null ? 1 : rates.rate(fee.currency, 'EUR', rates.nearestYear(date === null ? null : Number(date.slice(0, 4))));
  return (fee.amount * rate) / 1e6;
}

/** The reports of one article's rumours. */
export function reportsOf(a: ArticleFacts): Report[] {
  const day = dayOf(a.date);
  const speakers = a.speakers.filter((s): s is string => s !== null);
  const playerKeys = new Set(a.players.map(playerKey));
  // The article's words, read once over its rumours' sentences (what a store keeps of its text).
  const words = wordsOf([...new Set(a.rumours.map((r) => r.evidence.sentence))].join('\n'));
  return a.rumours.map((r, index) => {
    const key = playerKey(r.player);
    const sentence = r.evidence.sentence;
    return {
      move: `${key}\u0000${r.to}`,
      player: r.player,
      playerKey: key,
      to: r.to,
      from: r.from,
      status: r.status,
      date: day === null ? null : a.date,
      day,
      file: a.file,
      source: r.source === null ? null : outletGroup(r.source),
      index,
      fee: r.fee !== null,
      feeAgreed: (r.fee !== null && (r.status === 'agreed' || r.status === 'completed')) || _FEE_AGREED.test(sentence),
      medical: _MEDICAL.test(sentence),
      ownWords: speakers.some((s) => playerKey(s) === key),
      // Someone who is not a player of the article: a manager, a director, an agent.
      officialWords: speakers.some((s) => !playerKeys.has(playerKey(s)) && playerKey(s) !== key),
      cues: cuesOf(sentence),
      feeMillions: _millions(r.fee, a.date),
      words,
    };
  });
}

/** Every report, by player, oldest first: what "as of" a day is read from. */
export class History {
  private readonly byPlayer = new Map<string, Report[]>();
  private sorted = true;

  add(reports: readonly Report[]): void {
    for (const r of reports) {
      const list = this.byPlayer.get(r.playerKey) ?? [];
      list.push(r);
      this.byPlayer.set(r.playerKey, list);
    }
    this.sorted = false;
  }

  addArticle(a: ArticleFacts): Report[] {
    const reports = reportsOf(a);
    this.add(reports);
    return reports;
  }

  /** One player's reports (by playerKey), kept up to date as the history grows. */
  reportsOf(key: string): readonly Report[] {
    let list = this.byPlayer.get(key);
    if (!list) this.byPlayer.set(key, (list = []));
    return list;
  }

  /** Every player's reports, oldest first (undated last). */
  players(): Iterable<Report[]> {
    this._sort();
    return this.byPlayer.values();
  }

  /** The player's reports a reader of `r` could have known: dated on or before its day, and its own article's. */
  visible(r: Report, asOf: number | null = r.day): Report[] {
    this._sort();
    const all = this.byPlayer.get(r.playerKey) ?? [];
    return all.filter((x) => x.file === r.file || (asOf !== null && x.day !== null && x.day <= asOf));
  }

  private _sort(): void {
    if (this.sorted) return;
    for (const list of this.byPlayer.values()) list.sort(byDay);
    this.sorted = true;
  }
}

/** Oldest first, undated last; then by file and place in the article. */
export function byDay(a: Report, b: Report): number {
  if (a.day !== b.day) return a.day === null ? 1 : b.day === null ? -1 : a.day - b.day;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index;
}
