// Stage words, from/to markers and transfer windows, loaded once from data/stages.json.
import type { Status } from '../schema.js';
import { loadData } from './_load.js';
import { PhraseIndex } from './_phrases.js';

interface StagesData {
  priority: Status[];
  stages: Record<Status, string[]>;
  from: string[];
  to: string[];
  windows: Array<[string, string]>;
  bidder: string[];
  partner: string[];
  bidNouns: string[];
  notTransfer: string[];
  context: string[];
}

export interface StageKnowledge {
  cues: PhraseIndex<Status>;
  /** Within a clause: lower index = more decisive. */
  rank: Map<Status, number>;
  bidder: PhraseIndex<true>;
  /** "an offer to Porto", "talks with Celta": the club the buyer deals with. */
  partner: PhraseIndex<true>;
  bidNouns: Set<string>;
  notTransfer: PhraseIndex<true>;
  /** Words of the transfer market: without one in its sentence, a clause is no rumour. */
  context: PhraseIndex<true>;
  from: PhraseIndex<true>;
  to: PhraseIndex<true>;
  windows: PhraseIndex<string>;
}

let _k: StageKnowledge | null = null;

export function stageKnowledge(): StageKnowledge {
  if (_k) return _k;
  const d = loadData<StagesData>('stages.json');
  const cues: Array<[string, Status]> = [];
  // A phrase listed under several stages keeps the most decisive one.
  for (const status of d.priority) for (const p of d.stages[status] ?? []) if (!cues.some(([q]) => q === p)) cues.push([p, status]);
  _k = {
    cues: new PhraseIndex(cues),
    rank: new Map(d.priority.map((s, i) => [s, i])),
    bidder: _markers(d.bidder),
    partner: _markers(d.partner),
    bidNouns: new Set(d.bidNouns),
    notTransfer: _markers(d.notTransfer),
    context: _markers(d.context),
    from: _markers(d.from),
    to: _markers(d.to),
    windows: new PhraseIndex(d.windows),
  };
  return _k;
}

function _markers(phrases: string[]): PhraseIndex<true> {
  return new PhraseIndex(phrases.map((p) => [p, true] as [string, true]));
}
