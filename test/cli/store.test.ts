// The store end to end: extract records, re-runs are answered from it, the query commands read it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayerStory } from '../../src/schema.js';
import { APPLICATION_ID } from '../../src/store/schema.js';
import { STORE_DOCUMENTS } from '../../src/store/shapes.js';
import { lines, rumours, type Ran } from './_run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-cli-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = path.join(dir, 'main.db');
const env = { RUMOURS_DB: db };
const storedAt = () => {
  const d = new Database(db, { readonly: true });
  const rows = d.prepare('SELECT path, stored_at FROM articles ORDER BY path').all();
  d.close();
  return rows;
};

type Weighed = { likelihood: number; reasons: string[]; player: string; to: string; evidence: { file: string; start: number } };
const _at = (x: Weighed) => `${path.basename(x.evidence.file)} ${x.evidence.start} ${x.player} ${x.to}`;
/** An extract document without its likelihoods and reasons. */
function _unweighed(json: string): unknown {
  return JSON.parse(json, (k, v) => (k === 'likelihood' || k === 'reasons' ? undefined : v));
}

let first: Ran;
let second: Ran;
let plain: Ran;
let before: unknown[];
let r: Record<string, Ran>;

beforeAll(async () => {
  [first, plain] = await Promise.all([
    rumours(['extract', 'seeds/', 'fixtures/articles', '-f', 'json'], { env }),
    rumours(['extract', 'seeds/', 'fixtures/articles', '-f', 'json', '--no-store', '--db', path.join(dir, 'never.db')]),
  ]);
  before = storedAt();
  second = await rumours(['extract', 'seeds/', 'fixtures/articles', '-f', 'json'], { env });
  const runs = {
    player: rumours(['player', 'konate', '-f', 'json'], { env }),
    // The same stories told from the store's rows and from the files themselves.
    macStored: rumours(['player', 'Mac Allister', '-f', 'json'], { env }),
    macRead: rumours(['player', 'Mac Allister', 'seeds/', 'fixtures/articles', '-f', 'json', '--no-store']),
    trentStored: rumours(['player', 'Alexander-Arnold', '-f', 'json'], { env }),
    trentRead: rumours(['player', 'Alexander-Arnold', 'seeds/', 'fixtures/articles', '-f', 'json', '--no-store']),
    playerMiss: rumours(['player', 'Zzyzx Qwerty'], { env }),
    club: rumours(['club', 'Los Blancos', '-f', 'json', '--db', db]),
    byClub: rumours(['rumours', '--club', 'Anfield', '--since', '2025-01-01', '-f', 'csv'], { env }),
    byPlayer: rumours(['rumours', '--player', 'mac allister', '--status', 'interest', '-f', 'ndjson'], { env }),
    none: rumours(['rumours', '--status', 'denied', '--since', '2030-01-01'], { env }),
    search: rumours(['search', 'release', 'clause', '-f', 'json'], { env }),
    stats: rumours(['stats', '--check', '-f', 'json'], { env }),
    empty: rumours(['stats'], { env: { RUMOURS_DB: path.join(dir, 'empty.db') } }),
    badDate: rumours(['rumours', '--since', 'yesterday'], { env }),
    all: rumours(['rumours', '-f', 'json'], { env }),
  };
  const done = await Promise.all(Object.values(runs));
  r = Object.fromEntries(Object.keys(runs).map((k, i) => [k, done[i] as Ran]));
}, 60_000);

describe('extract with the store', () => {
  it('prints the same as without it, records every article, and --no-store writes nothing', () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(plain.stdout);
    expect(existsSync(path.join(dir, 'never.db'))).toBe(false);
    expect(before).toHaveLength(8);
  });

  it('answers an unchanged folder from the store: same output, nothing stored again', () => {
    expect(second.status).toBe(0);
    // The likelihoods aside: the second run weighs each article from the whole store (articles dated
    // before it that came later in the first run's order too), as the store's own listings do.
    expect(_unweighed(second.stdout)).toEqual(_unweighed(first.stdout));
    const stored = new Map((JSON.parse(r.all!.stdout).items as Weighed[]).map((x) => [_at(x), x.likelihood]));
    const again = (JSON.parse(second.stdout).articles as Array<{ rumours: Weighed[] }>).flatMap((a) => a.rumours);
    expect(again.length).toBeGreaterThan(10);
    for (const x of again) expect(x.likelihood).toBe(stored.get(_at(x)));
    expect(second.stderr).toBe(first.stderr);
    expect(storedAt()).toEqual(before);
  });
});

