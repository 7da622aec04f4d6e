// `rumours forget PATH...`: drop files' articles (and those of files under folders) from the store.
import type { Command } from './_commander.js';
import { cleanPath, count } from '../format/_text.js';
import { setExit, type Io } from './_io.js';
import { addDbOption, examples } from './_options.js';

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('forget')
    .description('Drop from the store the articles of these files, or of every file under these folders')
    .argument('<paths...>', 'files or folders, as they were read (whether or not they still exist)');
  addDbOption(cmd).action(async (paths: string[], opts: { db?: string }) => {
    await runForget(paths, opts, io);
  });
  examples(cmd, ['$ rumours forget news/2024-01-05-salah.txt', '$ rumours forget old-news/        # every article read from under it']);
}

export async function runForget(paths: string[], opts: { db?: string }, io: Io): Promise<void> {
  const { withStore } = await import('../store/query.js');
  await withStore(opts, io, (store) => {
    const gone = store.forget(paths);
    io.stderr.write(`rumours: forgot ${count(gone.length, 'article')}\n`);
    if (gone.length === 0) {
      io.stderr.write(`rumours: none of ${paths.map(cleanPath).join(', ')} is in the store (${cleanPath(store.path)})\n`);
      setExit(io, 1);
    }
  }, { write: true });
}
