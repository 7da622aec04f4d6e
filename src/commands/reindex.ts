// `rumours reindex`: read again, with this extractor, the stored articles an older one read.
import type { Command } from 'commander';
import { setExit, type Io } from './_io.js';
import { addDbOption, addReadingOptions, examples, type ReadingOptions } from './_options.js';
import { reportFailure, watchInterrupt } from './_report.js';

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('reindex')
    .description('Re-extract stored articles that an older extractor read (all of them with --all), from their files')
    .option('--all', 'every stored article, whatever extractor read it');
  addDbOption(addReadingOptions(cmd)).action(async (opts: ReadingOptions & { all?: boolean }) => {
    await runReindex(opts, io);
  });
  examples(cmd, ['$ rumours reindex                # after upgrading rumours', '$ rumours reindex --all --db /tmp/news.db']);
  cmd.addHelpText('after', '\nA file that is gone or changed since is reported; a gone file keeps its old facts, a changed one is read as it is now.\n');
}

export async function runReindex(opts: ReadingOptions & { all?: boolean }, io: Io): Promise<void> {
  const { withStore } = await import('../store/query.js');
  const { extractThroughStore } = await import('../store/run.js');
  const { storeReporter } = await import('../store/open.js');
  const storeSays = storeReporter(io);
  await withStore({ ...opts, color: false }, io, async (store) => {
    const files = store.staleFiles(opts.all ?? false);
    if (opts.all) store.markStale();
    let done = 0;
    let failed = 0;
    const interrupt = watchInterrupt();
    try {
      // Each file is one path: a directory walk could pick up files that were never stored.
      for await (const r of extractThroughStore(files, store, { ext: opts.ext, maxSize: opts.maxSize, jobs: opts.jobs, ...storeSays.options })) {
        if (r.ok) done++;
        else {
          failed++;
          reportFailure(io, r.file, `${r.reason} (its stored facts are kept)`);
        }
        if (interrupt.stopped) {
          setExit(io, interrupt.code);
          break;
        }
      }
    } finally {
      interrupt.dispose();
    }
    io.stderr.write(`rumours: reindexed ${done} of ${files.length} ${files.length === 1 ? 'article' : 'articles'}${failed ? `; ${failed} could not be read` : ''}\n`);
    if (failed) setExit(io, 2);
  }, true);
}
