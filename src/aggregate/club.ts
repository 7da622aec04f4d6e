// One club across the store: who it is linked with, coming in and going out, one line per player
// whatever form of his name each article used.
import type { ClubLink, RumourRow } from '../store/shapes.js';
import { rowIdentities } from './identity.js';

/**
 * One line per player and direction, merging the forms of his name across articles (rows come
 * oldest first, so the last one seen is the latest report).
 */
export function clubLinks(club: string, rows: RumourRow[]): ClubLink[] {
  const { of } = rowIdentities(rows);
  const links = new Map<string, ClubLink>();
  for (const [i, r] of rows.entries()) {
    const direction = r.to === club ? 'in' : 'out';
    const player = of[i]?.name ?? r.player;
    const key = `${direction}\u0000${player}`;
    const seen = links.get(key);
    const fee = r.fee;
    if (!seen) {
      links.set(key, { direction, player, club: direction === 'in' ? r.from : r.to, status: r.status as ClubLink['status'], reports: 1, firstReport: r.date, latestReport: r.date, fee, likelihood: r.likelihood, reasons: r.reasons });
      continue;
    }
    seen.reports++;
    seen.status = r.status as ClubLink['status'];
    [seen.likelihood, seen.reasons] = [r.likelihood, r.reasons];
    seen.club = (direction === 'in' ? r.from : r.to) ?? seen.club;
    if (r.date !== null) {
      seen.latestReport = r.date;
      seen.firstReport ??= r.date;
    }
    if (fee !== null) seen.fee = fee;
  }
  return [...links.values()].sort((a, b) => (a.direction !== b.direction ? (a.direction === 'in' ? -1 : 1) : b.reports - a.reports || (a.player < b.player ? -1 : 1)));
}
