// Paths → articles ready for extraction: walk, size check, decode, date header, normalisation.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { decode } from './decode.js';
import { parseHeader } from './header.js';
import { looksLikeHtml, normalise, type Normalised } from './normalise.js';
import { describeFsError, walk } from './walk.js';

export { comparePaths } from './walk.js';

export interface SourceText {
  file: string;
  hash: string;
  date: string | null;
  /** The original text after the date header: evidence offsets count from here. */
  original: string;
  norm: Normalised;
  warnings: string[];
}

export type ReadResult = { ok: true; source: SourceText } | { ok: false; file: string; reason: string };

export interface ReadOptions {
  ext: string[];
  /** Files larger than this many bytes are skipped without being read. */
  maxSize: number;
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_EXT = ['txt', 'md'];
export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

/** Every input in order: failures are results too, so one bad file never stops the others. */
export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<ReadResult> {
  for (const item of await walk(paths, { ext: opts.ext })) {
    if (item.kind === 'error') yield { ok: false, file: item.file, reason: item.reason };
    else if (item.kind === 'stdin') yield await _readStdin(opts);
    else yield await readFile(item.file, opts.maxSize);
  }
}

export async function readFile(file: string, maxSize: number = DEFAULT_MAX_SIZE): Promise<ReadResult> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { ok: false, file, reason: 'not a regular file' };
    if (st.size > maxSize) return { ok: false, file, reason: `larger than the size limit (${_mb(st.size)} > ${_mb(maxSize)}; see --max-size)` };
    return fromBytes(file, await fs.readFile(file));
  } catch (err) {
    return { ok: false, file, reason: describeFsError(err) };
  }
}

async function _readStdin(opts: ReadOptions): Promise<ReadResult> {
  const stream = opts.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > opts.maxSize) return { ok: false, file: '-', reason: `standard input is larger than the size limit (${_mb(opts.maxSize)})` };
      chunks.push(buf);
    }
  } catch (err) {
    return { ok: false, file: '-', reason: `standard input could not be read: ${(err as Error).message}` };
  }
  return fromBytes('-', Buffer.concat(chunks));
}

/** Decode and prepare one article's bytes. Pure: used for files, standard input and tests alike. */
export function fromBytes(file: string, bytes: Uint8Array): ReadResult {
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, file, reason: decoded.reason };
  const warnings = [...decoded.warnings];
  const full = decoded.text.startsWith('\ufeff') ? decoded.text.slice(1) : decoded.text;
  if (full.trim() === '') return { ok: false, file, reason: 'no text (only whitespace)' };
  const header = parseHeader(full);
  if (header.warning) warnings.push(header.warning);
  const original = full.slice(header.bodyStart);
  const html = looksLikeHtml(original);
  if (html) warnings.push('read as HTML: tags, scripts and styles removed');
  return {
    ok: true,
    source: {
      file,
      hash: createHash('sha256').update(bytes).digest('hex'),
      date: header.date,
      original,
      norm: normalise(original, { html }),
      warnings,
    },
  };
}

function _mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
