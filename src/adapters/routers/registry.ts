import type { z } from 'zod';
import { commandOptionsSchema, createCommandRouter } from './command/router.js';
import { createEvmProxyRouter, evmProxyOptionsSchema } from './evm-proxy/router.js';
import { createHaproxyRouter, haproxyOptionsSchema } from './haproxy/router.js';
import { parseHostPort } from '../../core/host-port.js';
import { hostFor } from '../transport/host-for.js';
import { createNginxRouter, nginxOptionsSchema } from './nginx/router.js';
import { createProxyRouter, proxyOptionsSchema } from './proxy/router.js';
import type { Router, RouterContext } from './router.js';

interface RouterKind<S extends z.ZodType> {
  schema: S;
  create(options: z.output<S>, context: RouterContext): Router;
}

function kind<S extends z.ZodType>(entry: RouterKind<S>): RouterKind<S> {
  return entry;
}

/** Every router kind by its `router.kind` name. Adding a kind is a file and a line here. */
export const ROUTER_KINDS = {
  nginx: kind({
    schema: nginxOptionsSchema,
    create: (options, context) => createNginxRouter(options, context, hostFor(options, { file: options.file, 'pid-file': options['pid-file'] }, context))
  }),
  haproxy: kind({
    schema: haproxyOptionsSchema,
    create: (options, context) =>
      createHaproxyRouter(
        options,
        context,
        hostFor(options, { file: options.file, 'state-file': options['state-file'], socket: parseHostPort(options.socket) ? undefined : options.socket }, context)
      )
  }),
  command: kind({ schema: commandOptionsSchema, create: createCommandRouter }),
  proxy: kind({ schema: proxyOptionsSchema, create: createProxyRouter }),
  'evm-proxy': kind({ schema: evmProxyOptionsSchema, create: createEvmProxyRouter })
};

export type RouterKindName = keyof typeof ROUTER_KINDS;
export type RouterOptions = z.output<(typeof ROUTER_KINDS)[RouterKindName]['schema']>;

export function createRouter(options: RouterOptions, context: RouterContext): Router {
  const entry = ROUTER_KINDS[options.kind] as RouterKind<z.ZodType<RouterOptions>>;
  return entry.create(options, context);
}
