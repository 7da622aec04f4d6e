import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';
import { parseHeader } from '../../src/read/header.js';
import { fromBytes } from '../../src/read/index.js';
import { normalise } from '../../src/read/normalise.js';
import { comparePaths, walk } from '../../src/read/walk.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  it('reads UTF-8, strips nothing else', () => {
    expect(decode(enc('Konaté £20m'))).toEqual({ ok: true, text: 'Konaté £20m', warnings: [] });
  });
  it('falls back to Windows-1252 with a warning on invalid UTF-8', () => {
    const r = decode(Uint8Array.from([0xa3, 0x32, 0x30, 0x6d, 0x20, 0x93, 0x68, 0x69, 0x94, 0x20, 0xe9]));
    expect(r).toMatchObject({ ok: true, text: '£20m “hi” é' });
    expect(r.ok && r.warnings[0]).toMatch(/Windows-1252/);
  });
  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Real £5m', 'utf16le')]);
    expect(decode(le)).toMatchObject({ ok: true, text: 'Real £5m' });
  });
  it('rejects empty and binary input with a reason', () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decode(Uint8Array.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, reason: expect.stringMatching(/NUL/) });
    expect(decode(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toMatchObject({ ok: false, reason: expect.stringMatching(/gzip/) });
  });
});

describe('date header', () => {
  it('takes the date and where the text starts', () => {
    expect(parseHeader(' date 2025-10-22 Real Madrid are')).toEqual({ date: '2025-10-22', bodyStart: 17, warning: null });
  });
  it('leaves text without a header alone', () => {
    expect(parseHeader('Date night for Spurs')).toEqual({ date: null, bodyStart: 0, warning: null });
  });
  it('warns on an impossible date and still strips the header', () => {
    const h = parseHeader('date 2025-13-45 Text');
    expect(h.date).toBeNull();
    expect(h.bodyStart).toBe(16);
    expect(h.warning).toMatch(/malformed/);
  });
});

describe('normalise', () => {
  it('decodes entities and maps offsets back to the original', () => {
    const orig = 'A &#163;30m bid &amp; more';
    const n = normalise(orig);
    expect(n.view).toBe('A £30m bid & more');
    const at = n.view.indexOf('bid');
    expect(orig.slice(n.map[at], n.map[at + 3])).toBe('bid');
    expect(n.map[n.view.length]).toBe(orig.length);
  });
  it('folds CRLF, odd spaces, curly quotes and dashes without moving offsets', () => {
    const n = normalise('“Yes,\u00a0why not,” he said\r\n£40–50m');
    expect(n.view).toBe('“Yes, why not,” he said\n£40–50m');
    expect(n.text).toBe('"Yes, why not," he said\n£40-50m');
    expect(n.text.length).toBe(n.view.length);
  });
  it('drops invisible characters and bidirectional overrides, so that names stay whole', () => {
    const orig = 'Marco\u202e Bel\u200blini\u200f joined';
    const n = normalise(orig);
    expect(n.view).toBe('Marco Bellini joined');
    const at = n.view.indexOf('Bellini');
    expect(n.map[at]).toBe(orig.indexOf('Bel'));
    expect(orig.slice(n.map[at], n.map[at + 'Bellini'.length])).toMatch(/^Bel\u200blini/);
  });
  it('strips tags, scripts and styles from saved web pages', () => {
    const n = normalise('<html><script>var x = "<p>";</script><p>Spurs &amp; Real</p><style>p{}</style></html>', { html: true });
    expect(n.view.trim()).toBe('Spurs & Real');
  });
});

describe('fromBytes', () => {
  it('counts offsets from after the header and hashes the bytes', () => {
    const r = fromBytes('a.txt', enc('\ufeff date 2024-05-18 Liverpool midfielder'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source.date).toBe('2024-05-18');
    expect(r.source.original).toBe('Liverpool midfielder');
    expect(r.source.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('refuses whitespace-only text', () => {
    expect(fromBytes('w.txt', enc(' \n\t \n'))).toEqual({ ok: false, file: 'w.txt', reason: 'no text (only whitespace)' });
  });
});

describe('walk', () => {
  it('streams the files of several directories in the code-unit order of their whole paths', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-walk-'));
    try {
      // '-' and '.' sort before '/', and '/' before letters: "a-b.txt" < "a.txt" < "a/x.txt" < "a0.txt".
      for (const d of ['one/a', 'one/a b', 'two']) mkdirSync(path.join(dir, d), { recursive: true });
      const files = ['one/a/x.txt', 'one/a-b.txt', 'one/a.txt', 'one/a0.txt', 'one/a b/y.txt', 'one/B.txt', 'two/a.txt'];
      for (const f of files) writeFileSync(path.join(dir, f), 'text');
      mkdirSync(path.join(dir, 'one/empty'));
      const items = [...walk([path.join(dir, 'two'), path.join(dir, 'one'), path.join(dir, 'one/a.txt')], { ext: ['txt'] })];
      const got = items.map((i) => (i.kind === 'file' ? path.relative(dir, i.file) : i.kind));
      expect(got).toEqual(files.map((f) => path.join(dir, f)).sort(comparePaths).map((f) => path.relative(dir, f)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a directory's files by their extension in any case, and only by their last one", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-walk-'));
    try {
      for (const f of ['a.TXT', 'b.txt', 'c.Md', 'd.txt.bak', 'e.mdx', 'ftxt', '.hidden.txt']) writeFileSync(path.join(dir, f), 'text');
      const items = [...walk([dir], { ext: ['TXT', '.md'] })];
      expect(items.map((i) => (i.kind === 'file' ? path.basename(i.file) : i.kind))).toEqual(['a.TXT', 'b.txt', 'c.Md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells how many files it has found as it goes, in directories and named directly', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-walk-'));
    try {
      mkdirSync(path.join(dir, 'sub'));
      for (const f of ['b.txt', 'a.txt', 'sub/c.md', 'skip.json']) writeFileSync(path.join(dir, f), 'text');
      writeFileSync(path.join(dir, 'named.json'), 'text');
      const counts: number[] = [];
      const items = [...walk([dir, path.join(dir, 'named.json')], { ext: ['txt', 'md'], onFound: (n) => counts.push(n) })];
      expect(items.map((i) => (i.kind === 'file' ? path.relative(dir, i.file) : i.kind))).toEqual(['a.txt', 'b.txt', 'named.json', 'sub/c.md']);
      expect(counts).toEqual([1, 2, 3, 4]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('gives a file named twice (directly and in its directory) once, in sorted order, after the paths that fail', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-walk-'));
    try {
      for (const f of ['b.txt', 'a.txt']) writeFileSync(path.join(dir, f), 'text');
      const b = path.join(dir, 'b.txt');
      const items = [...walk([b, dir, path.join(dir, 'missing.txt'), b], { ext: ['txt'] })];
      expect(items.map((i) => (i.kind === 'stdin' ? 'stdin' : `${i.kind} ${path.relative(dir, i.file)}`))).toEqual(['error missing.txt', 'file a.txt', 'file b.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
