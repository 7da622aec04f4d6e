// What a command may touch of the outside world, passed in so that tests can run commands in-process.

export interface Out {
  write(chunk: string | Uint8Array): boolean;
  /**
   * Settles once the reader has taken what was written; undefined when nothing waits. A long run
   * awaits it after each article, so that a slow reader (`| gzip`, a paused pager) holds the run
   * back instead of the output piling up in memory.
   */
  drained?(): Promise<void> | undefined;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  /** Is stdout a terminal? Decides the default format and colour. */
  isTTY: boolean;
  /** The terminal's width in columns when stdout is one: tables fit it. */
  columns?: number;
  /** Is stderr a terminal? Decides whether a progress bar is drawn. */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  /** Exit code of the command that ran (0 ok, 1 nothing matched / below threshold, 2 usage or input error). */
  exitCode: number;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    stdin: process.stdin,
    exitCode: 0,
  };
}

/** Raise the exit code, never lower it: 2 (input error) outranks 1 (nothing matched). */
export function setExit(io: Io, code: number): void {
  io.exitCode = Math.max(io.exitCode, code);
}
