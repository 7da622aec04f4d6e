#!/usr/bin/env node
// `npm run bench:store-parts`: what each piece of the store's work costs on the main thread, per
// article, beside what extracting it costs (one core, in-process, on the corpus `npm run bench`
// builds): receiving the article from a worker (structured clone), the article's JSON, its
// compression, the facts' JSON and name keys, the SQL inserts, and the full-text index (the same
// run with the two FTS5 tables made plain tables: the difference is the index). See docs/speed.md.
// Usage: npm run bench:store-parts [-- 920]
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { deflateRawSync } from 'node:zlib';
import { buildCorpus, corpusFiles, sources, WORK } from './_corpus.mjs';
import { extractArticle } from '../dist/analyse.js';
import { convertArticle } from '../dist/aggregate/currency.js';
import { jsonReplacer } from '../dist/format/json.js';
import { fromBytes } from '../dist/read/index.js';
import { openStore } from '../dist/store/db.js';
import { nameRuns, nameWords } from '../dist/store/keys.js';

const N = Number(process.argv[2] ?? 920);

function timed(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function store(articles, texts, plainText) {
  const file = path.join(WORK, `parts-${plainText ? 'plain' : 'fts'}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  const st = openStore(file);
  if (plainText) {
    // Reached into on purpose: the same writes, with ordinary tables where the index was.
    st.db.exec('DROP TABLE article_text; DROP TABLE quote_text; CREATE TABLE article_text (title, body); CREATE TABLE quote_text (text, sentence);');
  }
  const ms = timed(() => {
    articles.forEach((a, i) => st.put(a, texts[i], texts[i].length));
    st.flush();
  });
  st.close();
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  return ms;
}

const files = corpusFiles(buildCorpus(N, sources()));
const bytes = files.map((f) => readFileSync(f));
const loaded = files.map((f, i) => fromBytes(f, bytes[i])).filter((r) => r.ok);
// What store/run.ts gives the full-text index: the file's text as read.
const texts = bytes.map((b) => b.toString('utf8'));
// Warm: the tables load and the code compiles before anything is timed.
for (const r of loaded.slice(0, 50)) extractArticle(r.source);
let articles = [];
const extract = timed(() => (articles = loaded.map((r) => extractArticle(r.source))));
const wire = articles.map((a) => v8.serialize(a));
const clone = timed(() => wire.forEach((b) => v8.deserialize(b)));
let jsons = [];
const json = timed(() => (jsons = articles.map((a) => JSON.stringify(convertArticle(a, 'EUR'), jsonReplacer))));
const deflate = timed(() => jsons.forEach((j) => deflateRawSync(j)));
const facts = timed(() => {
  for (const a of articles) {
    for (const p of a.players) JSON.stringify(p.aliases), nameWords([p.name, ...p.aliases]), nameRuns(p.name);
    for (const r of a.rumours) JSON.stringify(r), nameWords([r.player]), nameRuns(r.player);
    for (const f of a.fees) JSON.stringify(f), f.player && nameWords([f.player]);
    for (const q of a.quotes) JSON.stringify(q), q.speaker && nameWords([q.speaker]);
  }
});
const withIndex = store(articles, texts, false);
const withoutIndex = store(articles, texts, true);
const per = (ms) => `${((ms * 1000) / articles.length).toFixed(0)} µs`;
const share = (ms) => `${((100 * ms) / extract).toFixed(0)}%`;
const rows = [
  ['extraction (for scale)', extract],
  ['receive from a worker (structured clone)', clone],
  ['article JSON (convert + stringify)', json],
  ['deflate', deflate],
  ['facts JSON and name keys', facts],
  ['SQL inserts, no full-text index (less the three above)', withoutIndex - json - deflate - facts],
  ['full-text index (FTS5, both tables)', withIndex - withoutIndex],
  ['store.put in all', withIndex],
];
console.log(`store parts: ${articles.length} articles, main thread, per article and as a share of extracting it`);
console.table(rows.map(([piece, ms]) => ({ piece, 'ms in all': ms.toFixed(0), 'per article': per(ms), 'of extraction': share(ms) })));

// The same articles again and again under other names, into one store: what `put` costs as the store
// grows to a 20,000-article run's size (the full-text index and the tables' indexes grow with it).
const BLOCKS = Math.ceil(20000 / articles.length);
const file = path.join(WORK, 'parts-grow.db');
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
const grow = openStore(file);
const growth = [];
for (let b = 0; b < BLOCKS; b++) {
  const ms = timed(() => {
    articles.forEach((a, i) => grow.put({ ...a, file: `${b}/${a.file}` }, texts[i], texts[i].length));
    grow.flush();
  });
  if (b === 0 || b === BLOCKS - 1 || (b + 1) % 5 === 0) growth.push({ 'articles stored': (b + 1) * articles.length, 'put per article': per(ms) });
}
grow.close();
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
console.log('put as the store grows');
console.table(growth);
