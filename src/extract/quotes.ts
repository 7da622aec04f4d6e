// Quotes: direct speech in quotation marks and the words that attribute it.
//
// doc.text holds straight marks only, so a mark's role is read from its neighbours: an opening mark
// follows a space or a bracket and precedes a word; a closing one follows a word or punctuation.
// Single marks double as apostrophes ("don't", "Konaté's", "players'"), so a single-quoted passage
// needs both its marks in one paragraph. One linear pass per mark kind, then bounded windows
// around each quote for the attribution: no regex runs over more than a few hundred characters.
import { loadData } from '../knowledge/_load.js';
import { showSpan } from './doc.js';
import type { Doc, NameMention, QuoteFinding, Span } from './types.js';

interface _VerbTable {
  verbs: string[];
  participles: string[];
  phrases: string[];
  auxiliaries: string[];
  passiveMarkers: string[];
  pronouns: string[];
  determiners: string[];
  leadWords: string[];
  stopWords: string[];
  titleWords: string[];
  particles: string[];
}

interface _Lexicon {
  verbs: Set<string>;
  participles: Set<string>;
  /** First word of a two-word reporting phrase ("hit back") → its second words. */
  phrases: Map<string, Set<string>>;
  aux: Set<string>;
  passive: Set<string>;
  pronouns: Set<string>;
  dets: Set<string>;
  lead: Set<string>;
  stop: Set<string>;
  titles: Set<string>;
  particles: Set<string>;
}

let _lexicon: _Lexicon | null = null;

function _lex(): _Lexicon {
  if (_lexicon) return _lexicon;
  const t = loadData<_VerbTable>('reporting-verbs.json');
  const set = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const phrases = new Map<string, Set<string>>();
  for (const p of t.phrases ?? []) {
    const [a, b] = p.toLowerCase().split(' ');
    if (!a || !b) continue;
    const s = phrases.get(a) ?? new Set<string>();
    s.add(b);
    phrases.set(a, s);
  }
  _lexicon = {
    verbs: set(t.verbs),
    participles: set(t.participles),
    phrases,
    aux: set(t.auxiliaries),
    passive: set(t.passiveMarkers),
    pronouns: set(t.pronouns),
    dets: set(t.determiners),
    lead: set(t.leadWords),
    stop: set(t.stopWords),
    titles: set(t.titleWords),
    particles: set(t.particles),
  };
  return _lexicon;
}

/** One pair of marks and the words between them. */
interface _Pair {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, -1 when the quote was never closed. */
  close: number;
  /** The quoted words, trimmed. */
  start: number;
  end: number;
  para: number;
}

interface _Kept {
  pair: _Pair;
  own: NameMention | null;
  speaker: NameMention | null;
  continues: boolean;
}

// A quote must hold this many words; a stand-alone utterance with its own attribution
// ("Yes, why not," he replied) may be one word shorter. Shorter ones are scare quotes.
const _MIN_WORDS = 4;
const _MIN_UTTERANCE_WORDS = 3;
// How far the attribution is looked for, before and after a quote.
const _LEAD_CHARS = 300;
const _TAIL_CHARS = 200;

export function findQuotes(doc: Doc): QuoteFinding[] {
  const text = doc.text;
  const paras = doc.paragraphs;
  if (paras.length === 0 || text.length === 0) return [];
  const pairs = _pairs(text, paras);
  const kept: _Kept[] = [];
  const headline = paras.length > 1 && _headline(text, paras[0] as Span);
  for (let n = 0; n < pairs.length; n++) {
    const pair = pairs[n] as _Pair;
    // A headline's quoted phrase ("Anelka 'eyes Man City departure'") reports a claim, not speech.
    if (headline && pair.para === 0) continue;
    const words = _countWords(text, pair.start, pair.end);
    if (words < _MIN_UTTERANCE_WORDS) continue;
    const prev = pairs[n - 1];
    const next = pairs[n + 1];
    const a = _attribute(doc, pair, prev?.para === pair.para ? prev : undefined, next?.para === pair.para ? next : undefined);
    if (words < _MIN_WORDS && !(a.utterance && a.speaker)) continue;
    // "the so-called "Battle of Old Trafford"": a name in quotation marks, not speech.
    if (!a.utterance && _titleCased(text, pair)) continue;
    kept.push({ pair, own: a.speaker, speaker: a.speaker, continues: false });
  }
  _carrySpeakers(kept);
  return kept.map((k) => ({
    start: k.pair.start,
    end: k.pair.end,
    text: showSpan(doc, k.pair),
    speakerSpan: k.speaker,
    continues: k.continues,
  }));
}

