import { z } from 'zod';
import { type Check, checkProblems, isMetric, type Metric, type SourcedCheck } from '../core/checks.js';
import type { FieldProblem } from '../core/field-problem.js';
import { type InconclusivePolicy, stepPolicyProblems } from '../core/step-verdict.js';
import { resolveTrafficSteps, trafficStepsProblems } from '../core/traffic-steps.js';
import { cookieNameProblem } from '../adapters/routers/common/affinity.js';
import { SOURCE_KINDS, type SourceOptions } from '../adapters/probes/registry.js';
import { durationSchema, parseDuration } from '../shared/duration.js';

const addProblems = (ctx: z.RefinementCtx, problems: readonly FieldProblem[], base: readonly (string | number)[]) => {
  for (const problem of problems) {
    // Core validators place problems from the top of cutover.yml; zod wants them relative to the value being checked.
    const path = problem.path.slice(base.length).map(p => (typeof p === 'number' ? p : String(p)));
    ctx.addIssue({ code: 'custom', path, message: problem.message, input: problem.value });
  }
};

/** `5, 25, 100` or `[5, 25, 100]`, as an action input or a CLI flag gives the steps, read as the list it means. */
function stepsFromText(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*\[?[\d\s,]+\]?\s*$/.test(value)) return value;
  const parts = value.replace(/[[\]]/g, '').split(',').map(part => part.trim());
  return parts.every(part => /^\d+$/.test(part)) ? parts.map(Number) : value;
}

export const trafficSchema = z
  .strictObject({
    steps: z.preprocess(stepsFromText, z.unknown()).default('all-at-once'),
    pause: durationSchema.default(60_000),
    affinity: z.strictObject({ cookie: z.string() }).optional()
  })
  .superRefine((traffic, ctx) => {
    addProblems(ctx, trafficStepsProblems(traffic.steps), ['traffic']);
    const cookie = traffic.affinity?.cookie;
    if (cookie !== undefined) {
      const problem = cookieNameProblem(cookie);
      if (problem) ctx.addIssue({ code: 'custom', path: ['affinity', 'cookie'], message: problem, input: cookie });
    }
  })
  // Runs only once the refinement found nothing wrong, so resolving cannot throw here.
  .transform(traffic => ({ ...traffic, steps: resolveTrafficSteps(traffic.steps) }));

/** `0.01` or `1%`. */
function ratioOf(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(value.trim());
  return match ? Number(match[1]) / 100 : undefined;
}

/** `300` (milliseconds) or a duration like `300ms` or `1.5s`. */
function millisecondsOf(value: number | string): number | undefined {
  return typeof value === 'number' ? value : parseDuration(value);
}

const limit = z.union([z.number(), z.string()]);

const checkEntrySchema = z.strictObject({
  name: z.string({ error: 'expected a name the summary and the log can show, like errors' }),
  source: z.string().optional(),
  metric: z.string().optional(),
  compare: z.enum(['error-rate', 'latency'], { error: 'expected error-rate or latency: what to compare between the new and the old color' }).optional(),
  max: limit.optional(),
  min: limit.optional(),
  allowance: limit.optional(),
  confidence: z.number().optional(),
  'min-samples': z.number().max(1_000_000, 'expected at most 1000000 samples').optional()
});
type CheckEntry = z.output<typeof checkEntrySchema>;

/** Samples a check needs before it counts, unless it says: a command gives one answer per interval. */
function defaultMinSamples(entry: CheckEntry, sourceKind: string | undefined): number {
  if (sourceKind === 'command') return 1;
  return entry.compare === 'error-rate' || entry.metric === 'error-rate' ? 50 : 20;
}

