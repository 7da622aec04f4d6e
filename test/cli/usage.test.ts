// Help, schema and usage errors from the real binary, each in a process of its own: these are the
// runs that check bin/rumours.js itself and the exit codes a shell sees (the other usage cases run
// in-process in test/unit/cli.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { lines, rumours, type Ran } from './_run.js';

const BIN_ITSELF = { spawn: true };
let r: Record<string, Ran>;

beforeAll(async () => {
  const runs = {
    schema: rumours(['schema'], BIN_ITSELF),
    help: rumours(['--help'], BIN_ITSELF),
    typo: rumours(['extrat', 'seeds/'], BIN_ITSELF),
    badFormat: rumours(['extract', 'seeds/', '--format', 'xml'], BIN_ITSELF),
    noPath: rumours(['extract'], BIN_ITSELF),
  };
  const done = await Promise.all(Object.values(runs));
  r = Object.fromEntries(Object.keys(runs).map((k, i) => [k, done[i] as Ran]));
}, 60_000);

describe('usage', () => {
  it('prints the JSON Schema of the document', () => {
    const doc = JSON.parse(r.schema!.stdout);
    expect(doc.$schema).toMatch(/json-schema\.org/);
    expect(doc.properties.schema.const).toBe('rumours/extract@1');
    expect(doc.properties.articles.items.required).toEqual(expect.arrayContaining(['file', 'date', 'rumours']));
    expect([r.schema!.stderr, r.schema!.status]).toEqual(['', 0]);
  });

  it('leads the help with examples, lists the commands and exit codes, on stdout', () => {
    const { stdout, stderr, status } = r.help!;
    expect(stdout.startsWith('Examples:\n  $ rumours ')).toBe(true);
    expect(stdout).toMatch(/Usage: rumours[\s\S]*extract[\s\S]*player[\s\S]*schema[\s\S]*eval/);
    expect(stdout).toContain('Exit status');
    expect([stderr, status]).toEqual(['', 0]);
  });

  it('suggests the command meant by a typo, on one line, exit 2', () => {
    const { stdout, stderr, status } = r.typo!;
    expect([stdout, status]).toEqual(['', 2]);
    expect(lines(stderr)).toEqual(["rumours: unknown command 'extrat' (Did you mean extract?)"]);
  });

  it('rejects a bad --format and a missing path with one line, exit 2', () => {
    for (const [k, message] of [
      ['badFormat', "rumours: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, json, ndjson, csv."],
      ['noPath', "rumours: missing required argument 'paths'"],
    ] as const) {
      const { stdout, stderr, status } = r[k]!;
      expect([stdout, status]).toEqual(['', 2]);
      expect(lines(stderr)).toEqual([message]);
    }
  });
});
