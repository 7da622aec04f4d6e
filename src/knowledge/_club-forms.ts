// Build time only: the club forms derived from clubs.json and club-curated.json, as the trie the
// recogniser walks and as the compact table that is committed (data/club-forms.json, written by
// `npm run build:club-forms`; a test keeps the two in step). At run time clubs.ts reads the table.
import { clubEntries, FORM_FLAGS, foldWord, phraseTokens, rawTokens, type ClubEntry, type ClubForm, type ClubFormsFile, type Curated, type FormKind, type FormNode, type RawClub } from './clubs.js';

/** The trie of every form: names, short forms, stadiums, nicknames, then the curated rules over them. */
export function buildFormTrie(clubs: ClubEntry[], cur: Curated): FormNode {
  const byName = new Map<string, ClubEntry>();
  for (const c of clubs) if (!byName.has(c.name)) byName.set(c.name, c);

  const rank = new Map(cur.countryRank.map((c, i) => [c, i]));
  const rankOf = (c: ClubEntry) => rank.get(c.country) ?? cur.countryRank.length;
  const weak = new Set(cur.weakForms.map((f) => phraseTokens(f).join(' ')));
  const weakStart = new Set(cur.weakAtStart.map((f) => phraseTokens(f).join(' ')));
  const days = new Set(cur.calendarForms.map((f) => phraseTokens(f).join(' ')));
  // Towns: a one-word form that is also a town reads as a place after "in" ("a flat in Liverpool").
  const towns = new Set(cur.placeNames.map((p) => phraseTokens(p).join(' ')));
  for (const c of clubs) if (c.city) towns.add(phraseTokens(c.city).join(' '));

  // Every form with the clubs it may name; the best-ranked country wins a form that clubs of
  // several countries share, and clubs of one country that share a form make it contextual.
  interface _Entry {
    shapes: string[][];
    clubs: Map<ClubEntry, 'club' | 'stadium' | 'nickname'>;
  }
  const entries = new Map<string, _Entry>();
  const add = (form: string, club: ClubEntry, kind: 'club' | 'stadium' | 'nickname') => {
    const shape = rawTokens(form);
    if (shape.length === 0) return;
    const key = shape.map(foldWord).join(' ');
    let e = entries.get(key);
    if (!e) {
      e = { shapes: [], clubs: new Map() };
      entries.set(key, e);
    }
    const written = shape.join(' ');
    if (!e.shapes.some((s) => s.join(' ') === written)) e.shapes.push(shape);
    if (!e.clubs.has(club)) e.clubs.set(club, kind);
  };
  for (const c of clubs) {
    add(c.name, c, 'club');
    for (const a of c.aliases) add(a, c, 'club');
    for (const s of c.stadiums) add(s, c, 'stadium');
    for (const n of c.nicknames) add(n, c, 'nickname');
  }

  const root: FormNode = { next: new Map(), form: null };
  const put = (toks: string[], form: ClubForm) => {
    let node = root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) {
        n = { next: new Map(), form: null };
        node.next.set(t, n);
      }
      node = n;
    }
    node.form = form;
  };
  const base = (kind: FormKind, key: string, shapes: string[][]): ClubForm => ({
    kind,
    club: null,
    candidates: [],
    fallback: null,
    prefer: false,
    generic: null,
    nickname: false,
    weak: weak.has(key),
    weakAtStart: weakStart.has(key),
    isCity: towns.has(key),
    isDay: days.has(key),
    shapes,
  });

  const core = new Set(cur.coreCountries);
  for (const [key, e] of entries) {
    const list = [...e.clubs.keys()];
    const best = Math.min(...list.map(rankOf));
    const top = list.filter((c) => rankOf(c) === best);
    const form = base('club', key, e.shapes);
    if (top.length === 1) {
      const club = top[0] as ClubEntry;
      form.kind = e.clubs.get(club) ?? 'club';
      form.club = club;
      form.nickname = form.kind === 'nickname';
      // Outside the main football countries, a one-word town ("Tokyo") or a short acronym ("ABC",
      // "KFC") is more often something else than the club.
      if (!core.has(club.country) && !key.includes(' ')) {
        const acronym = e.shapes.every((s) => (s[0] ?? '').length <= 4 && s[0] === (s[0] ?? '').toUpperCase());
        if (form.isCity || acronym) form.weak = true;
      }
    } else {
      form.kind = 'contextual';
      form.candidates = top;
      form.nickname = top.some((c) => e.clubs.get(c) === 'nickname');
    }
    put(key.split(' '), form);
  }

  // Curated context rules take over any form they name.
  for (const rule of cur.contextual) {
    const candidates = rule.candidates.map((n) => byName.get(n)).filter((c): c is ClubEntry => c !== undefined);
    const fallback = rule.default ? (byName.get(rule.default) ?? null) : null;
    for (const f of rule.forms) {
      const toks = phraseTokens(f);
      const key = toks.join(' ');
      const form = base('contextual', key, [rawTokens(f)]);
      form.candidates = candidates;
      form.fallback = fallback;
      form.prefer = rule.prefer === true;
      form.nickname = rule.nickname === true;
      put(toks, form);
    }
  }
  for (const w of cur.genericWords) {
    const toks = phraseTokens(w);
    const form = base('generic', toks.join(' '), [rawTokens(w)]);
    form.generic = toks.join(' ');
    put(toks, form);
  }
  for (const n of cur.notClubs) {
    const toks = phraseTokens(n);
    if (toks.length === 0) continue;
    put(toks, base('blocker', toks.join(' '), [rawTokens(n)]));
  }

  return root;
}

/** The trie as its committed table: forms in the order a walk meets them, so that reading them back
 * makes the same trie, branch order included. */
export function clubFormsFile(raw: RawClub[], cur: Curated): ClubFormsFile {
  const clubs = clubEntries(raw);
  const index = new Map(clubs.map((c, i) => [c, i]));
  const ix = (c: ClubEntry | null) => (c ? (index.get(c) ?? -1) : -1);
  const forms: ClubFormsFile['forms'] = [];
  const walk = (node: FormNode, path: string[]) => {
    if (node.form && path.length > 0) forms.push(_row(path.join(' '), node.form, ix));
    for (const [t, n] of node.next) walk(n, [...path, t]);
  };
  walk(buildFormTrie(clubs, cur), []);
  return {
    _comment: 'Derived from clubs.json and club-curated.json by scripts/build-club-forms.mjs (npm run build:club-forms). Do not edit by hand.',
    forms,
  };
}

function _row(key: string, f: ClubForm, ix: (c: ClubEntry | null) => number): ClubFormsFile['forms'][number] {
  const flags =
    (f.prefer ? FORM_FLAGS.prefer : 0) |
    (f.nickname ? FORM_FLAGS.nickname : 0) |
    (f.weak ? FORM_FLAGS.weak : 0) |
    (f.weakAtStart ? FORM_FLAGS.weakAtStart : 0) |
    (f.isCity ? FORM_FLAGS.isCity : 0) |
    (f.isDay ? FORM_FLAGS.isDay : 0);
  const kind: FormKind = f.kind;
  return [key, kind, ix(f.club), f.candidates.map(ix), ix(f.fallback), flags, f.shapes.map((s) => s.join(' '))];
}
