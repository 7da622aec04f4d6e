// Who called it: a league table of the outlets and journalists rumours are attributed to. Each move a
// source reported is settled by what the record shows later: borne out (it said the move would happen
// and he completed it; or it denied the move and the move did not happen) or proved wrong (the
// reverse), else still open. The hit rate comes with a Wilson interval, so "1 of 1" does not top the
// table, and the table is ordered by the interval's low end.
import { isOutlet } from '../knowledge/outlets.js';
import { dayOf, type History, type Report } from './history.js';
import { outcomeOf, wilson } from './records.js';

export interface SourceFilter {
  /** Only moves to or from this club (canonical name). */
  club?: string;
  /** Only moves the source first reported on or after / on or before (YYYY-MM-DD); `until` is also the day the record is read as of. */
  since?: string;
  until?: string;
  /** Only sources with at least this many moves reported. */
  min?: number;
}

export interface SourceRow {
  source: string;
  kind: 'outlet' | 'journalist';
  reported: number;
  confirmed: number;
  contradicted: number;
  open: number;
  hitRate: number | null;
  low: number | null;
  high: number | null;
  medianDaysAhead: number | null;
  first: number;
}

const _NEGATIVE = new Set(['denied', 'rejected']);

export function sourceTable(history: History, filter: SourceFilter = {}): SourceRow[] {
  const since = filter.since === undefined ? -Infinity : (dayOf(filter.since) ?? -Infinity);
  const asOf = filter.until === undefined ? Infinity : (dayOf(filter.until) ?? Infinity);
  const rows = new Map<string, SourceRow & { ahead: number[] }>();
  for (const player of history.players()) {
    const moves = new Map<string, Report[]>();
    for (const r of player) if (r.day !== null && r.day <= asOf) moves.set(r.move, [...(moves.get(r.move) ?? []), r]);
    for (const [move, reports] of moves) {
      if (filter.club !== undefined && !reports.some((r) => r.to === filter.club || r.from === filter.club)) continue;
      const firstDay = Math.min(...reports.map((r) => r.day as number));
      const outcome = outcomeOf(player, move, asOf);
      const bySource = new Map<string, Report[]>();
      for (const r of reports) if (r.source !== null) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
      for (const [source, mine] of bySource) {
        const first = mine[0] as Report;
        // A done deal reported as done (or once done) is news, not a rumour: nothing to call.
        if (first.status === 'completed' || (first.day as number) < since) continue;
        if (outcome.kind === 'confirmed' && outcome.day < (first.day as number)) continue;
        const row = rows.get(source) ?? { source, kind: isOutlet(source) ? 'outlet' : 'journalist', reported: 0, confirmed: 0, contradicted: 0, open: 0, hitRate: null, low: null, high: null, medianDaysAhead: null, first: 0, ahead: [] };
        rows.set(source, row);
        row.reported++;
        if (first.day === firstDay) row.first++;
        // What the source said last: that the move would happen, or that it would not.
        const denied = _NEGATIVE.has((mine[mine.length - 1] as Report).status);
        if (outcome.kind === 'open') row.open++;
        else if ((outcome.kind === 'confirmed') !== denied) {
          row.confirmed++;
          if (outcome.kind === 'confirmed') row.ahead.push(outcome.day - (first.day as number));
        } else row.contradicted++;
      }
    }
  }
  const out: SourceRow[] = [];
  for (const { ahead, ...row } of rows.values()) {
    if (row.reported < (filter.min ?? 1)) continue;
    const settled = row.confirmed + row.contradicted;
    if (settled > 0) {
      row.hitRate = _round(row.confirmed / settled);
      [row.low, row.high] = wilson(row.confirmed, settled).map(_round) as [number, number];
    }
    row.medianDaysAhead = _median(ahead);
    out.push(row);
  }
  return out.sort((a, b) => (b.low ?? -1) - (a.low ?? -1) || b.reported - a.reported || (a.source < b.source ? -1 : 1));
}

function _round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function _median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
