#!/usr/bin/env node
// `npm run bench:memory`: peak memory of `extract` on one large article, against the article's size.
// The article is the benchmark's source articles (../shared/corpora, seeds/, fixtures/) one after
// another until it reaches the size; the run is the built CLI in a process of its own, its peak
// resident memory (worker threads included) read from the process itself. Target: at most 20 times
// the article at 20 MB. Not in the test suite: it takes minutes and its figures depend on the machine.
// Usage: npm run bench:memory [-- 1 5 20]   (sizes in MB)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, sources, WORK } from './_corpus.mjs';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const MB = 1024 * 1024;

/** One article of `mb` MB: the sources, whole, one after another. */
function article(mb, texts) {
  const file = path.join(WORK, `memory-${mb}MB.txt`);
  const parts = [];
  let size = 0;
  for (let i = 0; size < mb * MB; i++) {
    const t = texts[i % texts.length];
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  mkdirSync(WORK, { recursive: true });
  writeFileSync(file, parts.join('\n\n').slice(0, mb * MB));
  return file;
}

// The CLI's main() in a fresh node, which says its own peak memory at the end (KB, as getrusage gives it).
const RUNNER = `const { main } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli.js'))});
const code = await main(process.argv);
process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n');
process.exitCode = code;`;

function measure(file) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // A file, not `node -e`: worker threads inherit node's options, and --input-type is refused there.
    const runner = path.join(WORK, 'memory-runner.mjs');
    writeFileSync(runner, RUNNER);
    const args = [runner, 'extract', file, '--no-store', '--max-size', '1G', '--format', 'ndjson', '-q'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (status) => {
      const kb = Number(/maxrss (\d+)/.exec(err)?.[1] ?? NaN);
      resolve({ s: Number(process.hrtime.bigint() - t0) / 1e9, status, rssMB: kb / 1024, err: err.replace(/maxrss \d+\n/, '') });
    });
  });
}

async function main() {
  const texts = sources();
  console.log('article   peak memory   × article   time    exit');
  for (const mb of SIZES.length ? SIZES : [1, 5, 20]) {
    const r = await measure(article(mb, texts));
    const ratio = r.rssMB / mb;
    console.log(`${String(mb).padStart(4)} MB   ${r.rssMB.toFixed(0).padStart(7)} MB   ${ratio.toFixed(1).padStart(8)}×   ${r.s.toFixed(1).padStart(5)} s   ${r.status}${r.err ? `  ${r.err.trim().split('\n')[0]}` : ''}`);
    if (mb >= 20) console.log(`  target at 20 MB: ≤ 20× (${ratio <= 20 ? 'met' : 'not met'})`);
  }
}

await main();
