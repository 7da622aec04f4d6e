// `rumours player NAME [PATH...]`: all that the articles say about one player, oldest first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './_commander.js';
import type { StoryArticle, StoryResult } from '../aggregate/player.js';
import type { Store } from '../store/db.js';
import { count } from '../format/_text.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import { setExit, type Io } from './_io.js';
import { addAsOfOption, addReadingOptions, addStoreOptions, badName, chartFormat, paintFor, chosenFormat, examples, offerCharts, terminalWidth, type ReadingOptions } from './_options.js';
import { reportFailure, reportWarnings, watchInterrupt } from './_report.js';

/** The sample articles shipped with the package; read from src/ (tests) and dist/ (the CLI) alike. */
export function bundledSeeds(): string {
  const abs = fileURLToPath(new URL('../../seeds', import.meta.url));
  // Shorter evidence paths when run from inside the package (the usual case while trying it out).
  const rel = path.relative(process.cwd(), abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('player')
    .description("Tell one player's story: every rumour, fee and quote about him, oldest article first")
    .argument('<name>', 'the player: full name or surname, any case, accents and spaces optional ("konate", "MacAllister"); a typo or two forgiven')
    .argument('[paths...]', 'files and directories of articles, or - for standard input (default: the store; the bundled seeds/ when it is empty)');
  addAsOfOption(offerCharts(addStoreOptions(addReadingOptions(cmd))))
    .action(async (name: string, paths: string[], opts: PlayerOptions) => {
      await runPlayer(name, paths, opts, io);
    });
  examples(cmd, [
    '$ rumours player "Mac Allister"              # from the store (the bundled samples when it is empty)',
    '$ rumours player konate news/',
    '$ rumours player "Alexis Mac Allister" news/ -f json | jq .rumours',
    '$ rumours player salah news/ -f csv > salah.csv',
    '$ rumours player konate --currency GBP       # every fee also in pounds',
    '$ rumours player Lukaku --as-of 2021-07-01    # the story as it stood that day',
    '$ rumours player "Mac Allister" --format html > mac.html   # the saga as a page: timeline, fees, sources',
  ]);
  cmd.addHelpText(
    'after',
    `
Formats:
  table   a report: who, when, clubs, then rumours, fees and quotes (the default at a terminal)
  json    the story (the default otherwise; see \`rumours schema player\`)
  ndjson  the same story on one line
  csv     one row per rumour, fee or quote, oldest article first
  html    a page of its own: the saga as a timeline (a lane per club, a mark per report, coloured by
          stage), the fees over time in --currency, then the reports, fees and quotes, each linked
          to its file; no script, nothing fetched
  svg     the timeline alone, for embedding

Fees are also given in --currency, beside them as written. When the article gives the sum in that
currency itself ("€120million (£105m, $141.5m)"), its own figure is used; otherwise the fee is
estimated at the ECB's average rate for the article's year (the nearest year the table has) and
marked ≈. The default is EUR: the rate table's base, so an estimate needs one published rate, not a
cross rate, and the currency most clubs in Europe quote fees in.

Without PATH the story comes from the store (see \`rumours extract\`); with PATHs those files are
read, through the store: files unchanged since they were stored are not extracted again.

Names: case, accents, spaces and hyphens do not matter ("MacAllister", "alexander arnold"), and a
typo or two is forgiven ("Konatte"): the one close name is taken, with a note on stderr; several
that fit are listed.

Exit status: 0 found; 1 no player matches, or several do (the names are listed on stderr); 2 a usage
error, or an input that could not be read.
`,
  );
}

export type PlayerOptions = ReadingOptions & { asOf?: string };

export async function runPlayer(name: string, paths: string[], opts: PlayerOptions, io: Io): Promise<void> {
  const bad = badName(name);
  if (bad) {
    io.stderr.write(`rumours: player: ${bad}\n`);
    setExit(io, 2);
    return;
  }
  let fromStore = paths.length === 0 ? await _storedArticles(name, opts, io) : null;
  if (fromStore === 'error') return;
  let articles: StoryArticle[] = fromStore?.articles ?? [];
  if (fromStore === null) {
    let inputs = paths;
    let readOpts = opts;
    if (inputs.length === 0) {
      inputs = [bundledSeeds()];
      // The samples are read to show what the tool does, not recorded as the user's articles.
      readOpts = { ...opts, store: false };
      io.stderr.write(`rumours: no PATH given: reading the bundled sample articles in ${inputs[0]}\n`);
    }
    if (!(await _readArticles(inputs, readOpts, io, articles))) return;
  }
  articles = _asOf(articles, opts.asOf);
  // Loaded here: a usage error or --help needs neither the matching nor the formats.
  const { playerStory } = await import('../aggregate/player.js');
  const { closePlayer, knownPlayers } = await import('../aggregate/identity.js');
  const { writeStory } = await import('../format/story.js');
  const { noteTaken, playerNotFound } = await import('./_names.js');
  const currency = opts.currency ?? DEFAULT_CURRENCY;
  let query = name;
  let result: StoryResult;
  try {
    result = playerStory(query, articles, currency);
    // The store only hands over the articles that may name him as written: a name written otherwise
    // ("Konatte", "MacAllister") is matched against every name in the store, then looked up as that.
    if (result.kind === 'none' && fromStore) {
      const players = fromStore.store.playerNames().map((n) => ({ name: n, aliases: [] }));
      const close = closePlayer(name, knownPlayers([{ players, rumours: [], fees: [] }]));
      if (close.kind === 'one') {
        query = close.player.name;
        const again = await _storedArticles(query, opts, io);
        fromStore.store.close();
        fromStore = again === 'error' ? null : again;
        articles = _asOf(fromStore?.articles ?? [], opts.asOf);
        const found = playerStory(query, articles, currency);
        result = found.kind === 'story' ? { ...found, typos: close.typos } : found;
      } else result = close.kind === 'ambiguous' ? close : { kind: 'none', closest: close.closest };
    }
  } finally {
    fromStore?.store.close();
  }
  if (result.kind !== 'story') return playerNotFound(name, result, io, fromStore ? 'the store' : 'the articles read');
  if (result.typos > 0) noteTaken('player', name, result.story.player.name, io);
  const chart = chartFormat(opts);
  if (chart !== null) {
    const { writePlayerSaga } = await import('../format/saga/html.js');
    writePlayerSaga(chart, result.story, io.stdout, { base: process.cwd() });
    return;
  }
  const width = terminalWidth(io);
  writeStory(chosenFormat(opts, io), { ...result.story, query: name }, io.stdout, await paintFor(io, opts.color), width);
}

/** --as-of: what was known that day (every likelihood is as of its own article's date already). */
function _asOf(articles: StoryArticle[], asOf: string | undefined): StoryArticle[] {
  return asOf === undefined ? articles : articles.filter((a) => a.date !== null && a.date <= asOf);
}

/**
 * The articles in the store that may name him, or null when the store is empty (or not used): then
 * the caller reads the bundled samples.
 */
async function _storedArticles(
  name: string,
  opts: ReadingOptions,
  io: Io,
): Promise<{ articles: StoryArticle[]; store: Store } | null | 'error'> {
  if (opts.store === false) return null;
  const { openForCommand } = await import('../store/open.js');
  const opened = openForCommand(opts, io, false);
  if (opened.kind === 'error') return 'error';
  if (opened.kind === 'none') return null;
  const store = opened.store;
  if (store.empty()) {
    store.close();
    return null;
  }
  const { articles, stale } = store.storyArticles(name);
  if (stale > 0) {
    io.stderr.write(`rumours: ${count(stale, 'of these articles was', 'of these articles were')} stored by an older rumours (older extraction): rumours reindex updates them\n`);
  }
  return { articles, store };
}

/** Read and extract the inputs (through the store unless --no-store) into `articles`; false when interrupted. */
async function _readArticles(inputs: string[], opts: ReadingOptions, io: Io, articles: StoryArticle[]): Promise<boolean> {
  // Loaded on use: the extractor (compromise, knowledge tables) is most of the start-up time, and
  // `--help`, `schema` and usage errors need none of it.
  const { extractPaths } = await import('../pipeline.js');
  const { openForCommand, storeReporter } = await import('../store/open.js');
  const { extractThroughStore } = await import('../store/run.js');
  // A store that cannot be used is said and the articles are read without it, as `extract` does.
  const opened = opts.store === false ? null : openForCommand(opts, io, true);
  const store = opened?.kind === 'store' ? opened.store : null;
  const storeSays = storeReporter(io);
  const interrupt = watchInterrupt();
  try {
    const runOpts = { ext: opts.ext, maxSize: opts.maxSize, stdin: io.stdin, jobs: opts.jobs, ignore: opts.ignore !== false, follow: opts.follow, ...storeSays.options };
    for await (const r of store ? extractThroughStore(inputs, store, runOpts) : extractPaths(inputs, runOpts)) {
      if (r.ok) {
        reportWarnings(io, r.article.file, r.article.warnings);
        articles.push(r.article);
      } else reportFailure(io, r.file, r.reason);
      if (interrupt.stopped) {
        io.stderr.write(`rumours: ${interrupt.verb} after ${count(articles.length, 'article')}; nothing printed\n`);
        setExit(io, interrupt.code);
        return false;
      }
    }
  } finally {
    interrupt.dispose();
    storeSays.close(store);
  }
  return true;
}
