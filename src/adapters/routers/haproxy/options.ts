import { z } from 'zod';
import { durationSchema } from '../../../shared/duration.js';
import { validSocket } from './runtime.js';
import { argvSchema, confirmSchema, drainSchema, sshSchema } from '../options.js';

export const haproxyOptionsSchema = z.strictObject({
  kind: z.literal('haproxy'),
  /** HAProxy's runtime API as the router's host sees it: the path of a `stats socket ... level admin`, or host:port of a TCP one. */
  socket: z.string().min(1).refine(validSocket, 'expected a UNIX socket path, or host:port with a port from 1 to 65535'),
  /** The backend file cutover owns, loaded by haproxy with an extra -f. */
  file: z.string().min(1),
  /** Backend name in the generated file; defaults to cutover_<service>. */
  backend: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'expected an HAProxy backend name: letters, digits, _ . and -')
    .optional(),
  /** The file HAProxy's global `server-state-file` names; saved after each switch, so a reload or restart keeps it. */
  'state-file': z.string().min(1),
  /** A URL served through this HAProxy, where cutover checks which color answers. */
  probe: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL served through this HAProxy' }),
  /** Checks the whole config with the new backend file; by default haproxy -c -q -f /etc/haproxy/haproxy.cfg -f <file>. */
  test: argvSchema.optional(),
  /** Loads the backend file. Only cutover init reloads: switches go through the runtime API. */
  reload: argvSchema.default(['systemctl', 'reload', 'haproxy']),
  /** Longest wait for one runtime API command. */
  timeout: durationSchema.default(5000),
  confirm: confirmSchema({ responses: 5, timeout: 30_000, interval: 100 }),
  drain: drainSchema,
  ssh: sshSchema.optional()
});

export type HaproxyOptions = z.output<typeof haproxyOptionsSchema>;
