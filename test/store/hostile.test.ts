// The store under a hostile world (issue 16): commits on time, another writer holding the lock,
// databases that are not ours, failed migrations, damaged pages, and failures in the middle of a run.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/db.js';
import { extractThroughStore, type StoredOutcome, type StoreRunOptions } from '../../src/store/run.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/schema.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-store-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => path.join(dir, `s${++n}.db`);
const seeds = path.join(dir, 'seeds');
cpSync(new URL('../../seeds', import.meta.url), seeds, { recursive: true });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(db: string, opts: StoreRunOptions = {}): Promise<StoredOutcome[]> {
  const store = openStore(db);
  const out: StoredOutcome[] = [];
  try {
    for await (const r of extractThroughStore([seeds], store, opts)) out.push(r);
  } finally {
    store.close();
  }
  return out;
}

function count(db: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    d.close();
  }
}

/** A rumours store of the seeds, closed. */
async function seeded(): Promise<string> {
  const db = fresh();
  await run(db);
  return db;
}

describe('writing on time', () => {
  it('commits an article within a quarter second, even when no other article follows', async () => {
    const db = fresh();
    const store = openStore(db);
    const [first] = await run(fresh());
    if (!first?.ok) throw new Error('no article');
    store.put(first.article, 'text', 4);
    await sleep(400);
    // Another process sees it while this one still has the store open.
    expect(count(db)).toBe(1);
    store.close();
  });

  it('waits for another process that holds the write lock, says so, and records once it is free', async () => {
    const db = fresh();
    openStore(db).close();
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    const said: string[] = [];
    const done = run(db, { onWait: (m) => said.push(m) });
    await sleep(300);
    other.exec('COMMIT');
    other.close();
    const out = await done;
    expect(out.every((r) => r.ok)).toBe(true);
    expect(said).toEqual([`${db}: another process is writing to the store; waiting for it (up to 30 s)`]);
    expect(count(db)).toBe(out.length);
  });

  it('gives up on a lock held too long, naming the store, and still gives every article', async () => {
    const db = fresh();
    openStore(db).close();
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    const failed: string[] = [];
    const out = await run(db, { lockWaitMs: 300, onStoreFailed: (m) => failed.push(m) });
    other.exec('ROLLBACK');
    other.close();
    expect(out.filter((r) => r.ok)).toHaveLength(5);
    expect(failed).toEqual([`${db}: the store is still locked by another process after 0 s`]);
  });
});

describe('what the store refuses', () => {
  it('never writes to a SQLite database of another program, even to read it', () => {
    const db = fresh();
    const contacts = new Database(db);
    contacts.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ann\')');
    contacts.close();
    const before = readFileSync(db);
    expect(() => openStore(db)).toThrow(/not a rumours store \(a database of another program\)/);
    expect(() => openStore(db, { readonly: true })).toThrow(/not a rumours store/);
    expect(readFileSync(db).equals(before)).toBe(true);
    const d = new Database(db, { readonly: true });
    expect(d.pragma('journal_mode', { simple: true })).toBe('delete');
    d.close();
  });

  it('marks its own stores, and adopts one made before the mark', async () => {
    const db = await seeded();
    const d = new Database(db);
    expect(d.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    d.pragma('application_id = 0');
    d.close();
    openStore(db).close();
    const again = new Database(db, { readonly: true });
    expect(again.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    again.close();
  });

  it('refuses a store whose schema version is negative, and leaves it as it was', async () => {
    const db = await seeded();
    const d = new Database(db);
    d.pragma('user_version = -1');
    d.close();
    expect(() => openStore(db)).toThrow(/the store is damaged \(schema version -1\)/);
    const after = new Database(db, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(-1);
    after.close();
  });

  it('leaves a store as it was when a migration fails part-way', async () => {
    const db = await seeded();
    const d = new Database(db);
    // Schema 3 with schema 5's column already there: migration 4 would pass, migration 5 fail.
    d.exec('DROP INDEX articles_story; DROP INDEX players_story');
    d.pragma('user_version = 3');
    d.close();
    expect(() => openStore(db)).toThrow(/cannot upgrade the store from schema 3 to \d+ \(duplicate column name: warnings\); it is left as it was/);
    const after = new Database(db, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(3);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_story'").all()).toEqual([]);
    after.close();
    expect(SCHEMA_VERSION).toBeGreaterThan(4);
  });
});

describe('a store that fails in the middle of a run', () => {
  it('says which store is damaged and how to recover, and still gives every article', async () => {
    const db = await seeded();
    // Every page but the first (the header and the start of the schema) overwritten.
    const bytes = readFileSync(db);
    const pageSize = bytes.readUInt16BE(16);
    writeFileSync(db, Buffer.concat([bytes.subarray(0, pageSize), Buffer.alloc(bytes.length - pageSize, 0xa5)]));
    let problem = '';
    let out: StoredOutcome[] = [];
    try {
      out = await run(db, { onStoreFailed: (m) => (problem = m) });
    } catch (err) {
      // Damaged where the store is opened: refused at once, with the same words.
      expect(err).toBeInstanceOf(StoreError);
      problem = (err as Error).message;
    }
    expect(problem).toMatch(new RegExp(`^${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the store is damaged \\(.*\\): move it aside and run again`));
    if (out.length > 0) expect(out.filter((r) => r.ok)).toHaveLength(5);
    expect(statSync(db).size).toBe(bytes.length);
  });
});
