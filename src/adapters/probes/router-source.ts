import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Color } from '../../core/color.js';
import { BadInputError, describeError } from '../../shared/errors.js';
import type { ColorMeasurement, Role } from '../../core/measurement.js';
import type { RouterCounters } from '../routers/router.js';
import { sleepUnlessAborted } from '../../shared/io/wait.js';
import type { AnalysisSource, MeasureWindow, SourceContext } from './source.js';

/** `kind: router`: the requests users really sent, as the router counted them per color. */
export const routerSourceSchema = z.strictObject({
  kind: z.literal('router')
});

export type RouterSourceOptions = z.output<typeof routerSourceSchema>;

type Totals = Record<Color, RouterCounters>;

/**
 * Reads the router's per-color totals at the window's start and end; the
 * difference is what each color served in between. The router's mean
 * response time is a running average, so it is taken as it stands at the end.
 * On abort the end is read at once, covering the shorter window.
 */
export function createRouterSource(_options: RouterSourceOptions, context: SourceContext): AnalysisSource {
  const { router } = context;
  const field = `analysis.sources.${context.name}`;
  if (!router.counters) {
    throw new BadInputError(
      `${field}.kind: router needs a router that counts requests per color, and router.kind ${router.kind} keeps no such counts. ` +
        'Use router.kind haproxy, or measure with another source kind (http probes, or a command).'
    );
  }
  const counters = router.counters.bind(router);
  const read = async (): Promise<Totals | string> => {
    try {
      return await counters();
    } catch (error) {
      return `the router's counters could not be read: ${describeError(error)}`;
    }
  };

  return {
    name: context.name,
    kind: 'router',
    async measure(window: MeasureWindow): Promise<Record<Role, ColorMeasurement>> {
      const started = performance.now();
      const before = await read();
      await sleepUnlessAborted(window.durationMs - (performance.now() - started), window.signal);
      const after = await read();
      const measure = (role: Role) => served(window.roles[role], before, after);
      return { new: measure('new'), old: measure('old') };
    },
    close: async () => {}
  };
}

/** What `color` served between two reads of the totals. */
function served(color: Color, before: Totals | string, after: Totals | string): ColorMeasurement {
  if (typeof before === 'string') return { kind: 'no-data', reason: `at the window's start, ${before}` };
  if (typeof after === 'string') return { kind: 'no-data', reason: `at the window's end, ${after}` };
  const start = before[color];
  const end = after[color];
  for (const counter of ['requests', 'errors'] as const) {
    if (end[counter] < start[counter]) {
      return {
        kind: 'no-data',
        reason: `the router's ${counter} counter for ${color} went down (${start[counter]} -> ${end[counter]}): it was reset, by a reload say, so this window's traffic is unknown`
      };
    }
  }
  return {
    kind: 'measured',
    requests: end.requests - start.requests,
    errors: end.errors - start.errors,
    latenciesMs: [],
    ...(end.meanLatencyMs === null ? {} : { values: { 'mean-latency': end.meanLatencyMs } })
  };
}