/** A short first paragraph without a closing full stop reads as a headline. */
function _headline(text: string, p: Span): boolean {
  return p.end - p.start <= 150 && !/[.!?]["']?$/.test(text.slice(p.start, p.end).trimEnd());
}

// ---- marks ----

function _pairs(text: string, paras: Span[]): _Pair[] {
  // Every mark of the text once, then each paragraph takes its own: linear in the text.
  const doubles: number[] = [];
  const singles: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) doubles.push(i);
    else if (c === 39) singles.push(i);
  }
  const out: _Pair[] = [];
  let di = 0;
  let si = 0;
  paras.forEach((p, pi) => {
    const d: number[] = [];
    while (di < doubles.length && (doubles[di] as number) < p.end) {
      const x = doubles[di++] as number;
      if (x >= p.start) d.push(x);
    }
    const s: number[] = [];
    while (si < singles.length && (singles[si] as number) < p.end) {
      const x = singles[si++] as number;
      if (x >= p.start) s.push(x);
    }
    const dp = _doublePairs(text, p, pi, d);
    const sp = _singlePairs(text, p, pi, s, dp);
    // A double-quoted phrase inside a single-quoted passage belongs to it. Both lists are in
    // order and single-quoted passages do not overlap: one pointer walks them together.
    let k = 0;
    const kept = dp.filter((q) => {
      while (k + 1 < sp.length && (sp[k + 1] as _Pair).open < q.open) k++;
      const o = sp[k];
      return !(o && o.open < q.open && q.end <= o.end);
    });
    for (const q of [...kept, ...sp].sort((a, b) => a.open - b.open)) out.push(q);
  });
  return out;
}

type _Role = 'open' | 'close' | 'either';

// Character classes of a mark's neighbours, tested per mark: plain sets, no regex.
const _OPENS_AFTER = new Set([...'([{:/-']);
const _CLOSES_BEFORE = new Set([...".,;:!?)]}'-"]);
const _isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r';

function _role(text: string, i: number, p: Span): _Role {
  const prev = i > p.start ? (text[i - 1] as string) : ' ';
  const next = i + 1 < p.end ? (text[i + 1] as string) : ' ';
  const prevBlank = _isSpace(prev) || _OPENS_AFTER.has(prev);
  const nextBlank = _isSpace(next);
  if (prevBlank && !nextBlank) return 'open';
  if (!prevBlank && (nextBlank || _CLOSES_BEFORE.has(next))) return 'close';
  return 'either';
}

function _doublePairs(text: string, p: Span, pi: number, marks: number[]): _Pair[] {
  const out: _Pair[] = [];
  let open = -1;
  for (const i of marks) {
    const role = _role(text, i, p);
    if (open < 0) {
      if (role !== 'close') open = i;
      continue;
    }
    if (role === 'open') {
      // A new opening mark while the last quote is still open: flattened paragraphs, or a
      // quote run over several paragraphs with its marks lost. The last one ends here.
      _push(out, text, open, i, -1, pi);
      open = i;
    } else {
      _push(out, text, open, i, i, pi);
      open = -1;
    }
  }
  if (open >= 0) _push(out, text, open, p.end, -1, pi);
  return out;
}

// Elisions that open with an apostrophe and are no quotation: 'em, 'til, '90s.
const _ELISION = /^'(?:em|til|n|cos|cause|tis|twas|bout|\d0s|\d\ds)\b/i;

