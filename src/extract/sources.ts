// Sources: the outlets and journalists an article cites as the origin of a claim.
//
// An outlet's name alone proves nothing ("Sport", "AS", "Record" are words too, and an outlet may be
// named as a pundit's employer): a mention counts only in a citation context, "according to X",
// "told X", "X reports", "X correspondent Fraser Gillan". Journalists are found by the words that
// name the trade ("reporter Fraser Gillan") or a table of well-known names, and their surname is
// then followed through the article ("According to Gillan").
import { loadData } from '../knowledge/_load.js';
import type { Doc, SourceFinding, Span } from './types.js';

interface _Entry {
  name: string;
  aliases?: string[];
}

interface _Table {
  outlets: _Entry[];
  journalists: _Entry[];
  citeBefore: string[];
  citeAfter: string[];
  afterAux: string[];
  descriptors: string[];
  afterNouns: string[];
  journalistWords: string[];
  creditWords: string[];
  adOpeners: string[];
}

type _Kind = SourceFinding['kind'];

interface _Alias {
  alias: string;
  name: string;
  kind: _Kind;
}

interface _Index {
  /** First word of an alias, as written → the aliases starting with it, longest first. */
  byFirst: Map<string, _Alias[]>;
  /** Citing phrases by their last word ("speaking exclusively to" under "to"). */
  before: Map<string, string[]>;
  after: Set<string>;
  aux: Set<string>;
  descriptors: Set<string>;
  afterNouns: Set<string>;
  journalistWords: RegExp;
  /** The same words, sticky: read at one offset. */
  journalistWordAt: RegExp;
  /** The end of a picture credit: "(Image credit: Getty", "Photo by", "©". */
  credit: RegExp;
  adOpeners: string[];
}

let _index: _Index | null = null;

function _byLastWord(phrases: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of phrases) {
    const key = _lastWord(p);
    const list = out.get(key) ?? [];
    list.push(p);
    out.set(key, list);
  }
  return out;
}

