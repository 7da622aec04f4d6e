// The shape of a saga in a terminal, before its rows: one line per club, time across, a block per
// stretch of days with a report (taller as the move gets further, coloured by stage when colour is on).
import type { PlayerStory, Status } from '../../schema.js';
import type { Paint } from '../paint.js';
import { pad, truncate, width } from '../_text.js';
import { colourStatus } from '../table.js';
import { playerChart } from './model.js';
import { laterStage, STAGE_LOOK } from './palette.js';

/** Cells of time across: wide enough to tell weeks apart in a season, narrow enough for 100 columns. */
export const SPARK_CELLS = 48;
const _NAME = 20;

function _days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** The timeline lines (empty when no report is dated), each lane named after its club. */
export function sagaLines(s: PlayerStory, c: Paint, cells = SPARK_CELLS): string {
  const chart = playerChart(s);
  const dated = chart.reports.filter((r) => r.date !== null);
  if (dated.length === 0) return '';
  const all = [...dated.map((r) => r.date as string), ...chart.lanes.flatMap((l) => l.leaving)].sort();
  const first = all[0] as string;
  const last = all[all.length - 1] as string;
  const span = Math.max(1, _days(last) - _days(first));
  const cell = (date: string) => Math.min(cells - 1, Math.round(((_days(date) - _days(first)) / span) * (cells - 1)));
  const names = chart.lanes.map((l) => truncate(l.name, _NAME));
  const nameWidth = Math.max(...names.map(width), 4);
  let out = '';
  chart.lanes.forEach((lane, i) => {
    const stages: Array<Status | null> = new Array<Status | null>(cells).fill(null);
    const leaving = new Array<boolean>(cells).fill(false);
    let count = 0;
    let latest: Status | null = null;
    for (const r of dated) {
      if (r.lane !== lane.key) continue;
      const k = cell(r.date as string);
      const was = stages[k];
      stages[k] = was == null ? r.stage : laterStage(was, r.stage);
      count++;
      latest = r.stage;
    }
    for (const d of lane.leaving) leaving[cell(d)] = true;
    // Runs of one look are painted once: a line of 48 cells is not 48 colour escapes.
    let line = '';
    let run = '';
    let look = '';
    const flush = () => {
      if (run !== '') line += look === 'leave' || look === 'none' ? c.dim(run) : colourStatus(c, look, run);
      run = '';
    };
    stages.forEach((st, k) => {
      const next = st ?? (leaving[k] ? 'leave' : 'none');
      if (next !== look) flush();
      look = next;
      run += st !== null ? STAGE_LOOK[st].block : leaving[k] ? '│' : '·';
    });
    flush();
    const tail = count > 0 ? `  ${count} ${count === 1 ? 'report' : 'reports'}, latest ${colourStatus(c, latest as Status)}` : c.dim('  the club he would leave');
    out += `  ${pad(names[i] ?? '', nameWidth)}  ${line}${tail}\n`;
  });
  const axis = first === last ? first : `${first}${' '.repeat(Math.max(1, cells - first.length - last.length))}${last}`;
  out += `  ${' '.repeat(nameWidth)}  ${c.dim(axis)}\n`;
  return out;
}
