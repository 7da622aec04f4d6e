// Command-line paths → the article files to read, in a stable sorted order, with a reason for each
// path that gives none.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { IgnoreRules } from './_ignore.js';

/**
 * A file (with `raw`, its path as bytes, when its name is not valid UTF-8: `file` then shows each
 * bad byte as \xNN), standard input, a problem, or a pause: the walk has read many directories
 * without finding anything, and the caller may give the event loop its turn (signals, timers).
 */
export type WalkItem = { kind: 'file'; file: string; raw?: Buffer } | { kind: 'stdin' } | { kind: 'error'; file: string; reason: string } | { kind: 'pause' };

/** What a directory's walk meets: files, problems on the way, and pauses. */
type _Found = Exclude<WalkItem, { kind: 'stdin' }>;

export interface WalkOptions {
  /** Extensions (without dot) read when walking a directory. A file named directly is always read. */
  ext: string[];
  /** Told how many files have been found so far, as the walk goes (the caller may get ready for a long run). */
  onFound?: (count: number) => void;
  /** Skip node_modules and what .gitignore / .ignore files exclude, as ripgrep does (default true). */
  ignore?: boolean;
  /**
   * Follow symbolic links met inside directories (-L/--follow), as ripgrep does: off by default. A
   * path named on the command line is always followed. Either way each real directory (device and
   * inode) is read once.
   */
  follow?: boolean;
}

/**
 * The inputs the paths name, in argument order around standard input: `a - b` reads a, then
 * standard input, then b, as `cat` does (see `_walkGroup` for the order within each run of paths).
 */
export function* walk(paths: string[], opts: WalkOptions): Generator<WalkItem> {
  const found = { n: 0 };
  let group: string[] = [];
  let stdin = false;
  for (const p of [...paths, null]) {
    if (p !== null && p !== '-') {
      group.push(p);
      continue;
    }
    yield* _walkGroup(group, opts, found);
    group = [];
    // Standard input is read once, where it is first named.
    if (p === '-' && !stdin) {
      stdin = true;
      yield { kind: 'stdin' };
    }
  }
}

/**
 * The inputs a run of paths names, streamed in order: first the paths that cannot be read, then
 * every article file in code-unit order of its path, each once (a file named directly and
 * in its directory too), with the problems met on the way in their place. Nothing is held but the
 * directories being walked, so that a walk of 100,000 files costs no more memory than one of 1,000.
 * Synchronous, like the reading of files (read/index.ts): one directory at a time costs little, and
 * a walk through promises made so much garbage that it widened the heap for the rest of the run.
 */
function* _walkGroup(paths: string[], opts: WalkOptions, counter: { n: number }): Generator<WalkItem> {
  const exts = [...new Set(opts.ext.map((e) => e.replace(/^\./, '').toLowerCase()))];
  const named: string[] = [];
  const dirs: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      yield { kind: 'error', file: p, reason: _statFailure(p, err) };
      continue;
    }
    if (st.isDirectory()) dirs.push(p);
    else if (st.isFile()) named.push(p);
    else yield { kind: 'error', file: p, reason: _NOT_REGULAR };
  }
  // Each stream is in order; merged, so is the whole, and a file met twice is met twice in a row.
  const follow = opts.follow ?? false;
  const streams: Array<Iterator<_Found>> = [named.sort(comparePaths).map((file): _Found => ({ kind: 'file', file }))[Symbol.iterator](), ...dirs.map((d) => _walkRoot(d, exts, follow, opts.ignore === false ? null : IgnoreRules.at(d)))];
  const heads = streams.map((s) => s.next());
  let last: string | null = null;
  for (;;) {
    let first = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i] as IteratorResult<_Found>;
      const best = heads[first];
      if (!h.done && (best === undefined || best.done || _before(h.value, best.value))) first = i;
    }
    const head = heads[first];
    if (head === undefined || head.done) return;
    const item = head.value;
    heads[first] = (streams[first] as Iterator<_Found>).next();
    if (item.kind === 'pause') {
      yield item;
      continue;
    }
    if (item.kind === 'file') {
      if (item.file === last) continue;
      last = item.file;
      opts.onFound?.(++counter.n);
    }
    yield item;
  }
}

/** A pause goes out at once; the rest in the order of their paths. */
function _before(a: _Found, b: _Found): boolean {
  if (a.kind === 'pause') return b.kind !== 'pause';
  return b.kind !== 'pause' && comparePaths(a.file, b.file) < 0;
}

