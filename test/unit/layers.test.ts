// The house follows the data: every import in src/ points down the layers (docs/how-it-works.md,
// "Layers"), and no two modules import each other, even through others. The order is declared
// here, once; a module's layer is the longest path prefix listed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Bottom first. A module may import its own layer or any layer listed before it. */
const LAYERS: string[][] = [
  ['ids'],
  ['schema'],
  // The store's row shapes are part of the output contract (zod), read by aggregation and charts.
  ['store/schema', 'store/shapes'],
  ['knowledge'],
  ['read'],
  ['segment'],
  ['tokens'],
  ['extract'],
  ['relate'],
  ['weigh'],
  ['analyse'],
  ['aggregate'],
  ['format'],
  ['parallel'],
  ['pipeline'],
  ['eval'],
  // The commands' shared plumbing (options, io), which the store's query runners also register with.
  ['commands/_commander', 'commands/_io', 'commands/_options'],
  ['store'],
  ['contract'],
  ['commands'],
  ['cli'],
];

function layerOf(mod: string): number {
  let best = -1;
  let bestLen = -1;
  LAYERS.forEach((prefixes, i) => {
    for (const p of prefixes) {
      if ((mod === p || mod.startsWith(`${p}/`)) && p.length > bestLen) {
        best = i;
        bestLen = p.length;
      }
    }
  });
  return best;
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return modules(p);
    return e.name.endsWith('.ts') ? [path.relative(SRC, p).replace(/\.ts$/, '').split(path.sep).join('/')] : [];
  });
}

/** The src/ modules a module imports (static, dynamic and re-exports, type-only ones included). */
function importsOf(mod: string): string[] {
  const text = readFileSync(path.join(SRC, `${mod}.ts`), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm)) {
    const spec = (m[1] ?? m[2])!;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(mod), spec)).replace(/\.js$/, '');
    out.push(modulesSet.has(target) || !modulesSet.has(`${target}/index`) ? target : `${target}/index`);
  }
  return out;
}

const all = modules(SRC);
const modulesSet = new Set(all);
const graph = new Map(all.map((m) => [m, importsOf(m)]));

describe('layers', () => {
  it('places every module of src/ in a declared layer', () => {
    expect(all.filter((m) => layerOf(m) < 0)).toEqual([]);
  });

  it('finds the imports it checks (the scan is not silently empty)', () => {
    expect(graph.get('pipeline')).toContain('read/index');
    expect([...graph.values()].flat().every((t) => modulesSet.has(t))).toBe(true);
  });

  it('has every import point down or sideways, never up', () => {
    const up: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) if (layerOf(to) > layerOf(from)) up.push(`${from} -> ${to}`);
    }
    expect(up).toEqual([]);
  });

  it('has no cycle of imports, within a layer either', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (m: string) => {
      state.set(m, 'open');
      stack.push(m);
      for (const t of graph.get(m) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' -> '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(m, 'done');
    };
    for (const m of [...all].sort()) if (!state.has(m)) visit(m);
    expect(cycles).toEqual([]);
  });
});
