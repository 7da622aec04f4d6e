// Hostile input, end to end (issue 6): every bad input made here in a temporary directory, the CLI
// run on it beside good files (the binary itself where signals or another user are the point), and
// stdout, stderr and the exit code checked. Each failure is one line naming the file and the reason,
// and the good files are printed in full in the same run.
// (test/cli/errors.test.ts covers the first bad inputs and terminal escapes in the table; the closed
// pipes of json and ndjson are in test/cli/extract.test.ts.)
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Article, Document } from '../../src/schema.js';
import { BIN, lines, ROOT, rumours, sh, testEnv, type Ran } from './_run.js';

// root reads files whatever their mode: the permission cases then run the binary as "nobody", when
// that user may run it (checked in beforeAll); otherwise they are skipped and say so.
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
let asNobodyWorks = !isRoot;
const node = JSON.stringify(process.execPath);
const bin = JSON.stringify(BIN);

let dir: string;
let r: Record<string, Ran>;
const t = (name: string) => path.join(dir, name);
const latin1 = (s: string) => Buffer.from(s, 'latin1');
const articleIn = (ran: Ran, file: string): Article => {
  const a = Document.parse(JSON.parse(ran.stdout)).articles.find((x) => x.file === file);
  if (!a) throw new Error(`no article for ${file}`);
  return a;
};

/** Run the binary until `trigger` is on stdout (its first article), then send `signal`. Standard input stays open. */
function interruptAfterFirst(args: string[], signal: NodeJS.Signals, trigger = '"file"'): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: testEnv() });
    let out = '';
    let err = '';
    let sent = false;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (!sent && out.includes(trigger)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout: out, stderr: err, status }));
  });
}

/** As `rumours`, but as the unprivileged user when the suite runs as root. */
function asNobody(args: string[]): Promise<Ran> {
  return rumours(args, isRoot ? { uid: NOBODY, gid: NOBODY } : {});
}

// A 1 MB line: a fact at the start, plain prose, the last fact at the very end.
const FILLER = 'the midfielder has been in fine form this season and the club want to keep him, ';
const LINE_END = 'and Arsenal have made a £45m bid for Porto winger Diogo Costa';
const HTML = `<!DOCTYPE html>
<html><head><title>Spurs news</title><style>body { color: red }</style>
<script>var club = "Barcelona"; document.write("<p>Lionel Messi said: 'Hello there my friend'</p>");</script></head>
<body><nav><a href="/">Home</a> &middot; <a href="/sport">Sport</a></nav>
<article><h1>Spurs bid for Maddison</h1>
<p>Tottenham have made a &pound;40m bid for Leicester midfielder James Maddison, Sky Sports reports.</p>
<!-- <p>Juventus want Paulo Dybala for &euro;90m.</p> -->
<p>&ldquo;He is a top player and we want him,&rdquo; said Ange Postecoglou. Spurs &amp; Leicester are still talking.</p>
</article><script>trackUser("Juventus", { fee: "£1m" });</script></body></html>`;

