// `rumours player NAME [PATH...]`: all that the articles say about one player, oldest first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from './_commander.js';
import type { StoryArticle, StoryResult } from '../aggregate/player.js';
import type { Store } from '../store/db.js';
import { clean } from '../format/_text.js';
import { CURRENCIES, DEFAULT_CURRENCY } from '../ids.js';
import type { Currency } from '../schema.js';
import { setExit, type Io } from './_io.js';
import { addReadingOptions, addStoreOptions, chartFormat, paintFor, chosenFormat, examples, offerCharts, parseCurrency, type ReadingOptions } from './_options.js';
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
    .argument('<name>', 'the player: full name or surname, any case, accents optional ("konate", "Mac Allister")')
    .argument('[paths...]', 'files and directories of articles, or - for standard input (default: the store; the bundled seeds/ when it is empty)');
  offerCharts(addStoreOptions(addReadingOptions(cmd)))
    .addOption(
      new Option('--currency <code>', 'also give every fee in this currency, beside it as written')
        .choices(CURRENCIES)
        .argParser(parseCurrency)
        .default(DEFAULT_CURRENCY),
    )
    .action(async (name: string, paths: string[], opts: PlayerOptions) => {
      await runPlayer(name, paths, opts, io);
    });
  examples(cmd, [
    '$ rumours player "Mac Allister"              # from the store (the bundled samples when it is empty)',
    '$ rumours player konate news/',
    '$ rumours player "Alexis Mac Allister" news/ --format json | jq .rumours',
    '$ rumours player salah news/ --format csv > salah.csv',
    '$ rumours player konate --currency GBP       # every fee also in pounds',
    '$ rumours player "Mac Allister" --format html > mac.html   # the saga as a page: timeline, fees, sources',
  ]);
  cmd.addHelpText(
    'after',
    `
Formats:
  table   a report: who, when, clubs, then rumours, fees and quotes (the default at a terminal)
  json    the story (the default otherwise; see \`rumours schema --player\`)
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

Exit status: 0 found; 1 no player matches (the closest names are listed on stderr); 2 a usage error,
or an input that could not be read.
`,
  );
}

export interface PlayerOptions extends ReadingOptions {
  /** The currency every fee is also given in (--currency). */
  currency?: Currency;
}

export async function runPlayer(name: string, paths: string[], opts: PlayerOptions, io: Io): Promise<void> {
  if (name.trim() === '') {
    io.stderr.write('rumours: player: the name is empty\n');
    setExit(io, 2);
    return;
  }
  const fromStore = paths.length === 0 ? await _storedArticles(name, opts, io) : null;
  if (fromStore === 'error') return;
  const articles: StoryArticle[] = fromStore?.articles ?? [];
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
  // Loaded here: a usage error or --help needs neither the matching nor the formats.
  const { playerStory } = await import('../aggregate/player.js');
  const { closestPlayers, knownPlayers } = await import('../aggregate/identity.js');
  const { writeStory } = await import('../format/story.js');
  let result: StoryResult;
  try {
    result = playerStory(name, articles, opts.currency ?? DEFAULT_CURRENCY);
    // Every name in the store is only wanted when nothing matches ("closest: ...").
    if (result.kind === 'none' && fromStore) {
      const players = fromStore.store.playerNames().map((n) => ({ name: n, aliases: [] }));
      result.closest = closestPlayers(name, knownPlayers([{ players, rumours: [], fees: [] }]));
    }
  } finally {
    fromStore?.store.close();
  }
  if (result.kind === 'none') {
    const closest = result.closest.length > 0 ? `; closest: ${result.closest.map(clean).join(', ')}` : '; no players found in the articles read';
    io.stderr.write(`rumours: no player matches "${clean(name)}"${closest}\n`);
    setExit(io, 1);
    return;
  }
  if (result.kind === 'ambiguous') {
    io.stderr.write(`rumours: "${clean(name)}" matches several players: ${result.candidates.map(clean).join(', ')}; give more of the name\n`);
    setExit(io, 1);
    return;
  }
  const chart = chartFormat(opts);
  if (chart !== null) {
    const { writePlayerSaga } = await import('../format/saga/html.js');
    writePlayerSaga(chart, result.story, io.stdout, { base: process.cwd() });
    return;
  }
  writeStory(chosenFormat(opts, io), result.story, io.stdout, await paintFor(io, opts.color));
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
    io.stderr.write(`rumours: ${stale} of these articles were stored by an older rumours (no line numbers, older extraction): rumours reindex updates them\n`);
  }
  return { articles, store };
}

/** Read and extract the inputs (through the store unless --no-store) into `articles`; false when interrupted. */
async function _readArticles(inputs: string[], opts: ReadingOptions, io: Io, articles: StoryArticle[]): Promise<boolean> {
  // Loaded on use: the extractor (compromise, knowledge tables) is most of the start-up time, and
  // `--help`, `schema` and usage errors need none of it.
  const { extractPaths } = await import('../pipeline.js');
  const { openForCommand } = await import('../store/open.js');
  const { extractThroughStore } = await import('../store/run.js');
  const opened = opts.store === false ? null : openForCommand(opts, io, true);
  if (opened?.kind === 'error') return false;
  const store = opened?.kind === 'store' ? opened.store : null;
  const interrupt = watchInterrupt();
  try {
    const runOpts = { ext: opts.ext, maxSize: opts.maxSize, stdin: io.stdin, jobs: opts.jobs };
    for await (const r of store ? extractThroughStore(inputs, store, runOpts) : extractPaths(inputs, runOpts)) {
      if (r.ok) {
        reportWarnings(io, r.article.file, r.article.warnings);
        articles.push(r.article);
      } else reportFailure(io, r.file, r.reason);
      if (interrupt.stopped) {
        io.stderr.write(`rumours: ${interrupt.verb} after ${articles.length} articles; nothing printed\n`);
        setExit(io, interrupt.code);
        return false;
      }
    }
  } finally {
    interrupt.dispose();
    store?.close();
  }
  return true;
}