function _lastWord(s: string): string {
  return s.slice(s.lastIndexOf(' ') + 1).replace(/^[(,]+/, '');
}

function _idx(): _Index {
  if (_index) return _index;
  const t = loadData<_Table>('outlets.json');
  const byFirst = new Map<string, _Alias[]>();
  const add = (e: _Entry, kind: _Kind) => {
    for (const alias of new Set([e.name, ...(e.aliases ?? [])])) {
      const first = /^[\p{L}\p{N}]+/u.exec(alias)?.[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ alias, name: e.name, kind });
      byFirst.set(first, list);
    }
  };
  for (const e of t.outlets ?? []) add(e, 'outlet');
  for (const e of t.journalists ?? []) add(e, 'journalist');
  for (const list of byFirst.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = lower(t.journalistWords)
    .sort((a, b) => b.length - a.length)
    .map(escape);
  // Credit words ("photo") end a credit with a colon or "by"; signs ("©") on their own.
  const credits = lower(t.creditWords).sort((a, b) => b.length - a.length);
  const named = credits.filter((w) => /^[\p{L} ]+$/u.test(w)).map(escape);
  const signs = credits.filter((w) => !/^[\p{L} ]+$/u.test(w)).map(escape);
  _index = {
    byFirst,
    before: _byLastWord(lower(t.citeBefore)),
    after: new Set(lower(t.citeAfter)),
    aux: new Set(lower(t.afterAux)),
    descriptors: new Set(lower(t.descriptors)),
    afterNouns: new Set(lower(t.afterNouns)),
    // The trade words are plain ASCII: no unicode flag, which makes case folding slow.
    journalistWords: new RegExp(`\\b(?:${words.join('|') || '(?!)'})s?\\b`, 'gi'),
    journalistWordAt: new RegExp(`(?:${words.join('|') || '(?!)'})s?\\b`, 'iy'),
    credit: new RegExp(`(?:\\b(?:${named.join('|') || '(?!)'})\\s*(?::|by\\b)|${signs.join('|') || '(?!)'})[^.()]*$`, 'iu'),
    adOpeners: lower(t.adOpeners),
  };
  return _index;
}

interface _Mention extends Span {
  name: string;
  kind: _Kind;
}

export function findSources(doc: Doc): SourceFinding[] {
  return scanSources(doc).sources;
}

export interface SourceScan {
  /** The outlets and journalists the article cites. */
  sources: SourceFinding[];
  /**
   * Outlets named by a name of two words or more without being cited ("on BBC Radio Five Live's
   * Sportsweek"): no source, but never a person's name either, which the names recogniser must know.
   */
  outletNames: Span[];
}

/** The sources, and the outlets named without a citation, from one pass over the table's names. */
export function scanSources(doc: Doc): SourceScan {
  if (doc.text.length === 0 || doc.paragraphs.length === 0) return { sources: [], outletNames: [] };
  const ads = _adParagraphs(doc);
  const skip = (m: Span) => ads.has(_paraIndex(doc, m.start)) || _inCredit(doc, m.start);
  const out: SourceFinding[] = [];
  const starts = new Set<number>();
  const ends = new Set<number>();
  const push = (m: _Mention) => {
    if (starts.has(m.start)) return;
    starts.add(m.start);
    ends.add(m.end);
    out.push({ start: m.start, end: m.end, name: m.name, kind: m.kind, alias: doc.view.slice(m.start, m.end) });
  };

  // Outlets and listed journalists: cited as a group ("Marca and AS report") or one by one.
  const named = _tableMentions(doc);
  const mentions = named.filter((m) => !skip(m));
  const journalists: _Mention[] = [];
  let g = 0;
  while (g < mentions.length) {
    let h = g;
    while (h + 1 < mentions.length && _coordinated(doc.text, mentions[h] as _Mention, mentions[h + 1] as _Mention)) h++;
    const group = mentions.slice(g, h + 1);
    const last = group[group.length - 1] as _Mention;
    const byline = _possessiveByline(doc, last);
    if (byline) journalists.push(byline);
    const cited = _citedBefore(doc, (group[0] as _Mention).start) || _citedAfter(doc, last.end) || (byline !== null && _cited(doc, byline));
    if (cited) for (const m of group) push(m);
    g = h + 1;
  }
  for (const m of out) if (m.kind === 'journalist') journalists.push({ ...m });

  // Outlets the table does not know, named where they are cited: "told Argentine radio station Del Plata".
  for (const m of _describedOutlets(doc)) {
    if (skip(m) || _overlaps(mentions, m)) continue;
    if (_citedBefore(doc, m.start)) push(m);
  }

  // "journalist Fraser Gillan", "TEAMtalk correspondent Fraser Gillan".
  for (const m of _tradeMentions(doc)) if (!skip(m)) journalists.push(m);
  for (const j of journalists) push(j);

  // Later mentions of a journalist's surname where it is cited: "According to Gillan".
  const seen = new Set<string>();
  for (const j of journalists) {
    const surname = j.name.split(' ').pop() ?? '';
    if (seen.has(j.name) || surname.length < 3 || surname === j.name) continue;
    seen.add(j.name);
    for (const m of _wordOccurrences(doc.text, surname, j.end)) {
      // The surname that ends a full mention is that mention.
      if (ends.has(m.end) || skip(m)) continue;
      if (_cited(doc, m)) push({ ...m, name: j.name, kind: 'journalist' });
    }
  }
  // One-word names ("Sport", "Record", "AS") are words too: only the longer ones are kept out of names.
  const outletNames = named.filter((m) => m.kind === 'outlet' && !starts.has(m.start) && doc.text.slice(m.start, m.end).includes(' '));
  return { sources: out.sort((a, b) => a.start - b.start), outletNames };
}

// ---- mentions ----

/** Does a span overlap one of the mentions (in order, not overlapping each other)? Binary search. */
function _overlaps(sorted: Span[], m: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Span).end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  const o = sorted[lo];
  return o !== undefined && o.start < m.end;
}

