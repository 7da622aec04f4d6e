// The JSON Schema of every JSON output, by the command that prints it, derived from the zod schemas
// (src/schema.ts for articles and stories, src/store/shapes.ts for the store's listings).
import { z } from 'zod';
import { Document, PlayerStory } from './schema.js';
import { STORE_DOCUMENTS } from './store/shapes.js';

const _OUTPUTS = { extract: Document, player: PlayerStory, ...STORE_DOCUMENTS } as const;

export type Output = keyof typeof _OUTPUTS;
export const OUTPUTS = Object.keys(_OUTPUTS) as Output[];

export function jsonSchemaOf(output: Output): unknown {
  return z.toJSONSchema(_OUTPUTS[output], { target: 'draft-2020-12' });
}
