// What every formatter writes to and answers to: below the formatters and the index that picks one.
import type { Article } from '../schema.js';

/** Where output goes: process.stdout in the CLI, a string collector in tests. */
export interface Sink {
  write(chunk: string | Uint8Array): boolean;
}

/** Streamed output: `end()` always leaves a complete document (JSON closed, CSV header written). */
export interface Formatter {
  begin(): void;
  article(a: Article): void;
  /**
   * An article as `articleText` (./text.ts) wrote it, where it was extracted: the same output as
   * `article`, for the formats that have such a text (not the table, which sums articles up).
   */
  text?(chunk: string | Uint8Array): void;
  /** An input that could not be read (already reported on stderr); the table counts them. */
  skipped(file: string, reason: string): void;
  end(): void;
}

/**
 * Text pieces joined into runs of some 64 KB: an ordinary article is one run (one write), a long
 * one's text (format/json.ts writes it a fact at a time) is never one string.
 */
export function* batched(chunks: Iterable<string>, size = 64 * 1024): Generator<string> {
  let run: string[] = [];
  let length = 0;
  for (const c of chunks) {
    run.push(c);
    length += c.length;
    if (length >= size) {
      yield run.join('');
      [run, length] = [[], 0];
    }
  }
  if (run.length) yield run.join('');
}
