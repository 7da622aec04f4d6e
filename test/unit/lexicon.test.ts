// The lexicon table is compromise's own, copied as data: it must say what the installed compromise says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS build script, no types
import { lexiconFile } from '../../scripts/build-lexicon.mjs';
import { peopleKnowledge } from '../../src/knowledge/people.js';

describe('lexicon.json', () => {
  it('matches the installed compromise (else run npm run build:lexicon)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../src/knowledge/data/lexicon.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(lexiconFile());
  });

  it('answers words with their tag, multi-word entries included', () => {
    const k = peopleKnowledge();
    expect(k.lexTag('london')).toBe('City');
    expect(k.lexTag('abu dhabi')).toBe('City');
    expect(k.lexTag('zzyzxq')).toBeUndefined();
  });
});
