#!/usr/bin/env node
// Build src/knowledge/data/club-forms.json: every club form (names, short forms, stadiums, nicknames,
// the curated context rules) folded, ranked and flagged, as the recogniser's trie holds them. Each
// thread used to derive them at start-up (75-165 ms); reading this table costs a few. Run after
// `npm run build:clubs` or an edit of club-curated.json (`npm run build:club-forms`, which builds
// first: the derivation is dist/knowledge/_club-forms.js); a test fails while the two differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clubFormsFile } from '../dist/knowledge/_club-forms.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'knowledge', 'data');
const read = (name) => JSON.parse(readFileSync(join(DATA, name), 'utf8'));

/** One form a line: a diff of the table reads as the forms that changed. */
export function formsText(file) {
  return `{"_comment":${JSON.stringify(file._comment)},"forms":[\n${file.forms.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = clubFormsFile(read('clubs.json'), read('club-curated.json'));
  writeFileSync(join(DATA, 'club-forms.json'), formsText(file));
  console.log(`club-forms.json: ${file.forms.length} forms`);
}
