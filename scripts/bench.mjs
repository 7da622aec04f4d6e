#!/usr/bin/env node
// `npm run bench`: build corpora by sampling and re-mixing ../shared/corpora, seeds/ and fixtures/,
// then measure, in one run and side by side: compromise's full parse (the baseline, one core), the
// ceiling (read every file, split it into words, fold each and look it up in a Map: the least any
// extractor must do), and `rumours extract` without and with the store (a new one per run), with
// --jobs 1 and with every core. Prints MB/s, articles/s, the ratios to the baseline and to the
// ceiling, time to first output and peak RSS (runs under 5,000 articles: the median of three).
// Usage: npm run bench [-- 920,20000]
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildCorpus, bytesOf, corpusFiles, ROOT, sources, WORK } from './_corpus.mjs';
const SIZES = (process.argv[2] ?? '920,20000').split(',').map(Number);
// The baseline parses this many articles: at ~0.1 MB/s, all 20,000 would take over seven minutes,
// and a rate does not need them all.
const BASELINE_ARTICLES = 300;

/**
 * Run a node script, output thrown away; report seconds, seconds to the first output byte, peak RSS,
 * and the CPU time of all its threads (cores in use = CPU time / seconds).
 */
function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = null;
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', () => {
      first ??= (performance.now() - t0) / 1000;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const rss = /RSS=(\d+)/.exec(err)?.[1];
      const cpu = /CPU=(\d+)/.exec(err)?.[1];
      if (code !== 0 && code !== 2) return reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`));
      resolve({ seconds, first, rssMB: rss ? Number(rss) / 1024 : null, cpuSeconds: cpu ? Number(cpu) / 1e6 : null });
    });
  });
}

// Both scripts end by printing the peak RSS (KB) and the CPU time (µs) of the whole process, worker
// threads and V8's own threads included.
const USAGE = `
function _usage() {
  const u = process.resourceUsage();
  process.stderr.write('RSS=' + u.maxRSS + ' CPU=' + (u.userCPUTime + u.systemCPUTime) + '\\n');
}`;

// Runs the CLI in-process.
const CLI_WITH_RSS = `const { main } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli.js'))});
const code = await main(process.argv);
_usage();
process.exitCode = code;${USAGE}`;

const BASELINE = `import nlp from 'compromise';
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(1)) nlp(readFileSync(f, 'utf8'));
_usage();${USAGE}`;

// The ceiling: every file read as UTF-8, one pass that splits it into words (letters and digits),
// lower-cases each and looks it up in a Map of compromise's lexicon; one core.
const CEILING = `import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
const lexicon = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, 'src/knowledge/data/lexicon.json'))}, 'utf8'));
const words = new Map();
for (const [tag, list] of Object.entries(lexicon.tags)) for (const w of list) words.set(w, tag);
let found = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.txt')) for (const m of readFileSync(p, 'utf8').matchAll(/[\\p{L}\\p{N}]+/gu)) if (words.has(m[0].toLowerCase())) found++;
  }
};
walk(process.argv[1]);
if (found < 0) console.log(found);
_usage();${USAGE}`;

// This machine's timings wander by a quarter from run to run: short runs are repeated and the median
// kept (its peak RSS the highest seen). A 20,000-article run is long enough to be run once.
const SHORT_RUN_ARTICLES = 5000;

async function median(args, times, before = () => {}) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    before();
    runs.push(await run(args));
  }
  runs.sort((a, b) => a.seconds - b.seconds);
  const mid = runs[Math.floor(runs.length / 2)];
  const rss = runs.map((r) => r.rssMB).filter((x) => x !== null);
  return { ...mid, rssMB: rss.length ? Math.max(...rss) : null, times };
}

function row(name, articles, mb, r, base, ceiling = null) {
  const mbs = mb / r.seconds;
  return {
    run: r.times > 1 ? `${name}, median of ${r.times}` : name,
    articles,
    MB: mb.toFixed(1),
    seconds: r.seconds.toFixed(2),
    'MB/s': mbs.toFixed(3),
    'articles/s': Math.round(articles / r.seconds),
    'x baseline': base ? (mbs / base).toFixed(1) : '1.0',
    'x ceiling': ceiling ? (mbs / ceiling).toFixed(3) : '-',
    'first output s': r.first === null ? '-' : r.first.toFixed(2),
    'peak RSS MB': r.rssMB === null ? '-' : Math.round(r.rssMB),
    // More than 1 with one worker: the main thread reads and writes, and V8 compiles and collects on threads of its own.
    'cores busy': r.cpuSeconds === null ? '-' : (r.cpuSeconds / r.seconds).toFixed(2),
  };
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('run `npm run build` first');
  const texts = sources();
  const cores = availableParallelism();
  console.log(`rumours benchmark: ${cores} cores, node ${process.version}, corpora of ${SIZES.join(' and ')} articles re-mixed from ${texts.length} sources\n`);
  const rows = [];
  let base = null;
  for (const n of SIZES) {
    const dir = buildCorpus(n, texts);
    const files = corpusFiles(dir);
    const mb = bytesOf(files) / 1e6;
    if (base === null) {
      const sample = files.slice(0, BASELINE_ARTICLES);
      const smb = bytesOf(sample) / 1e6;
      const r = await median(['--input-type=module', '-e', BASELINE, ...sample], 3);
      base = smb / r.seconds;
      rows.push(row(`baseline: nlp(text), 1 core (${sample.length} articles)`, sample.length, smb, r, null));
    }
    const times = n <= SHORT_RUN_ARTICLES ? 3 : 1;
    const c = await median(['--input-type=module', '-e', CEILING, dir], times);
    const ceiling = mb / c.seconds;
    rows.push(row(`ceiling: read, split, look up, 1 core (${n})`, files.length, mb, c, base));
    // A file, not \`node -e\`: worker threads inherit the parent's flags, and --input-type would stop them.
    const wrapper = path.join(WORK, 'cli-with-rss.mjs');
    writeFileSync(wrapper, CLI_WITH_RSS);
    const args = [wrapper, 'extract', dir, '--format', 'ndjson', '--quiet'];
    const db = path.join(WORK, `bench-${n}.db`);
    // Into a new store each time: the first extract of a folder is the one that writes every article.
    const fresh = () => {
      for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    };
    for (const jobs of [1, cores]) {
      const noStore = await median([...args, '--no-store', '--jobs', String(jobs)], times);
      rows.push(row(`rumours extract --no-store --jobs ${jobs} (${n})`, files.length, mb, noStore, base, ceiling));
      const stored = await median([...args, '--db', db, '--jobs', String(jobs)], times, fresh);
      const r = row(`rumours extract, new store, --jobs ${jobs} (${n})`, files.length, mb, stored, base, ceiling);
      r.run += `: ${(noStore.seconds / stored.seconds).toFixed(2)}x --no-store`;
      rows.push(r);
    }
    fresh();
  }
  console.table(rows);
  console.log('Ratios are within this one run: the machine is shared, so its absolute figures wander from run to run.');
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exitCode = 1;
});
