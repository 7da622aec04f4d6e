// What the commands say about the names a user gives: one matcher (aggregate/identity.ts for players,
// knowledge/clubs.ts for clubs, both forgiving through knowledge/similar.ts), one way of saying which
// name was taken, which several fit, or which come closest.
import type { FoundPlayer } from '../aggregate/identity.js';
import type { ClubEntry } from '../knowledge/clubs.js';
import { clean } from '../format/_text.js';
import { setExit, type Io } from './_io.js';

/** "A, B, C" of names for a message. */
function _list(names: string[]): string {
  return names.map(clean).join(', ');
}

/** The note when a name was taken by forgiving a typo or two. */
export function noteTaken(what: 'player' | 'club', query: string, taken: string, io: Io): void {
  io.stderr.write(`rumours: no ${what} is named "${clean(query)}"; taking the one close name, ${clean(taken)}\n`);
}

/** A note on stderr when the player was found by forgiving typos, or when several fit. */
export function notePlayer(query: string, found: FoundPlayer, io: Io): void {
  if (found.kind === 'one' && found.typos > 0) noteTaken('player', query, found.player.name, io);
  else if (found.kind === 'ambiguous') io.stderr.write(`rumours: "${clean(query)}" fits several players: ${_list(found.candidates)}; all are shown\n`);
}

/** The message for a player name that finds no one (exit 1) or several (exit 1). */
export function playerNotFound(query: string, found: Exclude<FoundPlayer, { kind: 'one' }>, io: Io, read = 'the articles read'): void {
  if (found.kind === 'ambiguous') {
    io.stderr.write(`rumours: "${clean(query)}" fits several players: ${_list(found.candidates)}; give more of the name\n`);
  } else {
    const closest = found.closest.length > 0 ? `; closest: ${_list(found.closest)}` : `; no name in ${read} is close`;
    io.stderr.write(`rumours: no player matches "${clean(query)}"${closest}\n`);
  }
  setExit(io, 1);
}

/**
 * The club a command's name stands for, or null (said on stderr, exit 1) when none or several do.
 * A close name is taken with a note; several that fit are listed.
 */
export async function resolveClub(name: string, io: Io): Promise<ClubEntry | null> {
  const { findClub } = await import('../knowledge/clubs.js');
  const r = findClub(name);
  if (r.kind === 'one') {
    if (r.typos > 0) noteTaken('club', name, r.item.name, io);
    return r.item;
  }
  if (r.kind === 'several') {
    const shown = r.items.slice(0, 8).map((c) => c.name);
    const more = r.items.length > shown.length ? `, and ${r.items.length - shown.length} more` : '';
    io.stderr.write(`rumours: "${clean(name)}" fits several clubs: ${_list(shown)}${more}; give more of the name\n`);
  } else {
    const closest = r.suggestions.length > 0 ? `; closest: ${_list(r.suggestions.map((c) => c.name))}` : '';
    io.stderr.write(`rumours: no club is known as "${clean(name)}"${closest}\n`);
  }
  setExit(io, 1);
  return null;
}

/** --club on a listing: the club's canonical name, or null when it names none or several (said, exit 1). */
export async function resolveClubOption(name: string, io: Io): Promise<string | null> {
  return (await resolveClub(name, io))?.name ?? null;
}
