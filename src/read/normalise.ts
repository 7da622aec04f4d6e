// Normalise article text for reading while keeping a map back to the original offsets, so that every
// fact found in the normalised text can still point at the exact characters of the file.
import { decodeHTML } from 'entities';

export interface Normalised {
  /** Entities decoded, tags of saved web pages removed, CRLF → LF, odd spaces → ' '. Quotes as written. */
  view: string;
  /** `view` with curly quotes made straight and dashes made '-': the same length, for matching. */
  text: string;
  /** map[i] is the offset in the original of view[i]; map[view.length] is the original's length. */
  map: Int32Array;
}

const _ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;
// Invisible: zero-width characters, soft hyphens, and the bidirectional marks and overrides that
// pages carry (and that could make a name read other than it is); dropped so that words stay whole.
const _DROP = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']);
const _SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
// Control characters (other than newline) would upset a terminal and mean nothing in prose.
const _CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;
const _BLOCK_TAGS = /^(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|title|figcaption|hr)$/i;
const _SKIP_TAGS = /^(?:script|style|noscript|template|svg|head)$/i;

/** Does this text look like a page saved from a browser rather than plain prose? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  const tags = text.slice(0, 20000).match(/<\/?(?:p|div|span|a|br|body|head|script|meta|li|h[1-6])\b[^>]{0,500}>/gi);
  return (tags?.length ?? 0) >= 5;
}

// Characters that need more than copying; everything between them is copied in bulk.
const _SPECIAL_TEXT = /[\r&\t\v\f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u2066-\u2069\u061c\u3000\ufeff\u00ad\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const _SPECIAL_HTML = new RegExp(_SPECIAL_TEXT.source.replace('[', '[<'), 'g');

export function normalise(original: string, opts: { html?: boolean } = {}): Normalised {
  return normaliseRange(original, 0, original.length, opts.html ?? false);
}

/**
 * The normalised text of `original` from `from` to about `to`: exactly that stretch of what
 * `normalise` gives for the whole, provided `from` is where the whole's normalisation resumes
 * copying (0, or a previous stretch's `end`). A tag or an entity that runs over `to` is finished, so
 * the stretch ends at `end` (≥ `to`); the map's offsets count in the whole `original`. Used to read a
 * long article in pieces (read/pieces.ts) without a map of the whole.
 */
export function normaliseRange(original: string, from: number, to: number, html: boolean): Normalised & { end: number } {
  // Decoding only ever shortens (an entity or a tag becomes at most two characters), so the map
  // never needs more room than the stretch has, and two more for what a last tag or entity over
  // `to` gives.
  const map = new Int32Array(to - from + 3);
  const out: string[] = [];
  let len = 0;
  const copy = (a: number, b: number) => {
    if (b <= a) return;
    out.push(original.slice(a, b));
    for (let k = a; k < b; k++) map[len++] = k;
  };
  const emit = (text: string, at: number) => {
    out.push(text);
    for (let k = 0; k < text.length; k++) map[len++] = at;
  };
  const re = html ? _SPECIAL_HTML : _SPECIAL_TEXT;
  re.lastIndex = from;
  let i = from;
  for (let m = re.exec(original); m !== null && m.index < to; m = re.exec(original)) {
    const at = m.index;
    if (at < i) continue;
    copy(i, at);
    i = _special(original, at, html, emit);
    re.lastIndex = i;
  }
  copy(i, to);
  const end = Math.max(i, to);
  map[len] = end;
  const view = out.join('');
  return { view, text: foldForMatching(view), map: map.subarray(0, len + 1), end };
}

/** Handle the character at `at`; returns where copying resumes. */
function _special(original: string, at: number, html: boolean, emit: (text: string, at: number) => void): number {
  const c = original[at] as string;
  if (c === '\r') {
    emit('\n', at);
    return at + (original[at + 1] === '\n' ? 2 : 1);
  }
  if (c === '&') {
    _ENTITY.lastIndex = at;
    const m = _ENTITY.exec(original);
    const decoded = m ? decodeHTML(m[0]) : '&';
    if (m && decoded !== m[0]) {
      emit(_cleanChar(decoded), at);
      return at + m[0].length;
    }
    emit('&', at);
    return at + 1;
  }
  if (html && c === '<') {
    const next = _skipTag(original, at);
    if (next <= at) {
      emit('<', at);
      return at + 1;
    }
    const tag = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(original.slice(at, at + 40))?.[1] ?? '';
    if (_BLOCK_TAGS.test(tag)) emit('\n\n', at);
    return next;
  }
  emit(_cleanChar(c), at);
  return at + 1;
}

function _cleanChar(s: string): string {
  let r = '';
  for (const ch of s) {
    if (_DROP.has(ch)) continue;
    r += _SPACES.test(ch) || _CONTROL.test(ch) ? ' ' : ch;
  }
  return r;
}

/** Index just past a tag (and past the whole element for script/style); `at` when it is not a tag. */
function _skipTag(s: string, at: number): number {
  if (s.startsWith('<!--', at)) {
    const end = s.indexOf('-->', at + 4);
    return end < 0 ? s.length : end + 3;
  }
  const m = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)|^<[!?]/.exec(s.slice(at, at + 64));
  if (!m) return at;
  const close = s.indexOf('>', at);
  if (close < 0) return at;
  const name = m[1] ?? '';
  if (_SKIP_TAGS.test(name) && s[at + 1] !== '/') {
    const endTag = s.toLowerCase().indexOf(`</${name.toLowerCase()}`, close);
    if (endTag < 0) return s.length;
    const endClose = s.indexOf('>', endTag);
    return endClose < 0 ? s.length : endClose + 1;
  }
  return close + 1;
}

const _FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u0060': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};

/** Curly quotes → straight, dashes → '-', one character for one: offsets stay valid. */
export function foldForMatching(view: string): string {
  return view.replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u201c-\u201f\u2033\u00ab\u00bb\u2010-\u2015\u2212]/g, (c) => _FOLD[c] ?? c);
}
