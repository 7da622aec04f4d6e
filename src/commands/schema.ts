// `rumours schema [OUTPUT]`: the JSON Schema of a command's JSON output, derived from the zod contract.
import { Argument, type Command } from './_commander.js';
import type { Io } from './_io.js';
import { examples } from './_options.js';

// Spelled here too so that `--help` and argument checks need no zod; src/contract.ts is checked against it in the tests.
const _OUTPUTS = ['extract', 'player', 'rumours', 'club', 'search', 'stats'];

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('schema')
    .description('Print the JSON Schema of a command\'s --format json output (extract when none is named)')
    .addArgument(new Argument('[output]', 'the command whose output it describes').choices(_OUTPUTS).default('extract'))
    .option('--player', 'the same as `rumours schema player`')
    .action(async (output: string, opts: { player?: boolean }) => {
      const { jsonSchemaOf } = await import('../contract.js');
      const which = (opts.player ? 'player' : output) as Parameters<typeof jsonSchemaOf>[0];
      io.stdout.write(`${JSON.stringify(jsonSchemaOf(which), null, 2)}\n`);
    });
  examples(cmd, [
    '$ rumours schema > rumours.schema.json',
    '$ rumours schema player | jq .properties.rumours',
    '$ rumours schema rumours         # rumours, club, search and stats: the store\'s listings',
  ]);
  cmd.addHelpText(
    'after',
    `
--format ndjson prints the same items one a line: for rumours, club and search, the items of the
listing's "items" array.
`,
  );
}
