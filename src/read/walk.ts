// Command-line paths → the article files to read, in a stable sorted order, with a reason for each
// path that gives none.
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { IgnoreRules } from './_ignore.js';

export type WalkItem = { kind: 'file'; file: string } | { kind: 'stdin' } | { kind: 'error'; file: string; reason: string };

/** What a directory's walk meets: files, and the problems on the way. */
type _Found = Exclude<WalkItem, { kind: 'stdin' }>;

export interface WalkOptions {
  /** Extensions (without dot) read when walking a directory. A file named directly is always read. */
  ext: string[];
  /** Told how many files have been found so far, as the walk goes (the caller may get ready for a long run). */
  onFound?: (count: number) => void;
  /** Skip node_modules and what .gitignore / .ignore files exclude, as ripgrep does (default true). */
  ignore?: boolean;
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
  const streams: Array<Iterator<_Found>> = [
    named.sort(comparePaths).map((file): _Found => ({ kind: 'file', file }))[Symbol.iterator](),
    ...dirs.map((d) => _walkRoot(d, exts, opts.ignore === false ? null : IgnoreRules.at(d))),
  ];
  const heads = streams.map((s) => s.next());
  let last: string | null = null;
  for (;;) {
    let first = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i] as IteratorResult<_Found>;
      const best = heads[first];
      if (!h.done && (best === undefined || best.done || comparePaths(h.value.file, best.value.file) < 0)) first = i;
    }
    const head = heads[first];
    if (head === undefined || head.done) return;
    const item = head.value;
    heads[first] = (streams[first] as Iterator<_Found>).next();
    if (item.kind === 'file') {
      if (item.file === last) continue;
      last = item.file;
      opts.onFound?.(++counter.n);
    }
    yield item;
  }
}

/** Code-unit order, so that the order never depends on the machine's locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A directory named on the command line: its articles, or why it gives none. */
function* _walkRoot(dir: string, exts: string[], rules: IgnoreRules | null): Generator<_Found> {
  let any = false;
  for (const item of _walkDir(dir, _extensionTest(exts), new Set(), rules)) {
    any = true;
    yield item;
  }
  if (!any) yield { kind: 'error', file: dir, reason: `no articles in directory (looked for ${exts.map((e) => '.' + e).join(', ')})` };
}

/** A test of a file name's extension, any case, that makes no strings. */
function _extensionTest(exts: string[]): RegExp {
  if (exts.length === 0) return /(?!)/;
  return new RegExp(`\\.(?:${exts.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'i');
}

/** What a symbolic link points to, or why it cannot be followed. */
type _Target = { dir: boolean; file: boolean; problem: string | null };

function* _walkDir(dir: string, extension: RegExp, seen: Set<string>, rules: IgnoreRules | null): Generator<_Found> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (err) {
    yield { kind: 'error', file: dir, reason: describeFsError(err) };
    return;
  }
  // A symlink back up the tree would otherwise walk for ever.
  if (seen.has(real)) {
    yield { kind: 'error', file: dir, reason: 'symlink loop (directory already visited)' };
    return;
  }
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'error', file: dir, reason: describeFsError(err) };
    return;
  }
  const article = (e: Dirent) => extension.test(e.name);
  // Each path made by one concatenation: a walk makes as little garbage as it can (see `walk`).
  const under = path.join(dir, '_').slice(0, -1);
  // Symbolic links are followed before sorting, which depends on what they point to.
  const links = new Map<string, _Target>();
  for (const e of entries) {
    if (!e.isSymbolicLink() || e.name.startsWith('.')) continue;
    const full = under + e.name;
    try {
      const st = statSync(full);
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
    const link = links.get(e.name);
    if (link?.problem === '') continue;
    if (link?.problem) yield { kind: 'error', file: under + e.name, reason: link.problem };
    else if (isDir(e)) yield* _walkDir(under + e.name, extension, new Set(seen), rules?.enter(under + e.name) ?? null);
    else if (!article(e)) continue;
    else if (link?.file ?? e.isFile()) yield { kind: 'file', file: under + e.name };
    // A FIFO named like an article would block the run if read: said, not read.
    else yield { kind: 'error', file: under + e.name, reason: _NOT_REGULAR };
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
