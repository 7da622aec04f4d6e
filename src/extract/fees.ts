// Fees: money amounts with currency, ranges, bounds, conversions and the kind of fee.
// One global regex finds every amount anchored on a currency sign (£ € $ US$) or a currency word
// after a number ("20 million euros"); short sticky regexes then join ranges, conversion groups and
// add-ons, and read bounds and wage periods from the few characters around. Kinds come from cue
// words found near the amount in its sentence. All quantifiers are bounded: linear on any input.
import { loadData } from '../knowledge/_load.js';
import type { Currency, FeeKind, Money } from '../schema.js';
import type { Doc, FeeFinding, Sentence } from './types.js';

type Bound = FeeFinding['bound'];
type Period = NonNullable<FeeFinding['period']>;

interface FeeWords {
  cues: Record<string, string[]>;
  generic: Record<string, string[]>;
  weak: Record<string, string[]>;
  bounds: Record<string, string[]>;
  periods: Record<string, string[]>;
  periodBefore: Record<string, string[]>;
  addOns: string[];
  undisclosedNouns: string[];
  freeAfterBlock: string[];
}

/** A money amount as read at one place, before ranges, conversions and add-ons are joined. */
interface _Atom {
  start: number;
  end: number;
  currency: Currency | null;
  low: number | null;
  high: number | null;
  /** The low number had no unit of its own ("£40" in "£40-50m"). */
  bare: boolean;
  /** 'sign' for £5m, 'word' for 5m euros, 'null' for undisclosed / free transfer. */
  form: 'sign' | 'word' | 'null';
  nullKind: FeeKind;
}

/** A fee before its kind is known. */
interface _Draft {
  start: number;
  end: number;
  currency: Currency | null;
  amount: number | null;
  amountMax: number | null;
  bound: Bound;
  period: Period | null;
  kind: FeeKind | null;
  conversions: Money[];
}

interface _Cue {
  start: number;
  end: number;
  kind: FeeKind;
  weight: 'strong' | 'generic' | 'weak' | 'other';
}

interface _Knowledge {
  money: RegExp;
  rangeTail: RegExp;
  convOpen: RegExp;
  convSep: RegExp;
  convClose: RegExp;
  addOnJoin: RegExp;
  addOnTail: RegExp;
  addOnBare: RegExp;
  plusTail: RegExp;
  periodTail: RegExp;
  periodOf: Map<string, Period>;
  periodBefore: RegExp;
  periodBeforeOf: Map<string, Period>;
  /** The most words in a bound phrase: how far back `_boundBefore` looks. */
  boundWords: number;
  boundOf: Map<string, Bound>;
  /** Cue phrases by their first word, longest first; `cueStems` by the stem of a `*` first word. */
  cueFirst: Map<string, _Phrase[]>;
  cueStems: Map<string, _Phrase[]>;
  stemLengths: number[];
}

/** A cue phrase of the word lists: its words, whether the last one runs on (`*`), and what it says. */
interface _Phrase {
  words: string[];
  star: boolean;
  kind: FeeKind;
  weight: _Cue['weight'];
}

// Amounts above this are not football money; they come from garbled text ("£99999999999999bn").
const _MAX_AMOUNT = 1e12;
// How far from an amount (within its sentence) cue words are looked for.
const _CUE_WINDOW = 150;
// How many characters farther a generic money verb counts than it stands.
const _GENERIC_PENALTY = 12;
const _NUM = String.raw`(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,20})(?:\.\d{1,6})?(?!\d)`;
const _UNIT_WORDS = 'million|billion|thousand|mln|mil|bn|mn';
const _UNIT = String.raw`(?:[ ]?(?:${_UNIT_WORDS})|m|b|k)(?![a-z])`;
const _SIGN = String.raw`(?:(?<![a-z])us[ ]?\$|(?<![a-z0-9$£€])[£€$])`;
const _CUR_WORD = String.raw`euros?|pounds(?:[ ]sterling)?|sterling|dollars`;
const _SPELLED =
  'a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred';
// Words after a singular "euro" that make it the championship, not money ("Euro qualifier").
const _EURO_NOT_MONEY = String.raw`[ ]?(?:\d|qualif|champ|final|nation|cup|under|zone|giant|rival|debut|campaign|tie|foot|game|match|night|competition|spot|place|stage|hope|dream|run|adventure|exit|draw|group|success|glory|winner|record|squad|team|title)`;

