// commander, loaded with require(): it is CommonJS, and importing it as an ES module makes node parse
// it for its exports first, about 8 ms more on every run (measured). Its types come as usual.
import { createRequire } from 'node:module';
import type * as commander from 'commander';

const _commander = createRequire(import.meta.url)('commander') as typeof commander;

export const { Argument, Command, CommanderError, InvalidArgumentError, Option } = _commander;
export type Argument = commander.Argument;
export type Command = commander.Command;
export type CommanderError = commander.CommanderError;
export type InvalidArgumentError = commander.InvalidArgumentError;
export type Option = commander.Option;
