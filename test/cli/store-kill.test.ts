// A run killed half-way (SIGKILL: no handler runs) leaves every article stored whole or not at all,
// and the next run carries on from there.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { BIN, ROOT, rumours, testEnv } from './_run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stored(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created yet, or its tables not yet made
  }
}

describe('a killed extract', () => {
  it('leaves a consistent store, and the next run stores the rest', async () => {
    const articles = path.join(dir, 'articles');
    for (let i = 0; i < 24; i++) cpSync(path.join(ROOT, 'seeds'), path.join(articles, `batch${String(i).padStart(2, '0')}`), { recursive: true });
    const total = readdirSync(articles, { recursive: true }).filter((f) => String(f).endsWith('.txt')).length;
    const db = path.join(dir, 'kill.db');
    const child = spawn(process.execPath, [BIN, 'extract', articles, '-f', 'ndjson', '--jobs', '1'], { cwd: ROOT, env: testEnv({ RUMOURS_DB: db }), stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('close', resolve));
    const t0 = Date.now();
    while (stored(db) < 5 && Date.now() - t0 < 20_000) await new Promise((res) => setTimeout(res, 15));
    child.kill('SIGKILL');
    await exited;
    const store = openStore(db);
    const n = store.count();
    expect(n).toBeGreaterThanOrEqual(5);
    expect(n).toBeLessThan(total);
    expect(store.consistent()).toEqual({ ok: true, problems: [] });
    store.close();
    const rest = await rumours(['extract', articles, '-f', 'ndjson', '-q'], { env: { RUMOURS_DB: db } });
    expect(rest.status).toBe(0);
    expect(rest.stdout.trim().split('\n')).toHaveLength(total);
    const after = openStore(db);
    expect(after.count()).toBe(total);
    expect(after.consistent().ok).toBe(true);
    after.close();
  }, 60_000);
});
