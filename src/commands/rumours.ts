// `rumours rumours [--player X] [--club Y] [--since DATE] [--status S]`: the rumour table from the store.
import { InvalidArgumentError, Option, type Command } from './_commander.js';
import { shortMoney } from '../format/_text.js';
import { STATUSES } from '../ids.js';
import type { RumourRow } from '../store/shapes.js';
import type { Column } from '../store/render.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';
import { setExit, type Io } from './_io.js';
import { badName, paintFor, chosenFormat, examples } from './_options.js';

interface RumoursOptions extends QueryOptions {
  player?: string;
  club?: string;
  since?: string;
  status?: string;
}

export const RUMOUR_COLUMNS: Array<Column<RumourRow>> = [
  { head: 'DATE', cell: (r) => r.date },
  { head: 'PLAYER', cell: (r) => r.player, max: 28 },
  { head: 'FROM', cell: (r) => r.from, max: 24 },
  { head: 'TO', cell: (r) => r.to, max: 24 },
  { head: 'STATUS', cell: (r) => r.status },
  { head: 'WINDOW', cell: (r) => r.window },
  { head: 'FEE', cell: (r) => (r.feeText === null ? null : shortMoney(r.feeAmount, r.feeCurrency, r.feeText)), max: 16 },
  { head: 'SOURCE', cell: (r) => r.source, max: 20 },
  { head: 'FILE', cell: (r) => (r.line === null ? r.file : `${r.file}:${r.line}`), max: 48, path: true, only: 'table' },
  { head: 'FILE', cell: (r) => r.file, only: 'csv' },
  { head: 'LINE', cell: (r) => r.line, only: 'csv' },
];

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('rumours')
    .description('The rumours in the store, oldest first, filtered by player, club, date or stage')
    .option('--player <name>', 'only this player (full name or surname, any case, accents optional)')
    .option('--club <name>', 'only moves to or from this club (any name, nickname or stadium: "Spurs", "Anfield")')
    .addOption(new Option('--since <date>', 'only articles dated on or after YYYY-MM-DD').argParser(_parseDate))
    .addOption(new Option('--status <stage>', 'only this stage').choices(STATUSES));
  addQueryOptions(cmd).action(async (opts: RumoursOptions) => {
    await runRumours(opts, io);
  });
  examples(cmd, [
    '$ rumours rumours --club Liverpool --since 2025-01-01',
    '$ rumours rumours --player "Mac Allister" --format csv > mac-allister.csv',
    '$ rumours rumours --status bid --format ndjson | jq .to',
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
  await withStore(opts, io, async (store) => {
    let clubs: string[] | undefined;
    if (opts.club !== undefined) {
      const { lookupClub } = await import('../knowledge/clubs.js');
      // A club the table does not know is still looked for as written.
      clubs = [lookupClub(opts.club)?.name ?? opts.club.trim()];
    }
    let rows = store.rumours({ ...(clubs ? { clubs } : {}), ...(opts.status ? { status: opts.status } : {}), ...(opts.since ? { since: opts.since } : {}) });
    const who = opts.player;
    if (who !== undefined) {
      const { playerRows } = await import('../aggregate/identity.js');
      rows = playerRows(who, rows);
    }
    if (rows.length === 0) {
      io.stderr.write('rumours: no rumours match\n');
      setExit(io, 1);
    }
    writeRows(chosenFormat(opts, io), 'rumours', RUMOUR_COLUMNS, rows, io.stdout, await paintFor(io, opts.color), `${rows.length} ${rows.length === 1 ? 'rumour' : 'rumours'}`);
  });
}

function _parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}