function _tableMentions(doc: Doc): _Mention[] {
  const { byFirst } = _idx();
  const text = doc.text;
  const tokens = doc.tokens;
  const out: _Mention[] = [];
  let after = 0;
  // Each run of letters and digits, read off the token stream: a token is such runs joined by single
  // apostrophes and hyphens.
  for (let k = 0; k < tokens.count; k++) {
    const end = tokens.ends[k] as number;
    for (let i = tokens.starts[k] as number; i < end; ) {
      let j = i;
      while (j < end && text.charCodeAt(j) !== 39 && text.charCodeAt(j) !== 45) j++;
      if (i >= after) {
        const m = _tableMention(text, byFirst.get(text.slice(i, j)), i);
        if (m) {
          out.push(m);
          after = m.end;
        }
      }
      i = j + 1;
    }
  }
  return out;
}

/** The outlet or journalist of the table whose alias starts at `i` (the longest first), if any. */
function _tableMention(text: string, list: _Alias[] | undefined, i: number): _Mention | null {
  if (!list) return null;
  for (const a of list) {
    const end = i + a.alias.length;
    if (!text.startsWith(a.alias, i) || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    const mention = { start: i, end, name: a.name, kind: a.kind };
    // "BBC Newcastle", but not "told the BBC Liverpool were...".
    if (a.name === 'BBC' && a.alias === 'BBC' && !/\bthe\s$/i.test(text.slice(Math.max(0, i - 4), i))) _bbcStation(text, mention);
    return mention;
  }
  return null;
}

// The BBC's stations and programmes are too many to list: "BBC Newcastle", "BBC Radio Lancashire".
const _STATION = /(?: (?:\p{Lu}[\p{L}]{1,20}|\d{1,2}))(?: (?:\p{Lu}[\p{L}]{1,20}|\d{1,2})){0,2}/uy;
const _NOT_STATION = /^(?:On|In|At|And|But|The|He|She|They|It|That|This|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function _bbcStation(text: string, m: _Mention): void {
  _STATION.lastIndex = m.end;
  const s = _STATION.exec(text);
  if (!s) return;
  const words = s[0].trim().split(' ');
  const keep: string[] = [];
  for (const w of words) {
    if (_NOT_STATION.test(w)) break;
    keep.push(w);
  }
  if (keep.length === 0 || text[m.end + 1 + keep.join(' ').length] === "'") return;
  const ext = ' ' + keep.join(' ');
  m.name = `BBC${ext}`;
  m.end += ext.length;
}

// A kind of outlet before a name ("radio station Del Plata"), or a body's own channel ("Arsenal's website").
const _DESCRIBED = /\b(?:newspaper|paper|daily|radio station|radio|station|magazine|website|channel|broadcaster|outlet|tabloid|publication|TV|television)\s+/g;
const _OUTLET_NAME = /\p{Lu}[\p{L}\p{N}'&-]{0,30}(?:\s(?:(?:de|del|di|du|la|le|el|of|the)\s)?\p{Lu}[\p{L}\p{N}'&-]{0,30}){0,3}/uy;
const _OWN_CHANNEL = /\b\p{Lu}[\p{L}]{1,30}(?: \p{Lu}[\p{L}]{1,30}){0,2}'s (?:official )?(?:website|web site|site|magazine|TV channel|television channel|TV station|radio station)\b/gu;

const _OWN_CHANNEL_HINT = /'s (?:official )?(?:website|web site|site|magazine|TV channel|television channel|TV station|radio station)\b/;

const _isUpper = (c: string) => c !== c.toLowerCase();

function _describedOutlets(doc: Doc): _Mention[] {
  const text = doc.text;
  const out: _Mention[] = [];
  _DESCRIBED.lastIndex = 0;
  for (let m = _DESCRIBED.exec(text); m; m = _DESCRIBED.exec(text)) {
    if (!_isUpper(text[m.index + m[0].length] ?? '')) continue;
    _OUTLET_NAME.lastIndex = m.index + m[0].length;
    const n = _OUTLET_NAME.exec(text);
    if (!n) continue;
    const name = n[0].replace(/'s?$/, '');
    if (name.split(/\s+/).some((w) => _NOT_NAME.test(w))) continue;
    out.push({ start: n.index, end: n.index + name.length, name, kind: 'outlet' });
  }
  // Every match holds "'s website" or the like: most texts have none, and a plain scan says so.
  if (!_OWN_CHANNEL_HINT.test(text)) return out;
  _OWN_CHANNEL.lastIndex = 0;
  for (let m = _OWN_CHANNEL.exec(text); m; m = _OWN_CHANNEL.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, name: m[0], kind: 'outlet' });
  }
  return out;
}

