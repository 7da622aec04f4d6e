// The CLI in-process, with the pipeline replaced: failures half-way, closed pipes, option parsing.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/commands/_io.js';
import { colourLevel, parseExt, parseSize } from '../../src/commands/_options.js';
import { OUTPUTS } from '../../src/contract.js';
import type { TextFormat } from '../../src/format/text.js';
import { Document, type Article } from '../../src/schema.js';

const fake = vi.hoisted(() => ({ failAfter: Infinity }));

vi.mock('../../src/pipeline.js', async () => {
  const { articleText } = await import('../../src/format/text.js');
  async function* extractPaths(paths: string[]) {
    let n = 0;
    for (const file of paths) {
      if (n++ >= fake.failAfter) throw new Error('disk on fire');
      if (file.startsWith('missing')) yield { ok: false, file, reason: 'no such file or directory' };
      else yield { ok: true, article: _article(file) };
    }
  }
  // As the real one: each article as its format's text, with its warnings.
  async function* writePaths(paths: string[], format: TextFormat) {
    const text = articleText(format);
    for await (const r of extractPaths(paths)) yield r.ok ? { ok: true, file: r.article.file, warnings: r.article.warnings, text: text(r.article) } : r;
  }
  return { extractPaths, writePaths };
});

function _article(file: string): Article {
  return { file, date: null, hash: 'f'.repeat(64), title: null, warnings: file.includes('warn') ? ['odd \u001b[31mthing'] : [], players: [], people: [], clubs: [], fees: [], quotes: [], sources: [], rumours: [] };
}

const { main } = await import('../../src/cli.js');

function io(stdout: Io['stdout'] = collector(), isTTY = false): Io & { out: () => string; err: () => string } {
  const o = stdout as ReturnType<typeof collector>;
  const e = collector();
  return { stdout, stderr: e, isTTY, env: {}, stdin: new PassThrough(), exitCode: 0, out: () => o.text?.() ?? '', err: () => e.text() };
}

function collector() {
  const chunks: string[] = [];
  return { write: (s: string) => (chunks.push(s), true), text: () => chunks.join('') };
}

const argv = (...args: string[]) => ['node', 'rumours', ...args];

