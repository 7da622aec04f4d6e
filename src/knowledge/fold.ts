// One way to fold letters wherever names are compared: lower case, diacritics away, and the letters
// Unicode does not split into a base letter and a mark (ø, ß, æ, ł...) spelt out in ASCII.

const _LETTERS: Record<string, string> = {
  ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŋ: 'n',
};
const _SPECIAL = /[øßæœłđðþıħŋ]/g;
const _NON_ASCII = /[^\x00-\x7f]/;

/** Nothing past U+007F: such a text folds and splits without Unicode tables. */
export function isAscii(s: string): boolean {
  return !_NON_ASCII.test(s);
}

/** "Mönchengladbach" → "monchengladbach", "Ødegaard" → "odegaard"; punctuation is left alone. */
export function foldLetters(s: string): string {
  const lower = s.toLowerCase();
  if (isAscii(lower)) return lower;
  return lower.normalize('NFKD').replace(/\p{M}/gu, '').replace(_SPECIAL, (c) => _LETTERS[c] ?? c);
}
