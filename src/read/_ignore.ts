// What a directory walk skips, as ripgrep decides it: node_modules folders, and what .gitignore files
// (inside a git repository) and .ignore files (anywhere) exclude, a deeper file's rules first. Rules
// come from the `ignore` library, which implements gitignore's pattern language.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const _ALWAYS = new Set(['node_modules']);

interface _Rules {
  /** The folder of the ignore files, with a trailing separator: paths are matched relative to it. */
  under: string;
  ig: Ignore;
}

/** The ignore rules in force in a directory: its own files' and its parents'. */
export class IgnoreRules {
  private constructor(
    private readonly stack: readonly _Rules[],
    private readonly git: boolean,
  ) {}

  /** The rules for a directory named on the command line: those of the folders above it too. */
  static at(dir: string): IgnoreRules {
    const abs = path.resolve(dir);
    const chain: string[] = [];
    for (let d = abs; ; d = path.dirname(d)) {
      chain.unshift(d);
      if (path.dirname(d) === d) break;
    }
    let gitRoot = -1;
    chain.forEach((d, i) => {
      if (existsSync(path.join(d, '.git'))) gitRoot = i;
    });
    let rules = new IgnoreRules([], gitRoot >= 0);
    chain.forEach((d, i) => (rules = rules._with(d, i >= gitRoot && gitRoot >= 0, abs)));
    return rules;
  }

  /** The rules inside a subdirectory: these, and its own files'. */
  enter(dir: string): IgnoreRules {
    return this._with(path.resolve(dir), this.git);
  }

  /** Is this entry (a path under the directory the rules are for) skipped? */
  skips(file: string, dir: boolean): boolean {
    if (dir && _ALWAYS.has(path.basename(file))) return true;
    if (this.stack.length === 0) return false;
    // Plain string work: this runs for every entry of a walk.
    const abs = path.isAbsolute(file) ? file : path.resolve(file);
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const r = this.stack[i] as _Rules;
      if (!abs.startsWith(r.under)) continue;
      const rel = path.sep === '/' ? abs.slice(r.under.length) : abs.slice(r.under.length).split(path.sep).join('/');
      if (rel === '') continue;
      const t = r.ig.test(dir ? `${rel}/` : rel);
      if (t.ignored) return true;
      if (t.unignored) return false;
    }
    return false;
  }

  /**
   * With the rules of `dir`'s ignore files. A folder above the one named on the command line (`root`)
   * whose rules exclude that very folder is passed over: a folder named outright is read, as
   * ripgrep reads it, even when it is ignored (a `data/` left out of git).
   */
  private _with(dir: string, git: boolean, root?: string): IgnoreRules {
    const files = git ? ['.gitignore', '.ignore'] : ['.ignore'];
    const text = files.map((f) => _read(path.join(dir, f))).filter((t) => t !== '');
    if (text.length === 0) return this;
    const ig = ignore().add(text.join('\n'));
    const rel = root === undefined ? '' : path.relative(dir, root).split(path.sep).join('/');
    if (rel !== '' && ig.test(`${rel}/`).ignored) return this;
    return new IgnoreRules([...this.stack, { under: dir.endsWith(path.sep) ? dir : dir + path.sep, ig }], this.git);
  }
}

function _read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
