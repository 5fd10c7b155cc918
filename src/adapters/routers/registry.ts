import type { z } from 'zod';
import { parseHostPort } from '../../core/host-port.js';
import type { Host } from '../transport/host.js';
import { commandOptionsSchema } from './command/options.js';
import { evmProxyOptionsSchema } from './evm-proxy/options.js';
import { haproxyOptionsSchema } from './haproxy/options.js';
import { nginxOptionsSchema } from './nginx/options.js';
import { proxyOptionsSchema } from './proxy/options.js';
import type { SshOptions } from './options.js';
import type { Router, RouterContext } from './router.js';

interface RouterKind<S extends z.ZodType> {
  /** Validates `router` in cutover.yml: light, so that loading a config loads no router's code. */
  schema: S;
  /** Loads the kind's code only when a step uses it: an nginx release never loads the chain libraries of evm-proxy. */
  create(options: z.output<S>, context: RouterContext): Promise<Router>;
}

function kind<S extends z.ZodType>(entry: RouterKind<S>): RouterKind<S> {
  return entry;
}

/** The host the router's files and commands are on: this machine, or the `ssh` one. */
async function hostFor(options: { ssh?: SshOptions }, files: Record<string, string | undefined>, context: RouterContext): Promise<Host> {
  return (await import('../transport/host-for.js')).hostFor(options, files, context);
}

/** Every router kind by its `router.kind` name. Adding a kind is a folder and a line here. */
export const ROUTER_KINDS = {
  nginx: kind({
    schema: nginxOptionsSchema,
    create: async (options, context) =>
      (await import('./nginx/router.js')).createNginxRouter(options, context, await hostFor(options, { file: options.file, 'pid-file': options['pid-file'] }, context))
  }),
  haproxy: kind({
    schema: haproxyOptionsSchema,
    create: async (options, context) =>
      (await import('./haproxy/router.js')).createHaproxyRouter(
        options,
        context,
        await hostFor(options, { file: options.file, 'state-file': options['state-file'], socket: parseHostPort(options.socket) ? undefined : options.socket }, context)
      )
  }),
  command: kind({ schema: commandOptionsSchema, create: async (options, context) => (await import('./command/router.js')).createCommandRouter(options, context) }),
  proxy: kind({ schema: proxyOptionsSchema, create: async (options, context) => (await import('./proxy/router.js')).createProxyRouter(options, context) }),
  'evm-proxy': kind({ schema: evmProxyOptionsSchema, create: async (options, context) => (await import('./evm-proxy/router.js')).createEvmProxyRouter(options, context) })
};

export type RouterKindName = keyof typeof ROUTER_KINDS;
export type RouterOptions = z.output<(typeof ROUTER_KINDS)[RouterKindName]['schema']>;

export function createRouter(options: RouterOptions, context: RouterContext): Promise<Router> {
  const entry = ROUTER_KINDS[options.kind] as RouterKind<z.ZodType<RouterOptions>>;
  return entry.create(options, context);
}