describe('main', () => {
  it('closes the JSON document and exits 2 when the run fails half-way', async () => {
    fake.failAfter = 2;
    const t = io();
    const code = await main(argv('extract', 'a.txt', 'b.txt', 'c.txt', '--format', 'json'), t);
    fake.failAfter = Infinity;
    expect(code).toBe(2);
    expect(Document.parse(JSON.parse(t.out())).articles.map((a) => a.file)).toEqual(['a.txt', 'b.txt']);
    expect(t.err()).toBe('rumours: internal error: disk on fire\n');
  });

  it('reports unread inputs and warnings on stderr, cleaned, and exits 2', async () => {
    const t = io();
    const code = await main(argv('extract', 'warn.txt', 'missing.txt', '--format', 'ndjson'), t);
    expect(code).toBe(2);
    expect(t.out().split('\n')).toHaveLength(2);
    expect(t.err()).toBe('rumours: warning: warn.txt: odd thing\nrumours: missing.txt: no such file or directory\n');
  });

  it('picks a table at a terminal and JSON elsewhere', async () => {
    const tty = io(collector(), true);
    await main(argv('extract', 'a.txt'), tty);
    expect(tty.out()).toBe('No rumours found.\n\n1 article, 0 rumours, 0 players, 0 clubs\n');
    const pipe = io();
    await main(argv('extract', 'a.txt'), pipe);
    expect(JSON.parse(pipe.out()).articles).toHaveLength(1);
  });

  it('stops quietly with exit 0 once stdout is closed (EPIPE)', async () => {
    let writes = 0;
    const closed = {
      write(): boolean {
        writes++;
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
    };
    const t = io(closed);
    expect(await main(argv('extract', 'a.txt', 'b.txt', '--format', 'ndjson'), t)).toBe(0);
    expect(writes).toBe(1);
    expect(t.err()).toBe('');
  });

  it('waits for a slow reader instead of piling the output up in memory', async () => {
    // A reader that takes a line only when the test lets it.
    const held: Array<() => void> = [];
    const taken: string[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, done) {
        taken.push(String(chunk));
        held.push(done);
      },
    });
    let writes = 0;
    const write = slow.write.bind(slow);
    slow.write = ((s: string) => (writes++, write(s))) as typeof slow.write;
    const t = io(slow as unknown as Io['stdout']);
    const run = main(argv('extract', 'a.txt', 'b.txt', 'c.txt', '--format', 'ndjson'), t);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writes).toBe(1);
    for (let i = 0; i < 100 && taken.length < 3; i++) {
      held.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    held.shift()?.();
    expect(await run).toBe(0);
    expect(taken.map((line) => (JSON.parse(line) as Article).file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('reports a stdout that fails otherwise and exits 2', async () => {
    const full = new PassThrough();
    const t = io(full as unknown as Io['stdout']);
    const run = main(argv('extract', 'a.txt', 'b.txt', '--format', 'ndjson'), t);
    full.emit('error', Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    expect(await run).toBe(2);
    expect(t.err()).toBe('rumours: cannot write the output: no space left on device\n');
  });

  it('says "no player matches" and exits 1', async () => {
    const t = io();
    expect(await main(argv('player', 'Nobody', 'a.txt'), t)).toBe(1);
    expect(t.err()).toBe('rumours: no player matches "Nobody"; no name in the articles read is close\n');
  });
});

describe('usage, in-process', () => {
  const ANSI = /\u001b\[/;

  it('leads every command help with examples, exit 0', async () => {
    for (const args of [['--help'], ['extract', '--help'], ['player', '-h'], ['help', 'player'], ['schema', '--help']]) {
      const t = io();
      expect(await main(argv(...args), t)).toBe(0);
      expect(t.out().startsWith('Examples:\n  $ rumours ')).toBe(true);
      expect(t.out()).toContain(`Usage: rumours ${args[0] === '--help' ? '' : args.at(-1)?.startsWith('-') ? args[0] : args[1]}`);
      expect(t.err()).toBe('');
    }
  });

  it('gives usage errors one stderr line and exit 2', async () => {
    for (const [args, message] of [
      [['extract', 'a.txt', '--format', 'csv', '--csv-table', 'transfers'], /^rumours: option '--csv-table <table>' argument 'transfers' is invalid\./],
      [['extract', 'a.txt', '--colour'], /^rumours: unknown option '--colour' \(Did you mean --color\?\)$|^rumours: unknown option '--colour'/],
      [['extract', 'a.txt', '--max-size', 'big'], /^rumours: option '--max-size <bytes>' argument 'big' is invalid\. expected a size in bytes/],
      [['extract', 'a.txt', '--ext', ','], /argument ',' is invalid\. expected extensions/],
      [['player'], /^rumours: missing required argument 'name'$/],
      [['player', '  ', 'a.txt'], /^rumours: player: the name is empty$/],
      [['player', 'konate', 'a.txt', '--currency', 'yen'], /^rumours: option '--currency <code>' argument 'yen' is invalid\. Allowed choices are GBP, EUR, USD\.$/],
      [['schema', 'extra'], /^rumours: schema: no command "extra" prints JSON; name one of extract, player, rumours, club, sources, search, stats, eval$/],
    ] as const) {
      const t = io();
      expect(await main(argv(...args), t)).toBe(2);
      expect(t.out()).toBe('');
      expect(t.err().split('\n')).toHaveLength(2);
      expect(t.err().trimEnd()).toMatch(message);
    }
  });

  it('shows help on stderr and exits 2 without a command; prints the version', async () => {
    const bare = io();
    expect(await main(argv(), bare)).toBe(2);
    expect(bare.out()).toBe('');
    expect(bare.err()).toContain('Usage: rumours');
    for (const flag of ['--version', '-v']) {
      const v = io();
      expect(await main(argv(flag), v)).toBe(0);
      expect(v.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
  });

  it('prints the schema of every JSON output, the player story with either spelling', async () => {
    const props = async (...args: string[]) => {
      const t = io();
      expect(await main(argv('schema', ...args), t)).toBe(0);
      return Object.keys(JSON.parse(t.out()).properties);
    };
    expect(await props('--player')).toEqual(expect.arrayContaining(['query', 'player', 'rumours', 'fees', 'quotes']));
    expect(await props('player')).toEqual(await props('--player'));
    for (const listing of ['rumours', 'club', 'search']) expect(await props(listing)).toEqual(expect.arrayContaining(['schema', 'items']));
    expect(await props('stats')).toEqual(expect.arrayContaining(['path', 'articles', 'rumours', 'consistent']));
    // The command's own list (kept free of zod for start-up) names every output the contract has.
    const help = io();
    await main(argv('schema', '--help'), help);
    for (const output of OUTPUTS) expect(help.out()).toContain(output);
  });

  it('colours the table with FORCE_COLOR, not with --no-color or NO_COLOR', async () => {
    const forced = { ...io(), env: { FORCE_COLOR: '1' } };
    const off = { ...io(), env: { FORCE_COLOR: '1' } };
    const noColor = { ...io(), env: { FORCE_COLOR: '1', NO_COLOR: '1' } };
    await main(argv('extract', 'a.txt', '-f', 'table'), forced);
    await main(argv('extract', 'a.txt', '-f', 'table', '--no-color'), off);
    await main(argv('extract', 'a.txt', '-f', 'table'), noColor);
    expect(forced.out()).toMatch(ANSI);
    expect(off.out()).not.toMatch(ANSI);
    expect(noColor.out()).not.toMatch(ANSI);
  });
});

describe('options', () => {
  it('parses sizes and extension lists, and refuses nonsense', () => {
    expect(parseSize('5000000')).toBe(5_000_000);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1.5MB')).toBe(1.5 * 1024 * 1024);
    for (const bad of ['', '0', '-1', 'lots', '5 parsecs', '1e9']) expect(() => parseSize(bad)).toThrow(/size in bytes/);
    expect(parseExt('txt, .MD,*.html,txt')).toEqual(['txt', 'md', 'html']);
    expect(() => parseExt(',')).toThrow(/extensions/);
  });

  it('decides colour: --no-color and NO_COLOR win, FORCE_COLOR forces, else only at a terminal', () => {
    expect(colourLevel({ isTTY: true, env: {} }, true, 2)).toBe(2);
    expect(colourLevel({ isTTY: false, env: {} }, true, 2)).toBe(0);
    expect(colourLevel({ isTTY: true, env: {} }, false, 2)).toBe(0);
    expect(colourLevel({ isTTY: true, env: { NO_COLOR: '1' } }, true, 2)).toBe(0);
    expect(colourLevel({ isTTY: true, env: { NO_COLOR: '' } }, true, 2)).toBe(2);
    expect(colourLevel({ isTTY: false, env: { FORCE_COLOR: '1' } }, true, 0)).toBe(1);
    expect(colourLevel({ isTTY: false, env: { FORCE_COLOR: '3', NO_COLOR: 'x' } }, true, 0)).toBe(0);
    expect(colourLevel({ isTTY: true, env: { FORCE_COLOR: '0' } }, true, 3)).toBe(0);
  });
});
