import { z } from 'zod';
import { argvSchema, confirmSchema, drainSchema, sshSchema } from '../options.js';
import { adminAddressSchema } from './admin.js';

export const nginxOptionsSchema = z
  .strictObject({
    kind: z.literal('nginx'),
    /** The include file cutover owns. */
    file: z.string().min(1),
    /** Upstream name in the generated file; defaults to cutover_<service>. */
    upstream: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an nginx identifier: letters, digits and _')
      .optional(),
    /** A URL served through this nginx, where cutover checks which state answers. */
    probe: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL served through this nginx' }),
    /**
     * reload: each switch writes the upstream and reloads nginx. lua: a Lua
     * balancer reads the state from a shared dict that cutover changes
     * through an admin listener, with no reload.
     */
    mode: z.enum(['reload', 'lua'], { error: 'expected reload (the default) or lua' }).default('reload'),
    /** mode lua: the loopback address where the generated file's admin listener answers. */
    admin: adminAddressSchema.optional(),
    /** mode reload: nginx's pid file, to find the old workers a reload leaves draining; nginx's default /run/nginx.pid. */
    'pid-file': z.string().min(1).optional(),
    /** The nginx binary, used to check a generated file on its own before it goes live. */
    binary: z.string().min(1).default('nginx'),
    test: argvSchema.default(['nginx', '-t', '-q']),
    reload: argvSchema.default(['nginx', '-s', 'reload']),
    confirm: confirmSchema({ responses: 5, timeout: 30_000, interval: 100 }),
    drain: drainSchema,
    /** nginx on another machine: its files, commands and admin listener are reached over SSH. */
    ssh: sshSchema.optional()
  })
  .superRefine((options, ctx) => {
    const refuse = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (options.mode === 'lua') {
      if (options.admin === undefined) refuse(['admin'], 'mode lua needs the loopback address for the admin listener in cutover\'s file, like 127.0.0.1:9901');
      if (options['pid-file'] !== undefined) refuse(['pid-file'], 'used by mode reload only (mode lua counts requests in flight itself); remove it');
      if (options.drain['close-after'] !== undefined) {
        refuse(
          ['drain', 'close-after'],
          'mode lua cannot close connections: nginx has no way to end another request\'s connection without a reload. Remove it (drain waits up to drain.timeout), or use mode reload, which ends old workers after close-after'
        );
      }
    } else if (options.admin !== undefined) {
      refuse(['admin'], 'used by mode lua only; remove it, or set mode: lua');
    }
  });

export type NginxOptions = z.output<typeof nginxOptionsSchema>;
