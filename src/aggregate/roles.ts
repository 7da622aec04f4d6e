// Who people are across the articles of a run: an article that calls Kevin Keegan "manager" says
// what he is in the article that only says "speak to Kevin Keegan". The roles found here go back
// into extraction (ExtractOptions.roles) for the articles that name such a man with no word of
// what he is, so that one person keeps one role across a run.
import { foldName } from '../knowledge/people.js';
import type { Article, Role } from '../schema.js';

/** Folded full name → the role the run's articles give him most often (two words or more only). */
export function runRoles(articles: Iterable<Pick<Article, 'people'>>): Map<string, Role> {
  const votes = new Map<string, Map<Role, number>>();
  for (const a of articles) {
    for (const p of a.people) {
      const key = foldName(p.name);
      if (!key.includes(' ')) continue; // a surname alone may be anyone's
      const byRole = votes.get(key) ?? new Map<Role, number>();
      votes.set(key, byRole);
      byRole.set(p.role, (byRole.get(p.role) ?? 0) + 1);
    }
  }
  const out = new Map<string, Role>();
  for (const [key, byRole] of votes) {
    // Ties go to the role named first in the run: a stable answer for a stable input order.
    let best: [Role, number] | null = null;
    for (const entry of byRole) if (!best || entry[1] > best[1]) best = entry;
    if (best) out.set(key, best[0]);
  }
  return out;
}

/** Does the article name, as a player, someone the run knows in another role? Then it is worth reading again. */
export function playersWithRoles(article: Pick<Article, 'players'>, roles: ReadonlyMap<string, Role>): boolean {
  return article.players.some((p) => roles.has(foldName(p.name)));
}
