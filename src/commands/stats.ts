// `rumours stats`: what the store holds, where it is and how big.
import type { Command } from 'commander';
import { csvLine } from '../format/csv.js';
import { cleanPath, safeJson } from '../format/_text.js';
import { setExit, type Io } from './_io.js';
import { chosenFormat, examples } from './_options.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';

export function register(program: Command, io: Io): void {
  const cmd = program.command('stats').description("Counts of the store's articles, players, clubs and rumours, its path and size").option('--check', 'also check that every article is stored whole (slower)');
  addQueryOptions(cmd).action(async (opts: QueryOptions & { check?: boolean }) => {
    await runStats(opts, io);
  });
  examples(cmd, ['$ rumours stats', '$ rumours stats --db /tmp/news.db --format json']);
}

export async function runStats(opts: QueryOptions & { check?: boolean }, io: Io): Promise<void> {
  const { withStore } = await import('../store/query.js');
  await withStore(opts, io, (store) => {
    const s = store.stats();
    const check = opts.check ? store.consistent() : null;
    const format = chosenFormat(opts, io);
    if (format === 'json' || format === 'ndjson') {
      const doc = { ...s, ...(check ? { consistent: check.ok, problems: check.problems } : {}) };
      io.stdout.write(`${safeJson(format === 'json' ? JSON.stringify(doc, null, 2) : JSON.stringify(doc))}\n`);
    } else if (format === 'csv') {
      io.stdout.write(`key,value\r\n${Object.entries(s).map(([k, v]) => csvLine([k, v === null ? null : String(v)])).join('')}`);
    } else {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      io.stdout.write(
        [
          `store     ${cleanPath(s.path)} (${mb(s.bytes)}; schema ${s.schema}, extractor ${s.extractor})`,
          `articles  ${s.articles} (${mb(s.textBytes)} of text${s.firstDate ? `, ${s.firstDate} to ${s.latestDate}` : ''})${s.stale ? `; ${s.stale} read by an older extractor: rumours reindex` : ''}`,
          `players   ${s.players}`,
          `clubs     ${s.clubs}`,
          `rumours   ${s.rumours}`,
          `fees      ${s.fees}`,
          `quotes    ${s.quotes}`,
          ...(check ? [`check     ${check.ok ? 'every article whole' : check.problems.join('; ')}`] : []),
        ].join('\n') + '\n',
      );
    }
    if (check && !check.ok) setExit(io, 2);
  });
}
