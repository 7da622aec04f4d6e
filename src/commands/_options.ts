// Options shared by the commands that read articles: one definition, one parser, one help text each.
import { InvalidArgumentError, Option, type Command } from './_commander.js';
import { DEFAULT_EXT, DEFAULT_MAX_SIZE } from '../read/defaults.js';
import { CHART_FORMATS, FORMATS, type ChartFormat, type CsvTable, type Format } from '../format/kinds.js';
import { CURRENCIES } from '../ids.js';
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
  /** --db PATH: the store to use instead of RUMOURS_DB or the data directory. */
  db?: string;
  /** false with --no-store: read and print, record nothing. */
  store?: boolean;
}

/** --db on any command that uses the store. */
export function addDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'the store (default: $RUMOURS_DB, else $XDG_DATA_HOME/rumours/rumours.db or ~/.local/share/rumours/rumours.db)');
}

/** --db and --no-store on a command that extracts articles. */
export function addStoreOptions(cmd: Command): Command {
  return addDbOption(cmd).option('--no-store', 'only print: record nothing in the store, answer nothing from it');
}

/** --format, --ext, --max-size, --no-color on a command that reads articles. */
export function addReadingOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
    .addOption(new Option('--ext <list>', 'file extensions read in directories, comma-separated').default(DEFAULT_EXT, DEFAULT_EXT.join(',')).argParser(parseExt))
    .addOption(new Option('--max-size <bytes>', 'skip files larger than this (suffixes k, M, G)').default(DEFAULT_MAX_SIZE, '5M').argParser(parseSize))
    .option('--no-color', 'no colours (also off when NO_COLOR is set or output is not a terminal)')
    .addOption(new Option('-j, --jobs <n>', 'worker threads for extraction (default: the number of cores; runs of a few files stay on one thread)').argParser(parseJobs))
    .option('-q, --quiet', 'no progress bar (it is only drawn on a terminal, for runs over a second)', false);
}

/** "gbp", "EUR" → the currency code; the codes are those the fee contract knows. */
export function parseCurrency(value: string): Currency {
  const code = value.trim().toUpperCase();
  if (!(CURRENCIES as readonly string[]).includes(code)) throw new InvalidArgumentError(`Allowed choices are ${CURRENCIES.join(', ')}.`);
  return code as Currency;
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

/** The format asked for, else a table for people at a terminal and JSON for pipes and files. */
export function chosenFormat(opts: { format?: Format }, io: Io): Format {
  return opts.format ?? (io.isTTY ? 'table' : 'json');
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
