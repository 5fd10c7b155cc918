import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BadInputError } from '../shared/errors.js';

/** Parses `args` strictly; an unknown or malformed flag is bad input that points to the command's help. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: readonly string[], options: O, positionals = false, help = command) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new BadInputError(`cutover ${command}: ${(error as Error).message}. See cutover ${help} --help.`);
  }
}
