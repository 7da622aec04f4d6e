// `rumours eval GOLD.json PATH...`: options → src/eval → report on stdout, problems on stderr.
import type { Command } from './_commander.js';
import { clean, cleanPath, count } from '../format/_text.js';
import { setExit, type Io } from './_io.js';
import { addFormatOption, colourLevel } from './_options.js';

// GOLD.json and ARTICLES/ stand for your own files: no gold file ships with rumours.
export const EVAL_EXAMPLES = `Examples:
  $ rumours eval GOLD.json ARTICLES/                 # a table of precision, recall and F1 per field
  $ rumours eval GOLD.json ARTICLES/ --verbose       # and every miss and false positive
  $ rumours eval GOLD.json ARTICLES/ -f json --min-f1 0.8 | jq .macroF1
`;

export const EVAL_NOTES = `
Articles pair with gold entries by file name: the gold key "018.txt" scores any
file named 018.txt under PATH. Gold articles with no such file are errors (exit 2);
files with no gold entry are skipped with a note.

Scoring (rumours-gold/1, see the gold GUIDELINES):
  names    match after folding case, accents and punctuation, when equal to a
           listed spelling, when one is the other's surname part ("Mac Allister"
           ~ "Alexis Mac Allister") or leaves out a middle name or second surname
           ("Pape Sarr" ~ "Pape Matar Sarr"); a gold club also stands for the
           club the club table knows by that name ("Stade Rennais FC" ~ Rennes)
  fees     match on currency and an amount within 1%; fees with no amount
           ("undisclosed", "free transfer") are not money amounts and are not scored
  quotes   match when the quote's text starts with the gold start
  rumours  match on player and destination club; "rumour from" and
           "rumour status" are then scored over the matched rumours
  optional gold entries are neither misses when absent nor false positives
           when found; matching is one to one, best match first
  partial  a field an entry leaves out is not scored for that article; a field
           listed under "partial" counts no false positives (recall only); a
           rumour without "from" or "status" leaves that attribute unscored

The articles under PATH are read as one run: a man one article calls manager
(agent, chairman, ...) and another names with no word of what he is keeps his
role in both.

Counts are summed over all articles (micro-average). Attribute fields
(fee→player, quote→speaker, rumour from, rumour status, people role) and date
count right and wrong over matched pairs: tp = right, fp = fn = wrong, so
P = R = F1 = right / matched. macro-F1 is the mean F1 of the unstarred fields
the gold gives; people and people role are shown but not included.

Exit status: 0 done, 1 macro-F1 below --min-f1, 2 unreadable gold or article,
or a gold article with no file.
`;

interface _Opts {
  format?: 'table' | 'json';
  color: boolean;
  verbose?: boolean;
  minF1?: string;
}

export function register(program: Command, io: Io): void {
  const cmd = program
    .command('eval')
    .description('Score the extractor against a gold file: precision, recall and F1 per field')
    .argument('<gold>', 'gold annotations (rumours-gold/1 JSON)')
    .argument('<paths...>', 'article files or directories to extract and score');
  addFormatOption(cmd, ['table', 'json'])
    .option('--no-color', 'no colours (also off when NO_COLOR is set or output is not a terminal)')
    .option('--verbose', 'list every miss, false positive and wrong attribute, by article')
    .option('--min-f1 <x>', 'exit 1 when the macro-F1 is below X (0 to 1)')
    .addHelpText('before', EVAL_EXAMPLES)
    .addHelpText('after', EVAL_NOTES)
    .action(async (gold: string, paths: string[], opts: _Opts) => {
      let minF1: number | undefined;
      if (opts.minF1 !== undefined) {
        minF1 = Number(opts.minF1);
        if (opts.minF1.trim() === '' || !Number.isFinite(minF1) || minF1 < 0 || minF1 > 1) {
          io.stderr.write(`rumours: --min-f1: expected a number from 0 to 1, got "${clean(opts.minF1)}"\n`);
          setExit(io, 2);
          return;
        }
      }
      // Loaded on use: the scorer (and zod, for the gold file) is no part of the other commands' start-up.
      const { FIELD_LABELS, renderJson, renderTable, runEval } = await import('../eval/index.js');
      const r = await runEval(gold, paths, { stdin: io.stdin });
      if (!r.ok) {
        io.stderr.write(`rumours: ${cleanPath(r.file)}: ${clean(r.reason)}\n`);
        setExit(io, 2);
        return;
      }
      const report = r.report;
      const color = colourLevel(io, opts.color, 1) > 0;
      const render = { color, verbose: opts.verbose === true };
      const format = opts.format ?? (io.isTTY ? 'table' : 'json');
      io.stdout.write(format === 'json' ? renderJson(report, render) : renderTable(report, render));

      for (const e of report.errors) io.stderr.write(`rumours: ${cleanPath(e.file)}: ${clean(e.reason)}\n`);
      if (report.errors.length > 0) setExit(io, 2);
      if (report.ignored.length > 0) {
        if (opts.verbose) for (const n of report.ignored) io.stderr.write(`rumours: note: ${cleanPath(n.file)}: not scored (${clean(n.reason)})\n`);
        else {
          const some = report.ignored.slice(0, 3).map((n) => n.file).join(', ');
          const more = report.ignored.length > 3 ? ', ...' : '';
          io.stderr.write(`rumours: note: ${count(report.ignored.length, 'file')} not scored, no gold entry or a repeated file name (${cleanPath(some)}${more}; --verbose lists them)\n`);
        }
      }
      if (minF1 !== undefined && report.macroF1 < minF1) {
        const low = report.macroFields.filter((f) => report.fields[f].f1 < (minF1 as number));
        const which = low.map((f) => `${FIELD_LABELS[f]} ${report.fields[f].f1.toFixed(3)}`).join(', ');
        io.stderr.write(`rumours: macro-F1 ${report.macroF1.toFixed(3)} is below --min-f1 ${minF1}${which ? ` (fields below it: ${which})` : ''}\n`);
        setExit(io, 1);
      }
    });
}
