// Sources: the outlets and journalists an article cites as the origin of a claim.
import type { Doc, SourceFinding } from './types.js';

export function findSources(_doc: Doc): SourceFinding[] {
  return [];
}
