import { z } from 'zod';
import type { Color } from '../../core/color.js';
import { isMetric, type Metric } from '../../core/checks.js';
import type { ColorMeasurement, ColorTraffic, NoData, Role } from '../../core/measurement.js';
import { durationSchema } from '../../shared/duration.js';
import { secretableSchema } from '../../shared/secrets.js';
import { HttpError, httpGet, shownUrl } from '../../shared/io/http.js';
import { sleepUnlessAborted } from '../../shared/io/wait.js';
import { cleanOutsideText } from '../../shared/logging/outside-text.js';
import type { AnalysisSource, MeasureWindow, SourceContext } from './source.js';

const PLACEHOLDERS = ['color', 'interval', 'upstream'] as const;
const PLACEHOLDER = /\$(\w+)/g;
const QUERY_KEY_HINT = 'expected requests, errors, error-rate, mean-latency or a latency percentile like p95';

const querySchema = z
  .string({ error: 'expected a PromQL query' })
  .trim()
  .min(1, 'expected a PromQL query')
  .superRefine((query, ctx) => {
    const unknown = [...query.matchAll(PLACEHOLDER)].map(m => m[1] as string).filter(name => !(PLACEHOLDERS as readonly string[]).includes(name));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `unknown placeholder $${unknown[0]}; the placeholders are $color, $interval and $upstream` });
    } else if (!/\$(color|upstream)\b/.test(query)) {
      ctx.addIssue({ code: 'custom', message: 'expected the query to select one color with $color or $upstream (like {color="$color"}); without either both colors get the same number' });
    }
  });

/** The queries by what they measure: counts over the window, or a metric's value computed by Prometheus. */
type Queries = { requests: string; errors?: string } & Partial<Record<Metric, string>>;

