// `rumours stats`: what the store holds, where it is and how big.
import type { Command } from 'commander';
import { cleanPath, formatNumber, safeJson } from '../format/_text.js';
import { setExit, type Io } from './_io.js';
import { chosenFormat, examples } from './_options.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';
import type { StoreStats } from '../store/shapes.js';

export function register(program: Command, io: Io): void {
  const cmd = program.command('stats').description("Counts of the store's articles, players, clubs and rumours, its path and size").option('--check', 'also check that every article is stored whole (slower)');
  addQueryOptions(cmd).action(async (opts: QueryOptions & { check?: boolean }) => {
    await runStats(opts, io);
  });
  examples(cmd, ['$ rumours stats', '$ rumours stats --db /tmp/news.db -f json | jq .rumours']);
  cmd.addHelpText('after', '\nAn empty or missing store is counted as such (all zeros), not an error.\n');
}

export async function runStats(opts: QueryOptions & { check?: boolean }, io: Io): Promise<void> {
  const { withStore } = await import('../store/query.js');
  const { emptyStats } = await import('../store/shapes.js');
  const print = (s: StoreStats) => _print(s, opts, io);
  await withStore(
    opts,
    io,
    async (store) => {
      const check = opts.check ? store.consistent() : null;
      if (check && !check.ok) setExit(io, 2);
      await print({ ...store.stats(), ...(check ? { consistent: check.ok, problems: check.problems } : {}) });
    },
    // No file yet: nothing is created for asking.
    { empty: (path) => print(emptyStats(path ?? '')) },
  );
}

async function _print(s: StoreStats, opts: QueryOptions, io: Io): Promise<void> {
  const format = chosenFormat(opts, io);
  if (format === 'json' || format === 'ndjson') {
    io.stdout.write(`${safeJson(format === 'json' ? JSON.stringify(s, null, 2) : JSON.stringify(s))}\n`);
    return;
  }
  if (format === 'csv') {
    const { csvLine } = await import('../format/csv.js');
    const rows = Object.entries(s).filter(([k]) => k !== 'schema' && k !== 'problems');
    io.stdout.write(csvLine(['key', 'value']) + rows.map(([k, v]) => csvLine([k, typeof v === 'boolean' ? String(v) : (v as string | number | null)])).join(''));
    return;
  }
  const n = formatNumber;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  io.stdout.write(
    [
      `store     ${cleanPath(s.path)} (${mb(s.bytes)}; store version ${s.storeVersion}, extractor ${s.extractor})`,
      `articles  ${n(s.articles)} (${mb(s.textBytes)} of text${s.firstDate ? `, ${s.firstDate} to ${s.latestDate}` : ''})${s.stale ? `; ${n(s.stale)} read by an older extractor: rumours reindex` : ''}`,
      `players   ${n(s.players)}`,
      `clubs     ${n(s.clubs)}`,
      `rumours   ${n(s.rumours)}`,
      `fees      ${n(s.fees)}`,
      `quotes    ${n(s.quotes)}`,
      ...(s.consistent === undefined ? [] : [`check     ${s.consistent ? 'every article whole' : (s.problems ?? []).join('; ')}`]),
    ].join('\n') + '\n',
  );
}
