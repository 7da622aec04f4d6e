// `rumours prune`: drop from the store the articles whose files are gone.
import { existsSync } from 'node:fs';
import type { Command } from './_commander.js';
import { cleanPath, count } from '../format/_text.js';
import type { Io } from './_io.js';
import { addDbOption, examples } from './_options.js';

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('prune')
    .description('Drop from the store the articles whose files no longer exist')
    .option('-n, --dry-run', 'only list them');
  addDbOption(cmd).action(async (opts: { db?: string; dryRun?: boolean }) => {
    await runPrune(opts, io);
  });
  examples(cmd, ['$ rumours prune', '$ rumours prune --dry-run      # list what would go']);
}

export async function runPrune(opts: { db?: string; dryRun?: boolean }, io: Io): Promise<void> {
  const { withStore } = await import('../store/query.js');
  await withStore(opts, io, (store) => {
    const missing = store.paths().filter((p) => !existsSync(p));
    for (const p of missing) io.stdout.write(`${cleanPath(p)}\n`);
    if (!opts.dryRun) store.forget(missing);
    io.stderr.write(`rumours: ${opts.dryRun ? 'would drop' : 'dropped'} ${count(missing.length, 'article')} whose file is gone\n`);
  }, { write: true });
}
