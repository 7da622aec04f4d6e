import { describe, expect, it } from 'vitest';
import { rumours } from './_run.js';

describe('rumours extract --jobs', () => {
  it('prints the same output, in the same order, with 4 worker threads as with 1, and as on the main thread', async () => {
    const args = ['extract', 'seeds/', 'fixtures/', '--format', 'json'];
    // Without --jobs a run this small stays on the main thread.
    // With --no-store, workers send each article's text rather than the article (format/text.ts).
    const runs = [args, [...args, '--jobs', '1'], [...args, '--jobs', '4'], [...args, '--no-store', '--jobs', '4']];
    const [main, ...others] = await Promise.all(runs.map((a) => rumours(a)));
    expect(JSON.parse(main!.stdout).articles.length).toBeGreaterThan(5);
    for (const r of others) {
      expect(r.status).toBe(main!.status);
      expect(r.stdout).toBe(main!.stdout);
      expect(r.stderr).toBe(main!.stderr);
    }
  }, 30_000); // nine worker start-ups on two cores

  it('writes the same CSV from workers as on the main thread, where small runs make their texts too', async () => {
    const args = ['extract', 'seeds/', 'fixtures/', '--format', 'csv', '--no-store'];
    const [main, two] = await Promise.all([rumours(args), rumours([...args, '--jobs', '2'])]);
    expect(main.stdout.split('\r\n').length).toBeGreaterThan(5);
    expect([two.status, two.stdout, two.stderr]).toEqual([main.status, main.stdout, main.stderr]);
  }, 20_000);

  it('with workers started before the walk ends, still reads one file, or none, as the main thread does', async () => {
    const one = ['extract', 'seeds/000_15d79670752df58c.txt', '--format', 'json'];
    const none = ['extract', 'no/such/file.txt', '--format', 'json'];
    const [oneMain, oneTwo, noneMain, noneTwo] = await Promise.all([rumours(one), rumours([...one, '--jobs', '2']), rumours(none), rumours([...none, '--jobs', '2'])]);
    expect(JSON.parse(oneTwo.stdout).articles).toHaveLength(1);
    expect([oneTwo.status, oneTwo.stdout, oneTwo.stderr]).toEqual([oneMain.status, oneMain.stdout, oneMain.stderr]);
    expect([noneTwo.status, noneTwo.stdout, noneTwo.stderr]).toEqual([noneMain.status, noneMain.stdout, noneMain.stderr]);
  }, 20_000);

  it('refuses a number of jobs that is not a whole number from 1', async () => {
    const r = await rumours(['extract', 'seeds/', '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/jobs/);
  });
});
