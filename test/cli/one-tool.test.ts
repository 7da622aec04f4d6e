// The commands behave as one tool (issue 15): one fee shape and one rumour shape everywhere, one
// name matcher, the same options and messages, a store that says where it is and can be tidied.
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, rumours, type Ran } from './_run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-one-tool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = path.join(dir, 'store.db');
const env = { RUMOURS_DB: db };

type Fee = { text: string; amount: number | null; currency: string | null; converted: { amount: number; currency: string } | null };
type Rumour = { player: string; fee: Fee | null; evidence: unknown };

let extract: Ran;
beforeAll(async () => {
  extract = await rumours(['extract', 'seeds/', '-f', 'json'], { env });
}, 30_000);

describe('one fee, one rumour shape', () => {
  it('extract gives every fee, and every rumour fee, in the currency asked for (EUR by default)', async () => {
    const doc = JSON.parse(extract.stdout) as { currency: string; articles: Array<{ fees: Fee[]; rumours: Rumour[] }> };
    expect(doc.currency).toBe('EUR');
    const fees = doc.articles.flatMap((a) => a.fees);
    const rumourFees = doc.articles.flatMap((a) => a.rumours.flatMap((r) => (r.fee ? [r.fee] : [])));
    expect(fees.length).toBeGreaterThan(0);
    expect(rumourFees.length).toBeGreaterThan(0);
    for (const f of [...fees, ...rumourFees]) {
      expect(f).toHaveProperty('converted');
      if (f.amount !== null && f.currency !== null) expect(f.converted?.currency).toBe('EUR');
    }
    // "Bids over €50m" answered from extract alone.
    expect(rumourFees.some((f) => f.currency === 'GBP' && (f.converted?.amount ?? 0) > f.amount!)).toBe(true);
    const gbp = await rumours(['extract', 'seeds/', '-f', 'json', '--currency', 'gbp', '--no-store']);
    const inPounds = JSON.parse(gbp.stdout) as { currency: string; articles: Array<{ fees: Fee[] }> };
    expect(inPounds.currency).toBe('GBP');
    expect(inPounds.articles.flatMap((a) => a.fees).every((f) => f.converted === null || f.converted.currency === 'GBP')).toBe(true);
  });

  it('the store gives rumours in the shape extract prints them, and the same CSV columns, fees as numbers', async () => {
    const extracted = (JSON.parse(extract.stdout) as { articles: Array<{ rumours: Rumour[] }> }).articles.flatMap((a) => a.rumours);
    const stored = await rumours(['rumours', '-f', 'json'], { env });
    const items = (JSON.parse(stored.stdout) as { items: Array<Rumour & { date: unknown; file: unknown }> }).items;
    expect(Object.keys(items[0] ?? {}).sort()).toEqual([...Object.keys(extracted[0] ?? {}), 'date', 'file'].sort());
    const fees = (rs: Rumour[]) => rs.map((r) => JSON.stringify(r.fee)).sort();
    expect(fees(items)).toEqual(fees(extracted));
    const [a, b] = await Promise.all([rumours(['extract', 'seeds/', '--csv-table', 'rumours'], { env }), rumours(['rumours', '-f', 'csv'], { env })]);
    const fromExtract = parse(a.stdout, { columns: true }) as Array<Record<string, string>>;
    const fromStore = parse(b.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(fromStore[0] ?? {})).toEqual(Object.keys(fromExtract[0] ?? {}));
    expect(Object.keys(fromStore[0] ?? {})).toEqual(expect.arrayContaining(['fee_amount', 'fee_currency', 'fee_eur', 'fee_text']));
    for (const row of fromStore.filter((r) => r.fee_text !== '')) {
      expect(row.fee_eur).toMatch(/^\d+$/);
      expect(row.fee_amount).toMatch(/^\d+$/);
    }
  });

  it('player, club and rumours take --currency too', async () => {
    const [player, club, listing] = await Promise.all([
      rumours(['player', 'Mac Allister', '-f', 'json', '--currency', 'USD'], { env }),
      rumours(['club', 'Liverpool', '-f', 'json', '--currency', 'usd'], { env }),
      rumours(['rumours', '-f', 'json', '--currency', 'Usd'], { env }),
    ]);
    expect((JSON.parse(player.stdout) as { rumours: Rumour[] }).rumours.flatMap((r) => (r.fee?.converted ? [r.fee.converted.currency] : []))).toContain('USD');
    expect((JSON.parse(club.stdout) as { currency: string }).currency).toBe('USD');
    expect((JSON.parse(listing.stdout) as { items: Rumour[] }).items.flatMap((r) => (r.fee?.converted ? [r.fee.converted.currency] : []))).toContain('USD');
  });
});

