// Rumours: player × from-club × to-club × stage, read sentence by sentence. A sentence makes a rumour
// when it cues a stage ("are keeping tabs on", "tabled a bid", "completed a deal"), names or points to a
// player, and names a club he may join. The club he leaves comes from the words before his name
// ("Brighton's Carlos Baleba", "Liverpool midfielder"), from "from"/"leave", or from what the article
// said of him earlier.
import type { ClubMention, Doc, FeeFinding, PersonEntity, RumourFinding, Sentence, SourceFinding, Span } from '../extract/types.js';
import { stageKnowledge, type StageKnowledge } from '../knowledge/stages.js';
import type { Money, Status } from '../schema.js';
import { References } from './coref.js';

export interface RumourContext {
  entities: PersonEntity[];
  clubs: ClubMention[];
  fees: FeeFinding[];
  feePlayers: Array<string | null>;
  sources: SourceFinding[];
}

const _POINTER = /\b(?:he|him|his)\b|\bthe (?:[\p{L}\d-]+ ){0,3}(?:player|midfielder|striker|defender|forward|winger|keeper|goalkeeper|star|international|frenchman|spaniard|dane|argentine|brazilian|englishman|dutchman|youngster|teenager|centre-back|full-back|right-back|left-back|\d+-year-old)\b/iu;
const _THEY = /\b(?:they|their|them)\b/i;

export function findRumours(doc: Doc, ctx: RumourContext): RumourFinding[] {
  const k = stageKnowledge();
  const refs = new References(doc, ctx.entities);
  const byKey = new Map<string, RumourFinding>();
  const homeOf = new Map<string, string>();
  for (const e of ctx.entities) if (e.club && e.role === null) homeOf.set(e.name, e.club);
  let lastBuyer: string | null = null;

  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    const cues = k.cues.find(text);
    const clubs = ctx.clubs.filter((c) => c.start >= s.start && c.end <= s.end);
    if (!cues.length) {
      continue;
    }
    const status = _decisive(cues.map((c) => c.value), k);
    const players = _playersIn(refs, s, text);
    if (!players.length) continue;
    for (const p of players) {
      const from = _fromClub(doc, k, s, clubs, p) ?? homeOf.get(p.ent.name) ?? null;
      let to = _toClub(doc, k, s, clubs, from, cues[0]?.start ?? 0);
      if (!to && lastBuyer && lastBuyer !== from && _THEY.test(text) && status !== 'completed') to = lastBuyer;
      if (!to || to === from) continue;
      if (from) homeOf.set(p.ent.name, from);
      lastBuyer = to;
      const key = `${p.ent.name}\u0000${to}`;
      const prev = byKey.get(key);
      if (prev) {
        prev.from ??= from;
        prev.window ??= _window(k, text);
        prev.fee ??= _fee(doc, ctx, s, p.ent.name);
        prev.source ??= _source(doc, ctx.sources, s);
        continue;
      }
      byKey.set(key, {
        start: s.start,
        end: s.end,
        player: p.ent.name,
        from,
        to,
        status,
        window: _window(k, text),
        fee: _fee(doc, ctx, s, p.ent.name),
        source: _source(doc, ctx.sources, s),
      });
    }
    // A club that is the subject of the sentence is whom "they" points to in the next one.
    const subject = clubs[0];
    if (subject && subject.start - s.start < 30) lastBuyer = lastBuyer ?? subject.club;
  }
  return [...byKey.values()];
}

function _decisive(statuses: Status[], k: StageKnowledge): Status {
  return statuses.reduce((a, b) => ((k.rank.get(b) ?? 99) < (k.rank.get(a) ?? 99) ? b : a));
}

interface _PlayerRef {
  ent: PersonEntity;
  at: number;
}

/** Players the sentence names, or the one it points to with "he" or "the Frenchman". */
function _playersIn(refs: References, s: Sentence, text: string): _PlayerRef[] {
  const named = refs.within(s.start, s.end).filter((m) => m.ent.role === null);
  const seen = new Set<PersonEntity>();
  const out: _PlayerRef[] = [];
  for (const m of named) {
    if (seen.has(m.ent)) continue;
    seen.add(m.ent);
    out.push({ ent: m.ent, at: m.start });
  }
  if (out.length) return out;
  const pointer = _POINTER.exec(text);
  if (!pointer) return [];
  const ent = refs.lastBefore(s.start, 'player') ?? refs.main;
  return ent ? [{ ent, at: s.start + pointer.index }] : [];
}

function _fromClub(doc: Doc, k: StageKnowledge, s: Sentence, clubs: ClubMention[], p: _PlayerRef): string | null {
  for (const c of clubs) {
    // "Brighton's Carlos Baleba", "Liverpool midfielder Alexis Mac Allister"
    if (c.end <= p.at && p.at - c.end <= 40 && /^(?:'s?)?\s+(?:[a-z][\p{L}-]*\s+){0,3}$/u.test(doc.text.slice(c.end, p.at))) return c.club;
    if (_markedBefore(doc, k.from, s, c)) return c.club;
  }
  return null;
}

function _toClub(doc: Doc, k: StageKnowledge, s: Sentence, clubs: ClubMention[], from: string | null, cueAt: number): string | null {
  const others = clubs.filter((c) => c.club !== from);
  const marked = others.find((c) => _markedBefore(doc, k.to, s, c));
  if (marked) return marked.club;
  const unmarked = others.filter((c) => !_markedBefore(doc, k.from, s, c));
  if (!unmarked.length) return null;
  // The club named before the stage words is their subject ("Real Madrid are keeping tabs on ...").
  const before = unmarked.filter((c) => c.start - s.start <= cueAt);
  return (before[before.length - 1] ?? unmarked[0])?.club ?? null;
}

/** Is the club preceded by one of the marker phrases ("from", "to", "join")? */
function _markedBefore(doc: Doc, markers: StageKnowledge['from'], s: Sentence, c: Span): boolean {
  const lead = doc.text.slice(Math.max(s.start, c.start - 30), c.start);
  const hits = markers.find(lead.replace(/\bthe\s+$/i, ''));
  const last = hits[hits.length - 1];
  if (!last) return false;
  return /^\s*$/.test(lead.replace(/\bthe\s+$/i, '').slice(last.end));
}

function _window(k: StageKnowledge, text: string): string | null {
  return k.windows.find(text)[0]?.value ?? null;
}

function _fee(doc: Doc, ctx: RumourContext, s: Sentence, player: string): Money | null {
  let pick: FeeFinding | null = null;
  ctx.fees.forEach((f, i) => {
    if (pick || f.amount === null || f.kind === 'other' || f.kind === 'wage') return;
    const who = ctx.feePlayers[i] ?? null;
    if (f.start >= s.start && f.end <= s.end && (who === null || who === player)) pick = f;
  });
  if (!pick) {
    ctx.fees.forEach((f, i) => {
      if (!pick && f.amount !== null && f.kind !== 'other' && f.kind !== 'wage' && ctx.feePlayers[i] === player) pick = f;
    });
  }
  const f = pick as FeeFinding | null;
  return f ? { text: f.text, amount: f.amount, currency: f.currency } : null;
}

function _source(doc: Doc, sources: SourceFinding[], s: Sentence): string | null {
  const inSentence = sources.find((x) => x.start >= s.start && x.end <= s.end);
  if (inSentence) return inSentence.name;
  const para = doc.paragraphs[s.paragraph];
  const before = sources.filter((x) => x.end <= s.start && (!para || x.start >= para.start));
  return before[before.length - 1]?.name ?? null;
}
