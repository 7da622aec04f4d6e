import { describe, expect, it } from 'vitest';
import { rumours } from './_run.js';

describe('rumours extract --jobs', () => {
  it('prints the same output, in the same order, with 4 worker threads as with 1', async () => {
    const args = ['extract', 'seeds/', 'fixtures/', '--format', 'json'];
    const [one, four] = await Promise.all([rumours([...args, '--jobs', '1']), rumours([...args, '--jobs', '4'])]);
    expect(one.status).toBe(four.status);
    expect(JSON.parse(one.stdout).articles.length).toBeGreaterThan(5);
    expect(four.stdout).toBe(one.stdout);
    expect(four.stderr).toBe(one.stderr);
  });

  it('refuses a number of jobs that is not a whole number from 1', async () => {
    const r = await rumours(['extract', 'seeds/', '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/jobs/);
  });
});
