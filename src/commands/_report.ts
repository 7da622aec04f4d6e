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

/** Ctrl-C during a long run: finish the current article, close the output, exit 130. */
export function watchInterrupt(): { readonly stopped: boolean; dispose(): void } {
  let stopped = false;
  const onSignal = () => {
    // A second Ctrl-C means now.
    if (stopped) process.exit(130);
    stopped = true;
  };
  process.on('SIGINT', onSignal);
  return {
    get stopped() {
      return stopped;
    },
    dispose() {
      process.off('SIGINT', onSignal);
    },
  };
}
