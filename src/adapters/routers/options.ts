import { z } from 'zod';
import { argvSchema as argvSchemaFor } from '../../shared/argv.js';
import { durationSchema } from '../../shared/duration.js';
import { secretableSchema } from '../../shared/secrets.js';
import type { DrainSettings } from './common/drain.js';

/** Settings shared by router kinds; each kind's schema picks the ones it supports. */

export const argvSchema = argvSchemaFor('[nginx, -s, reload]');

/**
 * The router's host reached over SSH. The host key must match a known_hosts
 * line given here: there is no trust on first use.
 */
export const sshSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  user: z.string().min(1),
  /** The private key, in OpenSSH or PEM form; write env:NAME and keep it in a secret. */
  key: secretableSchema,
  passphrase: secretableSchema.optional(),
  /** known_hosts lines for this host (as `ssh-keyscan` prints them, checked out of band); env:NAME works too. */
  'known-hosts': secretableSchema,
  'connect-timeout': durationSchema.default(15_000)
});

export type SshOptions = z.output<typeof sshSchema>;

const DRAIN_DEFAULTS = { timeout: 300_000, time: 10_000, interval: 250 };

export const drainSchema = z
  .strictObject({
    /** Longest wait for the old color's in-flight requests to finish. */
    timeout: durationSchema.default(DRAIN_DEFAULTS.timeout),
    /** The wait used where the router has no per-color counter. */
    time: durationSchema.default(DRAIN_DEFAULTS.time),
    /** Close connections still open this long after the switch (websockets, streams); unset leaves them until they end. */
    'close-after': durationSchema.optional(),
    interval: durationSchema.default(DRAIN_DEFAULTS.interval)
  })
  .default(DRAIN_DEFAULTS);

export function drainSettings(options: z.output<typeof drainSchema>, signal?: AbortSignal): DrainSettings {
  return { timeoutMs: options.timeout, timeMs: options.time, closeAfterMs: options['close-after'], intervalMs: options.interval, signal };
}

export function confirmSchema(defaults: { responses: number; timeout: number; interval: number }) {
  return z
    .strictObject({
      /** Consecutive answers from the new state that count as switched. */
      responses: z.number().int().min(1).max(1000).default(defaults.responses),
      timeout: durationSchema.default(defaults.timeout),
      interval: durationSchema.default(defaults.interval)
    })
    .default(defaults);
}
