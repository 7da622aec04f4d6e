// The benchmark corpus, shared by `npm run bench` and `npm run bench:store` so that both measure the
// same articles: sampled from ../shared/corpora, seeds/ and fixtures/, re-mixed (headline, rotated
// paragraphs, a random date header for half), deterministic, spread over sub-folders.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './_seeded.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WORK = path.join(ROOT, '.bench');

export function sources() {
  const dirs = [path.join(ROOT, '../shared/corpora/bbcsport-football'), path.join(ROOT, 'seeds'), path.join(ROOT, 'fixtures/articles')];
  const texts = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(path.join(dir, f), 'latin1').replace(/^\s*date \S+\s*/, ''));
  }
  if (!texts.length) throw new Error('no source articles found (../shared/corpora must sit beside the project)');
  return texts;
}

/** Re-mix: an article's headline with its paragraphs rotated, under a random date header. */
export function buildCorpus(n, texts) {
  const dir = path.join(WORK, `corpus-${n}`);
  if (existsSync(path.join(dir, '.done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = rng(n);
  for (let i = 0; i < n; i++) {
    const src = texts[Math.floor(rand() * texts.length)];
    const paras = src.split(/\n\s*\n/);
    const [head, ...rest] = paras;
    const k = rest.length ? Math.floor(rand() * rest.length) : 0;
    const body = [head, ...rest.slice(k), ...rest.slice(0, k)].join('\n\n');
    const date = rand() < 0.5 ? `date 20${10 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)} ` : '';
    // Spread over sub-folders, as a real collection is.
    const sub = path.join(dir, String(i % 50).padStart(2, '0'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}.txt`), date + body);
  }
  writeFileSync(path.join(dir, '.done'), '');
  return dir;
}

export function corpusFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.txt')).map((f) => path.join(dir, String(f))).sort();
}

export function bytesOf(files) {
  return files.reduce((sum, f) => sum + statSync(f).size, 0);
}
