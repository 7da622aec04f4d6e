#!/usr/bin/env node
// Build src/knowledge/data/clubs.json from the openfootball club and stadium lists (CC0) and the
// hand-curated overrides in src/knowledge/data/club-curated.json. Plain Node, no dependencies.
// The output is committed: run `npm run build:clubs` after changing the curated file, then
// `npm run build:club-forms` (the forms the recogniser reads are derived from both files).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, '..', 'shared', 'data', 'openfootball-clubs');
const DATA = join(ROOT, 'src', 'knowledge', 'data');

// Legal-form and club-type abbreviations that English journalism leaves out of a club's name.
const PREFIX_FORMS = new Set(
  'fc afc cf sc cfc fk nk sk hnk gnk fsv sv vfb vfl tsg as ss ssc acf us ogc aj ea lb rc rcd cd ud sd ca sl se cr ec krc kaa kv rsc ksc kvc ks gks mks bk if ifk ik hjk pfc ofk'.split(' '),
);
const SUFFIX_FORMS = new Set('fc afc cf sc cfc bc bk fk sk if ff il tc osc sco fco hsc ac calcio'.split(' '));
// Affixes the recogniser reads around any club name, so forms that differ only by them are dropped.
const AFFIX_HEAD = /^(?:fc|afc) /;
const AFFIX_TAIL = / (?:fc|afc|football club|association football club)$/;
// Short forms that are never canonical even when tagged English ("Ath Madrid", "Sp Lisbon").
const ABBREV_TOKEN = /^[A-Z][a-z]{0,2}\.?$/;
const DEFUNCT = /\((?:\d{4})?\s*-\s*\d{4}\)/;

// Letters that Unicode does not decompose into a base letter and a mark.
const PLAIN = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', ł: 'l', Ł: 'L', ß: 'ss', ı: 'i', đ: 'd', Đ: 'D', œ: 'oe', Œ: 'Oe', þ: 'th' };

function fold(s) {
  return stripAccents(s)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function stripAccents(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØæÆłŁßıđĐœŒþ]/g, (c) => PLAIN[c] ?? c)
    .normalize('NFC');
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Text before a `#` comment, and the comment itself. */
function splitComment(line) {
  const i = line.indexOf('#');
  return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i).replace(/^#+\s*/, '')];
}

/** One alias cell: its text and its language tag, if any. */
function aliasCell(cell) {
  const m = /\s*\[([a-z]{2})\]\s*$/.exec(cell);
  const text = cell.replace(/\s*\[[a-z]{2}\]\s*$/, '').replace(/\s+/g, ' ').trim();
  return { text, lang: m ? m[1] : null };
}

function parseClubs(file, country) {
  const clubs = [];
  let cur = null;
  let skip = false;
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [body] = splitComment(raw);
    const t = body.trim();
    if (!t || t.startsWith('=')) continue;
    if (t.startsWith('|')) {
      if (cur && !skip) for (const cell of t.split('|')) if (cell.trim()) cur.aliases.push(aliasCell(cell));
      continue;
    }
    if (/^[ \t]/.test(body) || t.includes('//')) continue; // address lines
    if (/^[ivx]+\)/.test(t)) {
      skip = true; // reserve and youth teams
      continue;
    }
    const parts = t.split(',').map((s) => s.trim());
    const name = (parts[0] ?? '').replace(/\s+/g, ' ');
    skip = DEFUNCT.test(name) || !name;
    if (skip) continue;
    let stadium = null;
    let city = null;
    for (const p of parts.slice(1)) {
      if (p.startsWith('@')) {
        const [st, rest] = p.slice(1).trim().split(/\s{2,}/);
        stadium = st ?? null;
        if (rest && !city) city = rest;
      } else if (p && !/^\d{4}$/.test(p) && !city) city = p;
    }
    if (city) city = city.replace(/\s*›.*$/, '').replace(/\s*\(.*$/, '').trim() || null;
    cur = { head: name.replace(/\s*\(.*\)\s*$/, ''), country, city, stadiumNames: stadium ? [stadium] : [], aliases: [] };
    clubs.push(cur);
  }
  return clubs;
}

