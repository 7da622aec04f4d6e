// `rumours schema`: the JSON Schema of the output, derived from the zod contract in src/schema.ts.
import type { Command } from 'commander';
import { jsonSchema, playerStorySchema } from '../schema.js';
import type { Io } from './_io.js';
import { examples } from './_options.js';

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('schema')
    .description('Print the JSON Schema of the output of extract (or, with --player, of player)')
    .option('--player', 'the schema of `rumours player --format json` instead')
    .action((opts: { player?: boolean }) => {
      io.stdout.write(`${JSON.stringify(opts.player ? playerStorySchema() : jsonSchema(), null, 2)}\n`);
    });
  examples(cmd, [
    '$ rumours schema > rumours.schema.json',
    '$ rumours schema --player | jq .properties.rumours',
  ]);
}
