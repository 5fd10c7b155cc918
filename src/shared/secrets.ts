import { z } from 'zod';
import { BadInputError } from './errors.js';
import { secretsInUrl } from './database-url.js';

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
    error: 'an env reference is written env:NAME, with a name of letters, digits and _',
    // A mistyped reference may still hold the secret itself (env:postgres://user:password@...).
    params: { hideValue: true }
  });

/** `env:NAME`'s NAME, or undefined for a value written literally. */
export function referenceIn(value: string): string | undefined {
  return REFERENCE.exec(value)?.[1];
}

/** The field as messages name it: with the variable it came from, so the fix is clear without showing the value. */
export function fieldFrom(field: string, written: string): string {
  const name = referenceIn(written);
  return name === undefined ? field : `${field} (from env:${name})`;
}

/**
 * Parts of a secret that are masked on their own too: each line of a
 * multi-line value (a key, a JSON credential), since logs show text line by
 * line, and the passwords a URL carries, as drivers may quote them. Shorter parts
 * are left to the whole value: masking a "}" line everywhere hides more than it protects.
 */
const MIN_PART_LENGTH = 8;

function partsOf(value: string): string[] {
  const parts = [...value.split(/\r?\n/).map(line => line.trim()), ...secretsInUrl(value)];
  return parts.filter(part => part.length >= MIN_PART_LENGTH && part !== value);
}

export class Secrets {
  /** Longest first, so that a secret holding a shorter one is masked whole, not around it. */
  private values: string[] = [];

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly onSecret: (value: string) => void
  ) {}

  /** The value of `value` as used: an `env:NAME` reference is looked up and masked. */
  resolve(field: string, value: string): string {
    const name = referenceIn(value);
    if (name === undefined) return value;
    const resolved = this.env[name];
    if (resolved === undefined || resolved === '') {
      throw new BadInputError(
        `${field}: ${value} is not set in the environment. Set ${name} (from a secret) for this step, or change the reference.`
      );
    }
    this.add(resolved);
    return resolved;
  }

  /** Masks `value` from now on, and each of its lines and any URL password in it as well. */
  add(value: string): void {
    for (const secret of [value, ...partsOf(value)]) {
      if (secret === '' || this.values.includes(secret)) continue;
      this.values.push(secret);
      this.onSecret(secret);
    }
    this.values.sort((a, b) => b.length - a.length);
  }

  /** Replaces every known secret in `text` with `***`. */
  redact(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join('***');
    return out;
  }
}
