#!/usr/bin/env node
// Build src/knowledge/data/lexicon.json: compromise's lexicon (common English words, places, first
// names and surnames, each with its first tag), grouped by tag. The recognisers only look words up
// in it; importing compromise to do so costs about 350 ms per thread at start-up, reading this table
// about 10. The output is committed: run `npm run build:lexicon` after upgrading compromise (a test
// fails while the two differ).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The table as the installed compromise gives it: { tag: [words...] }, both sorted. */
export function lexiconFile() {
  const byTag = {};
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    const tag = Array.isArray(tags) ? tags[0] : tags;
    (byTag[tag] ??= []).push(word);
  }
  return {
    _comment: `Derived from compromise ${nlp.version} (MIT, github.com/spencermountain/compromise) by scripts/build-lexicon.mjs: every word of its lexicon under its first tag. Do not edit by hand.`,
    compromise: nlp.version,
    tags: Object.fromEntries(Object.keys(byTag).sort().map((tag) => [tag, byTag[tag].sort()])),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(ROOT, 'src', 'knowledge', 'data', 'lexicon.json');
  const data = lexiconFile();
  // One tag a line: small diffs when compromise changes.
  const lines = Object.entries(data.tags).map(([tag, words]) => `    ${JSON.stringify(tag)}: ${JSON.stringify(words)}`);
  writeFileSync(file, `{\n  "_comment": ${JSON.stringify(data._comment)},\n  "compromise": ${JSON.stringify(data.compromise)},\n  "tags": {\n${lines.join(',\n')}\n  }\n}\n`);
  console.log(`${file}: ${Object.values(data.tags).reduce((n, w) => n + w.length, 0)} words under ${lines.length} tags`);
}
