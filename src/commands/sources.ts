// `rumours sources [--club C] [--since D] [--until D] [--min N]`: who called it. The outlets and
// journalists of the store's rumours, by how the moves they reported ended.
import { Option, type Command } from './_commander.js';
import { count } from '../format/_text.js';
import type { Column } from '../store/render.js';
import type { SourceRecord } from '../store/shapes.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';
import { setExit, type Io } from './_io.js';
import { chosenFormat, examples, paintFor, parseCount, parseDate, terminalWidth } from './_options.js';

interface SourcesOptions extends QueryOptions {
  club?: string;
  since?: string;
  until?: string;
  min?: number;
}

const _pct = (x: number | null) => (x === null ? null : `${Math.round(x * 100)}%`);

const _COLUMNS: Array<Column<SourceRecord>> = [
  { head: 'SOURCE', cell: (s) => s.source, max: 28, shrink: 1, min: 12 },
  { head: 'KIND', cell: (s) => s.kind },
  { head: 'REPORTED', cell: (s) => s.reported },
  { head: 'CONFIRMED', cell: (s) => s.confirmed },
  { head: 'CONTRADICTED', cell: (s) => s.contradicted },
  { head: 'OPEN', cell: (s) => s.open },
  { head: 'HIT RATE', cell: (s) => (s.hitRate === null ? null : `${_pct(s.hitRate)} (${_pct(s.low)}–${_pct(s.high)})`), only: 'table' },
  { head: 'HIT_RATE', cell: (s) => s.hitRate, only: 'csv' },
  { head: 'LOW', cell: (s) => s.low, only: 'csv' },
  { head: 'HIGH', cell: (s) => s.high, only: 'csv' },
  { head: 'DAYS AHEAD', cell: (s) => s.medianDaysAhead, only: 'table' },
  { head: 'DAYS_AHEAD', cell: (s) => s.medianDaysAhead, only: 'csv' },
  { head: 'FIRST', cell: (s) => s.first },
];

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('sources')
    .description('Who called it: outlets and journalists by how the moves they reported ended (hit rate with a 95% interval)')
    .option('--club <name>', 'only moves to or from this club (any name, nickname or stadium)')
    .addOption(new Option('--since <date>', 'only moves the source first reported on or after YYYY-MM-DD').argParser(parseDate))
    .addOption(new Option('--until <date>', 'only what was known by YYYY-MM-DD: reports and outcomes after it are not read').argParser(parseDate))
    .addOption(new Option('--min <n>', 'only sources with at least N moves reported').argParser(parseCount));
  addQueryOptions(cmd).action(async (opts: SourcesOptions) => {
    await runSources(opts, io);
  });
  examples(cmd, [
    '$ rumours sources --min 5',
    '$ rumours sources --club Chelsea --since 2021-01-01 -f csv > chelsea-sources.csv',
    '$ rumours sources -f json | jq \'.items[] | select(.kind == "journalist")\'',
  ]);
  cmd.addHelpText(
    'after',
    `
Each move (player → club) a source reported before it was done is settled by the later record:
confirmed when it came true as the source said (he completed the move; or the source denied it and
it did not happen), contradicted when it did not (he completed a move elsewhere, a denial stood, or
the move it denied was completed), else open. HIT RATE is confirmed / settled with its 95% Wilson
interval, and the table is ordered by the interval's low end, so "1 of 1" does not top it. DAYS
AHEAD is the median number of days from the source's first report to the completion; FIRST counts
the moves it reported on the day of the earliest report. One outlet is one row however it is
written ("BBC Sport", "Five Live": the BBC; "Sky Sports News": Sky Sports).
`,
  );
}

export async function runSources(opts: SourcesOptions, io: Io): Promise<void> {
  const { withStore } = await import('../store/query.js');
  const { writeRows } = await import('../store/render.js');
  await withStore(opts, io, async (store) => {
    let club: string | undefined;
    if (opts.club !== undefined) {
      const { resolveClubOption } = await import('./_names.js');
      const found = await resolveClubOption(opts.club, io);
      if (found === null) return;
      club = found;
    }
    const { sourceTable, Weigher } = await import('../weigh/index.js');
    const w = new Weigher();
    w.know(store.weighFacts().map((f) => f.facts));
    const rows = sourceTable(w.history, { ...(club ? { club } : {}), ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}), ...(opts.min ? { min: opts.min } : {}) });
    if (rows.length === 0) {
      io.stderr.write('rumours: no source matches (a rumour has a source when its article cites one)\n');
      setExit(io, 1);
    }
    const width = terminalWidth(io);
    writeRows(chosenFormat(opts, io), 'sources', _COLUMNS, rows, io.stdout, await paintFor(io, opts.color), {
      summary: count(rows.length, 'source'),
      ...(width ? { width } : {}),
    });
  });
}
