// `rumours extract PATH...`: read articles, extract, stream them to the chosen format.
import type { Command } from './_commander.js';
import { CSV_TABLES, type CsvTable } from '../format/kinds.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import { setExit, type Io } from './_io.js';
import { addReadingOptions, addStoreOptions, paintFor, chosenFormat, choiceOption, examples, terminalWidth, type ReadingOptions } from './_options.js';
import { progress } from './_progress.js';
import { reportFailure, reportWarnings, watchInterrupt } from './_report.js';


export function register(program: Command, io: Io): void {
  const cmd = program
    .command('extract')
    .description('Read articles and print their players, clubs, fees, quotes, sources and rumours')
    .argument('<paths...>', 'files and directories of articles (.txt, .md), or - for standard input');
  addStoreOptions(addReadingOptions(cmd))
    .addOption(choiceOption('--csv-table <table>', 'which table CSV prints (implies --format csv; default: rumours)', CSV_TABLES))
    .action(async (paths: string[], opts: ReadingOptions) => {
      await runExtract(paths, opts, io);
    });
  examples(cmd, [
    '$ rumours extract seeds/                     # a table of rumours at a terminal',
    '$ rumours extract news/ --format ndjson | jq .rumours',
    '$ rumours extract a.txt b.md --csv-table fees > fees.csv   # CSV, one row per fee',
    '$ rumours extract news/ -f json --currency GBP | jq \'.articles[].fees[] | select(.converted.amount > 50e6)\'',
    '$ curl -s https://example.com/story.txt | rumours extract - --format json',
    '$ rumours extract news/ --db /tmp/news.db -q > /dev/null   # record only (files unchanged since are not read again)',
  ]);
  cmd.addHelpText(
    'after',
    `
Formats:
  table   one row per rumour, then a summary (the default at a terminal)
  json    {"schema": "rumours/extract@1", "currency": "EUR", "articles": [...]} (the default
          otherwise; see \`rumours schema extract\`)
  ndjson  one article per line, written as each article is done
  csv     one row per rumour; --csv-table picks players, people, clubs, fees, quotes or sources

Every fee, and every rumour's fee, also carries \`converted\`: the sum in --currency (default EUR),
the article's own figure when it gives one, else estimated at the year's average rate. In CSV the
fee columns are numbers (fee_amount, fee_currency, fee_eur) with the text beside them.

Directories are walked as ripgrep walks them: hidden files, node_modules and what .gitignore and
.ignore files exclude are skipped (--no-ignore reads them). A - among the paths reads standard input
in its place.

Store: what is extracted is recorded in the store (--db, else $RUMOURS_DB, else the data directory),
and a file whose bytes are unchanged since is answered from it without being extracted again.
--no-store only prints. Standard input is never stored.

Exit status: 0 all inputs read; 2 a usage error, or an input that could not be read (the others
are still printed); 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (what was done so far is printed and
closed, within a second; a second Ctrl-C ends the run at once).
`,
  );
}

export async function runExtract(paths: string[], opts: ReadingOptions, io: Io): Promise<void> {
  const format = chosenFormat(opts, io);
  if (opts.csvTable !== undefined && format !== 'csv') {
    io.stderr.write(`rumours: --csv-table picks a CSV table; it cannot go with --format ${format}\n`);
    setExit(io, 2);
    return;
  }
  const csvTable: CsvTable = opts.csvTable ?? 'rumours';
  const currency = opts.currency ?? DEFAULT_CURRENCY;
  const { makeFormatter } = await import('../format/index.js');
  const width = terminalWidth(io);
  const out = makeFormatter(format, io.stdout, { paint: await paintFor(io, opts.color), csvTable, currency, ...(width ? { columns: width } : {}) });
  // Loaded on use: the extractor (compromise, knowledge tables) is most of the start-up time, and
  // `--help`, `schema` and usage errors need none of it.
  const { extractPaths } = await import('../pipeline.js');
  const { openForCommand, storeReporter } = await import('../store/open.js');
  const { count, formatNumber } = await import('../format/_text.js');
  const { extractThroughStore } = await import('../store/run.js');
  // A store that cannot be used is said (openForCommand) and the run goes on without it.
  const opened = opts.store === false ? null : openForCommand(opts, io, true);
  const store = opened?.kind === 'store' ? opened.store : null;
  const storeSays = storeReporter(io);
  const bar = progress(io, opts.quiet);
  // Inputs handled so far (printed or reported) out of all those the paths name, in input order: an
  // interrupted run says how far it got, so that it can be resumed from there.
  let done = 0;
  let total = 0;
  const onTotal = (n: number) => {
    total = n;
    bar.total(n);
  };
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    bar.done();
    // Whatever happened, the document is closed so that it stays valid.
    out.end();
  };
  const sayStopped = () => {
    bar.done(); // the message must not land on the progress bar's line
    io.stderr.write(`rumours: ${interrupt.verb} after ${formatNumber(done)} of ${count(total, 'article')}; output closed\n`);
  };
  // Still waiting when the grace time is up (or on a second Ctrl-C): say so, close what was written
  // and commit what was recorded.
  const interrupt = watchInterrupt(() => {
    if (closed) return;
    sayStopped();
    close();
    storeSays.close(store);
  });
  out.begin();
  try {
    const runOpts = { ext: opts.ext, maxSize: opts.maxSize, stdin: io.stdin, jobs: opts.jobs, ignore: opts.ignore !== false, follow: opts.follow, onTotal, ...storeSays.options };
    // Every rumour is weighed in the main thread as its article comes out, from the articles of the
    // run that came before it and the store's (each as of its article's date, never a later one): so
    // articles travel as objects, not as text made where they were extracted.
    const { factsOf, setWeighed, Weigher } = await import('../weigh/index.js');
    const weigher = new Weigher();
    if (store) weigher.know(store.weighFacts().map((f) => f.facts));
    const outcomes = store ? extractThroughStore(paths, store, runOpts) : extractPaths(paths, runOpts);
    for await (const r of outcomes) {
      bar.tick();
      done++;
      if (r.ok) {
        setWeighed(r.article, weigher.weighArticle({ ...factsOf(r.article), hash: r.article.hash }));
        reportWarnings(io, r.article.file, r.article.warnings);
        out.article(r.article);
      } else {
        reportFailure(io, r.file, r.reason);
        out.skipped(r.file, r.reason);
      }
      await io.stdout.drained?.();
      if (interrupt.stopped) break;
    }
    // A signal met during the last article is not lost: the event loop gets its turn to hear it.
    await new Promise((resolve) => setImmediate(resolve));
    if (interrupt.stopped) {
      sayStopped();
      setExit(io, interrupt.code);
    }
  } finally {
    interrupt.dispose();
    close();
    storeSays.close(store);
  }
}
