// Outlets' track records: how the moves each reported ended, as far as the record shows by a day.
// A move is confirmed by a later completed report of the same player to the same club; contradicted
// when he completed a move elsewhere, or when the latest report of the move is a denial or a
// rejection (a denial that stood); else it is still open.
import type { History, Report } from './history.js';

export type Outcome = { kind: 'confirmed'; day: number } | { kind: 'contradicted'; day: number | null } | { kind: 'open' };

/** How the move ended as of `asOf` (a day; Infinity: everything known), from the player's reports in any order. */
export function outcomeOf(player: readonly Report[], move: string, asOf: number): Outcome {
  let since = Infinity;
  let done = Infinity;
  let latest: Report | null = null;
  for (const r of player) {
    if (r.day === null || r.day > asOf || r.move !== move) continue;
    since = Math.min(since, r.day);
    if (r.status === 'completed') done = Math.min(done, r.day);
    if (!latest || r.day >= (latest.day as number)) latest = r;
  }
  if (since === Infinity) return { kind: 'open' };
  if (done !== Infinity) return { kind: 'confirmed', day: done };
  let elsewhere = Infinity;
  for (const r of player) if (r.day !== null && r.day <= asOf && r.day >= since && r.move !== move && r.status === 'completed') elsewhere = Math.min(elsewhere, r.day);
  if (elsewhere !== Infinity) return { kind: 'contradicted', day: elsewhere };
  if (latest && (latest.status === 'denied' || latest.status === 'rejected')) return { kind: 'contradicted', day: latest.day };
  return { kind: 'open' };
}

export interface Record {
  confirmed: number;
  contradicted: number;
}

/** Track records as of a day, from one history (what each source reported before that day). */
export class Records {
  /** Source → the moves it reported: the player's reports (and his key), the move and the day it first did. */
  private readonly bySource = new Map<string, _Reported[]>();
  /** The same, by source and player: what `except` takes back out. */
  private readonly bySourcePlayer = new Map<string, _Reported[]>();

  constructor(private readonly history: History) {
    for (const player of history.players()) this.add(player);
  }

  /** Counts reports newly added to the history. */
  add(reports: readonly Report[]): void {
    this.memo.clear();
    for (const r of reports) {
      if (r.source === null || r.day === null) continue;
      const list = this.bySource.get(r.source) ?? [];
      const seen = list.find((m) => m.move === r.move);
      if (seen) {
        seen.day = Math.min(seen.day, r.day);
        continue;
      }
      const m = { player: this.history.reportsOf(r.playerKey), key: r.playerKey, move: r.move, day: r.day };
      list.push(m);
      this.bySource.set(r.source, list);
      const pair = `${r.source}\u0000${r.playerKey}`;
      this.bySourcePlayer.set(pair, [...(this.bySourcePlayer.get(pair) ?? []), m]);
    }
  }

  /** Records already counted, by source and day (many reports share both); cleared when reports are added. */
  private readonly memo = new Map<string, Record>();

  /**
   * The source's moves reported before `day` and settled by it; with `except`, not counting that
   * player's (a record weighed for his move is the source's record on other stories).
   */
  recordOf(source: string, day: number, except?: string): Record {
    const key = `${source}\u0000${day}`;
    let all = this.memo.get(key);
    if (!all) this.memo.set(key, (all = _count(this.bySource.get(source) ?? [], day)));
    if (except === undefined) return all;
    const his = _count(this.bySourcePlayer.get(`${source}\u0000${except}`) ?? [], day);
    return { confirmed: all.confirmed - his.confirmed, contradicted: all.contradicted - his.contradicted };
  }
}

type _Reported = { player: readonly Report[]; key: string; move: string; day: number };

/** How many of the moves reported before `day` were confirmed, and contradicted, by it. */
function _count(moves: readonly _Reported[], day: number): Record {
  const rec = { confirmed: 0, contradicted: 0 };
  for (const m of moves) {
    if (m.day >= day) continue;
    const o = outcomeOf(m.player, m.move, day);
    if (o.kind === 'confirmed' && o.day > m.day) rec.confirmed++;
    else if (o.kind === 'contradicted') rec.contradicted++;
  }
  return rec;
}

/** The Wilson score interval (95%) of k successes in n: "1 of 1" is [0.21, 1], not a sure thing. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
