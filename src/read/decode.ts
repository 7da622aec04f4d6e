// Bytes → text. UTF-8 first; a file that is not valid UTF-8 was almost always saved as
// Windows-1252 (a superset of Latin-1 for printable text), so it is read that way with a warning.

export type Decoded = { ok: true; text: string; warnings: string[] } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Magic numbers of common binary formats a scraper may leave among articles. */
const _MAGIC: Array<[string, number[]]> = [
  ['gzip data', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a zip archive', [0x50, 0x4b, 0x03, 0x04]],
];

function _startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (_startsWith(bytes, [0xef, 0xbb, 0xbf])) return _utf8OrLatin(bytes.subarray(3));
  // UTF-32's marks first: FF FE 00 00 also begins like UTF-16's.
  if (_startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return _utf32(bytes.subarray(4), true);
  if (_startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return _utf32(bytes.subarray(4), false);
  if (_startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  if (_startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  for (const [what, magic] of _MAGIC) {
    if (_startsWith(bytes, magic)) return { ok: false, reason: `binary file (${what})` };
  }
  const unmarked = _utf16Unmarked(bytes);
  if (unmarked) {
    return { ok: true, text: new TextDecoder(unmarked).decode(bytes), warnings: [`no byte order mark, but the bytes are text in ${unmarked.toUpperCase()}: read so`] };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  return _utf8OrLatin(bytes);
}

function _utf8OrLatin(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes), warnings: [] };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), warnings: ['not valid UTF-8; read as Windows-1252 (Latin-1)'] };
  }
}

// Node's TextDecoder reads "windows-1252" as ISO-8859-1, leaving 0x80-0x9F as control characters;
// Windows-1252 puts curly quotes, dashes and the euro sign there.
const _CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? _CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** UTF-32 (after its byte order mark), which TextDecoder does not read; a code point out of range is refused. */
function _utf32(bytes: Uint8Array, little: boolean): Decoded {
  if (bytes.length % 4 !== 0) return { ok: false, reason: 'UTF-32 (by its byte order mark) of a length that is not a whole number of characters: damaged or not UTF-32' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const c = view.getUint32(i, little);
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return { ok: false, reason: `UTF-32 (by its byte order mark) with an invalid character at byte ${i + 4}: damaged or not UTF-32` };
    parts.push(String.fromCodePoint(c));
  }
  return { ok: true, text: parts.join(''), warnings: [] };
}

/**
 * UTF-16 saved without a byte order mark: text in the Latin script has a NUL in every other byte
 * (the odd ones in little-endian, the even ones in big-endian) and almost none in the others.
 * Looked for in the first 4 KB.
 */
function _utf16Unmarked(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0 || (bytes[0] !== 0 && bytes[1] !== 0)) return null;
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.4 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.4 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}
