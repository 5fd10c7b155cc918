import { z } from 'zod';
import { confirmSchema, drainSchema } from '../options.js';

/** Drives cutover's own in-process proxy (see `cutover demo`); for demos and tests, never production. */
export const proxyOptionsSchema = z.strictObject({
  kind: z.literal('proxy'),
  admin: z.url({ protocol: /^http$/, error: 'expected the http:// URL of the proxy admin API' }),
  probe: z.url({ protocol: /^http$/, error: 'expected an http:// URL served through the proxy' }),
  confirm: confirmSchema({ responses: 3, timeout: 10_000, interval: 20 }),
  drain: drainSchema
});

export type ProxyOptions = z.output<typeof proxyOptionsSchema>;
