import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/commands/_io.js';
import { progress, progressLine } from '../../src/commands/_progress.js';

function fakeIo(stderrIsTTY: boolean): Io & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: { write: () => true }, stderr: { write: (s: string) => (err.push(s), true) }, isTTY: false, stderrIsTTY, env: {}, stdin: process.stdin, exitCode: 0 };
}

describe('progress', () => {
  it('draws done/total, rate and time left', () => {
    expect(progressLine(500, 2000, 2)).toBe('[#####...............] 500/2,000 articles  250/s  0:06 left');
  });

  it('stays silent for the first second, then draws, and clears the line at the end', () => {
    const io = fakeIo(true);
    let t = 0;
    const bar = progress(io, false, () => t);
    bar.total(10);
    bar.tick();
    expect(io.err).toEqual([]);
    t = 1500;
    bar.tick();
    expect(io.err[0]).toMatch(/2\/10 articles/);
    bar.done();
    expect(io.err.at(-1)).toBe('\r\x1b[K');
  });

  it('draws nothing when stderr is not a terminal, or with --quiet', () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const io = fakeIo(tty);
      let t = 0;
      const bar = progress(io, quiet, () => t);
      bar.total(10);
      t = 5000;
      bar.tick();
      bar.done();
      expect(io.err).toEqual([]);
    }
  });
});