let _knowledge: _Knowledge | null = null;

function _know(): _Knowledge {
  if (_knowledge) return _knowledge;
  const w = loadData<FeeWords>('fee-words.json');
  const alt = (phrases: string[]): string =>
    [...new Set(phrases.map(_phrasePattern))].sort((a, b) => b.length - a.length).join('|');
  const nouns = alt(w.undisclosedNouns);
  const block = alt(w.freeAfterBlock);

  const sign = String.raw`(?<sign>${_SIGN})[ ]?(?<num>${_NUM})(?<unit>${_UNIT})?(?<tw>[ ]?(?:${_CUR_WORD})(?![a-z]))?`;
  const word = String.raw`(?<![\w.,£€$]|\d-)(?:(?<between>between[ ])?(?<wnum>${_NUM})(?<wunit>${_UNIT})?(?:[ ]?(?<wsep>-|to|and)[ ]?(?<wnum2>${_NUM})(?<wunit2>${_UNIT})?)?|(?<spelled>${_SPELLED})[ -](?<sunit>million|billion))[ -]?(?<cur>${_CUR_WORD})(?![a-z])`;
  const nul = String.raw`(?<![a-z])(?:(?<undisc>undisclosed[ -](?:[a-z]{1,12}[ -]){0,2}(?<noun>${nouns}))|(?<free>free[ -]transfer|(?<=on[ ]a[ ])free(?![ -]?(?:${block})(?![a-z]))))(?![a-z])`;

  const periodOf = new Map<string, Period>();
  for (const [p, list] of Object.entries(w.periods)) for (const x of list) periodOf.set(_norm(x), p as Period);
  const periodBeforeOf = new Map<string, Period>();
  for (const [p, list] of Object.entries(w.periodBefore)) for (const x of list) periodBeforeOf.set(_norm(x), p as Period);
  const boundOf = new Map<string, Bound>();
  for (const [b, list] of Object.entries(w.bounds)) for (const x of list) boundOf.set(_norm(x), b as Bound);

  const cueFirst = new Map<string, _Phrase[]>();
  const cueStems = new Map<string, _Phrase[]>();
  const seen = new Set<string>();
  const addCue = (phrase: string, kind: FeeKind, weight: _Cue['weight']) => {
    const key = _norm(phrase);
    // The first list to name a phrase decides its kind.
    if (seen.has(key)) return;
    seen.add(key);
    const star = key.endsWith('*');
    const words = (star ? key.slice(0, -1) : key).split(' ');
    const cue: _Phrase = { words, star, kind, weight };
    const map = star && words.length === 1 ? cueStems : cueFirst;
    const first = words[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), cue].sort((x, y) => y.words.length - x.words.length));
  };
  for (const [kind, list] of Object.entries(w.cues))
    for (const x of list) addCue(x, kind as FeeKind, kind === 'other' ? 'other' : 'strong');
  for (const [kind, list] of Object.entries(w.generic)) for (const x of list) addCue(x, kind as FeeKind, 'generic');
  for (const [kind, list] of Object.entries(w.weak)) for (const x of list) addCue(x, kind as FeeKind, 'weak');
  const stemLengths = [...new Set([...cueStems.keys()].map((x) => x.length))].sort((x, y) => y - x);

  const addOns = alt(w.addOns);
  _knowledge = {
    money: new RegExp(`${sign}|${word}|${nul}`, 'gi'),
    rangeTail: new RegExp(String.raw`[ ]?(?<sep>-|to)[ ]?(?<sign>${_SIGN})?[ ]?(?<num>${_NUM})(?<unit>${_UNIT})?`, 'iy'),
    convOpen: new RegExp(String.raw`[ ]?\([ ]?(?:(?:about|around|approx\.?|approximately|roughly|some|c\.|circa|nearly|almost|over|up to|more than|just over|just under)[ ])?`, 'iy'),
    convSep: new RegExp(String.raw`[ ]?(?:[,;/]|[ ]or|[ ]and)[ ]?(?:(?:about|around|approx\.?|roughly|or)[ ])?`, 'iy'),
    convClose: /[ ]?\)/y,
    addOnJoin: /,?[ ]?(?:(?:plus|with|and)(?:[ ](?:a|an))?(?:[ ](?:further|additional|another|potential|extra))?[ ]|\+[ ]?)/iy,
    addOnTail: new RegExp(String.raw`[ ]?(?:(?:in|of|worth of|as|in potential)[ ])?(?:${addOns})(?![a-z])`, 'iy'),
    addOnBare: new RegExp(String.raw`,?[ ](?:plus|with|\+)[ ](?:${addOns})(?![a-z])`, 'iy'),
    plusTail: /(?:[ ]?-[ ]?plus|[ ]?\+)(?![a-z])(?![ ]?(?:us[ ]?\$|[£€$]|\d))/iy,
    // "£20m a year ago" is a date, not a salary.
    periodTail: new RegExp(String.raw`[ ]?,?[ -]?(?<p>${alt(Object.values(w.periods).flat())})(?![a-z])(?![ ](?:ago|earlier|later|before|after|on)(?![a-z]))`, 'iy'),
    periodOf,
    periodBefore: new RegExp(String.raw`(?<![a-z])(?<p>${alt(Object.values(w.periodBefore).flat())})(?![a-z])`, 'i'),
    periodBeforeOf,
    boundWords: Math.max(...[...boundOf.keys()].map((b) => b.split(' ').length)),
    boundOf,
    cueFirst,
    cueStems,
    stemLengths,
  };
  return _knowledge;
}

