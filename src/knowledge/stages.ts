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
}

export interface StageKnowledge {
  cues: PhraseIndex<Status>;
  /** Lower index = more decisive. */
  rank: Map<Status, number>;
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
    from: new PhraseIndex(d.from.map((p) => [p, true] as [string, true])),
    to: new PhraseIndex(d.to.map((p) => [p, true] as [string, true])),
    windows: new PhraseIndex(d.windows),
  };
  return _k;
}
