// `rumours schema [OUTPUT]`: the JSON Schema of a command's JSON output, derived from the zod contract.
import type { Command } from './_commander.js';
import { OUTPUT_NAMES, type OutputName } from '../ids.js';
import { setExit, type Io } from './_io.js';
import { examples } from './_options.js';

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('schema')
    .description("Print the JSON Schema of a command's --format json output (extract when none is named)")
    .argument('[output]', `the command whose output it describes: ${OUTPUT_NAMES.join(', ')}`, 'extract')
    .option('--player', 'the same as `rumours schema player`')
    .action(async (output: string, opts: { player?: boolean }) => {
      const which = opts.player ? 'player' : output.trim().toLowerCase();
      if (!(OUTPUT_NAMES as string[]).includes(which)) {
        io.stderr.write(`rumours: schema: no command "${output}" prints JSON; name one of ${OUTPUT_NAMES.join(', ')}\n`);
        setExit(io, 2);
        return;
      }
      const { jsonSchemaOf } = await import('../contract.js');
      io.stdout.write(`${JSON.stringify(jsonSchemaOf(which as OutputName), null, 2)}\n`);
    });
  examples(cmd, [
    '$ rumours schema > rumours.schema.json',
    '$ rumours schema player | jq .properties.rumours',
    '$ rumours schema eval',
  ]);
  cmd.addHelpText(
    'after',
    `
Every JSON document starts with "schema": "rumours/<command>@<version>" (rumours/extract@1,
rumours/player@1, ...), which is also the schema's $id (urn:rumours:extract@1). --format ndjson
prints the same items one a line: for rumours, club and search, the items of the listing's "items".
`,
  );
}