/** A phrase of the word lists as a pattern: spaces and hyphens match runs of either; `*` runs on. */
function _phrasePattern(phrase: string): string {
  const words = phrase.trim().toLowerCase().split(/[\s-]+/).filter(Boolean);
  return words
    .map((w) => (w.endsWith('*') ? `${_escape(w.slice(0, -1))}[a-z]{0,8}` : _escape(w)))
    .join(String.raw`[\s-]{1,3}`);
}

function _escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Lower case, spaces and hyphens folded to one space: the key of a matched phrase. */
function _norm(s: string): string {
  return s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

export function findFees(doc: Doc): FeeFinding[] {
  try {
    return _findFees(doc);
  } catch {
    // Never let one odd article stop the pipeline: no fees is a safe answer.
    return [];
  }
}

function _findFees(doc: Doc): FeeFinding[] {
  const k = _know();
  const text = doc.text;
  const atoms = _atoms(text, k);
  const drafts: _Draft[] = [];
  let i = 0;
  while (i < atoms.length) {
    const first = atoms[i] as _Atom;
    if (first.form === 'null') {
      drafts.push({ start: first.start, end: first.end, currency: null, amount: null, amountMax: null, bound: 'exact', period: null, kind: first.nullKind, conversions: [] });
      i++;
      continue;
    }
    const lead = _compound(text, k, atoms, i);
    i = lead.next;
    let { start, end, low, high } = lead;
    let bound: Bound = high !== null ? 'range' : 'exact';

    // A conversion group: "€120million (£105m, $141.5m)" is one fee in the currency given first.
    const conv = _conversions(text, k, atoms, i, end, first.currency);
    const conversions: Money[] = conv ? conv.money : [];
    if (conv) {
      end = conv.end;
      i = conv.next;
    }

    // "an initial £12m plus £3m in add-ons": one fee, the guaranteed part as amount and the total
    // as amountMax (bound 'range'). One finding keeps the fee whole; the add-on alone is no fee.
    const add = _addOn(text, k, atoms, i, end, first.currency);
    if (add) {
      end = add.end;
      i = add.next;
      if (low !== null && add.amount !== null && high === null) {
        high = low + add.amount;
        bound = 'range';
      }
    } else {
      k.addOnBare.lastIndex = end;
      const bare = k.addOnBare.exec(text);
      if (bare) {
        end += bare[0].length;
        if (bound === 'exact') bound = 'at-least';
      }
    }

    k.plusTail.lastIndex = end;
    const plus = k.plusTail.exec(text);
    if (plus) {
      end += plus[0].length;
      if (bound === 'exact') bound = 'at-least';
    }

    let period: Period | null = null;
    k.periodTail.lastIndex = end;
    const per = k.periodTail.exec(text);
    if (per) {
      period = k.periodOf.get(_norm(per.groups?.p ?? '')) ?? null;
      if (period) end += per[0].length;
    }

    if (bound === 'exact') bound = _boundBefore(text, start, k) ?? 'exact';
    drafts.push({ start, end, currency: first.currency, amount: low, amountMax: high, bound, period, kind: null, conversions });
  }
  _assignKinds(doc, k, drafts);
  return drafts.map((d) => ({
    start: d.start,
    end: d.end,
    text: doc.view.slice(d.start, d.end),
    amount: d.amount,
    amountMax: d.amountMax,
    currency: d.currency,
    bound: d.bound,
    period: d.period,
    kind: d.kind ?? 'valuation',
    conversions: d.conversions,
  }));
}

/** Kinds for the drafts that have none yet; a wage period settles the kind by itself. */
function _assignKinds(doc: Doc, k: _Knowledge, drafts: _Draft[]): void {
  const windows = drafts.map((d) => {
    const s: Sentence = doc.sentenceAt(d.start);
    return {
      from: Math.max(Math.min(s.start, d.start), d.start - _CUE_WINDOW),
      to: Math.min(Math.max(s.end, d.end), d.end + _CUE_WINDOW),
    };
  });
  // Cue words are read once over the merged windows, so overlapping windows cost nothing extra.
  const cues: _Cue[] = [];
  let from = -1;
  let to = -1;
  for (const w of windows) {
    if (w.from > to) {
      if (to > from) _cues(doc.text, from, to, k, cues);
      [from, to] = [w.from, w.to];
    } else to = Math.max(to, w.to);
  }
  if (to > from) _cues(doc.text, from, to, k, cues);

  drafts.forEach((d, n) => {
    if (d.kind !== null) return;
    if (d.period) {
      d.kind = 'wage';
      return;
    }
    const w = windows[n] ?? { from: d.start, to: d.end };
    d.kind = _kind(doc.text, cues, w.from, w.to, d.start, d.end);
    if (d.kind === 'wage') {
      const pb = k.periodBefore.exec(doc.text.slice(Math.max(0, d.start - 40), d.start));
      if (pb) d.period = k.periodBeforeOf.get(_norm(pb.groups?.p ?? '')) ?? null;
    }
  });
}

/** Every amount in the text, in order: one pass of one global regex. */
function _atoms(text: string, k: _Knowledge): _Atom[] {
  const out: _Atom[] = [];
  const re = k.money;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    if (g.sign !== undefined) {
      const currency = _signCurrency(g.sign);
      if (g.tw !== undefined && _wordCurrency(g.tw) !== currency) end -= g.tw.length;
      const low = _amount(g.num ?? '', g.unit);
      out.push({ start, end, currency, low, high: null, bare: g.unit === undefined, form: 'sign', nullKind: 'paid' });
    } else if (g.cur !== undefined) {
      const currency = _wordCurrency(g.cur);
      if (g.spelled !== undefined) {
        const n = _spelled(g.spelled.toLowerCase());
        out.push({ start, end, currency, low: _scale(n, g.sunit), high: null, bare: false, form: 'word', nullKind: 'paid' });
        continue;
      }
      let s = start;
      let low = _amount(g.wnum ?? '', g.wunit);
      let high: number | null = null;
      if (g.wnum2 !== undefined) {
        high = _amount(g.wnum2, g.wunit2);
        const andAlone = g.wsep?.toLowerCase() === 'and' && g.between === undefined;
        if (andAlone) {
          // "3 and 5 million euros" without "between": only the second number is money.
          s = start + m[0].indexOf(g.wnum2, (g.between?.length ?? 0) + (g.wnum?.length ?? 0));
          low = high;
          high = null;
        } else {
          [low, high] = _range(low, g.wunit === undefined, high);
        }
      } else if (g.between !== undefined) {
        s = start + (g.between?.length ?? 0);
      }
      // A bare small number before a currency word is rarely money ("lost 10 pounds", "16 Euro nations").
      const small = g.wunit === undefined && (low ?? 0) < 1000;
      const euroTitle = /^euro$/i.test(g.cur) && g.wunit === undefined && g.wunit2 === undefined && _EURO_AFTER.test(text.slice(end, end + 14));
      if (small || euroTitle) continue;
      out.push({ start: s, end, currency, low, high, bare: false, form: 'word', nullKind: 'paid' });
    } else if (g.undisc !== undefined || g.free !== undefined) {
      const noun = (g.noun ?? '').toLowerCase();
      out.push({ start, end, currency: null, low: null, high: null, bare: false, form: 'null', nullKind: noun === 'offer' || noun === 'bid' ? 'bid' : 'paid' });
    }
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return out;
}

const _EURO_AFTER = new RegExp(`^${_EURO_NOT_MONEY}`, 'i');

/** Atom `i` with a range joined on: "£40-50m", "£40m to £50m", "between £40m and £50m". */
function _compound(
  text: string,
  k: _Knowledge,
  atoms: _Atom[],
  i: number,
): { start: number; end: number; low: number | null; high: number | null; next: number } {
  const a = atoms[i] as _Atom;
  let next = i + 1;
  if (a.form !== 'sign') return { start: a.start, end: a.end, low: a.low, high: a.high, next };
  // Only an amount after a space can follow "from" or "between": skip the slice otherwise.
  const before = text.charCodeAt(a.start - 1) === 32 ? text.slice(Math.max(0, a.start - 12), a.start) : '';
  // "lifted their offer from £3m to £5m" is two amounts, not a range.
  if (/(?<![a-z])from[ ]{1,3}$/i.test(before)) return { start: a.start, end: a.end, low: a.low, high: null, next };

  if (/(?<![a-z])between[ ]{1,3}$/i.test(before)) {
    const b = atoms[next];
    const and = /[ ]{1,3}and[ ]{1,3}/iy;
    and.lastIndex = a.end;
    if (b && b.form === 'sign' && b.currency === a.currency && and.exec(text) && and.lastIndex === b.start) {
      const [low, high] = _range(a.low, a.bare, b.low);
      const at = before.search(/between[ ]{1,3}$/i);
      return { start: a.start - before.length + at, end: b.end, low, high, next: next + 1 };
    }
  }

  k.rangeTail.lastIndex = a.end;
  const t = k.rangeTail.exec(text);
  if (!t) return { start: a.start, end: a.end, low: a.low, high: null, next };
  const g = t.groups ?? {};
  const tailEnd = a.end + t[0].length;
  let high: number | null;
  if (g.sign !== undefined) {
    const b = atoms[next];
    if (!b || b.form !== 'sign' || b.currency !== _signCurrency(g.sign) || b.currency !== a.currency || b.end !== tailEnd)
      return { start: a.start, end: a.end, low: a.low, high: null, next };
    high = b.low;
    next++;
  } else {
    // "£40m to 50" reads as a range only when the second number has a unit or the first has none.
    if (g.unit === undefined && !a.bare) return { start: a.start, end: a.end, low: a.low, high: null, next };
    high = _amount(g.num ?? '', g.unit);
  }
  const [low, hi] = _range(a.low, a.bare, high);
  if (hi === null) return { start: a.start, end: a.end, low: a.low, high: null, next: i + 1 };
  return { start: a.start, end: tailEnd, low, high: hi, next };
}

/** The bound the words just before an amount give it ("in excess of £100m"); the longest phrase wins. */
function _boundBefore(text: string, start: number, k: _Knowledge): Bound | null {
  let best: Bound | null = null;
  let key = '';
  let i = start;
  for (let n = 0; n < k.boundWords; n++) {
    let j = i;
    while (j > 0 && i - j < 3 && (text[j - 1] === ' ' || text[j - 1] === '-')) j--;
    if (j === i) break;
    let e = j;
    while (e > 0 && j - e < 20 && _isWordChar(text.charCodeAt(e - 1))) e--;
    if (e === j || (e > 0 && _isWordChar(text.charCodeAt(e - 1)))) break;
    const word = text.slice(e, j).toLowerCase().replace(/\.$/, '');
    key = key ? `${word} ${key}` : word;
    best = k.boundOf.get(key) ?? best;
    i = e;
  }
  return best;
}

function _isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;
}

