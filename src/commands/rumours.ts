// `rumours rumours [--player X] [--club Y] [--since D] [--until D] [--status S,...] [--source S] [--limit N]`:
// the rumour table from the store, in the shape `extract` prints rumours.
import { Option, type Command } from './_commander.js';
import { count, fileLine, shortMoney, shownPath } from '../format/_text.js';
import { DEFAULT_CURRENCY, STATUSES } from '../ids.js';
import type { Currency, DatedRumour, Status } from '../schema.js';
import { percent } from '../format/table.js';
import type { Column } from '../store/render.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';
import { setExit, type Io } from './_io.js';
import { addAsOfOption, addCurrencyOption, badName, parseDate, paintFor, chosenFormat, choiceOption, examples, parseCount, terminalWidth } from './_options.js';

interface RumoursOptions extends QueryOptions {
  player?: string;
  club?: string;
  since?: string;
  until?: string;
  status?: Status[];
  source?: string;
  limit?: number;
  currency?: Currency;
  asOf?: string;
}

/** The table's columns; the least useful give way first on a narrow terminal, `file:line` last and whole. */
export const RUMOUR_COLUMNS: Array<Column<DatedRumour>> = [
  { head: 'DATE', cell: (r) => r.date },
  { head: 'PLAYER', cell: (r) => r.player, max: 28, shrink: 4, min: 14 },
  { head: 'FROM', cell: (r) => r.from, max: 24, shrink: 3, min: 10 },
  { head: 'TO', cell: (r) => r.to, max: 24, shrink: 3, min: 10 },
  { head: 'STATUS', cell: (r) => r.status },
  { head: 'LIKELY', cell: (r) => percent(r.likelihood) },
  { head: 'WINDOW', cell: (r) => r.window, max: 12, shrink: 2 },
  { head: 'FEE', cell: (r) => (r.fee === null ? null : shortMoney(r.fee.amount, r.fee.currency, r.fee.text)), max: 16, shrink: 5 },
  { head: 'SOURCE', cell: (r) => r.source, max: 20, shrink: 1 },
  { head: 'WHY', cell: (r) => r.reasons.join('; ') || null, max: 44, shrink: 0, min: 12 },
  { head: 'FILE', cell: (r) => fileLine(shownPath(r.file), r.evidence.line), path: true },
];

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('rumours')
    .description('The rumours in the store, oldest first, filtered by player, club, date, stage or source')
    .option('--player <name>', 'only this player (full name or surname, any case, accents and spaces optional, a typo or two forgiven)')
    .option('--club <name>', 'only moves to or from this club (any name, nickname or stadium: "Spurs", "Anfield")')
    .addOption(new Option('--since <date>', 'only articles dated on or after YYYY-MM-DD').argParser(parseDate))
    .addOption(new Option('--until <date>', 'only articles dated on or before YYYY-MM-DD').argParser(parseDate))
    .addOption(choiceOption('--status <stages>', 'only these stages', STATUSES, true))
    .option('--source <name>', 'only rumours attributed to this outlet or journalist ("sky", "Fabrizio Romano")')
    .addOption(new Option('--limit <n>', 'only the latest N rumours (still listed oldest first)').argParser(parseCount));
  addAsOfOption(addCurrencyOption(addQueryOptions(cmd))).action(async (opts: RumoursOptions) => {
    await runRumours(opts, io);
  });
  examples(cmd, [
    '$ rumours rumours --club Liverpool --since 2025-01-01 --until 2025-01-31',
    '$ rumours rumours --player "Mac Allister" -f csv > mac-allister.csv',
    '$ rumours rumours --status bid,agreed --source sky -f ndjson | jq .to',
    '$ rumours rumours --club Arsenal --as-of 2021-07-01   # what was known that day, likelihoods as they stood',
    '$ rumours rumours -f json --currency GBP | jq \'.items[] | select(.fee.converted.amount > 50e6)\'',
  ]);
}

export async function runRumours(opts: RumoursOptions, io: Io): Promise<void> {
  const bad = opts.player === undefined ? null : badName(opts.player);
  if (bad) {
    io.stderr.write(`rumours: --player: ${bad}\n`);
    setExit(io, 2);
    return;
  }
  const { withStore } = await import('../store/query.js');
  const { writeRows } = await import('../store/render.js');
  const { rumourCells, rumourColumns } = await import('../format/csv.js');
  const currency = opts.currency ?? DEFAULT_CURRENCY;
  await withStore(opts, io, async (store) => {
    let clubs: string[] | undefined;
    if (opts.club !== undefined) {
      const { resolveClubOption } = await import('./_names.js');
      const club = await resolveClubOption(opts.club, io);
      if (club === null) return;
      clubs = [club];
    }
    let rows = store.rumours(
      { ...(clubs ? { clubs } : {}), ...(opts.status ? { statuses: opts.status } : {}), ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) },
      currency,
    );
    if (opts.source !== undefined) {
      const { foldName } = await import('../aggregate/identity.js');
      const want = ` ${foldName(opts.source)} `;
      rows = rows.filter((r) => r.source !== null && ` ${foldName(r.source)} `.includes(want));
    }
    if (opts.player !== undefined) {
      const { playerRows } = await import('../aggregate/identity.js');
      const { notePlayer } = await import('./_names.js');
      const picked = playerRows(opts.player, rows);
      notePlayer(opts.player, picked.found, io);
      rows = picked.rows;
    }
    if (opts.limit !== undefined && rows.length > opts.limit) rows = rows.slice(rows.length - opts.limit);
    if (rows.length === 0) {
      io.stderr.write('rumours: no rumours match\n');
      setExit(io, 1);
    }
    const width = terminalWidth(io);
    writeRows(chosenFormat(opts, io), 'rumours', RUMOUR_COLUMNS, rows, io.stdout, await paintFor(io, opts.color), {
      summary: count(rows.length, 'rumour'),
      envelope: { currency },
      csv: { header: rumourColumns(currency), cells: (r) => rumourCells(r, r.file, r.date) },
      ...(width ? { width } : {}),
    });
  });
}
