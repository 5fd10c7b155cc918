import { z } from 'zod';

/**
 * A command as a list of arguments, which runs without a shell: a single
 * string is refused, so no shell ever parses it. `example` shows the form in
 * the message, like "[./deploy.sh, --fast]". An argument may be empty (a
 * program can mean something by it); the program may not.
 */
export function argvSchema(example: string) {
  return z
    .array(z.string(), { error: `expected a list of arguments, like ${example}; a single string is refused so that no shell parses it` })
    .min(1, 'expected at least the program to run')
    .refine(argv => argv[0] !== '', 'expected the program to run first, not an empty string');
}