function parseStadiums(file) {
  const out = [];
  let cur = null;
  const clean = (s) =>
    s.replace(/\$/g, '').replace(/\s*\[[a-z]{2}\]\s*$/, '').replace(/\s*\(.*?\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [body, comment] = splitComment(raw);
    const t = body.trim();
    if (!t || t.startsWith('=')) continue;
    if (t.startsWith('|')) {
      if (cur) for (const cell of t.split('|')) if (cell.trim()) cur.names.push(clean(cell));
      continue;
    }
    if (/^[ \t]/.test(body) || t.includes('//')) continue;
    cur = { names: [clean(t.split(',')[0] ?? '')], hint: comment.trim() };
    out.push(cur);
  }
  return out;
}

/** The usual English name: the English-tagged form if any, without legal-form tokens or a city tail. */
function canonicalName(club) {
  const en = club.aliases.find((a) => a.lang === 'en' && !a.text.split(' ').some((w) => ABBREV_TOKEN.test(w) && w !== 'FC'));
  let words = (en ? en.text : club.head).replace(/\./g, '. ').replace(/\s+/g, ' ').trim().split(' ');
  const formOf = (w) => w.toLowerCase().replace(/\./g, '');
  while (words.length > 1 && (PREFIX_FORMS.has(formOf(words[0])) || /^\d+\.$/.test(words[0]))) words = words.slice(1);
  while (words.length > 1 && SUFFIX_FORMS.has(formOf(words[words.length - 1]))) words = words.slice(0, -1);
  let name = words.join(' ');
  // "Feyenoord Rotterdam" → "Feyenoord" when the short form is listed as the club's own alias.
  if (club.city && words.length >= 2) {
    const cityWords = fold(club.city).split(' ');
    const tail = words.slice(-cityWords.length).map(fold).join(' ');
    const rest = words.slice(0, -cityWords.length).join(' ');
    if (tail === cityWords.join(' ') && fold(rest).length > 3 && club.aliases.some((a) => fold(a.text) === fold(rest))) name = rest;
  }
  return stripAccents(name);
}

/** Aliases worth matching in prose: no table abbreviations ("Charlton Ath."), no other-language forms. */
function usableAlias(a) {
  if (a.lang && a.lang !== 'en') return false;
  const t = a.text;
  if (/[()]/.test(t) || t.length < 3 || /\.$/.test(t) || / [A-Z]$/.test(t)) return false;
  for (const w of t.split(' ')) if (w.endsWith('.') && !/^(?:St|\d+)\.$/.test(w)) return false;
  return /\p{L}/u.test(t);
}

function readSources() {
  const files = walk(SRC);
  const clubs = [];
  const stadiumsByCountry = new Map();
  const codeOfDir = new Map();
  for (const f of files) if (f.endsWith('.clubs.txt')) codeOfDir.set(dirname(f), basename(f).split('.')[0]);
  for (const f of files) {
    const code = codeOfDir.get(dirname(f));
    if (!code) continue;
    if (f.endsWith('.clubs.txt')) clubs.push(...parseClubs(f, code));
    else if (f.endsWith('.stadiums.txt')) stadiumsByCountry.set(code, parseStadiums(f));
  }
  // Stadiums join their club by the comment naming it or by the club line's `@ Stadium`.
  for (const [code, list] of stadiumsByCountry) {
    const local = clubs.filter((c) => c.country === code);
    for (const st of list) {
      const keys = new Set(st.names.map(fold));
      let club = null;
      if (st.hint) {
        const h = fold(st.hint);
        club = local.find((c) => fold(c.head) === h || c.aliases.some((a) => fold(a.text) === h)) ?? null;
      }
      club ??= local.find((c) => c.stadiumNames.some((n) => keys.has(fold(n)))) ?? null;
      if (club) for (const n of st.names) if (!club.stadiumNames.some((x) => fold(x) === fold(n))) club.stadiumNames.push(n);
    }
  }
  return clubs;
}

function main() {
  const curated = JSON.parse(readFileSync(join(DATA, 'club-curated.json'), 'utf8'));
  const out = readSources().map((c) => ({
    name: canonicalName(c),
    country: c.country,
    city: c.city ? stripAccents(c.city) : null,
    aliases: [c.head, ...c.aliases.filter(usableAlias).map((a) => a.text)],
    stadiums: c.stadiumNames.filter((s) => s && s.length > 3),
    nicknames: [],
    curated: false,
  }));
  separateLocalNames(out);
  applyCurated(out, curated);
  separateForeignNames(out, curated);
  const result = out.map((c) => compact(c, new Set((curated.notClubs ?? []).map(fold))));
  const text = '[\n' + result.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
  writeFileSync(join(DATA, 'clubs.json'), text);
  console.log(`clubs.json: ${result.length} clubs, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
}

function separateLocalNames(out) {
  // Two clubs of one country must not share a canonical name ("Wimbledon" / "AFC Wimbledon").
  const count = new Map();
  const keyOf = (c) => c.country + ' ' + fold(c.name);
  for (const c of out) count.set(keyOf(c), (count.get(keyOf(c)) ?? 0) + 1);
  for (const c of out) {
    if ((count.get(keyOf(c)) ?? 0) < 2) continue;
    const head = stripAccents(c.aliases[0] ?? c.name).replace(/\s+(?:FC|AFC)$/, '');
    if (fold(head) !== fold(c.name)) {
      c.aliases.push(c.name);
      c.name = head;
    }
  }
}

function applyCurated(out, curated) {
  // Curated entries: rename, add forms, drop forms, or add a club the lists lack.
  for (const e of curated.clubs ?? []) {
    const key = fold(e.match ?? e.name);
    let club = out.find((c) => c.country === e.country && !c.curated && (fold(c.name) === key || c.aliases.some((a) => fold(a) === key)));
    if (!club) {
      console.log(`curated: new club ${e.name} (${e.country})`);
      club = { name: e.name, country: e.country, city: null, aliases: [], stadiums: [], nicknames: [], curated: true };
      out.push(club);
    }
    if (club.name !== e.name) club.aliases.push(club.name);
    club.name = e.name;
    if (e.city) club.city = e.city;
    club.aliases.push(...(e.aliases ?? []));
    club.stadiums.push(...(e.stadiums ?? []));
    club.nicknames.push(...(e.nicknames ?? []));
    const drop = new Set((e.drop ?? []).map(fold));
    for (const f of ['aliases', 'stadiums', 'nicknames']) club[f] = club[f].filter((a) => !drop.has(fold(a)));
    club.curated = true;
  }
  // Forms the curated file gives to one club are taken from every other club.
  const claimed = new Set();
  for (const e of curated.clubs ?? []) for (const a of [...(e.aliases ?? []), ...(e.stadiums ?? [])]) claimed.add(fold(a));
  for (const d of curated.dropAliases ?? []) claimed.add(fold(d));
  for (const c of out) {
    if (c.curated) continue;
    c.aliases = c.aliases.filter((a) => !claimed.has(fold(a)));
    c.stadiums = c.stadiums.filter((a) => !claimed.has(fold(a)));
  }
}

function separateForeignNames(out, curated) {
  // Clubs of different countries with one name ("Liverpool" of Montevideo): the lesser-ranked one is
  // named by a longer form of its own ("Liverpool Montevideo"), so canonical names stay unique.
  const rankOf = (c) => {
    const r = (curated.countryRank ?? []).indexOf(c.country);
    return r < 0 ? 1000 : r;
  };
  const byName = new Map();
  for (const c of out) {
    const k = fold(c.name);
    const other = byName.get(k);
    if (!other) {
      byName.set(k, c);
      continue;
    }
    const [keep, rename] = rankOf(other) <= rankOf(c) ? [other, c] : [c, other];
    byName.set(k, keep);
    const longer = rename.aliases.find((a) => fold(a).startsWith(k + ' ') && !/\d/.test(a));
    rename.aliases.push(rename.name);
    rename.name = stripAccents(longer ?? (rename.city ? `${rename.name} ${rename.city}` : `${rename.name} (${rename.country})`));
  }
}

/**
 * The row written for a club: one spelling per folded form; the canonical name is not repeated among
 * the aliases, nor is a form that only adds "FC" / "Football Club" to another (the recogniser reads
 * those words itself); empty lists are left out (the loader reads a missing list as []).
 */
function compact(c, notClubs) {
  const base = new Set([fold(c.name), ...c.aliases.map(fold)]);
  const seen = new Set([fold(c.name)]);
  const uniq = (list, affixed) =>
    list.filter((a) => {
      const k = fold(a);
      if (!k || seen.has(k) || notClubs.has(k)) return false;
      if (affixed) {
        const bare = k.replace(AFFIX_HEAD, '').replace(AFFIX_TAIL, '');
        if (bare !== k && base.has(bare)) return false;
      }
      seen.add(k);
      return true;
    });
  const row = { name: c.name, country: c.country };
  if (c.city) row.city = c.city;
  const aliases = uniq(c.aliases.map((a) => a.replace(/\s+/g, ' ').trim()), true);
  const stadiums = uniq(c.stadiums, false);
  const nicknames = uniq(c.nicknames, false);
  if (aliases.length) row.aliases = aliases;
  if (stadiums.length) row.stadiums = stadiums;
  if (nicknames.length) row.nicknames = nicknames;
  return row;
}

main();
