#!/usr/bin/env node
// `npm run bench:saga`: how long `player NAME --format html` takes on a large store, and how big the
// page is (targets for Gerrard on 20,000 articles: under 2 s, under 2 MB). The store is the one
// `npm run bench:store` fills from the same re-mixed corpus (.bench/store-N.db); it is filled here
// when missing. Usage: npm run bench:saga [-- 20000 [NAME...]]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCorpus, ROOT, sources, WORK } from './_corpus.mjs';

const N = Number(process.argv[2] ?? 20000);
const NAMES = process.argv.length > 3 ? process.argv.slice(3) : ['Gerrard', 'Mac Allister', 'Wayne Rooney'];
const BIN = path.join(ROOT, 'bin/rumours.js');

function run(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (b) => (bytes += b.length));
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status, bytes, err }));
  });
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/ is missing: npm run build first');
  const db = path.join(WORK, `store-${N}.db`);
  const env = { RUMOURS_DB: db };
  const stats = await run(['stats', '--format', 'json'], env);
  if (stats.status !== 0 || !existsSync(db)) {
    const dir = buildCorpus(N, sources());
    console.log(`filling ${db} from ${dir} (once)...`);
    const filled = await run(['extract', dir, '-f', 'ndjson', '-q'], env);
    if (filled.status !== 0) throw new Error(`extract failed: ${filled.err}`);
  }
  const { playerStory } = await import(path.join(ROOT, 'dist/aggregate/player.js'));
  const { openStore } = await import(path.join(ROOT, 'dist/store/db.js'));
  const { playerPage } = await import(path.join(ROOT, 'dist/format/saga/html.js'));
  for (const name of NAMES) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const r = await run(['player', name, '--format', 'html'], env);
      if (r.status !== 0) throw new Error(`player ${name} failed: ${r.err}`);
      times.push(r.ms);
      bytes = r.bytes;
    }
    const json = [];
    for (let i = 0; i < 3; i++) json.push((await run(['player', name, '--format', 'json'], env)).ms);
    times.sort((a, b) => a - b);
    json.sort((a, b) => a - b);
    // In-process: what the page itself costs, apart from node's start, the store and the story.
    const store = openStore(db);
    const { articles } = store.storyArticles(name);
    store.close();
    const result = playerStory(name, articles);
    let pageMs = null;
    let reports = 0;
    if (result.kind === 'story') {
      const t0 = performance.now();
      playerPage(result.story, { base: ROOT });
      pageMs = Math.round(performance.now() - t0);
      reports = result.story.rumours.length;
    }
    console.log(
      `player ${JSON.stringify(name)} --format html on ${N} articles: ${Math.round(times[2])} ms whole process (median of 5, target < 2000; slowest ${Math.round(times[4])}), ` +
        `page ${(bytes / 1024 / 1024).toFixed(2)} MB (target < 2); --format json ${Math.round(json[1])} ms; ` +
        `${articles.length} candidate articles, ${reports} reports, page rendered in ${pageMs} ms in-process`,
    );
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
