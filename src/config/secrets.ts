import { z } from 'zod';
import { BadInputError } from '../core/errors.js';

const REFERENCE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * A config value that may be written literally or as `env:NAME`. References
 * are kept as written until the value is needed, so a config can be validated
 * without the secrets present, and a resolved value goes through `Secrets`,
 * which masks it before anything can print it.
 */
export const secretableSchema = z
  .string()
  .refine(text => !text.startsWith('env:') || REFERENCE.test(text), {
    error: 'an env reference is written env:NAME, with a name of letters, digits and _'
  });

export class Secrets {
  private readonly values = new Set<string>();

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly onSecret: (value: string) => void
  ) {}

  /** The value of `value` as used: an `env:NAME` reference is looked up and masked. */
  resolve(field: string, value: string): string {
    const match = REFERENCE.exec(value);
    if (!match) return value;
    const name = match[1] as string;
    const resolved = this.env[name];
    if (resolved === undefined || resolved === '') {
      throw new BadInputError(
        `${field}: ${value} is not set in the environment. Set ${name} (from a secret) for this step, or change the reference.`
      );
    }
    this.add(resolved);
    return resolved;
  }

  add(value: string): void {
    if (value === '' || this.values.has(value)) return;
    this.values.add(value);
    this.onSecret(value);
  }

  /** Replaces every known secret in `text` with `***`. */
  redact(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join('***');
    return out;
  }
}
