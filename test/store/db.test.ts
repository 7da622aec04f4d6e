// The store on its own: recording, replacing, finding a player's articles, migrations, location.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { playerStory } from '../../src/aggregate/player.js';
import type { Article, Rumour } from '../../src/schema.js';
import { packArticle } from '../../src/format/packed.js';
import { openStore, StoreError } from '../../src/store/db.js';
import { nameRuns, queryKeys } from '../../src/store/keys.js';
import { storePath } from '../../src/store/locate.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => path.join(dir, `s${++n}.db`);

const ev = (sentence: string) => ({ file: 'x', start: 0, end: 5, line: 1, sentence });

function rumour(player: string, from: string | null, to: string, status: Rumour['status'] = 'interest'): Rumour {
  return { player, from, to, status, window: null, fee: null, source: null, evidence: ev(`${player} is wanted by ${to}.`) };
}

function article(file: string, date: string | null, players: Array<[string, string[]]>, rumours: Rumour[], hash = `h-${file}`): Article {
  // Every fact carries its article's file, as extraction gives it.
  const here = <T extends { evidence: object }>(x: T): T => ({ ...x, evidence: { ...x.evidence, file } });
  const a = {
    file,
    date,
    hash,
    title: null,
    warnings: [],
    players: players.map(([name, aliases]) => ({ name, aliases, mentions: 1 + aliases.length, club: null, evidence: ev(name) })),
    people: [],
    clubs: [{ name: 'Liverpool', country: 'England', aliases: [], mentions: 1, evidence: ev('Liverpool') }],
    fees: [],
    quotes: [{ text: 'I am very happy here at the club', speaker: players[0]?.[0] ?? null, evidence: ev('He said: "I am very happy here at the club".') }],
    sources: [],
    rumours,
  } as Article;
  return { ...a, players: a.players.map(here), clubs: a.clubs.map(here), quotes: a.quotes.map(here), rumours: a.rumours.map(here) };
}

