import type { z } from 'zod';
import { createCommandSource, commandSourceSchema } from './command-source.js';
import { createHttpSource, httpSourceSchema } from './http-probe.js';
import { createPrometheusSource, prometheusSourceSchema } from './prometheus.js';
import { createRouterSource, routerSourceSchema } from './router-source.js';
import type { AnalysisSource, SourceContext } from './source.js';

interface SourceKind<S extends z.ZodType> {
  schema: S;
  create(options: z.output<S>, context: SourceContext): AnalysisSource;
}

function kind<S extends z.ZodType>(entry: SourceKind<S>): SourceKind<S> {
  return entry;
}

/** Every analysis source kind by its `analysis.sources.<name>.kind`. Adding a kind is a file and a line here. */
export const SOURCE_KINDS = {
  http: kind({ schema: httpSourceSchema, create: createHttpSource }),
  router: kind({ schema: routerSourceSchema, create: createRouterSource }),
  prometheus: kind({ schema: prometheusSourceSchema, create: createPrometheusSource }),
  command: kind({ schema: commandSourceSchema, create: createCommandSource })
};

export type SourceKindName = keyof typeof SOURCE_KINDS;
export type SourceOptions = z.output<(typeof SOURCE_KINDS)[SourceKindName]['schema']>;

export function createSource(options: SourceOptions, context: SourceContext): AnalysisSource {
  const entry = SOURCE_KINDS[options.kind] as SourceKind<z.ZodType<SourceOptions>>;
  return entry.create(options, context);
}