/** A range's ends: a unit written once applies to both ("£40-50m"); a falling range is no range. */
function _range(low: number | null, lowBare: boolean, high: number | null): [number | null, number | null] {
  if (low === null || high === null) return [low, high];
  let lo = low;
  if (lowBare && lo < high) {
    // Give the bare low end the high end's scale: 40 and 50,000,000 → 40,000,000.
    const scale = high >= 1e9 ? 1e9 : high >= 1e6 ? 1e6 : high >= 1e3 ? 1e3 : 1;
    if (lo * scale <= high) lo = Math.round(lo * scale * 100) / 100;
  }
  return lo <= high ? [lo, high] : [low, null];
}

/** "(£105m, $141.5m)" right after an amount: the same sum in other currencies. */
function _conversions(
  text: string,
  k: _Knowledge,
  atoms: _Atom[],
  i: number,
  end: number,
  currency: Currency | null,
): { money: Money[]; end: number; next: number } | null {
  k.convOpen.lastIndex = end;
  if (!k.convOpen.exec(text)) return null;
  let at = k.convOpen.lastIndex;
  const money: Money[] = [];
  let j = i;
  for (;;) {
    const b = atoms[j];
    if (!b || b.form === 'null' || b.start !== at || b.currency === currency) return null;
    const c = _compound(text, k, atoms, j);
    money.push({ text: text.slice(c.start, c.end), amount: c.low, currency: b.currency });
    j = c.next;
    k.convClose.lastIndex = c.end;
    if (k.convClose.exec(text)) return { money, end: k.convClose.lastIndex, next: j };
    k.convSep.lastIndex = c.end;
    if (!k.convSep.exec(text)) return null;
    at = k.convSep.lastIndex;
  }
}