describe('the query commands', () => {
  it('player answers from the store, without reading the bundled seeds', () => {
    expect(r.player!.status).toBe(0);
    expect(r.player!.stderr).toBe('');
    const story = PlayerStory.parse(JSON.parse(r.player!.stdout));
    expect(story.player.name).toMatch(/Ibrahima Konat/);
    expect(story.rumours.length).toBeGreaterThan(0);
    expect(r.playerMiss!.status).toBe(1);
    // Nothing close: no unrelated names suggested.
    expect(r.playerMiss!.stderr).toBe('rumours: no player matches "Zzyzx Qwerty"; no name in the store is close\n');
  });

  it('player tells the same story from the store as from the files', () => {
    for (const [stored, read] of [[r.macStored!, r.macRead!], [r.trentStored!, r.trentRead!]]) {
      expect(stored.status).toBe(0);
      const story = PlayerStory.parse(JSON.parse(stored.stdout));
      expect(story.rumours.length + story.quotes.length).toBeGreaterThan(2);
      expect(stored.stdout).toBe(read.stdout);
    }
  });

  it('club lists who a club is linked with, by nickname', () => {
    expect(r.club!.status).toBe(0);
    // Parsing with the published shape: the output keeps the contract `rumours schema club` prints.
    const doc = STORE_DOCUMENTS.club.parse(JSON.parse(r.club!.stdout));
    expect(doc.schema).toBe('rumours/club@1');
    expect(doc.club).toBe('Real Madrid');
    expect(doc.items.filter((l) => l.direction === 'in').map((l) => l.player)).toContain('Trent Alexander-Arnold');
    // One line per player, whatever form of his name each article used.
    expect(new Set(doc.items.map((l) => `${l.direction}${l.player.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}`)).size).toBe(doc.items.length);
  });

  it('rumours filters by club (any name for it), date, player and stage', () => {
    expect(r.byClub!.status).toBe(0);
    const [head, ...rows] = r.byClub!.stdout.trim().split('\r\n');
    // The same rumour columns as `extract --format csv`: the fee as numbers, its text beside them.
    expect(head).toBe('file,date,player,from,to,status,window,fee_amount,fee_currency,fee_eur,fee_text,source,likelihood,reasons,evidence_start,evidence_end,evidence_line,sentence');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/Liverpool/);
      expect((row.split(',')[1] ?? '') >= '2025-01-01').toBe(true);
    }
    const items = lines(r.byPlayer!.stdout).map((l) => STORE_DOCUMENTS.rumours.shape.items.element.parse(JSON.parse(l)));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.player === 'Alexis Mac Allister' && i.status === 'interest')).toBe(true);
    expect(r.none!.status).toBe(1);
    expect(r.none!.stderr).toBe('rumours: no rumours match\n');
    expect(r.badDate!.status).toBe(2);
  });

  it('search finds articles and quotes with the passage', () => {
    expect(r.search!.status).toBe(0);
    const doc = STORE_DOCUMENTS.search.parse(JSON.parse(r.search!.stdout));
    expect(doc.items.some((h) => h.kind === 'article' && /release clause/i.test(h.text))).toBe(true);
  });

  it('stats counts what the store holds and checks it is whole; an empty store says so', () => {
    expect(r.stats!.status).toBe(0);
    const s = STORE_DOCUMENTS.stats.parse(JSON.parse(r.stats!.stdout));
    expect(s).toMatchObject({ articles: 8, path: db, consistent: true });
    expect(s.rumours).toBeGreaterThan(0);
    // An empty store is counted, not an error; and asking creates nothing.
    expect(r.empty!.status).toBe(0);
    expect(STORE_DOCUMENTS.stats.parse(JSON.parse(r.empty!.stdout))).toMatchObject({ articles: 0, rumours: 0 });
    expect(existsSync(path.join(dir, 'empty.db'))).toBe(false);
  });
});

describe('versions', () => {
  it('refuses a store written by a newer rumours, and reindex re-reads every article', async () => {
    const newer = path.join(dir, 'newer.db');
    const d = new Database(newer);
    d.pragma(`application_id = ${APPLICATION_ID}`);
    d.pragma('user_version = 999');
    d.close();
    const refused = await rumours(['extract', 'seeds/', '--db', newer, '-f', 'json']);
    expect(refused.status).toBe(2);
    expect(lines(refused.stderr)).toEqual([expect.stringMatching(/newer\.db: this store was written by a newer rumours \(store schema 999.*printed without the store \(--no-store/)]);
    // The articles are printed all the same; the store is left untouched.
    expect(JSON.parse(refused.stdout).articles).toHaveLength(5);
    // Articles an older rumours stored (no rows to tell a story from) are read whole, and said so.
    const old = path.join(dir, 'old.db');
    const copy = new Database(db);
    await copy.backup(old);
    copy.close();
    const o = new Database(old);
    o.exec('UPDATE articles SET extractor = 1; UPDATE rumours SET json = NULL; UPDATE fees SET json = NULL; UPDATE quotes SET json = NULL; UPDATE players SET aliases = NULL');
    o.close();
    const fromOld = await rumours(['player', 'Mac Allister', '--db', old, '-f', 'json']);
    expect(fromOld.stdout).toBe(r.macStored!.stdout);
    expect(lines(fromOld.stderr)).toEqual([expect.stringMatching(/^rumours: 3 of these articles were stored by an older rumours .*rumours reindex/)]);
    // On the copy: the shared store stays as the other tests found it, whatever order they run in.
    const re = await rumours(['reindex', '--all', '--db', old]);
    expect(re.status).toBe(0);
    expect(re.stderr).toBe('rumours: reindexed 8 of 8 articles\n');
  }, 30_000);
});
