// Bad inputs: each gives one line on stderr naming the file and the reason, the other files are still
// read and printed, and the run exits 2. Binary and unreadable files are made here, not committed.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document } from '../../src/schema.js';
import { lines, rumours, type Ran } from './_run.js';

// root reads files whatever their mode, so the permission case can only be checked as another user.
const isRoot = process.getuid?.() === 0;

let dir: string;
let r: Record<string, Ran>;
const t = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rumours-cli-'));
  mkdirSync(t('empty-dir'));
  writeFileSync(t('empty-dir/notes.json'), '{}');
  writeFileSync(t('binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x00, 0x01, 0x02, 0x48, 0x69]));
  writeFileSync(t('image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
  writeFileSync(t('unreadable.txt'), 'Everton are keen on Lille forward Sam Okafor.\n');
  chmodSync(t('unreadable.txt'), 0o000);
  writeFileSync(t('big.txt'), 'Arsenal want a striker. '.repeat(100));
  writeFileSync(t('evil\u001b[2Jname.txt'), '');
  writeFileSync(
    t('escapes.txt'),
    'Chelsea have made a \u001b[31m£30m\u001b[0m bid for Lazio winger \u001b]0;owned\u0007Marco Bellini, Sky Sports reports.\n',
  );
  const bad = ['fixtures/bad', t('missing.txt'), t('empty-dir'), t('binary.txt'), t('image.txt'), t('unreadable.txt'), t('big.txt'), t('evil\u001b[2Jname.txt')];
  const runs = {
    all: rumours(['extract', 'fixtures/articles', ...bad, '--max-size', '1k', '--format', 'json']),
    emptyDir: rumours(['extract', t('empty-dir')]),
    table: rumours(['extract', t('escapes.txt'), t('missing.txt'), '--format', 'table']),
  };
  const done = await Promise.all(Object.values(runs));
  r = Object.fromEntries(Object.keys(runs).map((k, i) => [k, done[i] as Ran]));
}, 60_000);

afterAll(() => {
  chmodSync(t('unreadable.txt'), 0o644);
  rmSync(dir, { recursive: true, force: true });
});

describe('bad inputs', () => {
  it('names each bad input and its reason on one line, reads the rest, exits 2', () => {
    const { stdout, stderr, status } = r.all!;
    expect(status).toBe(2);
    const err = lines(stderr);
    expect(err).toEqual(
      expect.arrayContaining([
        `rumours: ${t('missing.txt')}: no such file or directory`,
        `rumours: ${t('empty-dir')}: no articles in directory (looked for .txt, .md)`,
        `rumours: ${t('binary.txt')}: binary file (contains NUL bytes)`,
        `rumours: ${t('image.txt')}: binary file (a PNG image)`,
        'rumours: fixtures/bad/empty.txt: empty file',
        'rumours: fixtures/bad/whitespace.txt: no text (only whitespace)',
        'rumours: warning: fixtures/articles/latin1.txt: not valid UTF-8; read as Windows-1252 (Latin-1)',
        `rumours: ${t('evil?[2Jname.txt')}: empty file`,
      ]),
    );
    expect(err.find((l) => l.startsWith(`rumours: ${t('big.txt')}: larger than the size limit`))).toBeDefined();
    if (!isRoot) expect(err).toContain(`rumours: ${t('unreadable.txt')}: permission denied`);
    expect(err.every((l) => l.startsWith('rumours: '))).toBe(true);
    expect(stderr).not.toContain('\u001b');
    expect(err).toHaveLength(isRoot ? 9 : 10);
    const files = Document.parse(JSON.parse(stdout)).articles.map((a) => a.file);
    // Sorted by code unit: the absolute temp path comes before 'fixtures/'.
    expect(files).toEqual([
      ...(isRoot ? [t('unreadable.txt')] : []),
      'fixtures/articles/crlf-entities.txt',
      'fixtures/articles/latin1.txt',
      'fixtures/articles/no-date.txt',
    ]);
  });

  it('still prints a valid, empty document when nothing could be read', () => {
    const { stdout, stderr, status } = r.emptyDir!;
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ schema: 'rumours/extract@1', currency: 'EUR', articles: [] });
    expect(lines(stderr)).toHaveLength(1);
  });

  it('keeps terminal escapes in article text out of the table and counts unread inputs', () => {
    const { stdout, stderr, status } = r.table!;
    expect(status).toBe(2);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(lines(stdout).at(-1)).toMatch(/^1 article, \d+ rumours?, \d+ players?, \d+ clubs?, 1 input not read \(see above\)$/);
    expect(stderr).toBe(`rumours: ${t('missing.txt')}: no such file or directory\n`);
  });
});
