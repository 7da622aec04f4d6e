// `rumours club NAME`: who the club is linked with, incoming and outgoing, with stages and fees.
import type { Command } from 'commander';
import { cleanPath, count, shortMoney } from '../format/_text.js';
import { DEFAULT_CURRENCY } from '../ids.js';
import type { Currency } from '../schema.js';
import { percent } from '../format/table.js';
import type { Column } from '../store/render.js';
import type { ClubLink } from '../store/shapes.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';
import { setExit, type Io } from './_io.js';
import { addAsOfOption, addCurrencyOption, badName, chartFormat, paintFor, chosenFormat, examples, offerCharts, terminalWidth } from './_options.js';

const _COLUMNS: Array<Column<ClubLink>> = [
  { head: 'DIR', cell: (l) => l.direction },
  { head: 'PLAYER', cell: (l) => l.player, max: 28, shrink: 3, min: 14 },
  { head: 'CLUB', cell: (l) => l.club, max: 24, shrink: 2, min: 10 },
  { head: 'STATUS', cell: (l) => l.status },
  { head: 'LIKELY', cell: (l) => percent(l.likelihood), only: 'table' },
  { head: 'LIKELIHOOD', cell: (l) => l.likelihood, only: 'csv' },
  { head: 'REPORTS', cell: (l) => l.reports },
  { head: 'FIRST', cell: (l) => l.firstReport },
  { head: 'LATEST', cell: (l) => l.latestReport },
  { head: 'FEE', cell: (l) => (l.fee === null ? null : shortMoney(l.fee.amount, l.fee.currency, l.fee.text)), max: 24, shrink: 1, only: 'table' },
  { head: 'FEE_AMOUNT', cell: (l) => l.fee?.amount ?? null, only: 'csv' },
  { head: 'FEE_CURRENCY', cell: (l) => l.fee?.currency ?? null, only: 'csv' },
  { head: 'FEE_CONVERTED', cell: (l) => l.fee?.converted?.amount ?? null, only: 'csv' },
  { head: 'FEE_TEXT', cell: (l) => l.fee?.text ?? null, only: 'csv' },
  { head: 'WHY', cell: (l) => l.reasons.join('; ') || null, max: 44, shrink: 0, min: 12 },
];

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('club')
    .description('Who a club is linked with: players coming in and going out, with stages and fees')
    .argument('<name>', 'the club: any name, short form, nickname or stadium ("Spurs", "Los Blancos", "Anfield"); a typo or two forgiven');
  addAsOfOption(addCurrencyOption(offerCharts(addQueryOptions(cmd)))).action(async (name: string, opts: QueryOptions & { currency?: Currency; asOf?: string }) => {
    await runClub(name, opts, io);
  });
  examples(cmd, [
    '$ rumours club Liverpool',
    '$ rumours club Arsenal --format html > arsenal.html   # the window as a page',
    '$ rumours club "Los Blancos" -f json | jq \'.items[] | select(.direction == "in")\'',
    '$ rumours club spurs -f csv --currency GBP > spurs.csv',
    '$ rumours club Chelsea --as-of 2021-08-01      # each move as likely as it looked that day',
  ]);
}

export async function runClub(name: string, opts: QueryOptions & { currency?: Currency; asOf?: string }, io: Io): Promise<void> {
  const bad = badName(name, "a club's name");
  if (bad) {
    io.stderr.write(`rumours: club: ${bad}\n`);
    setExit(io, 2);
    return;
  }
  const { resolveClub } = await import('./_names.js');
  const club = (await resolveClub(name, io))?.name ?? null;
  if (club === null) return;
  const currency = opts.currency ?? DEFAULT_CURRENCY;
  const { withStore } = await import('../store/query.js');
  const { writeRows } = await import('../store/render.js');
  const { clubLinks } = await import('../aggregate/club.js');
  await withStore(opts, io, async (store) => {
    const rows = store.rumours({ clubs: [club], ...(opts.asOf ? { asOf: opts.asOf } : {}) }, currency);
    const links = clubLinks(club, rows);
    if (links.length === 0) {
      io.stderr.write(`rumours: no rumours about ${cleanPath(club)} in the store\n`);
      setExit(io, 1);
    }
    const chart = chartFormat(opts);
    if (chart !== null) {
      const { writeClubSaga } = await import('../format/saga/html.js');
      if (links.length > 0) writeClubSaga(chart, club, rows, links, io.stdout);
      return;
    }
    const ins = links.filter((l) => l.direction === 'in').length;
    const width = terminalWidth(io);
    writeRows(chosenFormat(opts, io), 'club', _COLUMNS, links, io.stdout, await paintFor(io, opts.color), {
      summary: `${cleanPath(club)}: ${count(ins, 'player')} in, ${count(links.length - ins, 'player')} out`,
      envelope: { club, currency },
      ...(width ? { width } : {}),
    });
  });
}
