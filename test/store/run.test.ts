// extract through the store: unchanged files come back from it without extraction, changed ones replace.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { convertArticle } from '../../src/aggregate/currency.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ndjsonArticle } from '../../src/format/json.js';
import { openStore } from '../../src/store/db.js';
import type { ArticleOut } from '../../src/schema.js';
import { extractThroughStore, type StoredLine, type StoredOutcome } from '../../src/store/run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(paths: string[], dbFile: string): Promise<StoredOutcome[]> {
  const store = openStore(dbFile);
  const out: StoredOutcome[] = [];
  try {
    for await (const r of extractThroughStore(paths, store, { jobs: 1 })) out.push(r);
  } finally {
    store.close();
  }
  return out;
}

async function lines(paths: string[], dbFile: string): Promise<Array<StoredOutcome | StoredLine>> {
  const store = openStore(dbFile);
  const out: Array<StoredOutcome | StoredLine> = [];
  try {
    for await (const r of extractThroughStore(paths, store, { jobs: 1 }, true)) out.push(r);
  } finally {
    store.close();
  }
  return out;
}

describe('extractThroughStore', () => {
  it('stores on the first run, answers unchanged files from the store in order, and re-reads a changed one', async () => {
    const articles = path.join(dir, 'articles');
    rmSync(articles, { recursive: true, force: true });
    cpSync(new URL('../../seeds', import.meta.url), articles, { recursive: true });
    writeFileSync(path.join(articles, 'zz-empty.txt'), '   ');
    const db = path.join(dir, 'run.db');
    const first = await all([articles], db);
    const files = readdirSync(articles).length;
    expect(first).toHaveLength(files);
    expect(first.filter((r) => r.ok && r.cached)).toHaveLength(0);
    expect(first.filter((r) => !r.ok)).toHaveLength(1);
    const second = await all([articles], db);
    // Stored articles carry their fees in euros too (as printed): the same article, as printed.
    const printed = (r: (typeof first)[number]) => (r.ok ? convertArticle(r.article, 'EUR') : r);
    expect(second.map(printed)).toEqual(first.map(printed));
    expect(second.filter((r) => r.ok && !r.cached)).toHaveLength(0);
    const name = readdirSync(articles).sort()[1] as string;
    writeFileSync(path.join(articles, name), 'date 2026-01-02 Chelsea have made a bid for Liverpool midfielder Curtis Jones, according to reports.\n');
    const third = await all([articles], db);
    const changed = third.filter((r) => r.ok && !r.cached);
    expect(changed.map((r) => r.ok && path.basename(r.article.file))).toEqual([name]);
    const store = openStore(db);
    expect(store.count()).toBe(files - 1);
    expect(store.consistent().ok).toBe(true);
    store.close();
  }, 30_000);

  it('gives an unchanged article as the JSON Lines line it prints, when stored under the same name with its warnings', async () => {
    const articles = path.join(dir, 'lines');
    cpSync(new URL('../../seeds', import.meta.url), articles, { recursive: true });
    cpSync(new URL('../../fixtures/articles/latin1.txt', import.meta.url), path.join(articles, 'latin1.txt'));
    const db = path.join(dir, 'lines.db');
    const first = await all([articles], db);
    const again = await lines([articles], db);
    // The same text JSON Lines prints for each article, and the same warnings (latin1.txt has one).
    // (The store keeps no likelihoods: they are weighed when read, from the other articles.)
    const unweighed = (a: ArticleOut) => ({ ...a, rumours: a.rumours.map(({ likelihood: _l, reasons: _r, ...x }) => x) }) as ArticleOut;
    expect(again.map((r) => r.ok && 'text' in r && [r.text, r.warnings])).toEqual(first.map((r) => r.ok && [ndjsonArticle(unweighed(convertArticle(r.article, 'EUR'))), r.article.warnings]));
    expect(again.every((r) => r.ok && r.cached)).toBe(true);
    expect(again.some((r) => r.ok && 'warnings' in r && r.warnings.length > 0)).toBe(true);
    // Named otherwise than when stored, or stored before warnings were kept: read whole.
    const renamed = await lines([path.relative(process.cwd(), articles)], db);
    expect(renamed.every((r) => r.ok && 'article' in r && r.cached)).toBe(true);
    const old = new Database(db);
    old.exec('UPDATE articles SET warnings = NULL');
    old.close();
    expect((await lines([articles], db)).every((r) => r.ok && 'article' in r && r.cached)).toBe(true);
  }, 30_000);
});
