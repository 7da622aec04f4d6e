// `rumours reindex`: read again, with this extractor, the stored articles an older one read.
import type { Command } from 'commander';
import { Option } from './_commander.js';
import { count, formatNumber } from '../format/_text.js';
import { DEFAULT_MAX_SIZE } from '../read/defaults.js';
import { setExit, type Io } from './_io.js';
import { addDbOption, examples, parseJobs, parseSize } from './_options.js';
import { reportFailure, watchInterrupt } from './_report.js';

interface ReindexOptions {
  all?: boolean;
  db?: string;
  maxSize: number;
  jobs?: number;
}

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('reindex')
    .description('Re-extract stored articles that an older extractor read (all of them with --all), from their files')
    .option('--all', 'every stored article, whatever extractor read it')
    .addOption(new Option('--max-size <bytes>', 'skip files larger than this (suffixes k, M, G)').default(DEFAULT_MAX_SIZE, '5M').argParser(parseSize))
    .addOption(new Option('-j, --jobs <n>', 'worker threads for extraction (default: one per core for runs of 1,000 files or more, the main thread below that)').argParser(parseJobs));
  addDbOption(cmd).action(async (opts: ReindexOptions) => {
    await runReindex(opts, io);
  });
  examples(cmd, ['$ rumours reindex                # after upgrading rumours', '$ rumours reindex --all --db /tmp/news.db']);
  cmd.addHelpText(
    'after',
    '\nA file that is gone since keeps its stored facts and is reported (`rumours prune` drops such articles);\na changed one is read as it is now.\n',
  );
}

export async function runReindex(opts: ReindexOptions, io: Io): Promise<void> {
  const { withStore } = await import('../store/query.js');
  const { extractThroughStore } = await import('../store/run.js');
  const { storeReporter } = await import('../store/open.js');
  const storeSays = storeReporter(io);
  await withStore(opts, io, async (store) => {
    const files = store.staleFiles(opts.all ?? false);
    let done = 0;
    let failed = 0;
    const interrupt = watchInterrupt();
    try {
      // Each file is one path: a directory walk could pick up files that were never stored. With
      // --all, stored answers are passed over rather than marked stale first: a file that is gone
      // keeps its article as it was, not flagged for ever.
      for await (const r of extractThroughStore(files, store, { maxSize: opts.maxSize, jobs: opts.jobs, fresh: opts.all === true, ...storeSays.options })) {
        if (r.ok) done++;
        else {
          failed++;
          reportFailure(io, r.file, `${r.reason} (its stored facts are kept; rumours prune drops articles whose files are gone)`);
        }
        if (interrupt.stopped) {
          setExit(io, interrupt.code);
          break;
        }
      }
    } finally {
      interrupt.dispose();
    }
    io.stderr.write(`rumours: reindexed ${formatNumber(done)} of ${count(files.length, 'article')}${failed ? `; ${formatNumber(failed)} could not be read` : ''}\n`);
    if (failed) setExit(io, 2);
  }, { write: true });
}