/** "Marca and AS", "Sky Sports, the Telegraph and the Times": one citation for all. */
function _coordinated(text: string, a: _Mention, b: _Mention): boolean {
  if (b.start - a.end > 12) return false;
  return /^\s*(?:,|and|or|&|, and)\s*(?:the\s+)?$/i.test(text.slice(a.end, b.start));
}

/** "correspondent Fraser Gillan", "Italian journalist Gianluca Di Marzio". */
const _NAME = /\s+(\p{Lu}[\p{L}'-]{1,30}(?:\s+(?:(?:di|de|da|van|von|der|del|la|le|dos|du|el|al)\s+)?\p{Lu}[\p{L}'-]{1,30}){1,2})/uy;
const _NOT_NAME = /^(?:The|A|An|He|She|They|It|His|Her|In|On|At|And|But|For|Of|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function _tradeMentions(doc: Doc): _Mention[] {
  const { journalistWords } = _idx();
  const text = doc.text;
  const out: _Mention[] = [];
  journalistWords.lastIndex = 0;
  for (let m = journalistWords.exec(text); m; m = journalistWords.exec(text)) {
    const name = _nameAt(text, m.index + m[0].length);
    if (name) out.push({ ...name, kind: 'journalist' });
  }
  return out;
}

function _nameAt(text: string, at: number): _Mention | null {
  _NAME.lastIndex = at;
  const n = _NAME.exec(text);
  const raw = n?.[1];
  if (!n || !raw) return null;
  let name = raw.replace(/'s?$/, '');
  const words = name.split(/\s+/);
  if (words.some((w) => _NOT_NAME.test(w))) return null;
  // An outlet is no person: "reporter Sky Sports".
  if (_idx().byFirst.get(words[0] ?? '')?.some((a) => a.kind === 'outlet' && name.startsWith(a.alias))) return null;
  name = words.join(' ');
  const start = n.index + n[0].length - raw.length;
  return { start, end: start + raw.replace(/'s?$/, '').length, name, kind: 'journalist' };
}

/** "The Athletic's David Ornstein", "Sky Sports' Kaveh Solhekol": a journalist by his outlet. */
function _possessiveByline(doc: Doc, m: _Mention): _Mention | null {
  const text = doc.text;
  const poss = text.startsWith("'s", m.end) ? m.end + 2 : text[m.end] === "'" && text[m.end - 1] === 's' ? m.end + 1 : -1;
  if (poss < 0) return null;
  return _nameAt(text, poss);
}

function _wordOccurrences(text: string, word: string, from: number): _Mention[] {
  const out: _Mention[] = [];
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + word.length)) {
    const end = i + word.length;
    if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    out.push({ start: i, end, name: word, kind: 'journalist' });
  }
  return out;
}

// ---- contexts ----

function _cited(doc: Doc, m: Span): boolean {
  return _citedBefore(doc, m.start) || _citedAfter(doc, m.end);
}

/** The words before a mention end with a citing phrase: "according to (the)", "told", "speaking exclusively to". */
function _citedBefore(doc: Doc, at: number): boolean {
  const ix = _idx();
  const para = _para(doc, at);
  let s = doc.text.slice(Math.max(para.start, at - 80), at).toLowerCase().replace(/\s+/g, ' ').trimEnd();
  // "told Spanish sports daily Marca", "according to the Liverpool Echo".
  for (let n = 0; n < 4; n++) {
    const sp = s.lastIndexOf(' ');
    const last = s.slice(sp + 1).replace(/^\(/, '');
    // "told France's Journal du Dimanche": a possessive owner describes the outlet too.
    if (last !== 'the' && !ix.descriptors.has(last) && !/^[\p{L}]+'s$/u.test(last)) break;
    s = s.slice(0, sp + 1).trimEnd();
    if (sp < 0) break;
  }
  for (const p of ix.before.get(_lastWord(s)) ?? []) {
    if (!s.endsWith(p)) continue;
    const prev = s[s.length - p.length - 1];
    if (!/^[\p{L}\p{N}]/u.test(p) || prev === undefined || !/[\p{L}\p{N}]/u.test(prev)) return true;
  }
  return false;
}

const _AFTER_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'-]*|[^\s\p{L}\p{N}]/gu;
const _POSSESSED = new Set(['report', 'headline', 'front', 'back', 'cover', 'editorial', 'reports', 'claim', 'claims', 'words', 'view', 'understanding', 'information', 'sources', 'update', 'story', 'exclusive', 'column', 'verdict', 'assessment']);
const _ASIDE = new Set(['though', 'however', 'meanwhile', 'too', 'also', 'moreover', 'nonetheless']);

/** The words after a mention: "X reports", "X has learned", "X newspaper has said", "X correspondent Fraser Gillan". */
function _citedAfter(doc: Doc, at: number): boolean {
  const ix = _idx();
  const para = _para(doc, at);
  const s = doc.text.slice(at, Math.min(para.end, at + 80));
  const toks: RegExpExecArray[] = [];
  _AFTER_TOKEN.lastIndex = 0;
  for (let m = _AFTER_TOKEN.exec(s); m && toks.length < 12; m = _AFTER_TOKEN.exec(s)) toks.push(m);
  const lc = (n: number) => (toks[n]?.[0] ?? '').toLowerCase();
  // A possessive report: "Romano's report", "Gillan's words".
  if (lc(0) === "'") return _POSSESSED.has(lc(1) === 's' ? lc(2) : lc(1));
  let i = 0;
  // An aside: "Gillan, though, is adamant".
  if (lc(0) === ',' && lc(2) === ',' && _ASIDE.has(lc(1))) i = 3;
  for (let n = 0; n < 2 && ix.afterNouns.has(lc(i)); n++) i++;
  const at2 = toks[i]?.index;
  if (at2 !== undefined) {
    const trade = ix.journalistWordAt;
    trade.lastIndex = at2;
    const t = trade.exec(s);
    if (t && _nameAt(s, at2 + t[0].length)) return true;
  }
  for (let n = 0; n < 4 && ix.aux.has(lc(i)); n++) i++;
  return ix.after.has(lc(i));
}

// ---- exclusions ----

/** Paragraphs that advertise rather than report: "Watch more of our videos on ShotsTV.com". */
function _adParagraphs(doc: Doc): Set<number> {
  const { adOpeners } = _idx();
  const out = new Set<number>();
  doc.paragraphs.forEach((p, i) => {
    if (p.end - p.start > 300) return;
    const s = doc.text.slice(p.start, Math.min(p.end, p.start + 40)).toLowerCase().replace(/^[-•*\s]+/, '');
    for (const o of adOpeners) {
      if (s.startsWith(o) && !/[\p{L}]/u.test(s[o.length] ?? '')) {
        out.add(i);
        return;
      }
    }
  });
  return out;
}

/** "(Image credit: Getty Images)", "Photo by ...": the names there credit a picture. */
function _inCredit(doc: Doc, at: number): boolean {
  return _idx().credit.test(doc.text.slice(Math.max(0, at - 60), at));
}

function _paraIndex(doc: Doc, at: number): number {
  return doc.sentenceAt(at).paragraph;
}

function _para(doc: Doc, at: number): Span {
  return doc.paragraphs[_paraIndex(doc, at)] ?? { start: 0, end: doc.text.length };
}