beforeAll(async () => {
  if (isRoot) asNobodyWorks = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, uid: NOBODY, gid: NOBODY }).status === 0;
  dir = mkdtempSync(path.join(tmpdir(), 'rumours-hostile-'));
  chmodSync(dir, 0o755); // "nobody" must get in to be refused the files
  mkdirSync(t('ok'));
  // Latin-1 (no bytes in 0x80-0x9F) and Windows-1252 (curly quotes and the euro sign there).
  writeFileSync(t('ok/latin1.txt'), latin1('date 2025-08-14 Lyon have agreed a \xa325m fee with Chelsea for defender R\xe9my Cabella.\n'));
  writeFileSync(t('ok/cp1252.txt'), Buffer.concat([latin1('Napoli want '), Buffer.from([0x80]), latin1('30m for Lazio winger Luca Ferri.\n\n'), Buffer.from([0x93]), latin1('We are delighted with him,'), Buffer.from([0x94]), latin1(' said Maurizio Sarri.\n')]));
  writeFileSync(t('ok/utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Arsenal have made a £40m bid for Porto winger Diogo Costa, BBC Sport understands.\r\n\r\n“He is a fine player,” said Mikel Arteta.\r\n', 'utf16le')]));
  writeFileSync(t('ok/mixed.txt'), 'Liverpool are in talks with Bayer Leverkusen over Florian Wirtz.\r\nThe fee could reach £100m.\rThe German club want to keep him.\n\nSky Sports reports that a deal is close.\r\n');
  let line = 'Everton want Lille forward Sam Okafor, ';
  while (line.length < 1024 * 1024) line += FILLER;
  writeFileSync(t('ok/one-line.txt'), line + LINE_END);
  writeFileSync(t('ok/no-punctuation.txt'), 'Newcastle want Brentford striker Ivan Toney for 40 million pounds and the talks go on and on with no end in sight');
  writeFileSync(t('ok/bad-date.txt'), 'date 2025-13-45 Tottenham have agreed a fee with Brentford for Bryan Mbeumo.\n');
  writeFileSync(t('page.html'), HTML);
  // A loop under a directory that also holds an article: the link is not followed (no --follow), the
  // article read (test/cli/hostile-2.test.ts follows links).
  mkdirSync(t('ok/loop'));
  symlinkSync('..', t('ok/loop/back'));
  writeFileSync(t('ok/loop/inner.txt'), 'Fulham are keen on Ajax midfielder Kenneth Taylor.\n');
  mkdirSync(t('no-articles'));
  writeFileSync(t('no-articles/notes.json'), '{}');
  symlinkSync('self.txt', t('self.txt'));
  symlinkSync('nowhere.txt', t('dangling.txt'));
  spawnSync('mkfifo', [t('pipe.txt'), t('ok/stuck.txt')]);
  writeFileSync(t('empty.txt'), '');
  writeFileSync(t('whitespace.txt'), ' \n\t\r\n  \n');
  writeFileSync(t('nul.txt'), 'Chelsea want\u0000 a striker\u0000.');
  writeFileSync(t('png.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(t('gzip.txt'), gzipSync('Arsenal have made a £40m bid for Porto winger Diogo Costa.'));
  // 6 MB without a byte on disk: over the 5 MB default. If it were read, it would be "binary (NUL)".
  writeFileSync(t('big.txt'), '');
  truncateSync(t('big.txt'), 6 * 1024 * 1024);
  // Permission: a file and a directory nobody may read, beside a good file.
  writeFileSync(t('secret.txt'), 'Everton are keen on Lille forward Sam Okafor.\n');
  chmodSync(t('secret.txt'), 0o000);
  mkdirSync(t('locked'));
  writeFileSync(t('locked/inside.txt'), 'Everton are keen on Lille forward Sam Okafor.\n');
  chmodSync(t('locked'), 0o000);
  // Many articles, for Ctrl-C and closed pipes part-way through.
  mkdirSync(t('many'));
  for (let i = 0; i < 200; i++) {
    const body = `Liverpool are keen on Brighton midfielder Carlos Baleba, Sky Sports reports. The Reds have made a £${i + 1}m bid. "He is a fine player," said Arne Slot. Real Madrid also want the 21-year-old.\n\n`;
    writeFileSync(t(`many/${String(i).padStart(3, '0')}.txt`), body.repeat(8));
  }
  // Output safety: file names and article text that a spreadsheet or a terminal would act on.
  mkdirSync(t('evil'));
  const evil =
    'Chelsea have made a £30m bid for Lazio winger Marco Bellini, Sky Sports reports.\n\n' +
    '"@Bellini is the one we want, no doubt about it," said Enzo Maresca.\n\n' +
    '"=1+2, or rather, a \'fair\' price, is what we offered," said Maresca.\n\n' +
    '"-5 degrees\tor not, he will sign for us," said Maresca.\n';
  writeFileSync(t('evil/=cmd.txt'), evil);
  for (const name of ['@at.txt', '+plus.txt', '\ttab.txt']) writeFileSync(t(`evil/${name}`), '"We want him, and we will get him," said Enzo Maresca.\n');
  writeFileSync(t('controls.txt'), 'Chelsea have made a £30m bid for Lazio winger Marco\u202e Bellini\u009b2J\u0007, Sky Sports\u001b]0;owned\u0007 reports.\n');

  const bad = ['missing.txt', 'no-articles', 'self.txt', 'dangling.txt', 'pipe.txt', 'empty.txt', 'whitespace.txt', 'nul.txt', 'png.txt', 'gzip.txt', 'big.txt'].map(t);
  // Small runs stay on the main thread by default: no worker start-up to pay. Reading, where hostile
  // input bites, is on the main thread either way (test/cli/jobs.test.ts compares threads).
  const one: string[] = [];
  const runs: Record<string, Promise<Ran>> = {
    all: rumours(['extract', t('ok'), t('page.html'), ...bad, '/dev/zero', '--format', 'json', ...one]),
    // Standard input here is closed at once, before any text arrived.
    permission: asNobodyWorks ? asNobody(['extract', '-', t('secret.txt'), t('locked'), t('ok/latin1.txt'), '--format', 'ndjson', ...one]) : rumours(['extract', '-', t('ok/latin1.txt'), '--format', 'ndjson', ...one]),
    head: sh('bash', ['-c', `${node} ${bin} extract ${JSON.stringify(t('many'))} --format csv | head -1; echo "status=\${PIPESTATUS[0]}"`]),
    sigint: interruptAfterFirst(['extract', t('many'), '--format', 'json', ...one], 'SIGINT'),
    // Waiting for standard input that never ends: stopped anyway once the grace time is up.
    stuck: interruptAfterFirst(['extract', '-', t('ok/latin1.txt'), '--format', 'json', ...one], 'SIGTERM', '"articles"'),
    // With standard input over --max-size, which is refused.
    csv: rumours(['extract', '=cmd.txt', '@at.txt', '+plus.txt', '\ttab.txt', '-', '--max-size', '1k', '--format', 'csv', '--csv-table', 'quotes', ...one], {
      cwd: t('evil'),
      input: 'Arsenal want a striker. '.repeat(100),
    }),
    table: rumours(['extract', t('controls.txt'), '--format', 'table', ...one]),
  };
  // A full disk. JSON written article by article is covered in-process (test/unit/cli.test.ts).
  if (existsSync('/dev/full')) runs.full = sh('bash', ['-c', `${node} ${bin} extract ${JSON.stringify(t('ok/latin1.txt'))} --format table > /dev/full; echo "status=$?"`]);
  const done = await Promise.all(Object.values(runs));
  r = Object.fromEntries(Object.keys(runs).map((k, i) => [k, done[i] as Ran]));
}, 60_000);

