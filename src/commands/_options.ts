// Options shared by the commands that read articles: one definition, one parser, one help text each.
import { InvalidArgumentError, Option, type Command } from './_commander.js';
import { DEFAULT_EXT, DEFAULT_MAX_SIZE } from '../read/defaults.js';
import { CHART_FORMATS, FORMATS, type ChartFormat, type CsvTable, type Format } from '../format/kinds.js';
import { CURRENCIES, DEFAULT_CURRENCY } from '../ids.js';
import type { Currency } from '../schema.js';
import { PLAIN, type Paint } from '../format/paint.js';
import type { Io } from './_io.js';

export interface ReadingOptions {
  format?: Format;
  ext: string[];
  maxSize: number;
  color: boolean;
  csvTable?: CsvTable;
  jobs?: number;
  quiet: boolean;
  /** false with --no-ignore: read what .gitignore / .ignore files and node_modules would hide. */
  ignore?: boolean;
  /** The currency every fee is also given in (--currency). */
  currency?: Currency;
  /** -L/--follow: follow symbolic links inside directories. */
  follow?: boolean;
  /** --db PATH: the store to use instead of RUMOURS_DB or the data directory. */
  db?: string;
  /** false with --no-store: read and print, record nothing. */
  store?: boolean;
}

/** --db on any command that uses the store. */
export function addDbOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--db <path>', 'the store (default: $RUMOURS_DB, else $XDG_DATA_HOME/rumours/rumours.db or ~/.local/share/rumours/rumours.db)').argParser(parseDb),
  );
}

/** An empty --db is a mistake (an unset shell variable), never the default store. */
export function parseDb(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('the path is empty (--no-store records nothing)');
  return value;
}

/** --db and --no-store on a command that extracts articles. */
export function addStoreOptions(cmd: Command): Command {
  return addDbOption(cmd).option('--no-store', 'only print: record nothing in the store, answer nothing from it');
}

/**
 * An option whose value is one of `values`, or with `list` several, comma-separated: any case,
 * spaces ignored ("--status Bid,agreed"). Help lists the choices.
 */
export function choiceOption<T extends string>(flags: string, description: string, values: readonly T[], list = false): Option {
  return new Option(flags, `${description} (${list ? 'one or more, comma-separated, of' : 'one of'}: ${values.join(', ')})`).argParser((value: string) => {
    const picked = value.split(list ? ',' : /(?!)/).map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
    const bad = picked.filter((v) => !values.some((c) => c.toLowerCase() === v));
    if (picked.length === 0 || bad.length > 0) throw new InvalidArgumentError(`Allowed choices are ${values.join(', ')}${list ? ', comma-separated' : ''}.`);
    const chosen = picked.map((v) => values.find((c) => c.toLowerCase() === v) as T);
    return list ? [...new Set(chosen)] : chosen[0];
  });
}

/** -f/--format on every command that prints. */
export function addFormatOption(cmd: Command, formats: readonly string[] = FORMATS): Command {
  return cmd.addOption(choiceOption('-f, --format <format>', 'output format (default: table on a terminal, json otherwise)', formats));
}

/** --currency on every command that prints fees. */
export function addCurrencyOption(cmd: Command): Command {
  return cmd.addOption(
    choiceOption('--currency <code>', 'every fee is also given in this currency, as `converted`', CURRENCIES).default(DEFAULT_CURRENCY, DEFAULT_CURRENCY),
  );
}

/** --format, --ext, --max-size, --no-color, --no-ignore, -j, -q, --currency on a command that reads articles. */
export function addReadingOptions(cmd: Command): Command {
  return addCurrencyOption(addFormatOption(cmd))
    .addOption(new Option('--ext <list>', 'file extensions read in directories, comma-separated').default(DEFAULT_EXT, DEFAULT_EXT.join(',')).argParser(parseExt))
    .addOption(new Option('--max-size <bytes>', 'skip files larger than this (suffixes k, M, G)').default(DEFAULT_MAX_SIZE, '5M').argParser(parseSize))
    .option('--no-color', 'no colours (also off when NO_COLOR is set or output is not a terminal)')
    .addOption(new Option('-j, --jobs <n>', 'worker threads for extraction (default: one per core for runs of 1,000 files or more, the main thread below that)').argParser(parseJobs))
    .option('-q, --quiet', 'no progress bar (it is only drawn on a terminal, for runs over a second)', false)
    .option('--no-ignore', 'also read what .gitignore and .ignore files exclude, and node_modules folders')
    .option('-L, --follow', 'follow symbolic links inside directories (a path named here is always followed)', false);
}

