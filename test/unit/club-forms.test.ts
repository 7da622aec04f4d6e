// club-forms.json is derived from clubs.json and club-curated.json at build time: it must say what
// they say, and read back into the very trie the derivation makes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS build script, no types
import { formsText } from '../../scripts/build-club-forms.mjs';
import { buildFormTrie, clubFormsFile } from '../../src/knowledge/_club-forms.js';
import { clubEntries, formTrie, type ClubFormsFile, type Curated, type RawClub } from '../../src/knowledge/clubs.js';
import { loadData } from '../../src/knowledge/_load.js';

const committedText = readFileSync(new URL('../../src/knowledge/data/club-forms.json', import.meta.url), 'utf8');
const raw = loadData<RawClub[]>('clubs.json');
const cur = loadData<Curated>('club-curated.json');

describe('club-forms.json', () => {
  it('matches clubs.json and club-curated.json (else run npm run build:club-forms)', () => {
    expect(committedText).toBe(formsText(clubFormsFile(raw, cur)));
  });

  it('reads back into the trie the derivation makes, branch order included', () => {
    const clubs = clubEntries(raw);
    const read = formTrie(JSON.parse(committedText) as ClubFormsFile, clubs);
    const built = buildFormTrie(clubs, cur);
    expect(read).toEqual(built);
    expect([...read.next.keys()]).toEqual([...built.next.keys()]);
    // The same club objects, not copies: the recogniser compares clubs by identity.
    expect(read.next.get('arsenal')?.form?.club).toBe(clubs.find((c) => c.name === 'Arsenal'));
  });
});
