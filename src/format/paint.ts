// The colours the formatters use, as a small interface: chalk provides them at a terminal, and
// output for scripts (piped, or with --no-color) gets `PLAIN`, so that it never loads chalk.

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
  greenBright(s: string): string;
}

const _same = (s: string): string => s;

export const PLAIN: Paint = { bold: _same, dim: _same, underline: _same, green: _same, yellow: _same, red: _same, magenta: _same, cyan: _same, greenBright: _same };