const queriesSchema = z.record(z.string(), querySchema).superRefine((queries, ctx) => {
  for (const key of Object.keys(queries)) {
    if (key !== 'requests' && key !== 'errors' && !isMetric(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown query; ${QUERY_KEY_HINT}` });
  }
  if (queries.requests === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['requests'],
      message: 'expected a query counting the requests in the window, like sum(increase(http_requests_total{color="$color"}[$interval]))'
    });
  }
  if (queries.errors !== undefined && queries['error-rate'] !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['error-rate'], message: 'expected errors or error-rate, not both: the error rate is errors divided by requests' });
  } else if (queries.errors === undefined && queries['error-rate'] === undefined) {
    // Without either, every error-rate check would read 0 and pass whatever happens.
    ctx.addIssue({
      code: 'custom',
      path: ['errors'],
      message: 'expected a query counting the failed requests (or an error-rate query), like sum(increase(http_requests_total{color="$color",code=~"5.."}[$interval])) or vector(0)'
    });
  }
}) as unknown as z.ZodType<Queries, Record<string, string>>;

/** `analysis.sources.<name>` with `kind: prometheus`: PromQL queries answered at the end of each window. */
export const prometheusSourceSchema = z.strictObject({
  kind: z.literal('prometheus'),
  url: z.url({ protocol: /^https?$/, error: 'expected the http:// or https:// URL of the Prometheus server, like http://prometheus:9090' }),
  queries: queriesSchema,
  /** The unit latency queries answer in: seconds by Prometheus convention; cutover works in milliseconds. */
  'latency-unit': z.enum(['s', 'ms'], { error: 'expected s (seconds, as Prometheus histograms count) or ms' }).default('s'),
  /** Sent with every query (an Authorization header, say); env:NAME keeps a token in a secret. */
  headers: z.record(z.string(), secretableSchema).default({}),
  timeout: durationSchema.default(5000),
  /** Waited after the window before querying, so the last scrape of the window has landed: about one scrape interval. */
  lag: durationSchema.default(0)
});

export type PrometheusSourceOptions = z.output<typeof prometheusSourceSchema>;

/** What Prometheus says (an error, label values, a body that is not JSON) is outside text: shown as one line of plain text. */
const said = (text: unknown, max?: number): string => cleanOutsideText(`${text}`, { max });

/** A query's one number (NaN included), with what it was for messages, or why there is none. */
export type Answer = { value: number; what: string } | { problem: string };

export function createPrometheusSource(options: PrometheusSourceOptions, context: SourceContext): AnalysisSource {
  const headers: Record<string, string> = {};
  for (const [header, value] of Object.entries(options.headers)) {
    headers[header] = context.secrets.resolve(`analysis.sources.${context.name}.headers.${header}`, value);
  }
  const base = options.url.replace(/\/+$/, '');
  const latencyFactor = options['latency-unit'] === 's' ? 1000 : 1;

  async function ask(key: string, color: Color, endMs: number, intervalMs: number): Promise<Answer> {
    const template = options.queries[key as keyof Queries] as string;
    const interval = promDuration(intervalMs);
    const query = expand(template, { color, interval, upstream: context.colors[color].upstream });
    const hints = [
      ...(key === 'errors' ? ['If the series only appears once a request fails, append "or vector(0)".'] : []),
      // The commonest stall: a window shorter than two scrapes leaves increase() and rate() nothing to compare.
      ...(/\$interval\b/.test(template) ? [`A [${interval}] range needs at least two scrapes inside it.`] : [])
    ];
    return instantQuery(base, query, { what: `query ${key} for ${color}`, timeMs: endMs, timeoutMs: options.timeout, headers, emptyHints: hints });
  }

  async function measureColor(color: Color, endMs: number, intervalMs: number): Promise<ColorMeasurement> {
    // requests first: the others are read against it.
    const keys = ['requests', ...Object.keys(options.queries).filter(key => key !== 'requests')];
    const answers = await Promise.all(keys.map(key => ask(key, color, endMs, intervalMs)));
    const [requests, ...others] = answers as [Answer, ...Answer[]];
    if ('problem' in requests) return noData(requests.problem);
    if (Number.isNaN(requests.value)) return noData(`${requests.what} returned NaN`);
    const traffic: ColorTraffic = { kind: 'measured', requests: requests.value, errors: 0, latenciesMs: [], values: {} };
    const values = traffic.values as Record<string, number>;
    for (const [i, answer] of others.entries()) {
      const key = keys[i + 1] as string;
      if ('problem' in answer) return noData(answer.problem);
      if (Number.isNaN(answer.value)) {
        // With no requests a ratio or a quantile is 0/0, and "0 requests" is the better answer.
        if (traffic.requests === 0) continue;
        return noData(`${answer.what} returned NaN, though requests counted ${traffic.requests}: a division by zero?`);
      }
      if (key === 'errors') {
        traffic.errors = answer.value;
      } else if (key === 'error-rate') {
        traffic.errors = answer.value * traffic.requests;
        values[key] = answer.value;
      } else {
        values[key] = answer.value * latencyFactor;
      }
    }
    const shown = Object.entries({ requests: traffic.requests, errors: traffic.errors, ...values }).map(([name, value]) => `${name}=${value}`);
    context.logger.debug(`analysis.sources.${context.name}: ${color} ${shown.join(' ')}`);
    return traffic;
  }

  return {
    name: context.name,
    kind: 'prometheus',
    async measure(window: MeasureWindow): Promise<Record<Role, ColorMeasurement>> {
      const startMs = Date.now();
      let endMs = startMs + window.durationMs;
      await sleepUnlessAborted(window.durationMs, window.signal);
      if (window.signal.aborted) {
        endMs = Math.min(endMs, Date.now());
      } else {
        await sleepUnlessAborted(options.lag, window.signal);
      }
      const intervalMs = Math.max(1, endMs - startMs);
      const [fresh, old] = await Promise.all([measureColor(window.roles.new, endMs, intervalMs), measureColor(window.roles.old, endMs, intervalMs)]);
      return { new: fresh, old };
    },
    async close() {}
  };
}

export interface InstantQuery {
  /** What the query is for, in messages: "query p99 for green". */
  what: string;
  /** Evaluated at this time; Prometheus's now when not given. */
  timeMs?: number;
  /** Bounds the whole exchange, and Prometheus's own evaluation. */
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Said when the query returns no series. */
  emptyHints?: readonly string[];
}

/** One instant query against the Prometheus at `base`: its one number (NaN included), or why there is none. */
export async function instantQuery(base: string, query: string, options: InstantQuery): Promise<Answer> {
  const shownBase = shownUrl(base).replace(/\/+$/, '');
  const params = new URLSearchParams({ query, ...(options.timeMs === undefined ? {} : { time: (options.timeMs / 1000).toFixed(3) }), timeout: `${options.timeoutMs}ms` });
  const { what } = options;
  let status: number;
  let body: string;
  try {
    // The timeout bounds the whole exchange, so a caller's wait ends by it, whatever Prometheus trickles.
    ({ status, body } = await httpGet(`${base.replace(/\/+$/, '')}/api/v1/query?${params}`, { timeoutMs: options.timeoutMs, headers: options.headers }));
  } catch (error) {
    return { problem: `Prometheus at ${shownBase} did not answer ${what}: ${error instanceof HttpError ? error.reason : (error as Error).message}` };
  }
  let answer: PrometheusAnswer;
  try {
    answer = JSON.parse(body) as PrometheusAnswer;
  } catch {
    return { problem: `Prometheus at ${shownBase} answered ${what} with HTTP ${status} and no JSON: ${said(body.trim(), 200)}` };
  }
  if (answer.status !== 'success' || status !== 200) {
    return { problem: `Prometheus refused ${what} (HTTP ${status}${answer.errorType ? `, ${said(answer.errorType)}` : ''}): ${said(answer.error ?? 'no reason given')}. The query was ${query}` };
  }
  return readResult(answer.data, `${what} (${query})`, options.emptyHints ?? []);
}

interface PrometheusAnswer {
  status?: string;
  error?: string;
  errorType?: string;
  data?: { resultType?: string; result?: unknown };
}

type Sample = [number, string];

/** The one number in a query's result: a scalar, or a vector of exactly one series. */
function readResult(data: PrometheusAnswer['data'], what: string, emptyHints: readonly string[]): Answer {
  let sample: Sample;
  if (data?.resultType === 'scalar') {
    sample = data.result as Sample;
  } else if (data?.resultType === 'vector') {
    const series = data.result as { metric: Record<string, string>; value: Sample }[];
    if (series.length === 0) {
      return { problem: [`${what} returned no series: check the metric and label names, and that Prometheus scrapes this color.`, ...emptyHints].join(' ') };
    }
    if (series.length > 1) {
      const shown = said(series.slice(0, 3).map(s => labelSet(s.metric)).join(', '));
      return { problem: `${what} returned ${series.length} series (${shown}${series.length > 3 ? ', ...' : ''}), expected one: wrap the query in sum(...)` };
    }
    sample = (series[0] as { value: Sample }).value;
  } else {
    return { problem: `${what} returned a ${data?.resultType ?? 'result of no type'}, expected a scalar or one series: wrap a range like [$interval] in increase() or rate()` };
  }
  const value = Number(sample[1]);
  if (value === Infinity || value === -Infinity) {
    return { problem: `${what} returned ${sample[1]}, expected a finite number: histogram_quantile() gives +Inf when the quantile lies past the last finite bucket` };
  }
  return { value, what };
}

function labelSet({ __name__: name = '', ...labels }: Record<string, string>): string {
  return `${name}{${Object.entries(labels).map(([label, value]) => `${label}="${value}"`).join(',')}}`;
}

function noData(reason: string): NoData {
  return { kind: 'no-data', reason };
}

/** The query with its placeholders filled in; the schema has refused any others. */
function expand(query: string, values: Record<(typeof PLACEHOLDERS)[number], string>): string {
  return query.replace(PLACEHOLDER, (_, name: keyof typeof values) => values[name]);
}

/** A PromQL duration: `10s` for whole seconds, `1500ms` otherwise. */
export function promDuration(ms: number): string {
  const whole = Math.round(ms);
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}