function _singlePairs(text: string, p: Span, pi: number, marks: number[], doubles: _Pair[]): _Pair[] {
  if (marks.length === 0) return [];
  // Single marks inside a double-quoted passage are quotes within a quote or apostrophes.
  // Marks and passages are both in order: one pointer walks the passages.
  let d = 0;
  const inDouble = (i: number) => {
    while (d < doubles.length && _pairEnd(doubles[d] as _Pair) <= i) d++;
    const q = doubles[d];
    return q !== undefined && q.open <= i;
  };
  const openers: number[] = [];
  const closers: number[] = [];
  for (const i of marks) {
    if (inDouble(i)) continue;
    const prev = i > p.start ? (text[i - 1] as string) : ' ';
    const next = i + 1 < p.end ? (text[i + 1] as string) : ' ';
    if (prev === "'" && next === "'") continue;
    if ((_isSpace(prev) || _OPENS_AFTER.has(prev) || prev === '"') && /[\p{L}\p{N}£$€"]/u.test(next) && !_ELISION.test(text.slice(i, i + 6))) openers.push(i);
    else if (!_isSpace(prev) && !'([{'.includes(prev) && (_isSpace(next) || _CLOSES_BEFORE.has(next) || next === '"')) closers.push(i);
  }
  const out: _Pair[] = [];
  let k = 0;
  let after = -1;
  for (let o = 0; o < openers.length; o++) {
    const i = openers[o] as number;
    if (i < after) continue;
    while (k < closers.length && (closers[k] as number) <= i) k++;
    let c = closers[k];
    // "'The players' wages are too high,' he said": a plural possessive, not the closing mark,
    // when a later closing mark comes before the next opening one.
    const later = closers[k + 1];
    if (c !== undefined && later !== undefined && _possessive(text, c) && later < (openers[o + 1] ?? Infinity)) c = later;
    if (c === undefined) {
      // Never closed: only speech set out on its own (at the paragraph's start or after a
      // colon) runs on to the paragraph's end, as quotes over several paragraphs do.
      const before = text.slice(Math.max(p.start, i - 2), i).trim();
      if (i === p.start || before.endsWith(':')) _push(out, text, i, p.end, -1, pi);
      break;
    }
    _push(out, text, i, c, c, pi);
    after = c + 1;
  }
  return out;
}

function _possessive(text: string, i: number): boolean {
  return text[i - 1] === 's' && text[i + 1] === ' ' && /[a-z]/.test(text[i + 2] ?? '');
}

/** Where a pair's passage ends: its closing mark, or the end of its words when never closed. */
function _pairEnd(q: _Pair): number {
  return q.close >= 0 ? q.close : q.end;
}

/** Adds the pair of marks at `open` and `endAt` when words stand between them. */
function _push(out: _Pair[], text: string, open: number, endAt: number, close: number, para: number): void {
  let start = open + 1;
  let end = endAt;
  while (start < end && _isSpace(text[start] as string)) start++;
  while (end > start && (_isSpace(text[end - 1] as string) || text[end - 1] === ',')) end--;
  if (end > start) out.push({ open, close, start, end, para });
}

// Small words a title-cased name may hold: "Battle of Old Trafford", "Partido contra la Pobreza".
const _SMALL = new Set(
  'of the and in on at for a an to v vs & de del la las el los di della du des da do dos van von der y e et contra'.split(' '),
);

function _titleCased(text: string, q: _Pair): boolean {
  if (q.end - q.start > 80) return false;
  const words = text.slice(q.start, q.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length <= 6 && words.every((w) => /^[^\p{L}]*[\p{Lu}\p{N}]/u.test(w) || _SMALL.has(w.toLowerCase()));
}

function _countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  let hasAlnum = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (space) {
      if (inWord && hasAlnum) n++;
      inWord = false;
      hasAlnum = false;
    } else {
      inWord = true;
      if (!hasAlnum && /[\p{L}\p{N}]/u.test(text[i] as string)) hasAlnum = true;
    }
  }
  if (inWord && hasAlnum) n++;
  return n;
}

// ---- attribution ----

interface _Tok {
  s: number;
  e: number;
  w: string;
  lc: string;
  word: boolean;
}

const _TOKEN = /[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function _tokens(text: string, from: number, to: number): _Tok[] {
  const out: _Tok[] = [];
  const s = text.slice(from, to);
  _TOKEN.lastIndex = 0;
  for (let m = _TOKEN.exec(s); m; m = _TOKEN.exec(s)) {
    const w = m[0];
    out.push({ s: from + m.index, e: from + m.index + w.length, w, lc: w.toLowerCase(), word: /^[\p{L}\p{N}]/u.test(w) });
  }
  return out;
}

const _isCap = (w: string) => /^\p{Lu}/u.test(w);
const _ARTICLES = new Set(['the', 'a', 'an']);

interface _Attribution {
  speaker: NameMention | null;
  /** The quote stands as speech of its own (a sentence, or after "said:"), not a phrase inside narrative. */
  utterance: boolean;
}

function _attribute(doc: Doc, q: _Pair, prev: _Pair | undefined, next: _Pair | undefined): _Attribution {
  const text = doc.text;
  const para = doc.paragraphs[q.para] as Span;
  let lead = _lead(text, para, q.open, prev);
  let leadToks = _tokens(text, lead.start, lead.end);
  // "Mac Allister said:" closing one paragraph and the speech opening the next.
  if (leadToks.length === 0 && lead.start === para.start && q.para > 0) {
    const pp = doc.paragraphs[q.para - 1] as Span;
    if (text.slice(pp.start, pp.end).trimEnd().endsWith(':')) {
      lead = _lead(text, pp, pp.end, undefined);
      leadToks = _tokens(text, lead.start, lead.end);
    }
  }
  const last = leadToks[leadToks.length - 1];
  // "- Bolton boss Sam Allardyce "...": a label set before the speech, as in match reports.
  const label = leadToks[0]?.w === '-' && leadToks.length <= 12 && leadToks.every((_, k) => _verbAt(leadToks, k) === null);
  const introduced = label || (last !== undefined && (last.w === ':' || last.w === ',' || _verbAt(leadToks, leadToks.length - 1) !== null));
  const utterance = leadToks.length === 0 || introduced;
  const tailToks = q.close >= 0 ? _tokens(text, q.close + 1, _tailEnd(para, q, next)) : [];
  const endsWith = text[q.end - 1] ?? '';
  const rawEnd = q.close >= 0 ? (text[q.close - 1] ?? '') : '';

  let range: _Range | null = null;
  let toks = leadToks;
  if (introduced) {
    range = _fromLead(leadToks, true);
  } else {
    // Narrative phrases take an attribution after them only when a comma sets it off.
    const commaAfter = tailToks[0]?.w === ',' || rawEnd === ',';
    if (utterance || commaAfter) {
      range = _fromTail(tailToks, endsWith);
      toks = tailToks;
    }
    if (!range && !utterance) {
      range = _fromLead(leadToks, false);
      toks = leadToks;
    }
    // Reported speech and then the words themselves: 'Hodgson told BBC Sport that... "I just feel..."'.
    if (!range && leadToks.length === 0) {
      toks = _previousSentence(doc, q, lead, prev);
      range = _fromReportedSpeech(toks);
    }
  }
  return { speaker: range ? _mention(doc, toks, range) : null, utterance };
}

/** The sentence before a quote that opens one, when no other quote stands between them. */
function _previousSentence(doc: Doc, q: _Pair, lead: Span, prev: _Pair | undefined): _Tok[] {
  const text = doc.text;
  let para = doc.paragraphs[q.para] as Span;
  let end = lead.start;
  if (prev && (prev.close >= 0 ? prev.close + 1 : prev.end) >= end) return [];
  if (end <= para.start) {
    // The quote opens its paragraph: the last sentence of the paragraph before.
    const pp = doc.paragraphs[q.para - 1];
    if (!pp) return [];
    para = pp;
    end = pp.end;
  }
  const bounded = _lead(text, para, end, undefined);
  // Cut short by the window, the clause is no sentence's start.
  if (bounded.start > para.start && !/[.!?]/.test(text[bounded.start - 1] ?? '')) return [];
  const s = text.slice(bounded.start, end);
  // A sentence holding a quote of its own is not reported speech.
  if (s.includes('"')) return [];
  return _tokens(text, bounded.start, end);
}

/** The subject of the first reporting verb of a sentence's main clause. */
function _fromReportedSpeech(toks: _Tok[]): _Range | null {
  const L = _lex();
  for (let k = 1; k < Math.min(toks.length, 12); k++) {
    if (!(toks[k] as _Tok).word) continue;
    if (_verbAt(toks, k) === null || L.participles.has((toks[k] as _Tok).lc)) continue;
    return _subjectBefore(toks, k, false);
  }
  return null;
}

/** The clause before an opening mark: back to the sentence's start, the last quote, or the paragraph's start. */
function _lead(text: string, para: Span, open: number, prev: _Pair | undefined): Span {
  let start = Math.max(para.start, open - _LEAD_CHARS);
  if (prev) start = Math.max(start, prev.close >= 0 ? prev.close + 1 : prev.end);
  for (let j = open - 2; j >= start; j--) {
    const c = text[j];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[j + 1] ?? '')) {
      start = j + 1;
      break;
    }
  }
  return { start, end: open };
}