/** A whole number from 1 to 10,000 (--limit). */
/** A date YYYY-MM-DD (--since, --until, --as-of). */
export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}

/** --as-of DATE: what the store knew that day (articles dated after it are not read). */
export function addAsOfOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--as-of <date>', "what was known on YYYY-MM-DD: only articles dated on or before it are read, and every likelihood is as it stood then (default: everything stored)").argParser(parseDate),
  );
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('expected a whole number from 1 to 10000');
  return n;
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected a whole number of threads from 1 to 256');
  return n;
}

export function parseExt(value: string): string[] {
  const list = value
    .split(',')
    .map((e) => e.trim().replace(/^\*?\./, '').toLowerCase())
    .filter((e) => e !== '');
  if (list.length === 0 || list.some((e) => !/^[a-z0-9][a-z0-9._-]{0,15}$/.test(e))) {
    throw new InvalidArgumentError('expected extensions like "txt,md"');
  }
  return [...new Set(list)];
}

const _UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "5000000", "512k", "5M", "1.5MB" → bytes. */
export function parseSize(value: string): number {
  const m = /^\s*(\d{1,15}(?:\.\d{1,6})?)\s*([a-z]{0,2})\s*$/i.exec(value);
  const unit = _UNITS[(m?.[2] ?? '').toLowerCase()];
  const n = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a size in bytes, like 5000000 or 5M');
  return n;
}

/**
 * The format asked for (--csv-table alone asks for CSV), else a table for people at a terminal and
 * JSON for pipes and files.
 */
export function chosenFormat(opts: { format?: Format; csvTable?: CsvTable }, io: Io): Format {
  return opts.format ?? (opts.csvTable !== undefined ? 'csv' : io.isTTY ? 'table' : 'json');
}

/** The terminal's width for a table: stdout's columns at a terminal, else $COLUMNS when set, else none (no fitting). */
export function terminalWidth(io: Pick<Io, 'columns' | 'env'>): number | undefined {
  if (io.columns !== undefined && io.columns > 0) return io.columns;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : undefined;
}

/**
 * Colour level: none with --no-color or a non-empty NO_COLOR (chalk itself ignores it); FORCE_COLOR
 * forces it; otherwise only on a terminal, at the depth chalk detects.
 */
export function colourLevel(io: Pick<Io, 'isTTY' | 'env'>, flag: boolean, detected: number): 0 | 1 | 2 | 3 {
  if (!flag || (io.env.NO_COLOR ?? '') !== '') return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (!io.isTTY) return 0;
  return Math.max(0, Math.min(3, detected)) as 0 | 1 | 2 | 3;
}

/** The colours for this output: chalk's at the level `colourLevel` gives, else plain (chalk not loaded). */
export async function paintFor(io: Pick<Io, 'isTTY' | 'env'>, flag: boolean): Promise<Paint> {
  // Whether colour is on is decided without chalk; only how deep a terminal's colours go is asked of it.
  if (colourLevel(io, flag, 1) === 0) return PLAIN;
  const { Chalk, supportsColor } = await import('chalk');
  const level = colourLevel(io, flag, supportsColor ? supportsColor.level : 0);
  return level > 0 ? new Chalk({ level }) : PLAIN;
}

/** --format on a command that can also draw its answer (`player`, `club`): html and svg besides the rest. */
export function offerCharts(cmd: Command): Command {
  const format = cmd.options.find((o) => o.long === '--format');
  if (!format) throw new Error(`offerCharts: ${cmd.name()} has no --format`);
  format.choices([...FORMATS, ...CHART_FORMATS]);
  return cmd;
}

/** The chart format asked for (see `offerCharts`), or null for the data formats. */
export function chartFormat(opts: { format?: string }): ChartFormat | null {
  const f = opts.format;
  return (CHART_FORMATS as readonly string[]).includes(f ?? '') ? (f as ChartFormat) : null;
}

/** Help that leads with examples: they answer "how do I..." before the option list does. */
export function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('before', `Examples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

// A player's or a club's name is a few words: a longer query is a mistake (a pasted paragraph), and would build
// a query too large for SQLite ("Expression tree is too large").
const _NAME_WORDS = 12;
const _NAME_CHARS = 200;

/** Why a player's (or a club's) name given on the command line cannot be one, or null when it can. */
export function badName(name: string, what = "a player's name"): string | null {
  if (name.trim() === '') return 'the name is empty';
  const words = name.trim().split(/\s+/).length;
  if (words > _NAME_WORDS || name.length > _NAME_CHARS) {
    return `the name is too long (${words} words, ${name.length} characters; ${what} has at most ${_NAME_WORDS} words and ${_NAME_CHARS} characters)`;
  }
  return null;
}