describe('the store', () => {
  it('keeps an article packed by a worker as it would pack it itself (a plain Uint8Array, as a worker sends it)', () => {
    const a = article('packed.txt', '2024-01-02', [['Mohamed Salah', ['Salah']]], [rumour('Mohamed Salah', 'Liverpool', 'Al-Ittihad')]);
    const packed = packArticle(a);
    const mine = openStore(fresh());
    const theirs = openStore(fresh());
    mine.put(a, 'text', 4);
    theirs.put(a, 'text', 4, new Uint8Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength)));
    const line = mine.cachedAs('packed.txt', a.hash, true);
    expect(line).toHaveProperty('line');
    expect(theirs.cachedAs('packed.txt', a.hash, true)).toEqual(line);
    mine.close();
    theirs.close();
  });

  it('takes back the open batch with an article whose writing fails, and goes on whole', () => {
    const file = fresh();
    const s = openStore(file);
    s.put(article('a.txt', null, [['Joe Gomez', []]], []), 'Joe Gomez stays.', 16);
    s.put(article('b.txt', null, [['Ibrahima Konaté', []]], []), 'Konaté stays.', 13);
    // A rumour without a destination breaks a NOT NULL column half-way through the article.
    const broken = article('c.txt', null, [['Curtis Jones', []]], [{ ...rumour('Curtis Jones', null, 'x'), to: null as unknown as string }]);
    expect(() => s.put(broken, 'Curtis Jones.', 13)).toThrow(/NOT NULL/);
    expect(s.empty()).toBe(true);
    expect(s.consistent()).toEqual({ ok: true, problems: [] });
    s.put(article('d.txt', null, [['Joe Gomez', []]], []), 'Joe Gomez stays.', 16);
    s.close();
    const again = openStore(file);
    expect(again.staleFiles(true).map((f) => path.basename(f))).toEqual(['d.txt']);
    expect(again.consistent().ok).toBe(true);
    again.close();
  });
  it('records an article whole, answers it back by path and hash, and replaces a changed file', () => {
    const s = openStore(fresh());
    expect(s.empty()).toBe(true);
    const a = article('a.txt', '2025-01-02', [['Ibrahima Konaté', ['Konate']]], [rumour('Ibrahima Konaté', 'Liverpool', 'Real Madrid')]);
    s.put(a, 'Ibrahima Konaté is wanted by Real Madrid, reports say.', 60);
    expect(s.empty()).toBe(false);
    expect(s.cached('a.txt', 'h-a.txt')).toEqual(a);
    expect(s.cached('a.txt', 'other-hash')).toBeNull();
    expect(s.cached('b.txt', 'h-a.txt')).toBeNull();
    // The same file named another way is the same article, told with the name this run gave.
    const other = s.cached(path.relative(path.resolve('..'), path.resolve('a.txt')).replace(/^/, '../'), 'h-a.txt');
    expect(other?.players[0]?.evidence.file).toMatch(/^\.\.\/.+a\.txt$/);
    expect(other?.rumours).toHaveLength(1);
    const b = article('a.txt', '2025-01-03', [['Joe Gomez', []]], [], 'h2');
    s.put(b, 'Joe Gomez stays.', 16);
    expect(s.count()).toBe(1);
    expect(s.rumours()).toEqual([]);
    expect(s.search('Konaté', 10)).toEqual([]);
    expect(s.search('gomez', 10).map((h) => [h.kind, h.file])).toEqual([['article', path.resolve('a.txt')]]);
    expect(s.search('"very HAPPY"!', 10).map((h) => [h.kind, h.speaker])).toEqual([['quote', 'Joe Gomez']]);
    expect(s.consistent()).toEqual({ ok: true, problems: [] });
    s.close();
  });

  it('finds the articles that may name a player, and the fine matching keeps namesakes apart', () => {
    const s = openStore(fresh());
    s.put(article('1.txt', '2025-01-01', [['Ibrahima Konaté', []]], [rumour('Ibrahima Konaté', 'Liverpool', 'Real Madrid')]), 'one', 3);
    s.put(article('2.txt', '2025-02-01', [['Konate', []]], [rumour('Konate', 'Liverpool', 'Real Madrid', 'bid')]), 'two', 3);
    s.put(article('3.txt', '2025-03-01', [['Ashley Cole', []]], [rumour('Ashley Cole', 'Arsenal', 'Chelsea')]), 'three', 5);
    s.put(article('4.txt', '2025-04-01', [['Joe Cole', []]], [rumour('Joe Cole', 'Chelsea', 'Liverpool')]), 'four', 4);
    expect(s.storyArticles('konate').articles.map((a) => a.file)).toEqual(['1.txt', '2.txt']);
    expect(s.storyArticles('Ibrahima Konate').articles.map((a) => a.file)).toEqual(['1.txt', '2.txt']);
    const story = playerStory('konate', s.storyArticles('konate').articles);
    expect(story.kind === 'story' && story.story.rumours.map((r) => r.status)).toEqual(['interest', 'bid']);
    const ashley = playerStory('Ashley Cole', s.storyArticles('Ashley Cole').articles);
    expect(ashley.kind === 'story' && ashley.story.rumours.map((r) => r.to)).toEqual(['Chelsea']);
    expect(playerStory('cole', s.storyArticles('cole').articles).kind).toBe('ambiguous');
    expect(s.rumours({ clubs: ['Chelsea'] }).map((r) => r.player)).toEqual(['Ashley Cole', 'Joe Cole']);
    expect(s.rumours({ since: '2025-02-01', statuses: ['bid'] }).map((r) => r.file)).toEqual([path.resolve('2.txt')]);
    expect(s.rumours({ until: '2025-02-01' }).map((r) => r.file)).toEqual([path.resolve('1.txt'), path.resolve('2.txt')]);
    s.close();
  });

  it('looks a query up in every spelling of its words: Mo is Mohamed, Jnr is Junior', () => {
    const s = openStore(fresh());
    s.put(article('1.txt', '2025-01-01', [['Mohamed Salah', ['Salah']]], [rumour('Mohamed Salah', 'Liverpool', 'Al-Hilal')]), 'one', 3);
    s.put(article('2.txt', '2025-02-01', [['Mo Salah', []]], [rumour('Mo Salah', 'Liverpool', 'Al-Ittihad', 'bid')]), 'two', 3);
    s.put(article('3.txt', '2025-03-01', [['Vinícius Júnior', []]], [rumour('Vinícius Júnior', 'Real Madrid', 'Al-Ahli')]), 'three', 3);
    expect(queryKeys('Mo Salah')).toEqual(expect.arrayContaining(['mosalah', 'mohamedsalah', 'salah']));
    for (const q of ['Mo Salah', 'Mohamed Salah', 'Mohammed Salah']) {
      const story = playerStory(q, s.storyArticles(q).articles);
      expect(story.kind === 'story' && story.story.rumours.map((r) => r.to)).toEqual(['Al-Hilal', 'Al-Ittihad']);
    }
    const vini = playerStory('Vinicius Jnr', s.storyArticles('Vinicius Jnr').articles);
    expect(vini.kind === 'story' && [vini.story.player.name, vini.story.rumours.length]).toEqual(['Vinícius Júnior', 1]);
    s.close();
  });

  it("reads only the rumours and fees that may be his, and every row stored before players' words were kept", () => {
    const file = fresh();
    const s = openStore(file);
    s.put(article('1.txt', '2025-01-01', [['Mohamed Salah', []], ['Cody Gakpo', []]], [rumour('Mohamed Salah', 'Liverpool', 'Al-Hilal'), rumour('Cody Gakpo', 'Liverpool', 'Bayern Munich')]), 'one', 3);
    expect(s.storyArticles('Salah').articles[0]?.rumours.map((r) => r.player)).toEqual(['Mohamed Salah']);
    s.close();
    // As a store upgraded from schema 2 holds them: rows without their player's words.
    const db = new Database(file);
    db.exec('UPDATE rumours SET player_words = NULL');
    db.close();
    const old = openStore(file);
    expect(old.storyArticles('Salah').articles[0]?.rumours.map((r) => r.player)).toEqual(['Mohamed Salah', 'Cody Gakpo']);
    const story = playerStory('Salah', old.storyArticles('Salah').articles);
    expect(story.kind === 'story' && story.story.rumours.map((r) => r.to)).toEqual(['Al-Hilal']);
    old.close();
  });

  it('upgrades a schema-3 store in place: the story indexes and the warnings column are added, and its stories read the same', () => {
    const file = fresh();
    const s = openStore(file);
    s.put(article('1.txt', '2025-01-01', [['Mohamed Salah', ['Mo Salah']], ['Cody Gakpo', []]], [rumour('Mohamed Salah', 'Liverpool', 'Al-Hilal')]), 'one', 3);
    const before = s.storyArticles('Mo Salah').articles;
    s.close();
    // As schema 3 left it: no story indexes, no warnings column.
    const db = new Database(file);
    db.exec('DROP INDEX articles_story; DROP INDEX players_story; ALTER TABLE articles DROP COLUMN warnings; PRAGMA user_version = 3');
    db.close();
    const upgraded = openStore(file);
    expect(upgraded.storyArticles('Mo Salah').articles).toEqual(before);
    upgraded.close();
    const after = new Database(file);
    const indexes = after.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_story'").pluck().all();
    const columns = after.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('articles');
    expect([after.pragma('user_version', { simple: true }), indexes.sort(), columns.includes('warnings')]).toEqual([SCHEMA_VERSION, ['articles_story', 'players_story'], true]);
    after.close();
  });

  it('upgrades an empty database and refuses one written by a newer tool', () => {
    const file = fresh();
    openStore(file).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/newer rumours/);
    const junk = fresh();
    writeFileSync(junk, 'not a database at all, just some text that is long enough to look like a header'.repeat(20));
    expect(() => openStore(junk)).toThrow(StoreError);
  });

  it('is found at --db, else RUMOURS_DB, else the XDG data directory, else ~/.local/share', () => {
    expect(storePath('/a.db', { RUMOURS_DB: '/b.db', HOME: '/h' })).toBe('/a.db');
    expect(storePath(undefined, { RUMOURS_DB: '/b.db', HOME: '/h' })).toBe('/b.db');
    expect(storePath(undefined, { XDG_DATA_HOME: '/x', HOME: '/h' })).toBe('/x/rumours/rumours.db');
    expect(storePath(undefined, { XDG_DATA_HOME: 'relative', HOME: '/h' })).toBe('/h/.local/share/rumours/rumours.db');
    expect(storePath(undefined, {})).toBeNull();
  });

  it('indexes every run of a name and looks a query up by itself and its surnames', () => {
    expect(nameRuns('Alexis Mac Allister').sort()).toEqual(['alexis', 'alexismac', 'alexismacallister', 'allister', 'mac', 'macallister'].sort());
    expect(queryKeys('Ibrahima Konaté')).toEqual(['ibrahimakonate', 'konate']);
    expect(queryKeys('  ')).toEqual([]);
  });
});
