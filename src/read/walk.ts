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

export async function walk(paths: string[], opts: WalkOptions): Promise<WalkItem[]> {
  const exts = new Set(opts.ext.map((e) => e.replace(/^\./, '').toLowerCase()));
  // One list for every path, sorted and rid of repeats at the end: no Set and no copies, which held
  // a walk of 100,000 files at several times the memory of its paths.
  const files: string[] = [];
  const errors: WalkItem[] = [];
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
      errors.push({ kind: 'error', file: p, reason: await _statFailure(p, err) });
      continue;
    }
    if (st.isDirectory()) {
      const before = files.length;
      const problems = await _walkDir(p, exts, files, new Set(), () => opts.onFound?.(files.length));
      errors.push(...problems);
      if (files.length === before && problems.length === 0) {
        errors.push({ kind: 'error', file: p, reason: `no articles in directory (looked for ${[...exts].map((e) => '.' + e).join(', ')})` });
      }
    } else if (st.isFile()) {
      files.push(p);
      opts.onFound?.(files.length);
    } else {
      errors.push({ kind: 'error', file: p, reason: _NOT_REGULAR });
    }
  }
  files.sort(comparePaths);
  const items: WalkItem[] = errors;
  if (stdin) items.push({ kind: 'stdin' });
  for (let i = 0; i < files.length; i++) if (files[i] !== files[i - 1]) items.push({ kind: 'file', file: files[i] as string });
  return items;
}

/** Code-unit order, so that the order never depends on the machine's locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function _walkDir(dir: string, exts: Set<string>, found: string[], seen: Set<string>, onFound: () => void): Promise<WalkItem[]> {
  const problems: WalkItem[] = [];
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (err) {
    return [{ kind: 'error', file: dir, reason: describeFsError(err) }];
  }
  // A symlink back up the tree would otherwise walk for ever.
  if (seen.has(real)) return [{ kind: 'error', file: dir, reason: 'symlink loop (directory already visited)' }];
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    return [{ kind: 'error', file: dir, reason: describeFsError(err) }];
  }
  for (const e of entries.sort((a, b) => comparePaths(a.name, b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    const article = exts.has(path.extname(e.name).slice(1).toLowerCase());
    if (e.isSymbolicLink()) {
      try {
        const st = await fs.stat(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        // A dangling link to something that is not an article is no loss; a loop or a broken article is.
        if (article || (err as NodeJS.ErrnoException)?.code !== 'ENOENT') problems.push({ kind: 'error', file: full, reason: await _statFailure(full, err) });
        continue;
      }
    }
    if (isDir) problems.push(...(await _walkDir(full, exts, found, new Set(seen), onFound)));
    else if (isFile && article) {
      found.push(full);
      onFound();
    }
    // A FIFO named like an article would block the run if read: said, not read.
    else if (!isFile && article) problems.push({ kind: 'error', file: full, reason: _NOT_REGULAR });
  }
  return problems;
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