/** The check a config entry stands for, or the problems that keep it from being one. */
function checkOf(entry: CheckEntry, i: number, sourceKind: string | undefined): Check | FieldProblem[] {
  const at = (key: string) => ['analysis', 'checks', i, key];
  const minSamples = entry['min-samples'] ?? defaultMinSamples(entry, sourceKind);
  if ((entry.metric === undefined) === (entry.compare === undefined)) {
    return [{ path: at('metric'), message: 'expected either metric (a limit on the new color, like metric: error-rate with max: 1%) or compare (error-rate or latency against the old color), not both', value: entry.metric }];
  }
  const problems: FieldProblem[] = [];
  const convert = (key: 'max' | 'min' | 'allowance', ratio: boolean): number | undefined => {
    const given = entry[key];
    if (given === undefined) return undefined;
    const value = ratio ? ratioOf(given) : millisecondsOf(given);
    if (value === undefined) {
      problems.push({ path: at(key), message: ratio ? 'expected a ratio like 0.01 or a percentage like 1%' : 'expected milliseconds like 300 or a duration like 300ms', value: given });
    }
    return value;
  };
  const misplaced = (keys: (keyof CheckEntry)[], why: string) => {
    for (const key of keys) if (entry[key] !== undefined) problems.push({ path: at(key), message: why, value: entry[key] });
  };
  let check: Check;
  if (entry.metric !== undefined) {
    if (!isMetric(entry.metric)) {
      return [{ path: at('metric'), message: 'expected error-rate, mean-latency or a latency percentile from p0 to p100 like p95', value: entry.metric }];
    }
    const metric: Metric = entry.metric;
    misplaced(['allowance', 'confidence'], 'applies only to compare checks; a metric check has max and min');
    const ratio = metric === 'error-rate';
    check = { kind: 'threshold', name: entry.name, metric, max: convert('max', ratio), min: convert('min', ratio), minSamples };
  } else if (entry.compare === 'error-rate') {
    misplaced(['max', 'min', 'confidence'], 'does not apply to compare: error-rate, which allows the old color\'s error rate plus allowance');
    check = { kind: 'error-rate-vs-old', name: entry.name, allowance: convert('allowance', true) ?? 0.005, minSamples };
  } else {
    misplaced(['max', 'min'], 'does not apply to compare: latency, which tests whether the new color is slower (confidence, allowance)');
    check = { kind: 'latency-vs-old', name: entry.name, confidence: entry.confidence ?? 0.95, allowanceMs: convert('allowance', false) ?? 0, minSamples };
  }
  return problems.length ? problems : check;
}

const sourceSchema = z.discriminatedUnion(
  'kind',
  Object.values(SOURCE_KINDS).map(k => k.schema) as unknown as [z.ZodObject, ...z.ZodObject[]]
);

export const analysisSchema = z
  .strictObject({
    interval: durationSchema.default(10_000),
    'failures-allowed': z.number().max(1000, 'expected at most 1000 failed intervals').default(0),
    inconclusive: z.enum(['fail', 'pass', 'wait'], { error: 'expected fail, pass or wait: what an interval without enough data counts as' }).default('wait'),
    'wait-limit': durationSchema.default(300_000),
    'dry-run': z.boolean().default(false),
    sources: z.record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lowercase name like probe or prometheus'), sourceSchema),
    checks: z.array(checkEntrySchema)
  })
  .transform((analysis, ctx) => {
    const sources = analysis.sources as Record<string, SourceOptions>;
    const names = Object.keys(sources);
    const problems: FieldProblem[] = [];
    if (names.length === 0) problems.push({ path: ['analysis', 'sources'], message: 'expected at least one source, like probe: { kind: http, path: / }', value: sources });
    const checks: SourcedCheck[] = [];
    analysis.checks.forEach((entry, i) => {
      const source = entry.source ?? (names.length === 1 ? names[0] : undefined);
      if (source === undefined || !names.includes(source)) {
        const message = entry.source === undefined ? `expected the source this check reads, one of ${names.join(', ')}` : `expected one of the sources under analysis.sources: ${names.join(', ') || '(none)'}`;
        problems.push({ path: ['analysis', 'checks', i, 'source'], message, value: entry.source });
      }
      const check = checkOf(entry, i, source === undefined ? undefined : sources[source]?.kind);
      if (Array.isArray(check)) problems.push(...check);
      else if (source !== undefined) checks.push({ source, check });
    });
    if (problems.length === 0) problems.push(...checkProblems(checks.map(c => c.check)));
    const inconclusive: InconclusivePolicy = analysis.inconclusive === 'wait' ? { kind: 'wait', limitMs: analysis['wait-limit'] } : { kind: analysis.inconclusive };
    const policy = { failuresAllowed: analysis['failures-allowed'], inconclusive, dryRun: analysis['dry-run'] };
    problems.push(...stepPolicyProblems({ ...policy, pauseMs: 0 }));
    if (analysis.interval < 100) problems.push({ path: ['analysis', 'interval'], message: 'expected at least 100ms, like 10s', value: analysis.interval });
    addProblems(ctx, problems, ['analysis']);
    return { interval: analysis.interval, ...policy, sources, checks };
  });

export type TrafficSettings = z.output<typeof trafficSchema>;
export type AnalysisSettings = z.output<typeof analysisSchema>;
