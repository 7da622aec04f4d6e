// Run the BUILT CLI (npm test builds first) as a user would, and collect what it printed: its main()
// in this process by default (a new process costs a node start and a fresh extractor each time, which
// made these tests most of the suite's minute), the binary in a process of its own where the test is
// about the process (a user id, a working directory, or `spawn: true`).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
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
  /** Run bin/rumours.js in a process of its own, even where main() here would do. */
  spawn?: boolean;
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
  const here = !opts.spawn && opts.uid === undefined && (opts.cwd ?? ROOT) === ROOT && process.cwd() === path.resolve(ROOT);
  return here ? _inProcess(args, opts) : sh(process.execPath, [BIN, ...args], opts);
}

type _Main = (argv: string[], io: unknown) => Promise<number>;

/** The CLI's main() from dist/, with stdout and stderr collected and no terminal, as under spawn. */
async function _inProcess(args: string[], opts: RunOpts): Promise<Ran> {
  _builtOrThrow();
  const { main } = (await import(/* @vite-ignore */ new URL('../../dist/cli.js', import.meta.url).href)) as { main: _Main };
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const collect = (into: Buffer[]) => ({ write: (chunk: string | Uint8Array) => (into.push(Buffer.from(chunk)), true) });
  const io = {
    stdout: collect(out),
    stderr: collect(err),
    isTTY: false,
    stderrIsTTY: false,
    env: testEnv(opts.env),
    stdin: Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]),
    exitCode: 0,
  };
  const status = await main([process.execPath, BIN, ...args], io);
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status };
}

function _builtOrThrow(): void {
  if (!existsSync(new URL('../../dist/cli.js', import.meta.url))) throw new Error('dist/cli.js is missing: run `npm run build` first');
}

/** Any command (a shell for pipes), same collection. */
export function sh(cmd: string, args: string[], opts: RunOpts = {}): Promise<Ran> {
  _builtOrThrow();
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