describe('one name matcher', () => {
  it('finds a player however the name is typed, saying when it took a close name', async () => {
    const runs = await Promise.all(['MacAllister', 'Mac Alister', 'Konatte', 'Mbape', 'AlexanderArnold'].map((q) => rumours(['player', q, '-f', 'json'], { env })));
    const names = runs.map((r) => (r.status === 0 ? (JSON.parse(r.stdout) as { player: { name: string } }).player.name : r.stderr));
    expect(names).toEqual(['Alexis Mac Allister', 'Alexis Mac Allister', expect.stringMatching(/^Ibrahima Konat/), 'Kylian Mbappe', 'Trent Alexander-Arnold']);
    expect(runs[0]?.stderr).toBe('');
    expect(runs[2]?.stderr).toMatch(/^rumours: no player is named "Konatte"; taking the one close name, Ibrahima Konat/);
    // The same matcher behind --player.
    const listed = await rumours(['rumours', '--player', 'Konatte', '-f', 'json'], { env });
    expect((JSON.parse(listed.stdout) as { items: Rumour[] }).items.length).toBeGreaterThan(0);
  });

  it('suggests only names that are close', async () => {
    const miss = await rumours(['player', 'Zzzzz'], { env });
    expect(miss.status).toBe(1);
    expect(miss.stderr).toBe('rumours: no player matches "Zzzzz"; no name in the store is close\n');
  });

  it('forgives clubs too: one close name is taken, several are listed', async () => {
    const [typo, several] = await Promise.all([rumours(['club', 'Liverpol', '-f', 'json'], { env }), rumours(['club', 'Real'], { env })]);
    expect(typo.status).toBe(0);
    expect((JSON.parse(typo.stdout) as { club: string }).club).toBe('Liverpool');
    expect(typo.stderr).toBe('rumours: no club is named "Liverpol"; taking the one close name, Liverpool\n');
    expect(several.status).toBe(1);
    expect(several.stderr).toMatch(/^rumours: "Real" fits several clubs: .*Real Madrid.*; give more of the name\n$/);
  });
});

describe('options and messages', () => {
  it('--csv-table alone means CSV; with another format it is refused', async () => {
    const [alone, clash] = await Promise.all([rumours(['extract', 'seeds/', '--csv-table', 'FEES', '--no-store']), rumours(['extract', 'seeds/', '--csv-table', 'fees', '-f', 'json', '--no-store'])]);
    expect(alone.stdout.split('\r\n')[0]).toMatch(/^file,date,player,kind,amount/);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toBe('rumours: --csv-table picks a CSV table; it cannot go with --format json\n');
  });

  it('takes enumerations in any case, as comma lists, and --until, --source, --limit on rumours', async () => {
    const [some, limited, bySource, until] = await Promise.all([
      rumours(['rumours', '--status', 'Interest,COMPLETED', '-f', 'json'], { env }),
      rumours(['rumours', '--limit', '2', '-f', 'json'], { env }),
      rumours(['rumours', '--source', 'teamtalk', '-f', 'json'], { env }),
      rumours(['rumours', '--until', '2024-12-31', '-f', 'json'], { env }),
    ]);
    const items = (r: Ran) => (JSON.parse(r.stdout) as { items: Array<{ status: string; source: string | null; date: string | null }> }).items;
    expect(new Set(items(some).map((i) => i.status))).toEqual(new Set(['interest', 'completed']));
    expect(items(limited)).toHaveLength(2);
    expect(items(bySource).length).toBeGreaterThan(0);
    expect(items(bySource).every((i) => i.source === 'TEAMtalk')).toBe(true);
    expect(items(until).every((i) => i.date !== null && i.date <= '2024-12-31')).toBe(true);
  });

  it('eval takes -f and speaks as rumours; reindex lists only the options it uses; schema names the outputs', async () => {
    const [evalErr, reindexHelp, schema] = await Promise.all([
      rumours(['eval', path.join(dir, 'no-gold.json'), 'seeds/', '-f', 'json']),
      rumours(['reindex', '--help']),
      rumours(['schema', 'bogus']),
    ]);
    expect(evalErr.status).toBe(2);
    expect(evalErr.stderr).toMatch(/^rumours: /);
    for (const flag of ['--format', '--ext', '--no-color', '--quiet']) expect(reindexHelp.stdout).not.toContain(flag);
    expect(schema.stderr).toBe('rumours: schema: no command "bogus" prints JSON; name one of extract, player, rumours, club, sources, search, stats, eval\n');
  });

  it('counts in words that agree with the number', async () => {
    const one = await rumours(['rumours', '--limit', '1', '-f', 'table'], { env });
    expect(one.stdout.trimEnd().split('\n').at(-1)).toBe('1 rumour');
  });
});

describe('tables that fit', () => {
  it('fits the terminal, cuts in the middle, and keeps file:line whole, last', async () => {
    const wide = await rumours(['club', 'Liverpool', '-f', 'table'], { env });
    const natural = Math.max(...lines(wide.stdout).map((l) => l.length));
    const narrow = await rumours(['club', 'Liverpool', '-f', 'table'], { env: { ...env, COLUMNS: String(natural - 8) } });
    expect(Math.max(...lines(narrow.stdout).map((l) => l.length))).toBeLessThanOrEqual(natural - 8);
    expect(narrow.stdout).toMatch(/\w…\w/);
    const listing = await rumours(['rumours', '-f', 'table'], { env: { ...env, COLUMNS: '100' } });
    for (const row of lines(listing.stdout).slice(1, -1)) expect(row).toMatch(/ seeds\/\d{3}_[0-9a-f]{16}\.txt:\d+$/);
  });
});

