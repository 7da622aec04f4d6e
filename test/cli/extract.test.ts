// `rumours extract` end to end: every format, standard input, colour, closed pipes.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvColumns } from '../../src/format/csv.js';
import { Article, Document } from '../../src/schema.js';
import { BIN, lines, rumours, sh, type Ran } from './_run.js';

const ANSI = /\u001b\[/;
const SEEDS = readFileSync(new URL('../../seeds/000_15d79670752df58c.txt', import.meta.url));

let r: Record<string, Ran>;

beforeAll(async () => {
  const node = JSON.stringify(process.execPath);
  const bin = JSON.stringify(BIN);
  // Spawning node costs most of the time: start every run at once.
  const runs: Record<string, Promise<Ran>> = {
    json: rumours(['extract', 'seeds/']),
    seedsTable: rumours(['extract', 'seeds/', '--format', 'table', '--no-color']),
    ndjson: rumours(['extract', 'fixtures/articles', '-', '--format', 'ndjson'], { input: SEEDS }),
    csv: rumours(['extract', 'seeds/', 'fixtures/articles', '--format', 'csv']),
    csvFees: rumours(['extract', 'seeds/', 'fixtures/articles/crlf-entities.txt', '--format=csv', '--csv-table=fees']),
    // NO_COLOR beats FORCE_COLOR (the other colour rules are checked in-process, test/unit/cli.test.ts).
    table: rumours(['extract', 'seeds/', 'fixtures/articles', '--format', 'table'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }),
    // `| true` closes the pipe before the first write: EPIPE every time. `| head -1` is the usual case.
    pipes: sh('bash', [
      '-c',
      `${node} ${bin} extract seeds/ --format ndjson | head -1; echo "status=\${PIPESTATUS[0]}"; ` +
        `${node} ${bin} extract seeds/ --format json | true; echo "status=\${PIPESTATUS[0]}"`,
    ]),
  };
  const done = await Promise.all(Object.values(runs));
  r = Object.fromEntries(Object.keys(runs).map((k, i) => [k, done[i] as Ran]));
}, 60_000);

describe('rumours extract', () => {
  it('prints JSON by default when stdout is not a terminal, valid against the schema', () => {
    const { stdout, stderr, status } = r.json!;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const doc = Document.parse(JSON.parse(stdout));
    expect(doc.schema).toBe('rumours/extract@1');
    expect(doc.articles.map((a) => a.file)).toEqual([
      'seeds/000_15d79670752df58c.txt',
      'seeds/001_61b3b55719026876.txt',
      'seeds/002_fa59153786622704.txt',
      'seeds/003_d18d2f8dd12fddb9.txt',
      'seeds/004_0250054e5ce0b868.txt',
    ]);
    expect(doc.articles[1]?.date).toBe('2025-09-23');
    expect(doc.articles[4]?.date).toBeNull();
  });

  // The whole output on the seeds, pinned, in this one test. Recognisers change it on purpose: check
  // the diff, then `npm run build && npx vitest run test/cli/extract.test.ts -u`.
  it('extract seeds/ --format json (snapshot)', () => {
    expect(r.json!.stdout).toMatchSnapshot();
  });

  it('extract seeds/ --format table (snapshot): what people read, file:line beside every rumour', () => {
    expect(r.seedsTable!.stdout).toMatchSnapshot();
    expect(r.seedsTable!.stdout).toMatch(/seeds\/001_61b3b55719026876\.txt:21\n/);
  });

  it('prints one article per line with --format ndjson, standard input as "-" first, warnings on stderr', () => {
    const { stdout, stderr, status } = r.ndjson!;
    const out = lines(stdout).map((l) => Article.parse(JSON.parse(l)));
    // "-" keeps its place among the paths, as with cat.
    expect(out.map((a) => a.file)).toEqual(['fixtures/articles/crlf-entities.txt', 'fixtures/articles/latin1.txt', 'fixtures/articles/no-date.txt', '-']);
    expect(out[3]?.date).toBe('2025-10-22');
    expect(out[0]?.date).toBe('2025-08-14');
    expect(out[2]?.date).toBeNull();
    expect(out[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stderr).toBe('rumours: warning: fixtures/articles/latin1.txt: not valid UTF-8; read as Windows-1252 (Latin-1)\n');
    expect(status).toBe(0);
  });

  it('reads Latin-1 text correctly', () => {
    const latin = JSON.parse(lines(r.ndjson!.stdout)[1] ?? '{}') as Article;
    expect(latin.players.map((p) => p.name).join(' ')).toContain('Rémy');
    expect(latin.fees.map((f) => f.text)).toContain('£25m');
  });

  it('prints RFC 4180 CSV, one row per rumour, that a CSV parser reads back', () => {
    const { stdout, status } = r.csv!;
    expect(status).toBe(0);
    expect(stdout.endsWith('\r\n')).toBe(true);
    const rows = parse(stdout) as string[][];
    expect(rows[0]).toEqual(csvColumns('rumours'));
    const doc = Document.parse(JSON.parse(r.json!.stdout));
    const expected = doc.articles.filter((a) => a.file.startsWith('seeds/')).reduce((n, a) => n + a.rumours.length, 0);
    expect(rows.filter((row) => row[0]?.startsWith('seeds/'))).toHaveLength(expected);
    expect(rows.every((row) => row.length === rows[0]?.length)).toBe(true);
  });

  it('picks another table with --csv-table, offsets pointing into the original text', () => {
    const doc = Document.parse(JSON.parse(r.json!.stdout));
    const fees = doc.articles.reduce((n, a) => n + a.fees.length, 0);
    const { stdout, status } = r.csvFees!;
    expect(status).toBe(0);
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual(csvColumns('fees'));
    expect(rows.filter((row) => row.file?.startsWith('seeds/'))).toHaveLength(fees);
    // CRLF and entities: the fee is read as £40m, its offsets still point at what the file says.
    const original = readFileSync(new URL('../../fixtures/articles/crlf-entities.txt', import.meta.url), 'utf8').replace(/^date \S+ /, '');
    const fee = rows.find((row) => row.file === 'fixtures/articles/crlf-entities.txt' && row.amount === '40000000');
    expect(fee?.text).toBe('£40m');
    expect(original.slice(Number(fee?.evidence_start), Number(fee?.evidence_end))).toBe('&#163;40m');
  });

  it('prints a table with a summary line, and no colour under NO_COLOR even with FORCE_COLOR', () => {
    const { stdout, stderr, status } = r.table!;
    expect(status).toBe(0);
    expect(stderr).toContain('latin1.txt: not valid UTF-8');
    expect(stdout).not.toMatch(ANSI);
    const out = lines(stdout);
    expect(out.at(-1)).toMatch(/^8 articles, \d+ rumours?, \d+ players?, \d+ clubs?$/);
    if (!stdout.startsWith('No rumours found.')) expect(out[0]).toMatch(/^DATE\s+PLAYER\s+MOVE\s+STATUS\s+LIKELY\s+FEE\s+SOURCE\s+WHY\s+FILE$/);
  });

  it('ends quietly with exit 0 when the reader closes the pipe', () => {
    const { stdout, stderr } = r.pipes!;
    const out = lines(stdout);
    expect(Article.parse(JSON.parse(out[0] ?? '')).file).toBe('seeds/000_15d79670752df58c.txt');
    expect(out.slice(1)).toEqual(['status=0', 'status=0']);
    expect(stderr).toBe('');
  });
});
