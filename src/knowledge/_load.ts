// Data tables live as JSON under src/knowledge/data. The path is taken from the package root so that
// the same code reads them from src/ (tests) and from dist/ (the built CLI): both sit two levels down.
import { readFileSync } from 'node:fs';

const _cache = new Map<string, unknown>();

export function loadData<T>(name: string): T {
  let value = _cache.get(name);
  if (value === undefined) {
    const url = new URL(`../../src/knowledge/data/${name}`, import.meta.url);
    value = JSON.parse(readFileSync(url, 'utf8')) as unknown;
    _cache.set(name, value);
  }
  return value as T;
}