function _tailEnd(para: Span, q: _Pair, next: _Pair | undefined): number {
  let end = Math.min(para.end, q.close + 1 + _TAIL_CHARS);
  if (next && next.open > q.close) end = Math.min(end, next.open);
  return Math.max(q.close + 1, end);
}

/** Token index range [from, to] of the speaker's words. */
type _Range = [number, number];

/** The reporting verb (or two-word phrase) starting at token k: returns its last token index. */
function _verbAt(toks: _Tok[], k: number): number | null {
  const L = _lex();
  const t = toks[k];
  if (!t || !t.word) return null;
  if (L.verbs.has(t.lc) || L.participles.has(t.lc)) return k;
  const second = L.phrases.get(t.lc);
  const n = toks[k + 1];
  if (second && n && second.has(n.lc)) return k + 1;
  return null;
}

/** The speaker in the words before a quote: the subject of the last reporting verb, or a frame. */
function _fromLead(toks: _Tok[], introduced: boolean): _Range | null {
  const L = _lex();
  let end = toks.length;
  if (introduced && (toks[end - 1]?.w === ':' || toks[end - 1]?.w === ',')) end--;
  for (let k = end - 1; k >= 0; k--) {
    const t = toks[k] as _Tok;
    // "According to Gillan, '...'": the frame names the source of the words that follow.
    if (t.lc === 'according' && toks[k + 1]?.lc === 'to') return _subjectAfter(toks, k + 2);
    // "In Gillan's words it would "..."".
    if (t.lc === 'words' && k > 0 && /'s?$/.test((toks[k - 1] as _Tok).w) && _isCap((toks[k - 1] as _Tok).w)) return _subjectBefore(toks, k, true);
    if (_verbAt(toks, k) === null) continue;
    const verb = k > 0 && L.phrases.has((toks[k - 1] as _Tok).lc) && _verbAt(toks, k - 1) !== null ? k - 1 : k;
    if (L.participles.has(t.lc)) {
      // "..., saying:" speaks for the sentence's subject; "Mark Hughes claiming" for its own.
      const before = toks[verb - 1];
      if (before?.word) {
        const r = _subjectBefore(toks, verb, false);
        if (r) return r;
      }
      return _sentenceSubject(toks);
    }
    return _subjectBefore(toks, verb, false);
  }
  // "Wenger: "..."", "- Manchester United coach Sir Alex Ferguson: "..."": a name set before the speech.
  if (introduced && end > 0 && end <= 20) return _sentenceSubject(toks.slice(0, end));
  return null;
}

/** The speaker in the words after a closing mark: '"...," said Parry' or '"...," the Reds midfielder replied'. */
function _fromTail(all: _Tok[], endsWith: string): _Range | null {
  const L = _lex();
  let i = 0;
  while (i < 2 && (all[i]?.w === ',' || all[i]?.w === '-')) i++;
  // A quote closed by a full stop and followed by a capital starts a new sentence of narrative.
  const first = all[i];
  if (!first || !first.word) return null;
  if (endsWith === '.' && _isCap(first.w)) return null;
  // The clause after the quote ends at the sentence's end or the next mark.
  let stop = i;
  while (stop < all.length && !/^[.!?;:"']$/.test((all[stop] as _Tok).w)) stop++;
  const toks = all.slice(0, stop);
  if (first.lc === 'according' && toks[i + 1]?.lc === 'to') return _subjectAfter(toks, i + 2);
  const v = _verbAt(toks, i);
  if (v !== null && !L.participles.has(first.lc)) return _subjectAfter(toks, v + 1);
  // Subject first: the first reporting verb within a few words, with only words before it...
  for (let k = i + 1; k < Math.min(toks.length, i + 10); k++) {
    const t = toks[k] as _Tok;
    if (!t.word) {
      // ...or a name set off by an apposition: "Rick Parry, the club's chief executive, said".
      if (t.w === ',' && _isCap(first.w)) return _apposition(toks, i, k);
      return null;
    }
    if (_verbAt(toks, k) === null || L.participles.has(t.lc)) continue;
    const r = _subjectBefore(toks, k, false);
    return r && r[0] >= i ? r : null;
  }
  return null;
}

function _apposition(toks: _Tok[], i: number, comma: number): _Range | null {
  for (let k = comma + 1; k < Math.min(toks.length, comma + 9); k++) {
    if ((toks[k] as _Tok).w !== ',') continue;
    if (_verbAt(toks, k + 1) === null && !(_lex().aux.has(toks[k + 1]?.lc ?? '') && _verbAt(toks, k + 2) !== null)) return null;
    return _trimTitles(toks, i, comma - 1);
  }
  return null;
}

/** The subject ending just before token k (a reporting verb): a pronoun, a name, or a described person. */
function _subjectBefore(toks: _Tok[], k: number, possessive: boolean, nested = false): _Range | null {
  const L = _lex();
  let j = k - 1;
  for (let n = 0; n < 3 && j >= 0 && (toks[j] as _Tok).word && L.aux.has((toks[j] as _Tok).lc); n++) j--;
  const t = toks[j];
  // "The Chelsea boss, who has until Friday to respond, said": the subject before the aside.
  if (t?.w === ',' && !nested) {
    for (let c = j - 1; c >= 0 && j - c < 16; c--) if ((toks[c] as _Tok).w === ',') return _subjectBefore(toks, c, possessive, true);
    return null;
  }
  if (!t || !t.word) return null;
  // "it was reported that...": a passive verb names no speaker.
  if (L.passive.has(t.lc) || t.lc === 'it') return null;
  if (L.pronouns.has(t.lc)) return [j, j];
  if (_isCap(t.w)) {
    let i = j;
    while (i > 0 && j - i < 5) {
      const p = toks[i - 1] as _Tok;
      if (!p.word) break;
      if (_isCap(p.w) && !/'s?$/.test(p.w) && !L.dets.has(p.lc)) i--;
      else if (L.particles.has(p.lc) && i - 2 >= 0 && _isCap((toks[i - 2] as _Tok).w)) i--;
      else break;
    }
    // "the Argentine said": a described person, determiner and all.
    const d = toks[i - 1];
    if (d?.word && _ARTICLES.has(d.lc) && !possessive) return [_overPreposition(toks, i - 1), j];
    // "the chief executive of Liverpool said".
    const x = _overPreposition(toks, i);
    if (x < i) return [x, j];
    return _trimTitles(toks, i, j);
  }
  // A lower-case head noun: "the Reds midfielder", "Forest chief executive".
  let i = j;
  while (i > 0 && j - i < 6) {
    const p = toks[i - 1] as _Tok;
    if (!p.word || L.stop.has(p.lc) || L.verbs.has(p.lc) || L.aux.has(p.lc) || L.pronouns.has(p.lc)) break;
    i--;
  }
  for (let x = i; x <= j; x++) if (L.dets.has((toks[x] as _Tok).lc)) return [_overPreposition(toks, x), j];
  while (i <= j && (!_isCap((toks[i] as _Tok).w) || L.lead.has((toks[i] as _Tok).lc))) i++;
  return i <= j ? [i, j] : null;
}

function _titleWord(t: _Tok): boolean {
  const L = _lex();
  if (!t.word || _isCap(t.w)) return false;
  if (L.titles.has(t.lc)) return true;
  return !(L.stop.has(t.lc) || L.verbs.has(t.lc) || L.aux.has(t.lc) || L.participles.has(t.lc) || L.pronouns.has(t.lc) || L.dets.has(t.lc));
}

const _PREPOSITIONS = new Set(['of', 'to', 'at', 'for', 'from', 'near']);

/** "a source close to [the player]", "the chief executive of [Liverpool]": the phrase the noun hangs from. */
function _overPreposition(toks: _Tok[], x: number): number {
  const L = _lex();
  const p = toks[x - 1];
  if (!p || !_PREPOSITIONS.has(p.lc)) return x;
  for (let y = x - 2; y >= 0 && x - y <= 6; y--) {
    const t = toks[y] as _Tok;
    if (!t.word || L.verbs.has(t.lc) || L.aux.has(t.lc) || L.pronouns.has(t.lc)) return x;
    if (L.dets.has(t.lc)) return y;
  }
  return x;
}

/** The subject starting at token i: "the Reds midfielder", "Parry", "Forest chief executive Mark Arthur", "he". */
function _subjectAfter(toks: _Tok[], i: number): _Range | null {
  const L = _lex();
  const t = toks[i];
  if (!t || !t.word) return null;
  if (L.pronouns.has(t.lc)) return [i, i];
  if (L.dets.has(t.lc)) {
    let j = i;
    while (j + 1 < toks.length && j - i < 7) {
      const n = toks[j + 1] as _Tok;
      if (!n.word || L.stop.has(n.lc) || L.verbs.has(n.lc) || L.aux.has(n.lc) || L.participles.has(n.lc)) break;
      j++;
    }
    return j > i ? [i, j] : null;
  }
  if (!_isCap(t.w)) {
    // "said club director of communications Philip Townsend".
    if (!L.titles.has(t.lc)) return null;
    let x = i + 1;
    while (x < toks.length && x - i < 6 && (toks[x] as _Tok).word && !_isCap((toks[x] as _Tok).w) && !L.verbs.has((toks[x] as _Tok).lc)) x++;
    return toks[x]?.word && _isCap((toks[x] as _Tok).w) && !L.pronouns.has((toks[x] as _Tok).lc) ? _subjectAfter(toks, x) : null;
  }
  let from = i;
  let j = i;
  for (let guard = 0; guard < 4; guard++) {
    // A possessive club ("Liverpool's Rick Parry") or a title ("boss Rafael Benitez") before the name.
    while (j + 1 < toks.length && j - from < 5) {
      const n = toks[j + 1] as _Tok;
      if (!n.word || /'s?$/.test((toks[j] as _Tok).w)) break;
      if (_isCap(n.w) || (L.particles.has(n.lc) && _isCap(toks[j + 2]?.w ?? ''))) j++;
      else break;
    }
    let x = j + 1;
    const poss = /'s?$/.test((toks[j] as _Tok).w);
    // "Spanish Federation press officer Fernando Garrido": lower-case words of a title, then the name.
    while (x < toks.length && x - j <= 3 && _titleWord(toks[x] as _Tok)) x++;
    const n = toks[x];
    if ((poss || x > j + 1) && n?.word && _isCap(n.w) && !L.pronouns.has(n.lc)) {
      from = x;
      j = x;
      continue;
    }
    if (poss) return null;
    break;
  }
  return _trimTitles(toks, from, j);
}

const _SCENE = new Set(['on', 'in', 'at', 'after', 'before', 'during', 'following', 'despite', 'with', 'for', 'asked', 'when', 'speaking']);

/** The subject at a sentence's start, past "But", "Meanwhile," and the like. */
function _sentenceSubject(toks: _Tok[]): _Range | null {
  const L = _lex();
  let i = 0;
  // "On a controversial evening, AS offers...": past a scene-setting phrase to the subject.
  if (_SCENE.has(toks[0]?.lc ?? '')) {
    const c = toks.findIndex((t, k) => k < 12 && t.w === ',');
    if (c > 0) i = c + 1;
  }
  while (i < toks.length && i < 4 && (!(toks[i] as _Tok).word || L.lead.has((toks[i] as _Tok).lc))) i++;
  return _subjectAfter(toks, i);
}

/** Drop sentence openers and capitalised titles ("But", "Chairman") from the front of a name. */
function _trimTitles(toks: _Tok[], i: number, j: number): _Range | null {
  const L = _lex();
  while (i <= j && (L.lead.has((toks[i] as _Tok).lc) || L.titles.has((toks[i] as _Tok).lc))) i++;
  return i <= j ? [i, j] : null;
}

function _mention(doc: Doc, toks: _Tok[], [i, j]: _Range): NameMention | null {
  const a = toks[i];
  const b = toks[j];
  if (!a || !b) return null;
  let end = b.e;
  // "Gillan's words": the name without its possessive ending.
  if (/'s$/.test(b.w) && end - 2 > a.s) end -= 2;
  else if (/'$/.test(b.w)) end -= 1;
  return { start: a.s, end, text: doc.view.slice(a.s, end) };
}

// ---- continuation ----

/**
 * A quote with no attribution of its own carries the speaker of the quote before it when that one
 * sits in the same or the previous paragraph (speech over several paragraphs, or `"...," he said.
 * "..."`). A quote left open with no speaker takes the one of the quote that continues it.
 */
function _carrySpeakers(kept: _Kept[]): void {
  for (let n = 1; n < kept.length; n++) {
    const k = kept[n] as _Kept;
    const prev = kept[n - 1] as _Kept;
    if (k.own || !prev.speaker) continue;
    if (k.pair.para - prev.pair.para > 1) continue;
    k.speaker = prev.speaker;
    k.continues = true;
  }
  for (let n = kept.length - 2; n >= 0; n--) {
    const k = kept[n] as _Kept;
    const next = kept[n + 1] as _Kept;
    if (k.speaker || k.pair.close >= 0 || !next.speaker) continue;
    if (next.pair.para - k.pair.para > 1) continue;
    k.speaker = next.speaker;
  }
}
