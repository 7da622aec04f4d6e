// Text from articles (and file names) reaches a terminal: nothing in it may move the cursor, change
// colours, set the window title or reorder the line. Every pattern here is bounded (no backtracking).
import stringWidth from 'string-width';

// CSI (ESC [ or the one-byte 0x9b), OSC (ESC ] ... BEL or ESC \), other two-byte escapes.
const _CSI = /(?:\u001b\[|\u009b)[0-?]{0,64}[ -/]{0,16}[@-~]?/g;
const _OSC = /(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]{0,4096}(?:\u0007|\u001b\\|\u009c)?/g;
const _ESC = /\u001b[ -~]?/g;
// C0 and C1 controls, and the bidirectional overrides that can make a line read other than it is.
const _CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const _SPACES = /\s+/g;

/** One line of plain, harmless text: escapes dropped, controls and line breaks made spaces. */
export function clean(s: string): string {
  return s.replace(_OSC, '').replace(_CSI, '').replace(_ESC, '').replace(_CONTROL, ' ').replace(_SPACES, ' ').trim();
}

/** A file name shown on a terminal: each control character a '?', as ls does, so the file can still be found. */
export function cleanPath(s: string): string {
  return s.replace(_CONTROL, '?');
}

/** A stored (absolute) path as a table shows it: relative to the current folder when under it, shorter to read. */
export function shownPath(file: string, cwd: string = process.cwd()): string {
  const under = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return file.startsWith(under) ? file.slice(under.length) : file;
}

// Controls a cell of CSV may not hold: all but tab and line breaks, which RFC 4180 quoting carries.
const _CELL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** A CSV cell's text: each control character (escapes, bidirectional overrides) a '?', as in cleanPath. */
export function cleanCell(s: string): string {
  return s.replace(_CELL_CONTROL, '?');
}

// What JSON.stringify leaves raw that a terminal or a browser acts on: DEL, C1 controls (0x9b is a
// one-byte escape), bidirectional overrides, and the line and paragraph separators.
const _JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/g;

/** JSON text with those characters written as \uXXXX: the same data once parsed, harmless when shown. */
export function safeJson(json: string): string {
  return json.replace(_JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line`, what editors and terminals open at the line; the file alone when the line is not known. */
export function fileLine(file: string, line: number | null | undefined): string {
  return line ? `${cleanPath(file)}:${line}` : cleanPath(file);
}

/** Columns a string takes on a terminal (string-width: East Asian wide, emoji, combining marks). */
export function width(s: string): number {
  return stringWidth(s);
}

/**
 * Cut to at most `max` columns, marked with '…': at the end by default, at the start with
 * `fromStart`, in the middle with `middle` (both ends of a name or a fee's text stay readable).
 */
export function truncate(s: string, max: number, fromStart = false, middle = false): string {
  if (width(s) <= max) return s;
  if (max <= 1) return max === 1 ? '…' : '';
  const chars = [...s.normalize('NFC')];
  if (middle) {
    const headCols = Math.ceil((max - 1) / 2);
    const head = _take(chars, headCols);
    const tail = _takeEnd(chars, max - 1 - width(head));
    return `${head.trimEnd()}…${tail.trimStart()}`;
  }
  return fromStart ? `…${_takeEnd(chars, max - 1)}` : `${_take(chars, max - 1)}…`;
}

/** The first characters that fit in `cols` columns. */
function _take(chars: string[], cols: number): string {
  let out = '';
  let w = 0;
  for (const ch of chars) {
    const cw = width(ch);
    if (w + cw > cols) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** The last characters that fit in `cols` columns. */
function _takeEnd(chars: string[], cols: number): string {
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] ?? '';
    const cw = width(ch);
    if (w + cw > cols) break;
    out = ch + out;
    w += cw;
  }
  return out;
}

/** "1 article", "2 articles", "1,800 articles": a count the way every message writes one. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** Whole numbers with thousands separated by commas ("1,800"), in every human-readable output. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

/** Pad with spaces to `cols` columns (left-aligned). */
export function pad(s: string, cols: number): string {
  const w = width(s);
  return w >= cols ? s : s + ' '.repeat(cols - w);
}

/** A fee or amount for people to read: "€120m", "£1.5bn", "$900k", falling back to the text. */
export function shortMoney(amount: number | null, currency: string | null, text: string): string {
  if (amount === null || !Number.isFinite(amount) || currency === null) return clean(text);
  const sign = currency === 'GBP' ? '£' : currency === 'EUR' ? '€' : currency === 'USD' ? '$' : `${currency} `;
  const [div, unit] = amount >= 1e9 ? [1e9, 'bn'] : amount >= 1e6 ? [1e6, 'm'] : amount >= 1e3 ? [1e3, 'k'] : [1, ''];
  const n = amount / div;
  const shown = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  return `${sign}${shown}${unit}`;
}

/** Word-wrap one line of text to `cols` columns, each line prefixed with `indent`. */
export function wrap(s: string, cols: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (line !== '' && width(line) + 1 + width(word) > cols) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}${l}\n`).join('');
}