/** "plus £3m in add-ons" right after an amount. */
function _addOn(
  text: string,
  k: _Knowledge,
  atoms: _Atom[],
  i: number,
  end: number,
  currency: Currency | null,
): { amount: number | null; end: number; next: number } | null {
  k.addOnJoin.lastIndex = end;
  if (!k.addOnJoin.exec(text)) return null;
  const b = atoms[i];
  if (!b || b.form === 'null' || b.start !== k.addOnJoin.lastIndex || b.currency !== currency) return null;
  k.addOnTail.lastIndex = b.end;
  if (!k.addOnTail.exec(text)) return null;
  return { amount: b.low, end: k.addOnTail.lastIndex, next: i + 1 };
}

/** The kind from cue words near the amount in its sentence: the nearest strong cue wins. */
function _kind(text: string, cues: _Cue[], from: number, to: number, start: number, end: number): FeeKind {
  let best: FeeKind | null = null;
  let bestScore = Infinity;
  let weak: FeeKind | null = null;
  let weakScore = Infinity;
  // A possessive club right before the amount ("Chelsea's £24m striker") is a fee paid.
  if (/[a-z]'s?[ ]{1,2}$/i.test(text.slice(Math.max(from, start - 4), start))) [weak, weakScore] = ['paid', 0];
  const consider = (c: _Cue, dist: number): boolean => {
    // Cues are read outward from the amount, so once even an 'other' cue this far could not win,
    // none farther can: stop.
    if (dist / 4 >= bestScore && dist >= weakScore) return false;
    if (c.weight === 'weak') {
      if (dist < weakScore) [weak, weakScore] = [c.kind, dist];
      return true;
    }
    // Money words that are not transfers (debts, sponsorship, takeovers) outweigh nearer transfer
    // words, and generic money verbs ("cost", "paid") yield to words that name what the money is for.
    const score = c.weight === 'other' ? dist / 4 : c.weight === 'generic' ? dist + _GENERIC_PENALTY : dist;
    if (score < bestScore) [best, bestScore] = [c.kind, score];
    return true;
  };
  const mid = _firstCue(cues, start);
  for (let j = mid - 1; j >= 0; j--) {
    const c = cues[j] as _Cue;
    if (c.start < from) break;
    if (!consider(c, Math.max(0, start - c.end))) break;
  }
  for (let j = mid; j < cues.length; j++) {
    const c = cues[j] as _Cue;
    if (c.end > to) break;
    if (!consider(c, Math.max(0, c.start - end))) break;
  }
  return best ?? weak ?? 'valuation';
}

/** Binary search: the first cue starting at or after `from`. */
function _firstCue(cues: _Cue[], from: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as _Cue).start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A `*` word runs on for at most this many letters ("offer*" → "offering").
const _STAR_RUN = 8;

/** Words of a stretch of text: lower-cased, with their offsets, in parallel arrays (cheap to build). */
interface _Words {
  w: string[];
  start: number[];
  end: number[];
}

/**
 * Cue phrases in text[from, to), appended to `out` in order. Words are read with one simple regex
 * and looked up by their first word, which is far cheaper than one regex of every phrase.
 */
function _cues(text: string, from: number, to: number, k: _Knowledge, out: _Cue[]): void {
  const words: _Words = { w: [], start: [], end: [] };
  const re = /[a-z]{1,40}/gi;
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    words.w.push(m[0].toLowerCase());
    words.start.push(from + m.index);
    words.end.push(from + m.index + m[0].length);
  }
  for (let i = 0; i < words.w.length; ) {
    const p = _phraseAt(text, words, i, k);
    if (p) {
      out.push({ start: words.start[i] ?? 0, end: words.end[i + p.words.length - 1] ?? 0, kind: p.kind, weight: p.weight });
      i += p.words.length;
    } else i++;
  }
}

