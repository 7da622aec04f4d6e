// Hostile world, part 2 (issue 16), end to end: a walk that always ends, a store that is never held
// hostage, signals that always stop, and output that nothing can turn into terminal commands. Every
// case is made here in a temporary directory; the runs start together in beforeAll.
// (The store's own cases, on the Store and the run through it, are in test/store/hostile.test.ts.)
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';
import { walk, type WalkItem } from '../../src/read/walk.js';
import { Article, Document } from '../../src/schema.js';
import { BIN, lines, ROOT, rumours, testEnv, type Ran } from './_run.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let dir: string;
let r: Record<string, Ran>;
const t = (name: string) => path.join(dir, name);
const files = (items: WalkItem[]) => items.flatMap((i) => (i.kind === 'file' ? [path.relative(dir, i.file)] : []));
const errors = (items: WalkItem[]) => items.flatMap((i) => (i.kind === 'error' ? [`${path.relative(dir, i.file)}: ${i.reason}`] : []));

/** Run the binary; once `trigger` is on stdout, send each of `signals`, `gap` ms apart. */
function signalled(args: string[], signals: NodeJS.Signals[], trigger: string, opts: { gap?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: testEnv() });
    let out = '';
    let err = '';
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      signals.forEach((s, i) => setTimeout(() => child.kill(s), i * (opts.gap ?? 0)));
    };
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes(trigger)) send();
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ stdout: out, stderr: err, status: status ?? (signal ? -1 : null) }));
  });
}

/** A small tree where every folder holds two links to the one below: 2^depth paths, depth + 1 folders. */
function linkTree(root: string, depth: number): void {
  mkdirSync(path.join(root, 'd0'), { recursive: true });
  writeFileSync(path.join(root, 'd0/a.txt'), 'Arsenal have made a bid for Porto winger Diogo Costa.\n');
  for (let i = 1; i <= depth; i++) {
    mkdirSync(path.join(root, `d${i}`));
    symlinkSync(`../d${i - 1}`, path.join(root, `d${i}/x`));
    symlinkSync(`../d${i - 1}`, path.join(root, `d${i}/y`));
  }
}

