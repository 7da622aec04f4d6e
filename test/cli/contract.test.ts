// The output contract, checked with a real JSON Schema validator (ajv, draft 2020-12): the JSON of
// every command validates against the schema `rumours schema COMMAND` publishes, and each document
// says which output it is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_NAMES, SCHEMA_IDS } from '../../src/ids.js';
import { rumours, type Ran } from './_run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { RUMOURS_DB: path.join(dir, 'store.db') };

const out: Record<string, Ran> = {};
const schemas: Record<string, Ran> = {};

beforeAll(async () => {
  // fixtures/sources: dated articles citing outlets, for `sources`.
  out.extract = await rumours(['extract', 'seeds/', 'fixtures/articles', 'fixtures/sources', '-f', 'json'], { env });
  const gold = path.join(dir, 'gold.json');
  writeFileSync(gold, JSON.stringify({ schema: 'rumours-gold/1', articles: { '000_15d79670752df58c.txt': { date: '2025-10-22' } } }));
  const runs = {
    player: rumours(['player', 'Mac Allister', '-f', 'json', '--currency', 'gbp'], { env }),
    rumours: rumours(['rumours', '-f', 'json'], { env }),
    club: rumours(['club', 'Liverpool', '-f', 'json'], { env }),
    search: rumours(['search', 'release', 'clause', '-f', 'json'], { env }),
    sources: rumours(['sources', '-f', 'json'], { env }),
    stats: rumours(['stats', '--check', '-f', 'json'], { env }),
    eval: rumours(['eval', gold, 'seeds/', '-f', 'json'], { env }),
  };
  const done = await Promise.all(Object.values(runs));
  Object.keys(runs).forEach((k, i) => (out[k] = done[i] as Ran));
  const printed = await Promise.all(OUTPUT_NAMES.map((o) => rumours(['schema', o])));
  OUTPUT_NAMES.forEach((o, i) => (schemas[o] = printed[i] as Ran));
}, 60_000);

describe('the JSON contract', () => {
  it('every command prints JSON that validates against its published schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const output of OUTPUT_NAMES) {
      const ran = out[output] as Ran;
      expect([output, ran.status]).toEqual([output, 0]);
      const schema = JSON.parse((schemas[output] as Ran).stdout) as Record<string, unknown>;
      const validate = ajv.compile(schema);
      const doc = JSON.parse(ran.stdout) as { schema: string };
      const ok = validate(doc);
      expect([output, ok ? [] : validate.errors?.slice(0, 3)]).toEqual([output, []]);
      // Each document names the output it is, and its schema has an $id and a title.
      expect(doc.schema).toBe(SCHEMA_IDS[output]);
      expect(schema.$id).toBe(`urn:${SCHEMA_IDS[output].replace('/', ':')}`);
      expect(typeof schema.title).toBe('string');
    }
  });

  it('tells the outputs apart: one schema id each', () => {
    expect(new Set(Object.values(SCHEMA_IDS)).size).toBe(OUTPUT_NAMES.length);
    expect(SCHEMA_IDS.extract).toBe('rumours/extract@1');
    expect(SCHEMA_IDS.player).toBe('rumours/player@1');
  });

  it('refuses dates and hashes of the wrong form', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse((schemas.extract as Ran).stdout));
    const doc = JSON.parse((out.extract as Ran).stdout) as { articles: Array<{ date: string | null; hash: string }> };
    const first = doc.articles[0];
    expect(first).toBeDefined();
    expect(validate(doc)).toBe(true);
    if (first) first.date = '22/10/2025';
    expect(validate(doc)).toBe(false);
    if (first) {
      first.date = '2025-10-22';
      first.hash = 'not-a-hash';
    }
    expect(validate(doc)).toBe(false);
  });
});