/** The longest cue phrase starting at word `i`. */
function _phraseAt(text: string, words: _Words, i: number, k: _Knowledge): _Phrase | null {
  const w = words.w[i] ?? '';
  const exact = k.cueFirst.get(w);
  if (exact) {
    for (const p of exact) if (_phraseFits(text, words, i, p)) return p;
  }
  // Stems: "offer*" takes "offered", "offering"; only words long enough to hold a stem are tried.
  if (w.length < (k.stemLengths.at(-1) ?? Infinity)) return null;
  for (const len of k.stemLengths) {
    if (len > w.length || w.length - len > _STAR_RUN) continue;
    const stems = k.cueStems.get(w.slice(0, len));
    if (stems?.[0]) return stems[0];
  }
  return null;
}

/** Do the phrase's words follow word `i`, each after one to three spaces or hyphens? */
function _phraseFits(text: string, words: _Words, i: number, p: _Phrase): boolean {
  for (let j = 1; j < p.words.length; j++) {
    const prevEnd = words.end[i + j - 1];
    const curStart = words.start[i + j];
    const cur = words.w[i + j];
    if (prevEnd === undefined || curStart === undefined || cur === undefined) return false;
    const gap = curStart - prevEnd;
    if (gap < 1 || gap > 3 || !/^[\s-]+$/.test(text.slice(prevEnd, curStart))) return false;
    const want = p.words[j] ?? '';
    const last = j === p.words.length - 1;
    if (last && p.star ? !(cur.startsWith(want) && cur.length - want.length <= _STAR_RUN) : cur !== want) return false;
  }
  return true;
}