/** Code-unit order, so that the order never depends on the machine's locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A directory named on the command line: its articles, or why it gives none. */
function* _walkRoot(dir: string, exts: string[], follow: boolean, rules: IgnoreRules | null): Generator<_Found> {
  let any = false;
  const state: _Walk = { extension: _extensionTest(exts), follow, visited: new Set(), ancestors: new Set(), linksSkipped: 0, dirsRead: 0 };
  for (const item of _walkDir(dir, null, state, rules)) {
    if (item.kind !== 'pause') any = true;
    yield item;
  }
  if (!any) yield { kind: 'error', file: dir, reason: `no articles in directory (looked for ${exts.map((e) => '.' + e).join(', ')}${_linksNote(state.linksSkipped)})` };
}

function _linksNote(n: number): string {
  return n === 0 ? '' : `; ${n} symbolic ${n === 1 ? 'link' : 'links'} not followed: --follow follows them`;
}

/** A test of a file name's extension, any case, that makes no strings. */
function _extensionTest(exts: string[]): RegExp {
  if (exts.length === 0) return /(?!)/;
  return new RegExp(`\\.(?:${exts.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'i');
}

/** What a symbolic link points to, or why it cannot be followed. */
type _Target = { dir: boolean; file: boolean; problem: string | null };

/** One root's walk: what it has seen, and what it has left alone. */
interface _Walk {
  extension: RegExp;
  follow: boolean;
  /** Every directory read, by device and inode (as find and ripgrep know them): each is read once. */
  visited: Set<string>;
  /** The directories from the root down to the one being read: a link back to one of them is a loop. */
  ancestors: Set<string>;
  linksSkipped: number;
  dirsRead: number;
}

// Directories read between two pauses (see WalkItem).
const _PAUSE_EVERY = 64;

/** A directory entry: its name for people and sorting, and its bytes when that name is not valid UTF-8. */
type _Entry = Dirent & { raw?: Buffer };

function* _walkDir(dir: string, raw: Buffer | null, state: _Walk, rules: IgnoreRules | null): Generator<_Found> {
  const at = raw ?? dir;
  let id: string;
  try {
    const st = statSync(at, { bigint: true });
    id = `${st.dev}:${st.ino}`;
  } catch (err) {
    yield { kind: 'error', file: dir, reason: describeFsError(err) };
    return;
  }
  // A link back up the tree would walk for ever; a second way into a directory already read (two
  // links to one folder, thirty levels of them: 2^30 paths) would read it again and again.
  if (state.ancestors.has(id)) {
    yield { kind: 'error', file: dir, reason: 'symlink loop (directory already visited)' };
    return;
  }
  if (state.visited.has(id)) return;
  state.visited.add(id);
  if (++state.dirsRead % _PAUSE_EVERY === 0) yield { kind: 'pause' };
  let entries: _Entry[];
  try {
    entries = _readDir(at);
  } catch (err) {
    yield { kind: 'error', file: dir, reason: describeFsError(err) };
    return;
  }
  state.ancestors.add(id);
  try {
    yield* _walkEntries(dir, raw, entries, state, rules);
  } finally {
    state.ancestors.delete(id);
  }
}

function* _walkEntries(dir: string, raw: Buffer | null, entries: _Entry[], state: _Walk, rules: IgnoreRules | null): Generator<_Found> {
  const article = (e: Dirent) => state.extension.test(e.name);
  // Each path made by one concatenation: a walk makes as little garbage as it can (see `walk`).
  const under = path.join(dir, '_').slice(0, -1);
  const rawUnder = raw ? Buffer.concat([raw, Buffer.from(path.sep)]) : null;
  const rawOf = (e: _Entry): Buffer | null => (e.raw ? Buffer.concat([rawUnder ?? Buffer.from(under), e.raw]) : rawUnder ? Buffer.concat([rawUnder, Buffer.from(e.name)]) : null);
  // Symbolic links are followed before sorting, which depends on what they point to.
  const links = new Map<string, _Target>();
  for (const e of entries) {
    if (!e.isSymbolicLink() || e.name.startsWith('.')) continue;
    if (!state.follow) {
      state.linksSkipped++;
      continue;
    }
    const full = under + e.name;
    try {
      const st = statSync(rawOf(e) ?? full);
      links.set(e.name, { dir: st.isDirectory(), file: st.isFile(), problem: null });
    } catch (err) {
      // A dangling link to something that is not an article is no loss; a loop or a broken article is.
      const lost = !article(e) && (err as NodeJS.ErrnoException)?.code === 'ENOENT';
      links.set(e.name, { dir: false, file: false, problem: lost ? '' : _statFailure(full, err) });
    }
  }
  const isDir = (e: Dirent) => links.get(e.name)?.dir ?? e.isDirectory();
  entries.sort((a, b) => _entryOrder(a.name, isDir(a), b.name, isDir(b)));
  for (const e of entries) {
    if (e.name.startsWith('.') || rules?.skips(under + e.name, isDir(e))) continue;
    if (e.isSymbolicLink() && !state.follow) continue;
    const link = links.get(e.name);
    if (link?.problem === '') continue;
    if (link?.problem) yield { kind: 'error', file: under + e.name, reason: link.problem };
    else if (isDir(e)) yield* _walkDir(under + e.name, rawOf(e), state, rules?.enter(under + e.name) ?? null);
    else if (!article(e)) continue;
    else if (link?.file ?? e.isFile()) yield _file(under + e.name, rawOf(e));
    // A FIFO named like an article would block the run if read: said, not read.
    else yield { kind: 'error', file: under + e.name, reason: _NOT_REGULAR };
  }
}

function _file(file: string, raw: Buffer | null): _Found {
  return raw ? { kind: 'file', file, raw } : { kind: 'file', file };
}

/**
 * A directory's entries. Node gives names as UTF-8 and turns bytes that are not into U+FFFD, which
 * names no file: where one appears, the directory is read again as bytes, and such a name is kept
 * as bytes (to open the file by) and shown with its bad bytes as \xNN.
 */
function _readDir(at: string | Buffer): _Entry[] {
  const entries: _Entry[] = readdirSync(at as string, { withFileTypes: true });
  if (!entries.some((e) => e.name.includes('\ufffd'))) return entries;
  const asBytes = readdirSync(at as Buffer, { withFileTypes: true, encoding: 'buffer' }) as unknown as Array<Dirent & { name: Buffer }>;
  return asBytes.map((e) => {
    const shown = showBytes(e.name);
    const entry = Object.assign(Object.create(Object.getPrototypeOf(e) as object) as _Entry, e, { name: shown });
    if (shown !== e.name.toString('utf8')) entry.raw = e.name;
    return entry;
  });
}

const _fatal = new TextDecoder('utf-8', { fatal: true });

/** Bytes as text: valid UTF-8 as it is, every other byte as \xNN (as ripgrep and git show them). */
export function showBytes(bytes: Buffer): string {
  try {
    return _fatal.decode(bytes);
  } catch {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const n = _utf8Length(bytes, i);
      if (n === 0) {
        out += `\\x${(bytes[i] as number).toString(16).padStart(2, '0')}`;
        i++;
      } else {
        out += bytes.toString('utf8', i, i + n);
        i += n;
      }
    }
    return out;
  }
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when there is none. */
function _utf8Length(b: Buffer, i: number): number {
  const lead = b[i] as number;
  const n = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (n <= 1) return n;
  if (i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return 0;
  try {
    _fatal.decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}

/**
 * Two entries of one directory in the order of the paths below them: a directory's name as if it
 * ended in '/', which sorts before most characters ("a-b.txt" < "a.txt" < "a/x.txt" < "a0.txt").
 * Compared in place: a directory of thousands of entries is sorted without a string made per entry.
 */
function _entryOrder(a: string, aDir: boolean, b: string, bDir: boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  const after = (s: string, dir: boolean) => (s.length > n ? s.charCodeAt(n) : dir ? _SLASH : -1);
  return after(a, aDir) - after(b, bDir);
}

const _SLASH = 47;

const _NOT_REGULAR = 'not a regular file (a FIFO, socket or device is not read)';

/** Why stat failed, telling a dangling symlink ("no such file" would puzzle: the link is there) from a missing path. */
function _statFailure(file: string, err: unknown): string {
  if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') {
    try {
      if (lstatSync(file).isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
    } catch {
      // Not there at all: the plain reason below.
    }
  }
  return describeFsError(err);
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symlink loop';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return (err as Error)?.message ?? String(err);
  }
}
