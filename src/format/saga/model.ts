// What a saga chart shows, apart from how it is drawn: lanes (clubs for a player, players for a
// club), reports placed on them by date, fees and likelihoods over time. Built from the contract's
// story (a player) or the store's rumour rows (a club); ./svg.ts draws it, ./html.ts puts it in a page.
import { rowIdentities } from '../../aggregate/identity.js';
import type { Converted, Currency, PlayerStory, Status } from '../../schema.js';
import type { RumourRow } from '../../store/shapes.js';
import { clean } from '../_text.js';

export interface Lane {
  /** What reports name the lane by (`Report.lane`). */
  key: string;
  /** The club (a player's chart) or the player (a club's chart), as named in the output. */
  name: string;
  /** Heading of the lane's group: "Coming in" / "Going out" on a club's chart; null on a player's. */
  group: string | null;
  /** Days when a report names this lane's club as the one he would leave (a player's chart). */
  leaving: string[];
}

export interface Report {
  /** The key of its lane. */
  lane: string;
  date: string | null;
  stage: Status;
  /** The move as people read it: "Liverpool → Real Madrid". */
  move: string;
  source: string | null;
  fee: string | null;
  file: string;
  line: number | null;
  /**
   * How likely the move is, 0 to 1, where the tool gives one. The contract has no such field yet;
   * a `likelihood` number on a rumour is drawn as soon as the extractor writes one.
   */
  likelihood: number | null;
}

export interface FeePoint {
  date: string;
  /** In the chart's currency (estimated when `via` is 'rate'). */
  converted: Converted;
  /** As the article wrote it. */
  text: string;
  kind: string;
  file: string;
  line: number | null;
}

export interface Chart {
  /** Who or what the chart is about. */
  subject: string;
  /** "clubs" or "players": what a lane is. */
  laneKind: string;
  lanes: Lane[];
  reports: Report[];
  fees: FeePoint[];
  /** The currency of `fees`; null when there are none to draw. */
  currency: Currency | null;
  /** Lanes folded into the last one ("Other clubs") so that the chart stays readable. */
  folded: number;
}

/** Beyond this many lanes the least reported are folded into one. */
export const MAX_LANES = 24;

/** A player's saga: one lane per club he was linked with, and one per club he would leave. */
export function playerChart(s: PlayerStory): Chart {
  const reports: Report[] = s.rumours.map((r) => ({
    lane: clean(r.to),
    date: r.date,
    stage: r.status,
    move: r.from === null ? `→ ${clean(r.to)}` : `${clean(r.from)} → ${clean(r.to)}`,
    source: r.source === null ? null : clean(r.source) || null,
    fee: r.fee ? clean(r.fee.text) || null : null,
    file: r.file,
    line: r.evidence.line,
    likelihood: _likelihood(r),
  }));
  const leaving = new Map<string, Set<string>>();
  for (const r of s.rumours) {
    if (r.from === null) continue;
    const days = leaving.get(clean(r.from)) ?? new Set<string>();
    if (r.date !== null) days.add(r.date);
    leaving.set(clean(r.from), days);
  }
  // The club he would leave first, then the clubs in the order the saga reached them.
  const order = [...leaving.keys(), ...reports.map((r) => r.lane)];
  const lanes = _fold(
    [...new Set(order)].map((name) => ({ key: name, name, group: null, leaving: [...(leaving.get(name) ?? [])].sort() })),
    reports,
    'Other clubs',
    MAX_LANES,
  );
  const fees: FeePoint[] = [];
  for (const f of s.fees) {
    // Wages are per week or year: on one axis with transfer fees they would read as tiny fees.
    if (f.date === null || f.period !== null || f.converted === null) continue;
    fees.push({
      date: f.date,
      converted: f.converted,
      text: clean(f.text),
      kind: f.kind,
      file: f.file,
      line: f.evidence.line,
    });
  }
  return { subject: clean(s.player.name), laneKind: 'clubs', lanes: lanes.lanes, reports: lanes.reports, fees, currency: fees.length > 0 ? s.currency : null, folded: lanes.folded };
}

/** A club's window: one lane per player linked with coming in, then per player linked with going out. */
export function clubChart(club: string, rows: RumourRow[]): Chart {
  const { of } = rowIdentities(rows);
  const reports: Report[] = rows.map((r, i) => {
    const incoming = r.to === club;
    const player = clean(of[i]?.name ?? r.player);
    const other = incoming ? r.from : r.to;
    return {
      lane: `${incoming ? 'in' : 'out'}\u0000${player}`,
      date: r.date,
      stage: r.status,
      move: `${player}: ${incoming ? `${other === null ? '?' : clean(other)} → ${clean(club)}` : `${clean(club)} → ${other === null ? '?' : clean(other)}`}`,
      source: r.source === null ? null : clean(r.source) || null,
      fee: r.fee === null ? null : clean(r.fee.text) || null,
      file: r.file,
      line: r.evidence.line,
      likelihood: _likelihood(r),
    };
  });
  let lanes: Lane[] = [];
  let all = reports;
  let folded = 0;
  for (const [dir, group] of [['in', 'Coming in'], ['out', 'Going out']] as const) {
    // Most reported first: the players the window is about.
    const counts = new Map<string, number>();
    for (const r of all) if (r.lane.startsWith(`${dir}\u0000`)) counts.set(r.lane, (counts.get(r.lane) ?? 0) + 1);
    const keys = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1));
    const f = _fold(keys.map((key) => ({ key, name: key.slice(key.indexOf('\u0000') + 1), group, leaving: [] })), all, `${dir}\u0000Other players`, MAX_LANES / 2);
    lanes = [...lanes, ...f.lanes];
    all = f.reports;
    folded += f.folded;
  }
  return { subject: clean(club), laneKind: 'players', lanes, reports: all, fees: [], currency: null, folded };
}

/**
 * Keep the `max - 1` most reported of `lanes` (in their order) and fold the rest into one lane keyed
 * `other`; reports on other lanes are left as they are.
 */
function _fold(lanes: Lane[], reports: Report[], other: string, max: number): { lanes: Lane[]; reports: Report[]; folded: number } {
  if (lanes.length <= max) return { lanes, reports, folded: 0 };
  const counts = new Map<string, number>();
  for (const r of reports) counts.set(r.lane, (counts.get(r.lane) ?? 0) + 1);
  const weight = (l: Lane) => (counts.get(l.key) ?? 0) + l.leaving.length;
  const kept = new Set(
    lanes
      .map((l, i) => ({ l, i }))
      .sort((a, b) => weight(b.l) - weight(a.l) || a.i - b.i)
      .slice(0, max - 1)
      .map((x) => x.l.key),
  );
  const rest = new Set(lanes.filter((l) => !kept.has(l.key)).map((l) => l.key));
  const leaving = [...new Set(lanes.filter((l) => rest.has(l.key)).flatMap((l) => l.leaving))].sort();
  return {
    lanes: [...lanes.filter((l) => kept.has(l.key)), { key: other, name: other.slice(other.indexOf('\u0000') + 1), group: lanes[0]?.group ?? null, leaving }],
    reports: reports.map((r) => (rest.has(r.lane) ? { ...r, lane: other } : r)),
    folded: rest.size,
  };
}

function _likelihood(r: object): number | null {
  const v = (r as { likelihood?: unknown }).likelihood;
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : null;
}
