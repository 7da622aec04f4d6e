// What goes to stderr while commands read articles: one line per warning or failure, file first.
import { clean, cleanPath } from '../format/_text.js';
import { setExit, type Io } from './_io.js';

export function reportWarnings(io: Io, file: string, warnings: string[]): void {
  for (const w of warnings) io.stderr.write(`rumours: warning: ${cleanPath(file)}: ${clean(w)}\n`);
}

/** An input that could not be read: said on stderr, and the run will exit 2. */
export function reportFailure(io: Io, file: string, reason: string): void {
  io.stderr.write(`rumours: ${cleanPath(file)}: ${clean(reason)}\n`);
  setExit(io, 2);
}

export interface Interrupt {
  readonly stopped: boolean;
  /** 130 after Ctrl-C (SIGINT), 143 after SIGTERM (`timeout`, `kill`), 129 after SIGHUP (the terminal closed): 128 + the signal number. */
  readonly code: number;
  /** "interrupted" or "terminated", for the message that says how far the run got. */
  readonly verb: string;
  dispose(): void;
}

const _SIGNALS = {
  SIGINT: { code: 130, verb: 'interrupted' },
  SIGTERM: { code: 143, verb: 'terminated' },
  SIGHUP: { code: 129, verb: 'hung up' },
} as const;

// How long a stopped run may take to reach the end of the article in hand before it is ended anyway:
// a run waiting for input that never comes (standard input left open), or for a large article's
// worker, must still stop within a second.
const _GRACE_MS = 500;

/**
 * Ctrl-C or SIGTERM during a long run: finish the current article, close the output, exit 128 + the
 * signal. Without this, SIGTERM (what `timeout` and `kill` send) would cut a JSON document in half.
 * A second signal, or the run still going after the grace time, ends it at once, after `giveUp` has
 * closed what it can. Both can only happen between articles: JavaScript runs one thing at a time.
 */
export function watchInterrupt(giveUp: () => void = () => {}): Interrupt {
  let got: (typeof _SIGNALS)[keyof typeof _SIGNALS] | null = null;
  const now = (code: number) => {
    try {
      giveUp();
    } catch {
      // The output may be gone (a closed pipe): there is nothing left to save.
    }
    process.exit(code);
  };
  const handlers = (Object.keys(_SIGNALS) as Array<keyof typeof _SIGNALS>).map((name) => {
    const onSignal = () => {
      if (got) return now(got.code);
      const signal = _SIGNALS[name];
      got = signal;
      setTimeout(() => now(signal.code), _GRACE_MS).unref();
    };
    process.on(name, onSignal);
    return [name, onSignal] as const;
  });
  return {
    get stopped() {
      return got !== null;
    },
    get code() {
      return got?.code ?? 0;
    },
    get verb() {
      return got?.verb ?? 'stopped';
    },
    dispose() {
      for (const [name, onSignal] of handlers) process.off(name, onSignal);
    },
  };
}
