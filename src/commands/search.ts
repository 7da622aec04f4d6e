// `rumours search TEXT`: the articles and quotes in the store that hold every word of TEXT.
import { Option, type Command } from './_commander.js';
import { count, shownPath } from '../format/_text.js';
import type { SearchHit } from '../store/shapes.js';
import type { Column } from '../store/render.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';
import { setExit, type Io } from './_io.js';
import { paintFor, chosenFormat, examples, parseCount, terminalWidth } from './_options.js';

const _COLUMNS: Array<Column<SearchHit>> = [
  { head: 'KIND', cell: (h) => h.kind },
  { head: 'DATE', cell: (h) => h.date },
  { head: 'SPEAKER', cell: (h) => h.speaker, max: 20, shrink: 1 },
  { head: 'TEXT', cell: (h) => h.text, max: 100, shrink: 2 },
  { head: 'FILE', cell: (h) => shownPath(h.file), path: true },
];

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('search')
    .description('Find articles and quotes in the store holding every word of TEXT, best first')
    .argument('<text...>', 'the words (case and accents do not matter; punctuation is ignored)')
    .addOption(new Option('--limit <n>', 'at most this many articles and this many quotes').default(20).argParser(parseCount));
  addQueryOptions(cmd).action(async (words: string[], opts: QueryOptions & { limit: number }) => {
    await runSearch(words.join(' '), opts, io);
  });
  examples(cmd, ['$ rumours search release clause', '$ rumours search "bid rejected" -f json | jq \'.items[].file\'']);
}

export async function runSearch(text: string, opts: QueryOptions & { limit: number }, io: Io): Promise<void> {
  const { ftsQuery } = await import('../store/db.js');
  if (ftsQuery(text) === '') {
    io.stderr.write('rumours: search: give at least one word\n');
    setExit(io, 2);
    return;
  }
  const { withStore } = await import('../store/query.js');
  const { writeRows } = await import('../store/render.js');
  await withStore(opts, io, async (store) => {
    const hits = store.search(text, opts.limit);
    if (hits.length === 0) {
      io.stderr.write('rumours: nothing in the store matches\n');
      setExit(io, 1);
    }
    const articles = hits.filter((h) => h.kind === 'article').length;
    const width = terminalWidth(io);
    writeRows(chosenFormat(opts, io), 'search', _COLUMNS, hits, io.stdout, await paintFor(io, opts.color), {
      summary: `${count(articles, 'article')}, ${count(hits.length - articles, 'quote')}`,
      ...(width ? { width } : {}),
    });
  });
}
