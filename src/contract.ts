// The JSON Schema of every JSON output, by the command that prints it, derived from the zod schemas
// (src/schema.ts for articles and stories, src/store/shapes.ts for the store's listings, src/eval for
// the scores). Each has an `$id` and a `title`, and each document says which it is in its "schema".
import { z } from 'zod';
import { EvalReport } from './eval/score.js';
import { SCHEMA_IDS, type OutputName } from './ids.js';
import { Document, PlayerStory } from './schema.js';
import { STORE_DOCUMENTS } from './store/shapes.js';

const _OUTPUTS: Record<OutputName, z.ZodType> = { extract: Document, player: PlayerStory, ...STORE_DOCUMENTS, eval: EvalReport };

const _TITLES: Record<OutputName, string> = {
  extract: 'rumours extract --format json: the articles read, with what each says',
  player: "rumours player --format json: one player's story across the articles",
  rumours: 'rumours rumours --format json: the rumours in the store',
  club: 'rumours club --format json: who a club is linked with',
  sources: 'rumours sources --format json: outlets and journalists by how the moves they reported ended',
  search: 'rumours search --format json: articles and quotes holding the words',
  stats: 'rumours stats --format json: what the store holds',
  eval: 'rumours eval --format json: the extractor scored against a gold file',
};

export type Output = OutputName;
export const OUTPUTS = Object.keys(_OUTPUTS) as Output[];

/** The `$id` of an output's schema: a URN of its schema id ("urn:rumours:extract@1"). */
export function schemaUri(output: Output): string {
  return `urn:${SCHEMA_IDS[output].replace('/', ':')}`;
}

export function jsonSchemaOf(output: Output): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(_OUTPUTS[output], { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: schemaUri(output), title: _TITLES[output], ...rest };
}
