// Paths → articles ready for extraction: walk, size check, decode, date header, normalisation.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { decode } from './decode.js';
import { parseHeader } from './header.js';
import { looksLikeHtml } from './normalise.js';
import { describeFsError, walk, type WalkItem } from './walk.js';
import { DEFAULT_EXT, DEFAULT_MAX_SIZE } from './defaults.js';

export { comparePaths } from './walk.js';

export interface SourceText {
  file: string;
  hash: string;
  date: string | null;
  /** The original text after the date header: evidence offsets count from here. */
  original: string;
  /** Read as a saved web page (tags, scripts and styles removed when it is normalised). */
  html: boolean;
  warnings: string[];
}

export type ReadResult = { ok: true; source: SourceText } | { ok: false; file: string; reason: string };

export interface ReadOptions {
  ext: string[];
  /** Files larger than this many bytes are skipped without being read. */
  maxSize: number;
  stdin?: NodeJS.ReadableStream;
  /** Skip what .gitignore / .ignore files exclude, and node_modules (default true; --no-ignore). */
  ignore?: boolean;
  /** Follow symbolic links inside directories (--follow); see WalkOptions. */
  follow?: boolean;
}

export { DEFAULT_EXT, DEFAULT_MAX_SIZE };

/** An input's bytes, or why it has none. */
export type Loaded = { ok: true; file: string; bytes: Uint8Array } | { ok: false; file: string; reason: string };

export interface Inputs {
  /** How many inputs the paths name (files, failures and standard input). */
  total: number;
  items: AsyncGenerator<Loaded>;
}

// Files read ahead of the one being worked on, so that disk waits overlap extraction.
const _AHEAD = 16;
const _YIELD_EVERY = 8;

/**
 * Count the inputs the paths name, then load every one in order as the run asks for it: failures
 * are results too, so one bad file never stops the others. The paths are walked twice (counting,
 * then reading) rather than held: a count is cheap (100,000 files: about 0.2 s) and the run's length
 * is then known from the start (progress, the choice of threads). Should files come or go between
 * the two walks, the second one is what is read.
 */
export async function loadInputs(paths: string[], opts: ReadOptions, onFound?: (count: number) => void): Promise<Inputs> {
  const walkOpts = { ext: opts.ext, ignore: opts.ignore ?? true, follow: opts.follow ?? false };
  let total = 0;
  for (const item of walk(paths, onFound ? { ...walkOpts, onFound } : walkOpts)) {
    // A long walk gives the event loop its turn, so that Ctrl-C stops it.
    if (item.kind === 'pause') await _turn();
    else total++;
  }
  return { total, items: _loadAhead(walk(paths, walkOpts), opts) };
}

function _turn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

async function* _loadAhead(items: Iterator<WalkItem>, opts: ReadOptions): AsyncGenerator<Loaded> {
  const start = (item: Exclude<WalkItem, { kind: 'pause' }>): Promise<Loaded> =>
    item.kind === 'error' ? Promise.resolve({ ok: false, file: item.file, reason: item.reason }) : item.kind === 'stdin' ? _loadStdin(opts) : loadFile(item.file, opts.maxSize, item.raw);
  const window: Array<Promise<Loaded>> = [];
  let walked = false;
  for (let n = 0; ; n++) {
    // Files are read synchronously (see loadFile): every few, the event loop gets its turn, so that
    // Ctrl-C, timers and the progress bar are not held up by a long run.
    if (n % _YIELD_EVERY === 0) await _turn();
    while (!walked && window.length < _AHEAD) {
      const next = items.next();
      if (next.done) walked = true;
      else if (next.value.kind === 'pause') await _turn();
      else window.push(start(next.value));
    }
    const first = window.shift();
    if (!first) return;
    yield await first;
  }
}

/** Every input in order, decoded and ready for extraction. */
export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<ReadResult> {
  for await (const r of (await loadInputs(paths, opts)).items) yield r.ok ? fromBytes(r.file, r.bytes) : r;
}

export async function readFile(file: string, maxSize: number = DEFAULT_MAX_SIZE): Promise<ReadResult> {
  const r = await loadFile(file, maxSize);
  return r.ok ? fromBytes(r.file, r.bytes) : r;
}

/**
 * One file's bytes. Read synchronously, on purpose: an article is small, and four plain system calls
 * (stat, open, read, close) cost a fraction of the same calls sent through the thread pool one
 * promise at a time, which was a third of the time of a re-run answered from the store.
 */
export async function loadFile(file: string, maxSize: number = DEFAULT_MAX_SIZE, raw?: Buffer): Promise<Loaded> {
  let fd: number | undefined;
  // A name that is not valid UTF-8 is opened by its bytes (see walk.ts); `file` is what people see.
  const at = raw ?? file;
  try {
    // Checked before opening: opening a named pipe would wait for a writer.
    const st = statSync(at);
    if (!st.isFile()) return { ok: false, file, reason: 'not a regular file' };
    if (st.size > maxSize) return { ok: false, file, reason: `larger than the size limit (${_size(st.size)} > ${_size(maxSize)}; see --max-size)` };
    fd = openSync(at, 'r');
    return { ok: true, file, bytes: _readAll(fd, st.size) };
  } catch (err) {
    return { ok: false, file, reason: describeFsError(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Everything from an open file: its size as stat gave it, and more if it grew meanwhile. */
function _readAll(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let buf = Buffer.allocUnsafe(Math.max(size, 1) + 1);
  for (;;) {
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    chunks.push(buf.subarray(0, got));
    if (got < buf.length) break;
    buf = Buffer.allocUnsafe(64 * 1024);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

async function _loadStdin(opts: ReadOptions): Promise<Loaded> {
  const stream = opts.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > opts.maxSize) return { ok: false, file: '-', reason: `standard input is larger than the size limit (${_size(opts.maxSize)}; see --max-size)` };
      chunks.push(buf);
    }
  } catch (err) {
    return { ok: false, file: '-', reason: `standard input could not be read: ${(err as Error).message}` };
  }
  // Said plainly: "empty file" would puzzle someone whose pipe broke or who forgot to pipe anything.
  if (size === 0) return { ok: false, file: '-', reason: 'standard input is empty (it was closed before any text arrived)' };
  return { ok: true, file: '-', bytes: Buffer.concat(chunks) };
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
      // Normalised where it is extracted (analyse.ts), whole or, when long, in pieces.
      html,
      warnings,
    },
  };
}

/** "6.0 MB", "3.0 GB", "1.0 KB": a limit of 1k must not read "0.0 MB". */
function _size(bytes: number): string {
  const [div, unit] = bytes >= 1024 ** 3 ? [1024 ** 3, 'GB'] : bytes >= 1024 ** 2 ? [1024 ** 2, 'MB'] : bytes >= 1024 ? [1024, 'KB'] : [1, 'bytes'];
  return div === 1 ? `${bytes} ${unit}` : `${(bytes / div).toFixed(1)} ${unit}`;
}
