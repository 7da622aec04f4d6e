// What extracting one input gives, wherever it ran (a worker, the calling thread): below the pool
// and the pipeline that both pass it on.
import type { Article } from '../schema.js';

export type Failure = { ok: false; file: string; reason: string };

/** With `packed`, the article as the store keeps it (format/packed.ts), made where it was extracted. */
export type Outcome = { ok: true; article: Article; packed?: Uint8Array } | Failure;

/** An article as its output format's text (format/text.ts), with what is said of it on stderr. */
export type Written = { ok: true; file: string; warnings: string[]; text: string | Uint8Array } | Failure;
