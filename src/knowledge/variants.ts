// Spellings of one given name ("Mo" and "Mohamed", "Jnr" and "Junior"), from data/name-variants.json:
// the player story compares names by one spelling of each, and the store looks a query up by all.
import { loadData } from './_load.js';

interface _VariantsData {
  groups: string[][];
}

let _groups: Map<string, string[]> | undefined;

function _byWord(): Map<string, string[]> {
  if (!_groups) {
    _groups = new Map();
    for (const group of loadData<_VariantsData>('name-variants.json').groups) for (const w of group) _groups.set(w, group);
  }
  return _groups;
}

/** The spelling a folded word is compared by: "mo" → "mohamed", "jnr" → "junior", "salah" → "salah". */
export function canonicalWord(word: string): string {
  return _byWord().get(word)?.[0] ?? word;
}

/** Every spelling of a folded word, itself first: "mohamed" → mohamed, mohammed, ..., mo. */
export function spellings(word: string): string[] {
  const group = _byWord().get(word);
  return group ? [word, ...group.filter((w) => w !== word)] : [word];
}
