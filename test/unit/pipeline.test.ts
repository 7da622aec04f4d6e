// How many workers a run gets: one rule, with the store and without it.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SMALL_RUN, workersFor } from '../../src/pipeline.js';

describe('workersFor', () => {
  it('gives an explicit --jobs N its N workers, --jobs 1 included, but never more than the inputs', () => {
    expect(workersFor(10, 1)).toBe(1);
    expect(workersFor(10, 4)).toBe(4);
    expect(workersFor(3, 4)).toBe(3);
  });

  it('keeps small runs and a single input on the calling thread unless --jobs is given', () => {
    expect(workersFor(SMALL_RUN - 1, undefined)).toBe(0);
    expect(workersFor(1, 4)).toBe(0);
    expect(workersFor(0, undefined)).toBe(0);
  });

  it('gives long runs one worker per core by default', () => {
    expect(workersFor(SMALL_RUN, undefined)).toBe(Math.min(availableParallelism(), SMALL_RUN));
  });
});