// About 1.6 MB: over what a pool worker's heap held (64 MB), under --max-size.
const BIG_PARAGRAPH = `Arsenal want Porto winger Diogo Costa. ${'the club want to keep him and talks go on '.repeat(40)}\n\n`;
const SMALL = 'Chelsea have made a £30m bid for Lazio winger Marco Bellini, Sky Sports reports.\n';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rumours-hostile2-'));
  chmodSync(dir, 0o755);
  linkTree(t('tree'), 10);
  // Links that leave the tree and come back up it.
  mkdirSync(t('links/inside'), { recursive: true });
  mkdirSync(t('outside'));
  writeFileSync(t('outside/far.txt'), SMALL);
  writeFileSync(t('links/inside/near.txt'), SMALL);
  symlinkSync(t('outside'), t('links/away'));
  symlinkSync('..', t('links/inside/up'));
  symlinkSync(t('outside/far.txt'), t('links/far-link.txt'));
  // Followed (-L) into the whole file system: a walk that would take long, stopped by a signal.
  mkdirSync(t('root'));
  symlinkSync('/', t('root/all'));
  // Large articles.
  mkdirSync(t('big'));
  writeFileSync(t('big/a.txt'), SMALL);
  writeFileSync(t('big/b.txt'), BIG_PARAGRAPH.repeat(Math.ceil((1.6 * 1024 * 1024) / BIG_PARAGRAPH.length)));
  mkdirSync(t('many'));
  for (let i = 0; i < 60; i++) writeFileSync(t(`many/${String(i).padStart(3, '0')}.txt`), SMALL.repeat(20));
  // A name that is not UTF-8 (Latin-1 é), and names and text with terminal escapes.
  mkdirSync(t('names'));
  writeFileSync(Buffer.concat([Buffer.from(t('names/caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), SMALL);
  writeFileSync(t('names/\u001b]0;owned\u0007\u009b2J.txt'), 'Chelsea have made a £30m bid for Lazio winger Marco\u202e Bellini\u009b2J, Sky Sports\u001b]0;owned\u0007 reports.\n');
  // Stores: another program's database, one of ours (for read-only and damaged copies).
  const contacts = new Database(t('contacts.db'));
  contacts.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')");
  contacts.close();
  await rumours(['extract', t('names'), '--db', t('ours.db'), '-q', '-f', 'json']);
  mkdirSync(t('ro'));
  copyFileSync(t('ours.db'), t('ro/store.db'));
  chmodSync(t('ro'), 0o555);
  // Damaged: every page but the first overwritten.
  const bytes = readFileSync(t('ours.db'));
  const page = bytes.readUInt16BE(16);
  writeFileSync(t('damaged.db'), Buffer.concat([bytes.subarray(0, page), Buffer.alloc(bytes.length - page, 0xa5)]));
  // Gold files that are not gold files.
  writeFileSync(t('huge.gold.json'), '');
  truncateSync(t('huge.gold.json'), 70 * 1024 * 1024);

  const asNobody = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  const runs: Record<string, Promise<Ran>> = {
    tree: rumours(['extract', t('tree/d10'), '-f', 'json', '--no-store']),
    treeFollowed: rumours(['extract', t('tree/d10'), '-L', '-f', 'json', '--no-store']),
    links: rumours(['extract', t('links'), '-f', 'json', '--no-store']),
    linksFollowed: rumours(['extract', t('links'), '--follow', '-f', 'json', '--no-store']),
    // The document's head is written before the walk starts.
    walkSignal: signalled(['extract', t('root'), '-L', '-f', 'json', '--no-store'], ['SIGINT'], '"articles"'),
    bigJobs: rumours(['extract', t('big'), '--jobs', '2', '-f', 'ndjson', '--no-store']),
    bigSignal: signalled(['extract', t('big'), '-f', 'ndjson', '--no-store'], ['SIGTERM'], '\n'),
    twice: signalled(['extract', t('big'), '-f', 'json', '--no-store'], ['SIGINT', 'SIGINT'], '"file"', { gap: 50 }),
    hup: signalled(['extract', t('many'), '-f', 'json', '--db', t('hup.db')], ['SIGHUP'], '"file"'),
    names: rumours(['extract', t('names'), '-f', 'csv', '--csv-table', 'players', '--no-store']),
    namesJson: rumours(['extract', t('names'), '-f', 'json', '--no-store']),
    search: rumours(['search', 'Bellini', '--db', t('ours.db'), '-f', 'csv']),
    long: rumours(['player', Array.from({ length: 3000 }, () => 'Bellini').join(' '), '--db', t('ours.db')]),
    contactsStats: rumours(['stats', '--db', t('contacts.db')]),
    contactsExtract: rumours(['extract', t('big/a.txt'), '--db', t('contacts.db'), '-f', 'json']),
    readOnly: rumours(['stats', '--db', t('ro/store.db'), '-f', 'json'], asNobody),
    readOnlyExtract: rumours(['extract', t('big/a.txt'), '--db', t('ro/store.db'), '-f', 'json'], asNobody),
    damaged: rumours(['extract', t('big/a.txt'), t('names'), '--db', t('damaged.db'), '-f', 'json']),
    emptyDb: rumours(['extract', t('big/a.txt'), '--db', '', '-f', 'json']),
    emptyEnv: rumours(['stats'], { env: { RUMOURS_DB: '', HOME: t('home') } }),
    zeroGold: rumours(['eval', '/dev/zero', t('big/a.txt')]),
    hugeGold: rumours(['eval', t('huge.gold.json'), t('big/a.txt')]),
  };
  const done = await Promise.all(Object.values(runs));
  r = Object.fromEntries(Object.keys(runs).map((k, i) => [k, done[i] as Ran]));
}, 60_000);

afterAll(() => {
  if (!dir) return;
  chmodSync(t('ro'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('a walk that always ends', () => {
  it('reads each real directory once (device and inode): 2^10 paths through links are one folder', () => {
    const all = [...walk([t('tree/d10')], { ext: ['txt'], follow: true })];
    expect(files(all)).toEqual([`tree/d10/x/${'x/'.repeat(9)}a.txt`]);
    expect(errors(all)).toEqual([]);
    expect(Document.parse(JSON.parse(r.treeFollowed!.stdout)).articles).toHaveLength(1);
  });

  it('does not follow links inside a directory unless asked (-L/--follow), and says so when that leaves nothing', () => {
    expect(files([...walk([t('tree/d10')], { ext: ['txt'] })])).toEqual([]);
    const { stdout, stderr, status } = r.tree!;
    expect(status).toBe(2);
    expect(JSON.parse(stdout).articles).toEqual([]);
    expect(stderr).toBe(`rumours: ${t('tree/d10')}: no articles in directory (looked for .txt, .md; 2 symbolic links not followed: --follow follows them)\n`);
  });

  it('without --follow reads what is in the tree; with it, links that leave the tree too, and a link back up is a loop', () => {
    expect(Document.parse(JSON.parse(r.links!.stdout)).articles.map((a) => path.relative(dir, a.file))).toEqual(['links/inside/near.txt']);
    expect(r.links!.stderr).toBe('');
    const followed = r.linksFollowed!;
    expect(Document.parse(JSON.parse(followed.stdout)).articles.map((a) => path.relative(dir, a.file))).toEqual(['links/away/far.txt', 'links/far-link.txt', 'links/inside/near.txt']);
    expect(followed.stderr).toBe(`rumours: ${t('links/inside/up')}: symlink loop (directory already visited)\n`);
  });

  it('gives the event loop its turn while it walks many folders', () => {
    for (let i = 0; i < 130; i++) mkdirSync(t(`wide/${i}`), { recursive: true });
    const items = [...walk([t('wide')], { ext: ['txt'] })];
    expect(items.some((i) => i.kind === 'pause')).toBe(true);
  });

  it('stops on Ctrl-C in the middle of a long walk (-L into /), the document closed (exit 130)', () => {
    const { stdout, stderr, status } = r.walkSignal!;
    expect(status).toBe(130);
    expect(Document.parse(JSON.parse(stdout)).articles).toEqual([]);
    expect(stderr).toMatch(/^rumours: interrupted after 0 of \d+ articles; output closed\n$/);
  });

  it('reads a file whose name is not UTF-8, showing the bad byte as \\xNN', () => {
    const doc = Document.parse(JSON.parse(r.namesJson!.stdout));
    const cafe = doc.articles.find((a) => a.file.endsWith('caf\\xe9.txt'));
    expect(cafe?.players.map((p) => p.name)).toEqual(['Marco Bellini']);
    expect(r.namesJson!.stderr).toBe('');
  });
});

describe('large articles and signals', () => {
  it('extracts an article of 1.6 MB with workers, as without', () => {
    const { stdout, stderr, status } = r.bigJobs!;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const articles = lines(stdout).map((l) => Article.parse(JSON.parse(l)));
    expect(articles.map((a) => path.basename(a.file))).toEqual(['a.txt', 'b.txt']);
    expect(articles[1]?.players.map((p) => p.name)).toEqual(['Diogo Costa']);
  });

  it('stops on SIGTERM in the middle of a long article, without waiting for it (exit 143)', () => {
    const { stdout, stderr, status } = r.bigSignal!;
    expect(status).toBe(143);
    expect(lines(stdout).map((l) => path.basename(Article.parse(JSON.parse(l)).file))).toEqual(['a.txt']);
    expect(stderr).toBe('rumours: terminated after 1 of 2 articles; output closed\n');
  });

  it('exits at once on a second Ctrl-C, the document still closed', () => {
    const { stdout, status } = r.twice!;
    expect(status).toBe(130);
    expect(Document.parse(JSON.parse(stdout)).articles.map((a) => path.basename(a.file))).toEqual(['a.txt']);
  });

  it('treats SIGHUP as Ctrl-C: the JSON document closed, exit 129', () => {
    const { stdout, stderr, status } = r.hup!;
    expect(status).toBe(129);
    const n = Document.parse(JSON.parse(stdout)).articles.length;
    expect(n).toBeGreaterThan(0);
    expect(stderr).toBe(`rumours: hung up after ${n} of 60 articles; output closed\n`);
    // The store is closed as on Ctrl-C: what was recorded is committed, and no -wal or -shm is left.
    expect([existsSync(t('hup.db-wal')), existsSync(t('hup.db-shm'))]).toEqual([false, false]);
    const d = new Database(t('hup.db'), { readonly: true });
    expect((d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBeGreaterThan(0);
    d.close();
  });
});

describe('output that cannot act on a terminal', () => {
  const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('keeps control characters out of every CSV cell, file names included', () => {
    const { stdout, status } = r.names!;
    expect(status).toBe(0);
    expect(stdout).not.toMatch(controls);
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => path.basename(x.file ?? ''))).toEqual(['?]0;owned??2J.txt', 'caf\\xe9.txt']);
    expect(r.search!.stdout).toContain('Bellini');
    expect(r.search!.stdout).not.toMatch(controls);
  });

  it('escapes them in JSON, where they read back the same', () => {
    const { stdout } = r.namesJson!;
    expect(stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('\\u009b2J');
    const doc = Document.parse(JSON.parse(stdout));
    expect(doc.articles.some((a) => a.file.includes('\u009b'))).toBe(true);
  });

  it('refuses a 3,000-word player name with a clear line', () => {
    const { stderr, status } = r.long!;
    expect(status).toBe(2);
    expect(stderr).toBe("rumours: player: the name is too long (3000 words, 23999 characters; a player's name has at most 12 words and 200 characters)\n");
  });
});

describe('a store that is never held hostage', () => {
  it('refuses to touch a SQLite database of another program, and leaves it as it was', () => {
    expect(r.contactsStats!.status).toBe(2);
    expect(r.contactsStats!.stderr).toBe(`rumours: ${t('contacts.db')}: not a rumours store (a database of another program); rumours writes only to an empty file or its own store: use another --db\n`);
    const d = new Database(t('contacts.db'), { readonly: true });
    expect(d.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['contacts']);
    expect(d.pragma('journal_mode', { simple: true })).toBe('delete');
    d.close();
  });

  it('still prints what it extracted when the store is refused, and says so in one line (exit 2)', () => {
    const { stdout, stderr, status } = r.contactsExtract!;
    expect(status).toBe(2);
    expect(Document.parse(JSON.parse(stdout)).articles).toHaveLength(1);
    expect(lines(stderr)).toEqual([expect.stringMatching(/contacts\.db: not a rumours store .*; the articles are printed without the store \(--no-store: without this message\)$/)]);
  });

  it(`answers queries from a store it may not write${isRoot ? ' (run as nobody)' : ''}`, () => {
    const { stdout, stderr, status } = r.readOnly!;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ articles: 2 });
  });

  it('prints what it extracted when the store cannot be written, naming it and --no-store', () => {
    const { stdout, stderr, status } = r.readOnlyExtract!;
    expect(status).toBe(2);
    expect(Document.parse(JSON.parse(stdout)).articles).toHaveLength(1);
    expect(lines(stderr)).toEqual([expect.stringMatching(/ro\/store\.db: cannot write to the store \(.*\); the articles are printed without the store \(--no-store/)]);
  });

  it('says which store is damaged and how to recover, and prints every article', () => {
    const { stdout, stderr, status } = r.damaged!;
    expect(status).toBe(2);
    expect(Document.parse(JSON.parse(stdout)).articles).toHaveLength(3);
    expect(lines(stderr)).toEqual([expect.stringMatching(/damaged\.db: the store is damaged \(.*\): move it aside and run again .*--no-store/)]);
  });

  it('refuses an empty --db or RUMOURS_DB rather than using the default store', () => {
    expect(r.emptyDb!.status).toBe(2);
    expect(r.emptyDb!.stdout).toBe('');
    expect(r.emptyDb!.stderr).toBe("rumours: option '--db <path>' argument '' is invalid. the path is empty (--no-store records nothing)\n");
    expect(r.emptyEnv!.status).toBe(2);
    expect(r.emptyEnv!.stderr).toBe("rumours: RUMOURS_DB is set but empty: give it the store's path, or unset it\n");
  });
});

describe('text in odd encodings', () => {
  const text = 'Arsenal want Porto winger Diogo Costa.';
  const utf32 = (le: boolean) => {
    const b = Buffer.alloc(4 * (text.length + 1));
    b.writeUInt32LE(0xfeff, 0);
    if (!le) b.writeUInt32BE(0xfeff, 0);
    [...text].forEach((c, i) => (le ? b.writeUInt32LE(c.codePointAt(0) ?? 0, 4 * (i + 1)) : b.writeUInt32BE(c.codePointAt(0) ?? 0, 4 * (i + 1))));
    return b;
  };

  it('reads UTF-32 with a byte order mark', () => {
    expect(decode(utf32(true))).toEqual({ ok: true, text, warnings: [] });
    expect(decode(utf32(false))).toEqual({ ok: true, text, warnings: [] });
  });

  it('reads UTF-16 without a byte order mark, with a warning', () => {
    expect(decode(Buffer.from(text, 'utf16le'))).toEqual({ ok: true, text, warnings: ['no byte order mark, but the bytes are text in UTF-16LE: read so'] });
    expect(decode(Buffer.from(text, 'utf16le').swap16())).toEqual({ ok: true, text, warnings: ['no byte order mark, but the bytes are text in UTF-16BE: read so'] });
  });
});

describe('eval', () => {
  it('refuses a gold path that is not a regular file, or far too large, before reading it', () => {
    expect(r.zeroGold!.status).toBe(2);
    expect(r.zeroGold!.stderr).toContain('/dev/zero: not a regular file');
    expect(r.hugeGold!.status).toBe(2);
    expect(r.hugeGold!.stderr).toContain('huge.gold.json: too large for a gold file (70 MB > 64 MB)');
  });
});
