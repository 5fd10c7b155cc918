import type { z } from 'zod';
import { createNginxRouter, nginxOptionsSchema } from './nginx.js';
import { createProxyRouter, proxyOptionsSchema } from './proxy.js';
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
  nginx: kind({ schema: nginxOptionsSchema, create: createNginxRouter }),
  proxy: kind({ schema: proxyOptionsSchema, create: createProxyRouter })
};

export type RouterKindName = keyof typeof ROUTER_KINDS;
export type RouterOptions = z.output<(typeof ROUTER_KINDS)[RouterKindName]['schema']>;

export function createRouter(options: RouterOptions, context: RouterContext): Router {
  const entry = ROUTER_KINDS[options.kind] as RouterKind<z.ZodType<RouterOptions>>;
  return entry.create(options, context);
}
