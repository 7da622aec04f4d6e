// A progress bar on stderr for long runs: drawn only on a terminal, only once a run has taken a
// second, never with --quiet; cleared when the run ends so that it leaves nothing behind.
import { formatNumber } from '../format/_text.js';
import type { Io } from './_io.js';

export interface Progress {
  total(n: number): void;
  tick(): void;
  done(): void;
}

const _QUIET: Progress = { total: () => {}, tick: () => {}, done: () => {} };

export function progress(io: Io, quiet: boolean, now: () => number = () => performance.now()): Progress {
  if (quiet || !io.stderrIsTTY) return _QUIET;
  const started = now();
  let total = 0;
  let count = 0;
  let drawn = 0;
  let shown = false;
  return {
    total: (n) => {
      total = n;
    },
    tick: () => {
      count++;
      const t = now();
      if (t - started < 1000 || t - drawn < 100) return;
      drawn = t;
      shown = true;
      io.stderr.write(`\r\x1b[K${progressLine(count, total, (t - started) / 1000)}`);
    },
    done: () => {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}

/** "[#####.....] 1,234/20,000 articles  512/s  0:31 left" */
export function progressLine(count: number, total: number, seconds: number): string {
  const width = 20;
  const share = total > 0 ? Math.min(1, count / total) : 0;
  const filled = Math.round(share * width);
  const rate = seconds > 0 ? count / seconds : 0;
  const left = rate > 0 && total > count ? (total - count) / rate : 0;
  const mmss = `${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, '0')}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${formatNumber(count)}/${formatNumber(total)} articles  ${formatNumber(Math.round(rate))}/s  ${mmss} left`;
}
