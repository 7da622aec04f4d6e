// Paragraphs and sentences with exact offsets. A plain scanner rather than compromise's splitter:
// it keeps offsets exact and runs at hundreds of MB/s, where compromise's tokeniser runs near 1 MB/s
// (see README, "Why our own sentence splitter").
/** A stretch of the view text: offsets from `start` to `end` (exclusive). */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

export interface Segments {
  paragraphs: Span[];
  sentences: Sentence[];
}

// Words after which a full stop does not end a sentence.
const _ABBREV = new Set(
  'mr mrs ms dr st jr jnr snr sr no nos vs v prof gen col capt lt sgt rev fr mt inc ltd co corp approx est fig ft int utd ave rd dept govt jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e etc al'.split(
    ' ',
  ),
);

const _TERMINAL = /[.!?…:;"'”’)\]]$/;

// A "sentence" longer than this is not prose (a scraped table, a page with no full stops; real ones
// stay under 600 characters): it is cut at a space, so that the work done per sentence and the
// evidence shown for each fact in it stay bounded.
const _MAX_SENTENCE = 2000;

export function segment(text: string): Segments {
  const paragraphs = _paragraphs(text);
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, pi) => {
    for (const long of _sentences(text, p)) {
      for (const s of _capped(text, long)) sentences.push({ start: s.start, end: s.end, index: sentences.length, paragraph: pi });
    }
  });
  return { paragraphs, sentences };
}

/** Blank lines separate paragraphs, and so does a single newline after a line that ends a sentence. */
function _paragraphs(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, end });
    if (nl < 0) break;
    start = nl + 1;
  }
  const paras: Span[] = [];
  let cur: Span | null = null;
  let blankBefore = false;
  for (const line of lines) {
    const t = _trim(text, line);
    if (t.start >= t.end) {
      blankBefore = true;
      continue;
    }
    if (cur) {
      const prev = text.slice(Math.max(cur.start, cur.end - 3), cur.end);
      const ended = _TERMINAL.test(prev);
      const next = text[t.start] ?? '';
      // A line that breaks off mid-sentence ("Real Madrid" / "did" / "ask for...") continues it,
      // whether a blank line or a single newline falls between them.
      const continues = !ended && /[a-z(]/.test(next);
      const headline = !ended && !blankBefore && cur.end - cur.start < 120 && /[A-Z"'0-9]/.test(next);
      if (continues || (!blankBefore && !ended && !headline)) {
        cur.end = t.end;
        blankBefore = false;
        continue;
      }
      paras.push(cur);
    }
    cur = { ...t };
    blankBefore = false;
  }
  if (cur) paras.push(cur);
  return paras;
}

function _sentences(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let start = p.start;
  let i = p.start;
  while (i < p.end) {
    const c = text[i];
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i + 1;
      while (j < p.end && /[.!?…]/.test(text[j] ?? '')) j++;
      while (j < p.end && /["')\]’”]/.test(text[j] ?? '')) j++;
      const spaced = j < p.end && /\s/.test(text[j] ?? '') && _startsSentence(text, j, p.end);
      if ((spaced || _glued(text, i, j, p.end)) && !_abbreviation(text, start, i, c)) {
        out.push(_trim(text, { start, end: j }));
        start = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  const last = _trim(text, { start, end: p.end });
  if (last.end > last.start) out.push(last);
  return out.filter((s) => s.end > s.start);
}

function _capped(text: string, s: Span): Span[] {
  if (s.end - s.start <= _MAX_SENTENCE) return [s];
  const out: Span[] = [];
  let start = s.start;
  while (s.end - start > _MAX_SENTENCE) {
    // The last space in the second half of the window; with none, cut anyway (never inside a
    // surrogate pair). The search is bounded, so a run without spaces stays linear.
    const limit = start + _MAX_SENTENCE;
    let cut = limit;
    while (cut > start + _MAX_SENTENCE / 2 && !/\s/.test(text[cut] ?? '')) cut--;
    if (cut <= start + _MAX_SENTENCE / 2) cut = _isLowSurrogate(text, limit) ? limit - 1 : limit;
    const piece = _trim(text, { start, end: cut });
    if (piece.end > piece.start) out.push(piece);
    start = cut;
  }
  const last = _trim(text, { start, end: s.end });
  if (last.end > last.start) out.push(last);
  return out;
}

function _isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

function _startsSentence(text: string, ws: number, end: number): boolean {
  let k = ws;
  while (k < end && /\s/.test(text[k] ?? '')) k++;
  return k < end && /[A-Z0-9"'“‘(\[À-Þ£€$]/.test(text[k] ?? '');
}

/**
 * Scraped text glues sentences together: "a title challenge.The Blues want". A full stop after two
 * lower-case letters, straight before a capitalised word, ends a sentence; "Calciomercato.com" does
 * not (the word after is lower case), nor "U.S.A" (the letters before are not).
 */
function _glued(text: string, dot: number, j: number, end: number): boolean {
  if (j !== dot + 1 || j + 1 >= end) return false;
  return /[a-z]{2}$/.test(text.slice(Math.max(0, dot - 2), dot)) && /^[A-Z][a-z]/.test(text.slice(j, j + 2));
}

function _abbreviation(text: string, sentenceStart: number, dot: number, mark: string): boolean {
  if (mark !== '.') return false;
  let k = dot;
  while (k > sentenceStart && /[A-Za-z.]/.test(text[k - 1] ?? '')) k--;
  const word = text.slice(k, dot).toLowerCase();
  if (word.length === 1 && /[A-Z]/.test(text[k] ?? '')) return true; // an initial: "A. Smith"
  return _ABBREV.has(word) || /^(?:[a-z]\.)+[a-z]$/.test(word); // "u.s"
}

function _trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Binary search: the sentence containing `offset`, or the nearest one before it. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Sentence).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo] ?? { start: 0, end: 0, index: 0, paragraph: 0 };
}
