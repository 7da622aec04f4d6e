// Command-line paths → the article files to read, in a stable sorted order, with a reason for each
// path that gives none.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type WalkItem = { kind: 'file'; file: string } | { kind: 'stdin' } | { kind: 'error'; file: string; reason: string };

export interface WalkOptions {
  /** Extensions (without dot) read when walking a directory. A file named directly is always read. */
  ext: string[];
  /** Told how many files have been found so far, as the walk goes (the caller may get ready for a long run). */
  onFound?: (count: number) => void;
}

/**
 * The inputs the paths name, streamed in order: first the paths that cannot be read, then standard
 * input, then every article file in code-unit order of its path, each once (a file named directly and
 * in its directory too), with the problems met on the way in their place. Nothing is held but the
 * directories being walked, so that a walk of 100,000 files costs no more memory than one of 1,000.
 */
export async function* walk(paths: string[], opts: WalkOptions): AsyncGenerator<WalkItem> {
  const exts = new Set(opts.ext.map((e) => e.replace(/^\./, '').toLowerCase()));
  const named: string[] = [];
  const dirs: string[] = [];
  let stdin = false;
  for (const p of paths) {
    if (p === '-') {
      stdin = true;
      continue;
    }
    let st;
    try {
      st = await fs.stat(p);
    } catch (err) {
      yield { kind: 'error', file: p, reason: await _statFailure(p, err) };
      continue;
    }
    if (st.isDirectory()) dirs.push(p);
    else if (st.isFile()) named.push(p);
    else yield { kind: 'error', file: p, reason: _NOT_REGULAR };
  }
  if (stdin) yield { kind: 'stdin' };
  // Each stream is in order; merged, so is the whole, and a file met twice is met twice in a row.
  const streams = [_listed(named.sort(comparePaths)), ...dirs.map((d) => _walkRoot(d, exts))];
  const heads: Array<IteratorResult<WalkItem>> = [];
  for (const s of streams) heads.push(await s.next());
  let last: string | null = null;
  let found = 0;
  for (;;) {
    let first = -1;
    let firstFile = '';
    heads.forEach((h, i) => {
      if (h.done || h.value.kind === 'stdin') return;
      if (first < 0 || comparePaths(h.value.file, firstFile) < 0) [first, firstFile] = [i, h.value.file];
    });
    if (first < 0) return;
    const item = (heads[first] as IteratorYieldResult<WalkItem>).value;
    heads[first] = await (streams[first] as AsyncGenerator<WalkItem>).next();
    if (item.kind === 'file') {
      if (item.file === last) continue;
      last = item.file;
      opts.onFound?.(++found);
    }
    yield item;
  }
}

/** Code-unit order, so that the order never depends on the machine's locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* _listed(files: string[]): AsyncGenerator<WalkItem> {
  for (const file of files) yield { kind: 'file', file };
}

/** A directory named on the command line: its articles, or why it gives none. */
async function* _walkRoot(dir: string, exts: Set<string>): AsyncGenerator<WalkItem> {
  let any = false;
  for await (const item of _walkDir(dir, exts, new Set())) {
    any = true;
    yield item;
  }
  if (!any) yield { kind: 'error', file: dir, reason: `no articles in directory (looked for ${[...exts].map((e) => '.' + e).join(', ')})` };
}

interface _Entry {
  full: string;
  /** Sorts as the full paths below it do: a directory as "name/", since '/' sorts before most characters. */
  key: string;
  dir: boolean;
  file: boolean;
  article: boolean;
  problem: string | null;
}

async function* _walkDir(dir: string, exts: Set<string>, seen: Set<string>): AsyncGenerator<WalkItem> {
  let real: string;
  try {
    real = await fs.realpath(dir);
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
  let dirents;
  try {
    dirents = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'error', file: dir, reason: describeFsError(err) };
    return;
  }
  // What each entry is (a symlink: what it points to) before sorting, which depends on it.
  const entries: _Entry[] = [];
  for (const e of dirents) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    const entry: _Entry = { full, key: e.name, dir: e.isDirectory(), file: e.isFile(), article: exts.has(path.extname(e.name).slice(1).toLowerCase()), problem: null };
    if (e.isSymbolicLink()) {
      try {
        const st = await fs.stat(full);
        entry.dir = st.isDirectory();
        entry.file = st.isFile();
      } catch (err) {
        // A dangling link to something that is not an article is no loss; a loop or a broken article is.
        if (!entry.article && (err as NodeJS.ErrnoException)?.code === 'ENOENT') continue;
        entry.problem = await _statFailure(full, err);
      }
    }
    if (entry.dir) entry.key += '/';
    entries.push(entry);
  }
  entries.sort((a, b) => comparePaths(a.key, b.key));
  for (const e of entries) {
    if (e.problem !== null) yield { kind: 'error', file: e.full, reason: e.problem };
    else if (e.dir) yield* _walkDir(e.full, exts, new Set(seen));
    else if (e.file && e.article) yield { kind: 'file', file: e.full };
    // A FIFO named like an article would block the run if read: said, not read.
    else if (!e.file && e.article) yield { kind: 'error', file: e.full, reason: _NOT_REGULAR };
  }
}

const _NOT_REGULAR = 'not a regular file (a FIFO, socket or device is not read)';

/** Why stat failed, telling a dangling symlink ("no such file" would puzzle: the link is there) from a missing path. */
async function _statFailure(file: string, err: unknown): Promise<string> {
  if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') {
    try {
      if ((await fs.lstat(file)).isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
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