afterAll(() => {
  if (!dir) return;
  chmodSync(t('locked'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('bad inputs beside good ones', () => {
  it('gives one line per bad input, naming the file and the reason, and exits 2', () => {
    const { stderr, status } = r.all!;
    expect(status).toBe(2);
    const failures = [
      `${t('missing.txt')}: no such file or directory`,
      `${t('no-articles')}: no articles in directory (looked for .txt, .md)`,
      `${t('self.txt')}: symlink loop`,
      `${t('dangling.txt')}: broken symbolic link (its target does not exist)`,
      `${t('pipe.txt')}: not a regular file (a FIFO, socket or device is not read)`,
      '/dev/zero: not a regular file (a FIFO, socket or device is not read)',
      `${t('ok/stuck.txt')}: not a regular file (a FIFO, socket or device is not read)`,
      `${t('empty.txt')}: empty file`,
      `${t('whitespace.txt')}: no text (only whitespace)`,
      `${t('nul.txt')}: binary file (contains NUL bytes)`,
      `${t('png.txt')}: binary file (a PNG image)`,
      `${t('gzip.txt')}: binary file (gzip data)`,
      `${t('big.txt')}: larger than the size limit (6.0 MB > 5.0 MB; see --max-size)`,
    ].map((l) => `rumours: ${l}`);
    const warnings = [
      `${t('ok/latin1.txt')}: not valid UTF-8; read as Windows-1252 (Latin-1)`,
      `${t('ok/cp1252.txt')}: not valid UTF-8; read as Windows-1252 (Latin-1)`,
      `${t('ok/bad-date.txt')}: malformed date header "2025-13-45"; date set to null`,
      `${t('page.html')}: read as HTML: tags, scripts and styles removed`,
    ].map((l) => `rumours: warning: ${l}`);
    expect(lines(stderr).sort()).toEqual([...failures, ...warnings].sort());
  });

  it('prints every good file in full, in order, as one valid JSON document', () => {
    const doc = Document.parse(JSON.parse(r.all!.stdout));
    expect(doc.articles.map((a) => path.relative(dir, a.file))).toEqual([
      'ok/bad-date.txt',
      'ok/cp1252.txt',
      'ok/latin1.txt',
      'ok/loop/inner.txt',
      'ok/mixed.txt',
      'ok/no-punctuation.txt',
      'ok/one-line.txt',
      'ok/utf16.txt',
      'page.html',
    ]);
    expect(articleIn(r.all!, t('ok/loop/inner.txt')).players.map((p) => p.name)).toEqual(['Kenneth Taylor']);
  });

  it('reads Latin-1 and Windows-1252 right: £, é, € and curly quotes', () => {
    const latin = articleIn(r.all!, t('ok/latin1.txt'));
    expect(latin.date).toBe('2025-08-14');
    expect(latin.players.map((p) => p.name)).toContain('Rémy Cabella');
    expect(latin.fees.map((f) => [f.text, f.amount, f.currency])).toEqual([['£25m', 25_000_000, 'GBP']]);
    const cp = articleIn(r.all!, t('ok/cp1252.txt'));
    expect(cp.fees.map((f) => [f.text, f.amount, f.currency])).toEqual([['€30m', 30_000_000, 'EUR']]);
    expect(cp.quotes.map((q) => [q.text, q.speaker])).toEqual([['We are delighted with him', 'Maurizio Sarri']]);
    expect(cp.quotes[0]?.evidence.sentence).toBe('“We are delighted with him,” said Maurizio Sarri.');
  });

  it('reads UTF-16 with a byte order mark, without a warning', () => {
    const a = articleIn(r.all!, t('ok/utf16.txt'));
    expect(a.warnings).toEqual([]);
    expect(a.fees.map((f) => f.amount)).toEqual([40_000_000]);
    expect(a.quotes.map((q) => [q.text, q.speaker])).toEqual([['He is a fine player', 'Mikel Arteta']]);
    expect(a.sources.map((s) => s.name)).toEqual(['BBC Sport']);
  });

  it('reads mixed line endings, offsets still pointing into the file as written', () => {
    const a = articleIn(r.all!, t('ok/mixed.txt'));
    const original = readFileSync(t('ok/mixed.txt'), 'utf8');
    const fee = a.fees[0];
    expect(fee && original.slice(fee.evidence.start, fee.evidence.end)).toBe('£100m');
    expect(fee?.evidence.sentence).toBe('The fee could reach £100m.');
    expect(a.rumours.map((x) => [x.player, x.from, x.to])).toEqual([['Florian Wirtz', 'Bayer Leverkusen', 'Liverpool']]);
    expect(a.sources.map((s) => s.name)).toEqual(['Sky Sports']);
  });

  it('reads a 1 MB single line to its last word, each fact with a bounded sentence', () => {
    const a = articleIn(r.all!, t('ok/one-line.txt'));
    const original = readFileSync(t('ok/one-line.txt'), 'utf8');
    const fee = a.fees.find((f) => f.amount === 45_000_000);
    expect(fee && original.slice(fee.evidence.start, fee.evidence.end)).toBe('£45m');
    expect(a.players.map((p) => p.name)).toEqual(['Sam Okafor', 'Diogo Costa']);
    for (const x of [...a.players, ...a.clubs, ...a.fees, ...a.rumours]) expect(x.evidence.sentence.length).toBeLessThanOrEqual(2000);
  });

  it('reads text with no sentence punctuation at all', () => {
    const a = articleIn(r.all!, t('ok/no-punctuation.txt'));
    expect(a.players.map((p) => p.name)).toEqual(['Ivan Toney']);
    expect(a.fees.map((f) => f.amount)).toEqual([40_000_000]);
    expect(a.rumours.map((x) => [x.player, x.from, x.to])).toEqual([['Ivan Toney', 'Brentford', 'Newcastle United']]);
  });

  it('reads a page saved from a browser: tags stripped, entities decoded, scripts, styles and comments dropped', () => {
    const a = articleIn(r.all!, t('page.html'));
    expect(a.clubs.map((c) => c.name).sort()).toEqual(['Leicester City', 'Tottenham Hotspur']);
    expect(a.fees.map((f) => [f.text, f.amount])).toEqual([['£40m', 40_000_000]]);
    expect(a.quotes.map((q) => [q.text, q.speaker])).toEqual([['He is a top player and we want him', 'Ange Postecoglou']]);
    const facts = JSON.stringify([a.players, a.people, a.clubs, a.fees, a.quotes, a.sources, a.rumours]);
    for (const gone of ['Barcelona', 'Messi', 'Hello there', 'Juventus', 'Dybala', 'trackUser', 'color', '<', '&pound;', '&amp;', '&ldquo;']) expect(facts).not.toContain(gone);
    // Offsets still point into the page as saved, entities and all.
    const fee = a.fees[0];
    expect(fee && HTML.slice(fee.evidence.start, fee.evidence.end)).toBe('&pound;40m');
  });

  it('reads an article whose date header is malformed, with a null date', () => {
    const a = articleIn(r.all!, t('ok/bad-date.txt'));
    expect(a.date).toBeNull();
    expect(a.warnings).toEqual(['malformed date header "2025-13-45"; date set to null']);
    expect(a.players.map((p) => p.name)).toEqual(['Bryan Mbeumo']);
    expect(a.players[0]?.evidence.start).toBe(a.players[0] ? 'Tottenham have agreed a fee with Brentford for '.length : -1);
  });

  it(`says "permission denied" for a file and a directory it may not read${isRoot ? ' (run as nobody: root reads anything)' : ''}`, (ctx) => {
    if (!asNobodyWorks) return ctx.skip('running as root, and user "nobody" may not run the binary here');
    const { stdout, stderr, status } = r.permission!;
    expect(status).toBe(2);
    // Directories are walked before files are read, so the directory is reported first.
    expect(lines(stderr).filter((l) => !l.includes('warning') && !l.startsWith('rumours: -:'))).toEqual([
      `rumours: ${t('locked')}: permission denied`,
      `rumours: ${t('secret.txt')}: permission denied`,
    ]);
    expect(lines(stdout).map((l) => Article.parse(JSON.parse(l)).file)).toEqual([t('ok/latin1.txt')]);
  });
});

describe('standard input and standard output', () => {
  it('says plainly when standard input was closed before any text, and reads the rest', () => {
    const { stderr } = r.permission!;
    expect(lines(stderr)).toContain('rumours: -: standard input is empty (it was closed before any text arrived)');
  });

  it('refuses standard input over --max-size', () => {
    const { stderr, status } = r.csv!;
    expect(status).toBe(2);
    expect(stderr).toBe('rumours: -: standard input is larger than the size limit (1.0 KB; see --max-size)\n');
  });

  it('stops quietly with exit 0 when the reader of a CSV goes away part-way', () => {
    const { stdout, stderr } = r.head!;
    const out = lines(stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^file,date,player,from,to,status,/);
    expect(out[1]).toBe('status=0');
    expect(stderr).toBe('');
  });

  // A table (and `schema`, `player`) is written in one go at the end; the write error arrives a tick later.
  (existsSync('/dev/full') ? it : it.skip)('says so and exits 2 when a table cannot be written (a full disk)', () => {
    const { stdout, stderr } = r.full!;
    expect(stdout).toBe('status=2\n');
    expect(stderr).toMatch(/^rumours: warning: .*\nrumours: cannot write the output: ENOSPC/);
  });
});

describe('interrupted runs', () => {
  it('closes the JSON document on Ctrl-C and says how far it got (exit 130)', () => {
    const { stdout, stderr, status } = r.sigint!;
    expect(status).toBe(130);
    const doc = Document.parse(JSON.parse(stdout));
    const n = doc.articles.length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(200);
    expect(doc.articles.map((a) => path.basename(a.file))).toEqual(Array.from({ length: n }, (_, i) => `${String(i).padStart(3, '0')}.txt`));
    expect(stderr).toBe(`rumours: interrupted after ${n} of 200 articles; output closed\n`);
  });

  it('stops on SIGTERM even while waiting for standard input that never ends, the document closed', () => {
    const { stdout, stderr, status } = r.stuck!;
    expect(status).toBe(143);
    expect(JSON.parse(stdout)).toEqual({ schema: 'rumours/extract@1', currency: 'EUR', articles: [] });
    expect(stderr).toBe('rumours: terminated after 0 of 2 articles; output closed\n');
  });
});

describe('output safety', () => {
  it('writes CSV that a parser reads back, with formula cells neutralised', () => {
    const { stdout } = r.csv!;
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    // In code-unit order: tab, +, =, @.
    expect(rows.map((x) => x.file)).toEqual(["'\ttab.txt", "'+plus.txt", "'=cmd.txt", "'=cmd.txt", "'=cmd.txt", "'@at.txt"]);
    expect(rows.slice(2, 5).map((x) => x.text)).toEqual([
      "'@Bellini is the one we want, no doubt about it",
      "'=1+2, or rather, a 'fair' price, is what we offered",
      "'-5 degrees or not, he will sign for us",
    ]);
    // Quoted as RFC 4180 says: a cell with commas and quotes is quoted, its quotes doubled.
    expect(rows[2]?.sentence).toBe('"@Bellini is the one we want, no doubt about it," said Enzo Maresca.');
    expect(stdout).toContain(`"""@Bellini is the one we want, no doubt about it,"" said Enzo Maresca."`);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps control characters, bidirectional overrides and escape sequences out of the table', () => {
    const { stdout, stderr, status } = r.table!;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Marco Bellini');
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).not.toContain('owned');
  });
});