function _signCurrency(sign: string): Currency {
  const c = sign.slice(-1);
  return c === '£' ? 'GBP' : c === '€' ? 'EUR' : 'USD';
}

function _wordCurrency(word: string): Currency {
  const w = word.trim().toLowerCase();
  return w.startsWith('euro') ? 'EUR' : w.startsWith('dollar') ? 'USD' : 'GBP';
}

/** "1,200", "1.5" with unit "m" → whole units; null when too large to be real. */
function _amount(num: string, unit: string | undefined): number | null {
  return _scale(Number(num.replace(/,/g, '')), unit);
}

function _scale(n: number, unit: string | undefined): number | null {
  const u = (unit ?? '').trim().toLowerCase();
  const mult = u === '' ? 1 : u === 'k' || u === 'thousand' ? 1e3 : u === 'b' || u === 'bn' || u === 'billion' ? 1e9 : 1e6;
  const v = Math.round(n * mult * 100) / 100;
  return Number.isFinite(v) && v >= 0 && v <= _MAX_AMOUNT ? v : null;
}

const _SPELLED_VALUES: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, 'a hundred': 100, 'one hundred': 100,
};

function _spelled(word: string): number {
  return _SPELLED_VALUES[word.replace(/\s+/g, ' ')] ?? 1;
}
