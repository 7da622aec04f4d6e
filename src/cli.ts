// The commander program: shared settings, the commands, and the mapping of every way a run can end to
// an exit code (0 all read, 1 nothing matched, 2 usage error or unreadable input).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from './commands/_commander.js';
import { processIo, setExit, type Io } from './commands/_io.js';
import { clean } from './format/_text.js';

const _EXAMPLES = `Examples:
  $ rumours extract seeds/                        # rumours in the sample articles, as a table
  $ rumours extract news/ -f json > news.json     # every fee also in euros (--currency)
  $ rumours extract news/ --csv-table fees > fees.csv
  $ rumours player "Mac Allister"                 # one player's story, oldest article first
  $ rumours club Liverpool                        # from the store that extract fills
  $ rumours rumours --status bid,agreed --since 2025-01-01
  $ rumours search "release clause"
  $ rumours schema extract                        # the JSON Schema of an output
`;

const _AFTER = `
Output goes to stdout; warnings and errors go to stderr, one line each ("rumours: FILE: reason").
Exit status: 0 done; 1 nothing matched (player, club, rumours, search, forget) or below the
threshold (eval); 2 a usage error or an input that could not be read (the others are still
processed); 130 Ctrl-C, 143 SIGTERM.
Run "rumours COMMAND --help" for a command's options and examples.
`;

type _Module = { register: (program: Command, io: Io) => void };

// The commands, in the order help lists them. A run loads only the module of the command it names
// (about 10 ms less to start), and --version none; help, a mistyped command and no command load them
// all.
const _COMMANDS: Record<string, () => Promise<_Module>> = {
  extract: () => import('./commands/extract.js'),
  player: () => import('./commands/player.js'),
  club: () => import('./commands/club.js'),
  rumours: () => import('./commands/rumours.js'),
  sources: () => import('./commands/sources.js'),
  search: () => import('./commands/search.js'),
  stats: () => import('./commands/stats.js'),
  reindex: () => import('./commands/reindex.js'),
  forget: () => import('./commands/forget.js'),
  prune: () => import('./commands/prune.js'),
  schema: () => import('./commands/schema.js'),
  eval: () => import('./commands/eval.js'),
};

/** Thrown by stdout once the reader has gone away (`| head`): the run stops without a word. */
class PipeClosed extends Error {}

/** The program with the command `argv` names (as in process.argv), none for --version, or every command. */
export async function buildProgram(io: Io, argv: string[] = []): Promise<Command> {
  const program = new Command('rumours')
    .description('Turn football transfer news into data: players, clubs, fees, quotes, sources and rumours, each traced to its sentence.')
    .version(_version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Commander's own errors ("unknown option", "did you mean") on one line, like ours.
      outputError: (s, write) => write(`rumours: ${clean(s.replace(/^error:\s*/i, ''))}\n`),
    })
    .addHelpText('before', _EXAMPLES)
    .addHelpText('after', _AFTER);
  // Subcommands copy these settings when they are created, so set them before registering.
  const named = argv[2];
  const load = named === '--version' || named === '-v' ? [] : named !== undefined && Object.hasOwn(_COMMANDS, named) ? [named] : Object.keys(_COMMANDS);
  const modules = await Promise.all(load.map((name) => (_COMMANDS[name] as () => Promise<_Module>)()));
  for (const m of modules) m.register(program, io);
  return program;
}

/** Run the CLI; `argv` as in process.argv (node, script, arguments...). Returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const guard = _guardStdout(io);
  const run = guard.io;
  try {
    await (await buildProgram(run, argv)).parseAsync(argv, { from: 'node' });
  } catch (err) {
    if (err instanceof PipeClosed || guard.state.closed) {
      // The reader left; nothing more to say.
    } else if (err instanceof CommanderError) {
      // Help and version asked for end 0; every other commander error (and help shown because no
      // command was given) is a usage error.
      if (err.exitCode !== 0) setExit(run, 2);
    } else {
      run.stderr.write(`rumours: internal error: ${clean((err as Error)?.message ?? String(err))}\n`);
      setExit(run, 2);
    }
  }
  // A failed write (a full disk) is reported on the next tick, after a command that writes all at the end has returned.
  await new Promise((resolve) => setImmediate(resolve));
  if (guard.state.error) {
    run.stderr.write(`rumours: cannot write the output: ${clean(guard.state.error.message)}\n`);
    setExit(run, 2);
  }
  io.exitCode = run.exitCode;
  return run.exitCode;
}

interface _PipeState {
  closed: boolean;
  /** A write failure other than a closed pipe (a full disk): reported, exit 2. */
  error: Error | null;
}

/** stdout that stops the run once the reader has gone: EPIPE arrives as an 'error' event (or a throw). */
function _guardStdout(io: Io): { io: Io; state: _PipeState } {
  const state: _PipeState = { closed: false, error: null };
  const real = io.stdout;
  const onError = (err: NodeJS.ErrnoException) => {
    state.closed = true;
    if (err?.code !== 'EPIPE' && err?.code !== 'ERR_STREAM_DESTROYED') state.error ??= err;
  };
  const emitter = real as Partial<NodeJS.WritableStream>;
  if (typeof emitter.on === 'function') emitter.on('error', onError);
  // A closed stderr must not crash the run either; there is nowhere left to report it.
  const errEmitter = io.stderr as Partial<NodeJS.WritableStream>;
  if (typeof errEmitter.on === 'function' && errEmitter.listenerCount?.('error') === 0) errEmitter.on('error', () => {});
  // Set when a write was queued rather than taken (the reader is behind), until the next 'drain'.
  let behind: Promise<void> | undefined;
  const stdout = {
    write(chunk: string | Uint8Array): boolean {
      if (state.closed) throw new PipeClosed('stdout closed');
      let taken: boolean;
      try {
        taken = real.write(chunk);
      } catch (err) {
        onError(err as NodeJS.ErrnoException);
        throw new PipeClosed('stdout closed');
      }
      if (!taken && !behind && typeof emitter.once === 'function') behind = _caughtUp(emitter).then(() => void (behind = undefined));
      return taken;
    },
    drained: () => behind,
  };
  return { io: { ...io, stdout }, state };
}

/** Settles at the stream's next 'drain', or when it closes or fails (then nothing will drain). */
function _caughtUp(stream: Partial<NodeJS.WritableStream>): Promise<void> {
  return new Promise((resolve) => {
    const events = ['drain', 'close', 'error'] as const;
    const done = () => {
      for (const e of events) stream.off?.(e, done);
      resolve();
    };
    for (const e of events) stream.once?.(e, done);
  });
}

function _version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
