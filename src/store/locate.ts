// Where the store lives: --db PATH, else RUMOURS_DB, else the user's data directory.
import path from 'node:path';

/**
 * The store's path (throwing when RUMOURS_DB is set but empty), or null when the environment names no home at all (a bare `env -i` run): then
 * nothing is stored rather than guessing a directory the caller did not give.
 */
export function storePath(flag: string | undefined, env: NodeJS.ProcessEnv): string | null {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env.RUMOURS_DB;
  // Set but empty is a mistake (an unset shell variable), never a silent fall back to the default.
  if (fromEnv !== undefined && fromEnv.trim() === '') throw new Error('RUMOURS_DB is set but empty: give it the store\'s path, or unset it');
  if (fromEnv !== undefined) return fromEnv;
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, 'rumours', 'rumours.db');
  const home = env.HOME ?? env.USERPROFILE;
  return home !== undefined && home !== '' ? path.join(home, '.local', 'share', 'rumours', 'rumours.db') : null;
}