describe('store hygiene', () => {
  it('says once where a new store is made, and how to do without it', async () => {
    const home = path.join(dir, 'home');
    mkdirSync(home);
    const e = { RUMOURS_DB: undefined, XDG_DATA_HOME: undefined, HOME: home };
    const first = await rumours(['extract', 'seeds/004_0250054e5ce0b868.txt', '-f', 'json'], { env: e });
    const again = await rumours(['extract', 'seeds/004_0250054e5ce0b868.txt', '-f', 'json'], { env: e });
    expect(lines(first.stderr)).toEqual([`rumours: recording what is read in a new store, ${path.join(home, '.local/share/rumours/rumours.db')} (--no-store to only print; RUMOURS_DB or --db to put it elsewhere)`]);
    expect(again.stderr).toBe('');
  });

  it('refuses a --db whose folder does not exist, and makes no folder', async () => {
    const missing = path.join(dir, 'nope', 'deeper');
    const r = await rumours(['extract', 'seeds/', '--db', path.join(missing, 'x.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot create the store: the folder .*nope\/deeper does not exist/);
    expect(existsSync(path.join(dir, 'nope'))).toBe(false);
  });

  it('forgets files, prunes those gone, and reindex --all leaves nothing stale for a vanished file', async () => {
    const news = path.join(dir, 'news');
    cpSync('seeds', news, { recursive: true });
    const local = { RUMOURS_DB: path.join(dir, 'hygiene.db') };
    await rumours(['extract', news, '-f', 'json'], { env: local });
    const count = async () => (JSON.parse((await rumours(['stats', '-f', 'json'], { env: local })).stdout) as { articles: number; stale: number });
    expect((await count()).articles).toBe(5);
    const forgot = await rumours(['forget', path.join(news, '000_15d79670752df58c.txt')], { env: local });
    expect(forgot.stderr).toBe('rumours: forgot 1 article\n');
    unlinkSync(path.join(news, '001_61b3b55719026876.txt'));
    const re = await rumours(['reindex', '--all'], { env: local });
    expect(re.status).toBe(2);
    expect(await count()).toMatchObject({ articles: 4, stale: 0 });
    const pruned = await rumours(['prune'], { env: local });
    expect(pruned.stderr).toBe('rumours: dropped 1 article whose file is gone\n');
    expect((await count()).articles).toBe(3);
    const all = await rumours(['forget', news], { env: local });
    expect(all.stderr).toBe('rumours: forgot 3 articles\n');
  });

  it('stats on an empty store prints zeros and exits 0', async () => {
    const r = await rumours(['stats', '-f', 'table'], { env: { RUMOURS_DB: path.join(dir, 'never.db') } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^articles {2}0 /m);
  });
});

describe('walking', () => {
  it('skips node_modules and what .gitignore and .ignore exclude, unless --no-ignore', async () => {
    const project = path.join(dir, 'project');
    for (const d of ['.git', 'node_modules/pkg', 'drafts', 'news', 'scratch']) mkdirSync(path.join(project, d), { recursive: true });
    const text = 'Date: 2025-01-02\n\nLiverpool have made a £30m bid for Carlos Baleba.\n';
    for (const f of ['node_modules/pkg/README.md', 'drafts/a.txt', 'news/b.txt', 'scratch/c.txt', 'news/keep.log.txt']) writeFileSync(path.join(project, f), text);
    writeFileSync(path.join(project, '.gitignore'), 'drafts/\n*.log.txt\n');
    writeFileSync(path.join(project, '.ignore'), 'scratch/\n');
    const files = async (...extra: string[]) =>
      (JSON.parse((await rumours(['extract', project, '-f', 'json', '--no-store', ...extra])).stdout) as { articles: Array<{ file: string }> }).articles.map((a) => path.relative(project, a.file));
    expect(await files()).toEqual(['news/b.txt']);
    // A folder named outright is read even when ignored, as ripgrep reads it.
    const drafts = await rumours(['extract', path.join(project, 'drafts'), '-f', 'json', '--no-store']);
    expect((JSON.parse(drafts.stdout) as { articles: unknown[] }).articles).toHaveLength(1);
    expect((await files('--no-ignore')).sort()).toEqual(['drafts/a.txt', 'news/b.txt', 'news/keep.log.txt', 'node_modules/pkg/README.md', 'scratch/c.txt']);
  });

  it('reads - in its place among the paths, as cat does', async () => {
    const r = await rumours(['extract', 'seeds/004_0250054e5ce0b868.txt', '-', 'seeds/000_15d79670752df58c.txt', '-f', 'ndjson', '--no-store'], { input: 'Date: 2025-01-02\n\nLiverpool have made a £30m bid for Carlos Baleba.\n' });
    expect(lines(r.stdout).map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(['seeds/004_0250054e5ce0b868.txt', '-', 'seeds/000_15d79670752df58c.txt']);
  });
});
