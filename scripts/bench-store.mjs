#!/usr/bin/env node
// `npm run bench:store`: the store's figures on a re-mixed corpus (the same one `npm run bench`
// builds from ../shared/corpora, seeds/ and fixtures/): the first `extract` into an empty store, a
// re-run over the unchanged folder (target: under 10% of the first), `player NAME` from the store
// (target: under 100 ms), and the database's size against the text's (target: under 10x).
// Usage: npm run bench:store [-- 20000]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildCorpus, bytesOf, corpusFiles, ROOT, sources, WORK } from './_corpus.mjs';
const N = Number(process.argv[2] ?? 20000);
const BIN = path.join(ROOT, 'bin/rumours.js');
const PLAYERS = ['Mac Allister', 'Gerrard', 'Wayne Rooney', 'konate', 'Owen'];

const FLOOR = `const Database = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))});
const db = new Database(process.argv[1], { readonly: true });
db.prepare('SELECT count(*) FROM articles').get();`;

function run(args, env) {
  return runNode([BIN, ...args], env);
}

function runNode(args, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status, err }));
  });
}

function sizeOf(file) {
  let n = 0;
  for (const s of ['', '-wal', '-shm']) if (existsSync(file + s)) n += statSync(file + s).size;
  return n;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/ is missing: npm run build first');
  const dir = buildCorpus(N, sources());
  const files = corpusFiles(dir);
  const textBytes = bytesOf(files);
  const db = path.join(WORK, `store-${N}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  const env = { RUMOURS_DB: db };
  const first = await run(['extract', dir, '-f', 'ndjson', '-q'], env);
  if (first.status !== 0) throw new Error(`first extract failed: ${first.err}`);
  const again = await run(['extract', dir, '-f', 'ndjson', '-q'], env);
  const noStore = await run(['extract', dir, '-f', 'ndjson', '-q', '--no-store'], env);
  // The extracts leave a quarter of a gigabyte for the kernel to write out: written out first, it
  // does not share the disk with the questions timed below.
  spawnSync('sync');
  const player = [];
  for (const name of PLAYERS) {
    const times = [];
    for (let i = 0; i < 5; i++) times.push((await run(['player', name, '-f', 'json'], env)).ms);
    times.sort((a, b) => a - b);
    player.push({ name, medianMs: Math.round(times[2]) });
  }
  // The same question in-process: what the store and the story cost, without node's start-up.
  const { openStore } = await import(path.join(ROOT, 'dist/store/db.js'));
  const { playerStory } = await import(path.join(ROOT, 'dist/aggregate/player.js'));
  for (const p of player) {
    const t0 = performance.now();
    const store = openStore(db);
    const found = store.storyArticles(p.name).articles;
    const t1 = performance.now();
    const story = playerStory(p.name, found);
    store.close();
    p.articles = found.length;
    p.lookupMs = Math.round(t1 - t0);
    p.storyMs = Math.round(performance.now() - t1);
    p.kind = story.kind;
  }
  const version = await run(['--version'], env);
  // The floor for any answer from the store: node, SQLite, opening the store and one query, no CLI.
  const floorTimes = [];
  for (let i = 0; i < 5; i++) floorTimes.push((await runNode(['-e', FLOOR, db])).ms);
  floorTimes.sort((a, b) => a - b);
  const dbBytes = sizeOf(db);
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  console.log(`corpus: ${files.length} articles, ${mb(textBytes)} MB of text (${dir})`);
  console.log(`extract, no store:        ${(noStore.ms / 1000).toFixed(1)} s`);
  console.log(`extract into empty store: ${(first.ms / 1000).toFixed(1)} s`);
  console.log(`extract again, unchanged: ${(again.ms / 1000).toFixed(1)} s = ${((100 * again.ms) / first.ms).toFixed(1)}% of the first run (target < 10%)`);
  console.log(`store size: ${mb(dbBytes)} MB = ${(dbBytes / textBytes).toFixed(1)}x the text (target < 10x)`);
  console.log(`process start-up alone (--version): ${Math.round(version.ms)} ms`);
  console.log(`node + SQLite alone (open the store, count its articles): ${Math.round(floorTimes[2])} ms (median of 5)`);
  for (const p of player) {
    console.log(`player ${JSON.stringify(p.name)}: ${p.medianMs} ms whole process (median of 5; target < 100 ms); in-process: ${p.lookupMs} ms to open the store and load his ${p.articles} candidate articles, ${p.storyMs} ms to build the story (${p.kind})`);
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
