// `rumours club NAME`: who the club is linked with, incoming and outgoing, with stages and fees.
import type { Command } from 'commander';
import { clean, cleanPath } from '../format/_text.js';
import type { Column } from '../store/render.js';
import type { ClubLink } from '../store/shapes.js';
import { addQueryOptions, type QueryOptions } from '../store/query.js';
import { setExit, type Io } from './_io.js';
import { chartFormat, paintFor, chosenFormat, examples, offerCharts } from './_options.js';

const _COLUMNS: Array<Column<ClubLink>> = [
  { head: 'DIR', cell: (l) => l.direction },
  { head: 'PLAYER', cell: (l) => l.player, max: 28 },
  { head: 'CLUB', cell: (l) => l.club, max: 24 },
  { head: 'STATUS', cell: (l) => l.status },
  { head: 'REPORTS', cell: (l) => l.reports },
  { head: 'FIRST', cell: (l) => l.firstReport },
  { head: 'LATEST', cell: (l) => l.latestReport },
  { head: 'FEE', cell: (l) => l.fee, max: 24 },
];

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('club')
    .description('Who a club is linked with: players coming in and going out, with stages and fees')
    .argument('<name>', 'the club: any name, short form, nickname or stadium ("Spurs", "Los Blancos", "Anfield")');
  offerCharts(addQueryOptions(cmd)).action(async (name: string, opts: QueryOptions) => {
    await runClub(name, opts, io);
  });
  examples(cmd, ['$ rumours club Liverpool', '$ rumours club Arsenal --format html > arsenal.html   # the window as a page', '$ rumours club "Los Blancos" --format json | jq \'.items[] | select(.direction == "in")\'']);
}

export async function runClub(name: string, opts: QueryOptions, io: Io): Promise<void> {
  const { lookupClub } = await import('../knowledge/clubs.js');
  const club = lookupClub(name)?.name ?? null;
  if (club === null) {
    io.stderr.write(`rumours: no club is known as "${clean(name)}"\n`);
    setExit(io, 1);
    return;
  }
  const { withStore } = await import('../store/query.js');
  const { writeRows } = await import('../store/render.js');
  const { clubLinks } = await import('../aggregate/club.js');
  await withStore(opts, io, async (store) => {
    const rows = store.rumours({ clubs: [club] });
    const links = clubLinks(club, rows);
    if (links.length === 0) {
      io.stderr.write(`rumours: no rumours about ${clean(club)} in the store\n`);
      setExit(io, 1);
    }
    const chart = chartFormat(opts);
    if (chart !== null) {
      const { writeClubSaga } = await import('../format/saga/html.js');
      if (links.length > 0) writeClubSaga(chart, club, rows, links, io.stdout);
      return;
    }
    const ins = links.filter((l) => l.direction === 'in').length;
    writeRows(chosenFormat(opts, io), 'club', _COLUMNS, links, io.stdout, await paintFor(io, opts.color), `${cleanPath(club)}: ${ins} in, ${links.length - ins} out`);
  });
}
