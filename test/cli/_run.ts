// Run the BUILT binary (npm test builds first) as a user would, and collect what it printed.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/rumours.js', import.meta.url));

export interface Ran {
  stdout: string;
  stderr: string;
  status: number | null;
}

export interface RunOpts {
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Run as another user (tests of file permissions, where root reads everything). */
  uid?: number;
  gid?: number;
}

let _tmp: string | null = null;
let _dbs = 0;

/** A store no other run has used, in this process's temporary folder (removed when the process ends). */
export function freshDb(): string {
  if (_tmp === null) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rumours-test-'));
    // Some tests run the binary as another user (nobody): its store must still be writable.
    chmodSync(dir, 0o777);
    _tmp = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return path.join(_tmp, `store-${++_dbs}.db`);
}

/**
 * Plain output by default: NO_COLOR on, FORCE_COLOR (which test runners like to set) off. Each run
 * gets an empty store of its own (RUMOURS_DB), never the user's, unless the test passes RUMOURS_DB.
 */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', RUMOURS_DB: freshDb() };
  delete env.FORCE_COLOR;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function rumours(args: string[], opts: RunOpts = {}): Promise<Ran> {
  return sh(process.execPath, [BIN, ...args], opts);
}

/** Any command (a shell for pipes), same collection. */
export function sh(cmd: string, args: string[], opts: RunOpts = {}): Promise<Ran> {
  if (!existsSync(new URL('../../dist/cli.js', import.meta.url))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  return new Promise((resolve, reject) => {
    const ids = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid ?? opts.uid };
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: testEnv(opts.env), ...ids });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status }));
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** stderr as lines, without the final empty one. */
export function lines(s: string): string[] {
  return s.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
}
