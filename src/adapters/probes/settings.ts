import { z } from 'zod';
import type { Color } from '../../core/color.js';
import { parseHostPort, validPort } from '../../core/host-port.js';
import { durationSchema } from '../../shared/duration.js';
import { httpStatusSchema } from '../../shared/io/http.js';
import { secretableSchema } from '../../shared/secrets.js';

// The settings the probes read, validated where cutover.yml is loaded (src/config/schema.ts composes them).

const upstreamSchema = z
  .string({ error: 'expected host:port, like 127.0.0.1:8081' })
  .refine(text => validPort(parseHostPort(text)?.port ?? 0), 'expected host:port with a port from 1 to 65535, like 127.0.0.1:8081');

/** An http:// or https:// URL, with what it is for in the message. */
export const httpUrl = (what: string) => z.url({ protocol: /^https?$/, error: `expected an http:// or https:// URL of ${what}` });

/** One color's servers: where the router sends its traffic, and its endpoints reached directly. */
export const colorSchema = z.strictObject({
  upstream: upstreamSchema,
  health: httpUrl("this color's health endpoint, reached directly, not through the router"),
  version: httpUrl("this color's version endpoint (plain text, or JSON with a \"version\" field)").optional(),
  url: httpUrl('this color reached directly, which reviewers open as the preview of the idle color').optional()
});

/** How deploy waits for a color to be healthy. */
export const healthSchema = z.strictObject({
  timeout: durationSchema.default(120_000),
  interval: durationSchema.default(1000),
  'max-interval': durationSchema.default(10_000),
  'request-timeout': durationSchema.default(5000),
  'expect-status': z.union([httpStatusSchema, z.array(httpStatusSchema).min(1)]).default(200).transform(v => (Array.isArray(v) ? v : [v])),
  headers: z.record(z.string(), secretableSchema).default({})
});

export type ColorSettings = Record<Color, z.output<typeof colorSchema>>;
export type HealthSettings = z.output<typeof healthSchema>;
