import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Color } from '../../src/core/color.js';
import { BadInputError } from '../../src/shared/errors.js';
import type { ColorMeasurement, ColorTraffic, NoData, Role } from '../../src/core/measurement.js';
import { describeIssues } from '../../src/shared/problems.js';
import { Secrets } from '../../src/shared/secrets.js';
import { httpGet, httpRequest } from '../../src/shared/io/http.js';
import { freePort } from '../../src/shared/io/ports.js';
import { poll, sleep } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { createPrometheusSource, prometheusSourceSchema, promDuration } from '../../src/adapters/probes/prometheus.js';
import type { SourceContext } from '../../src/adapters/probes/source.js';
import type { Router } from '../../src/adapters/routers/router.js';
import { describeWithPrometheus, type LocalPrometheus, startPrometheus } from '../support/prometheus.js';
import { startUpstreams, type Upstreams } from '../support/servers.js';

/** bcrypt of "test-token" at the lowest cost, for a Prometheus that asks for basic auth (Node cannot make one). */
const TEST_TOKEN_BCRYPT = '$2b$04$BvhrO2pOVKiQv4G9CWfvluDDY2XeSJohUyJ7QO02FSWpcLvfOA5n.';

const REQUESTS = 'sum(increase(sample_requests_total{color="$color"}[$interval]))';
const ERRORS = 'sum(increase(sample_requests_total{color="$color",code=~"5.."}[$interval])) or vector(0)';
const MEAN = 'sum(increase(sample_request_duration_seconds_sum{color="$color"}[$interval])) / sum(increase(sample_request_duration_seconds_count{color="$color"}[$interval]))';
const P95 = 'histogram_quantile(0.95, sum by (le) (increase(sample_request_duration_seconds_bucket{color="$color"}[$interval])))';

/** The prometheus source never touches the router; this one says so if it ever does. */
const noRouter = new Proxy({}, { get: () => { throw new Error('the prometheus source does not use the router'); } }) as Router;

function contextFor(apps: Pick<Upstreams, 'blue' | 'green'>, env: NodeJS.ProcessEnv = {}) {
  const log: string[] = [];
  const secrets = new Secrets(env, () => {});
  const colors = {
    blue: { upstream: apps.blue, health: `http://${apps.blue}/healthz` },
    green: { upstream: apps.green, health: `http://${apps.green}/healthz` }
  };
  const context: SourceContext = {
    name: 'prom',
    colors,
    router: noRouter,
    baseDir: '.',
    logger: terminalLogger({ write: text => log.push(text), redact: text => secrets.redact(text), verbose: true }),
    secrets,
    env
  };
  return { context, log };
}

function sourceFor(raw: Record<string, unknown>, context: SourceContext) {
  return createPrometheusSource(prometheusSourceSchema.parse({ kind: 'prometheus', ...raw }), context);
}

const roles: Record<Role, Color> = { new: 'green', old: 'blue' };

function window(durationMs: number) {
  return { roles, weights: { blue: 50, green: 50 }, durationMs, signal: new AbortController().signal };
}

function measured(measurement: ColorMeasurement): ColorTraffic {
  if (measurement.kind !== 'measured') throw new Error(`expected a measurement, got no-data: ${measurement.reason}`);
  return measurement;
}

function noData(measurement: ColorMeasurement): string {
  if (measurement.kind !== 'no-data') throw new Error(`expected no-data, got ${JSON.stringify(measurement)}`);
  return (measurement as NoData).reason;
}

/** Sends requests to `address` from `parallel` loops, each at most one per `everyMs`, until `untilMs`; returns how many were answered. */
async function traffic(address: string, untilMs: number, everyMs: number, parallel = 1): Promise<number> {
  let answered = 0;
  const loop = async () => {
    while (Date.now() < untilMs) {
      const next = Date.now() + everyMs;
      await httpGet(`http://${address}/`, { timeoutMs: 5000 });
      answered += 1;
      if (next > Date.now()) await sleep(next - Date.now());
    }
  };
  await Promise.all(Array.from({ length: parallel }, loop));
  return answered;
}

/** What Prometheus holds now for an instant query that returns one number, or undefined when it returns nothing. */
async function instant(prometheus: LocalPrometheus, query: string): Promise<number | undefined> {
  const response = await httpGet(`${prometheus.url}/api/v1/query?${new URLSearchParams({ query })}`, { timeoutMs: 5000 });
  const result = (JSON.parse(response.body) as { data: { result: { value: [number, string] }[] } }).data.result;
  return result[0] === undefined ? undefined : Number(result[0].value[1]);
}

/** Polls until Prometheus's latest scrape of `color` counts `served` requests (and `failed` of them 500s), so a window starts on settled counters. */
async function scraped(prometheus: LocalPrometheus, color: Color, served: number, failed = 0): Promise<void> {
  const counts = async () => ({
    total: await instant(prometheus, `sum(sample_requests_total{color="${color}"})`),
    errors: failed === 0 ? 0 : await instant(prometheus, `sum(sample_requests_total{color="${color}",code="500"})`)
  });
  await poll(counts, {
    what: `Prometheus to scrape ${color}'s ${served} requests (${failed} failed)`,
    done: ({ total, errors }) => total === served && errors === failed,
    describe: ({ total, errors }) => `${total} (${errors} failed)`,
    timeoutMs: 10_000,
    intervalMs: 100
  });
}

/** Sends requests one at a time until a 500 is followed by a 200: the failures are spread evenly from then on. */
async function untilSteadyFailures(address: string): Promise<{ served: number; failed: number }> {
  let served = 0;
  let failed = 0;
  for (let last = 0; ; ) {
    const { status } = await httpGet(`http://${address}/`, { timeoutMs: 5000 });
    served += 1;
    if (status === 500) failed += 1;
    if (last === 500 && status === 200) return { served, failed };
    if (served > 1000) throw new Error(`${address} never answered 200 after a 500 in 1000 requests`);
    last = status;
  }
}

async function warmUp(address: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await httpGet(`http://${address}/`, { timeoutMs: 5000 });
}

describeWithPrometheus('prometheus source against a real Prometheus scraping two sample apps', () => {
  let apps: Upstreams;
  let prometheus: LocalPrometheus;
  const served: Record<Color, number> = { blue: 0, green: 0 };
  const failed: Record<Color, number> = { blue: 0, green: 0 };

  beforeAll(async () => {
    apps = await startUpstreams();
    prometheus = await startPrometheus({
      targets: [
        { address: apps.blue, labels: { color: 'blue' } },
        { address: apps.green, labels: { color: 'green' } }
      ],
      scrapeInterval: '1s'
    });
    await prometheus.targetsUp();
    // A counter exists only from its first request: without these, increase() would miss the window's first scrape.
    await Promise.all([warmUp(apps.blue, 3), warmUp(apps.green, 3)]);
    served.blue = served.green = 3;
    await Promise.all([scraped(prometheus, 'blue', 3), scraped(prometheus, 'green', 3)]);
  });

  afterAll(async () => {
    await prometheus?.stop();
    await apps?.stop();
  });

  const queries = { requests: REQUESTS, errors: ERRORS, 'mean-latency': MEAN, p95: P95 };

  it('counts a healthy window: requests close to those sent, no errors, fast', async () => {
    const { context, log } = contextFor(apps);
    const source = sourceFor({ url: prometheus.url, queries, lag: '1500ms' }, context);
    const durationMs = 5000;
    const until = Date.now() + durationMs;
    const [result, blueSent, greenSent] = await Promise.all([source.measure(window(durationMs)), traffic(apps.blue, until, 20), traffic(apps.green, until, 20)]);
    served.blue += blueSent;
    served.green += greenSent;
    for (const [color, sent] of [['blue', blueSent], ['green', greenSent]] as const) {
      const got = measured(result[color === 'green' ? 'new' : 'old']);
      // increase() extrapolates from the scrapes inside the window, so the count is close, not exact.
      expect(got.requests).toBeGreaterThan(sent * 0.85);
      expect(got.requests).toBeLessThan(sent * 1.15);
      expect(got.errors).toBe(0);
      expect(got.latenciesMs).toEqual([]);
      // Every request fell in the first bucket (5 ms): the quantile is interpolated inside it.
      expect(got.values?.p95).toBeGreaterThan(0);
      expect(got.values?.p95).toBeLessThanOrEqual(5);
      expect(got.values?.['mean-latency']).toBeLessThan(5);
    }
    expect(log.join('')).toMatch(/analysis\.sources\.prom: green requests=[\d.]+ errors=0 mean-latency=/);
  });

  it('sees one color failing 20% and slow, in milliseconds, while the other stays clean', async () => {
    const fault = await httpRequest(`http://${apps.green}/fault?fail=0.2&delay=60`, { method: 'PUT', timeoutMs: 5000 });
    expect(fault.status).toBe(200);
    // The 500 series must exist before the window, or increase() would start counting errors late;
    // and the app spreads failures over all it has served, so it first fails a run to catch up.
    const settled = await untilSteadyFailures(apps.green);
    served.green += settled.served;
    failed.green += settled.failed;
    await Promise.all([scraped(prometheus, 'green', served.green, failed.green), scraped(prometheus, 'blue', served.blue)]);

    const { context } = contextFor(apps);
    const source = sourceFor({ url: prometheus.url, queries, lag: '1500ms' }, context);
    const inMs = sourceFor(
      {
        url: prometheus.url,
        queries: { requests: REQUESTS, errors: ERRORS, 'mean-latency': `1000 * ${MEAN}` },
        'latency-unit': 'ms',
        lag: '1500ms'
      },
      context
    );
    const durationMs = 5000;
    const until = Date.now() + durationMs;
    const [result, resultInMs, blueSent, greenSent] = await Promise.all([
      source.measure(window(durationMs)),
      inMs.measure(window(durationMs)),
      traffic(apps.blue, until, 20),
      traffic(apps.green, until, 20, 4)
    ]);
    served.blue += blueSent;
    served.green += greenSent;
    const green = measured(result.new);
    const blue = measured(result.old);
    expect(green.requests).toBeGreaterThan(100);
    expect(green.errors / green.requests).toBeGreaterThan(0.17);
    expect(green.errors / green.requests).toBeLessThan(0.23);
    expect(blue.errors).toBe(0);
    // 60 ms and a little more: every request in the 50–100 ms bucket, the 95th interpolated near its top.
    expect(green.values?.p95).toBeGreaterThan(50);
    expect(green.values?.p95).toBeLessThanOrEqual(100);
    expect(green.values?.['mean-latency']).toBeGreaterThan(55);
    expect(green.values?.['mean-latency']).toBeLessThan(100);
    expect(blue.values?.p95).toBeLessThan(25);
    // A query already in milliseconds, said so with latency-unit: ms, gives the same value.
    expect(measured(resultInMs.new).values?.['mean-latency']).toBeCloseTo(green.values?.['mean-latency'] as number, -1);
  });

  it('reports queries that return nothing, too much, or a parse error as no-data naming the query and the color', async () => {
    const { context } = contextFor(apps);
    const measureWith = (queries: Record<string, string>) => sourceFor({ url: prometheus.url, queries }, context).measure(window(200));
    const [empty, noErrorSeries, several, badPromQL] = await Promise.all([
      measureWith({ requests: 'sum(increase(cutover_no_such_metric{color="$color"}[$interval]))', errors: ERRORS }),
      measureWith({ requests: 'sum(sample_requests_total{color="$color"})', errors: 'sum(sample_requests_total{color="$color",code="503"})' }),
      measureWith({ requests: 'sample_request_duration_seconds_bucket{color="$color"}', errors: ERRORS }),
      measureWith({ requests: 'sum(rate(sample_requests_total{color="$color"}[$interval])', errors: ERRORS })
    ]);
    expect(noData(empty.new)).toBe(
      'query requests for green (sum(increase(cutover_no_such_metric{color="green"}[200ms]))) returned no series: check the metric and label names, and that Prometheus scrapes this color. A [200ms] range needs at least two scrapes inside it.'
    );
    expect(noData(empty.old)).toContain('query requests for blue (sum(increase(cutover_no_such_metric{color="blue"}[200ms])))');
    expect(noData(noErrorSeries.old)).toContain('query errors for blue (sum(sample_requests_total{color="blue",code="503"})) returned no series');
    expect(noData(noErrorSeries.old)).toContain('append "or vector(0)"');
    expect(noData(several.new)).toMatch(
      /^query requests for green \(.*\) returned 12 series \((sample_request_duration_seconds_bucket\{color="green",instance="[\d.:]+",job="cutover",le="[\d.+Inf]+",version="2.0.0"\}, ){3}\.\.\.\), expected one: wrap the query in sum\(\.\.\.\)$/
    );
    const parseError = noData(badPromQL.new);
    expect(parseError).toMatch(/^Prometheus refused query requests for green \(HTTP 400, bad_data\): .*parse error/);
    expect(parseError).toContain('The query was sum(rate(sample_requests_total{color="green"}[200ms])');
  });

  it('reads scalars and $upstream, drops 0/0 values when there was no traffic, and refuses NaN when there was', async () => {
    const { context } = contextFor(apps);
    const idle = sourceFor({ url: prometheus.url, queries: { requests: 'sum(increase(sample_requests_total{color="$color"}[$interval]))', errors: ERRORS, p95: P95 } }, context);
    const nan = sourceFor(
      { url: prometheus.url, queries: { requests: 'scalar(sum(sample_requests_total{instance="$upstream"}))', errors: ERRORS, 'mean-latency': 'NaN * sum(sample_requests_total{color="$color"})' } },
      context
    );
    // Long enough for two scrapes, so increase() has a range to work on.
    const [quiet, notANumber] = await Promise.all([idle.measure(window(2500)), nan.measure(window(300))]);
    // No requests in the window: the p95 is 0/0, and the measurement says 0 requests instead of failing.
    expect(quiet.old).toEqual({ kind: 'measured', requests: 0, errors: 0, latenciesMs: [], values: {} });
    expect(noData(notANumber.old)).toBe(
      `query mean-latency for blue (NaN * sum(sample_requests_total{color="blue"})) returned NaN, though requests counted ${served.blue}: a division by zero?`
    );
  });

  it('sends its headers, resolved from the environment, and never logs them', async () => {
    const guarded = await startPrometheus({ targets: [], basicAuth: { user: 'cutover', password: 'test-token', bcryptHash: TEST_TOKEN_BCRYPT } });
    try {
      const token = `Basic ${Buffer.from('cutover:test-token').toString('base64')}`;
      const { context, log } = contextFor(apps, { PROM_AUTH: token });
      const queries = { requests: 'count(up{color="$color"}) or vector(0)', errors: 'count(up{color="$color"}) or vector(0)' };
      const [withHeader, without] = await Promise.all([
        sourceFor({ url: guarded.url, queries, headers: { Authorization: 'env:PROM_AUTH' } }, context).measure(window(1)),
        sourceFor({ url: guarded.url, queries }, context).measure(window(1))
      ]);
      expect(measured(withHeader.new)).toMatchObject({ requests: 0, errors: 0 });
      expect(noData(without.new)).toBe(`Prometheus at ${guarded.url} answered query requests for green with HTTP 401 and no JSON: Unauthorized`);
      expect(log.join('')).toContain('analysis.sources.prom: green requests=0 errors=0');
      expect(log.join('')).not.toContain(token.slice('Basic '.length));
    } finally {
      await guarded.stop();
    }
  });

  it('ends the window early when the release stops, querying the time it had', async () => {
    const { context } = contextFor(apps);
    const source = sourceFor({ url: prometheus.url, queries: { requests: 'sum(increase(cutover_no_such_metric{color="$color"}[$interval]))', errors: ERRORS }, lag: '30s' }, context);
    const stopped = new AbortController();
    const started = Date.now();
    const measuring = source.measure({ ...window(60_000), signal: stopped.signal });
    setTimeout(() => stopped.abort(), 300);
    const result = await measuring;
    expect(Date.now() - started).toBeLessThan(5000);
    // The range is the 300 ms the window lasted, not the 60 s it was meant to.
    expect(noData(result.new)).toMatch(/\[3\d\dms\]\)\)\) returned no series/);
  });

  it('says which server did not answer', async () => {
    const { context } = contextFor(apps);
    const port = await freePort();
    const result = await sourceFor({ url: `http://127.0.0.1:${port}`, queries: { requests: REQUESTS, errors: ERRORS }, timeout: '2s' }, context).measure(window(1));
    expect(noData(result.new)).toMatch(new RegExp(`^Prometheus at http://127\\.0\\.0\\.1:${port} did not answer query requests for green: .*ECONNREFUSED`));
  });
});

describe('prometheus source settings', () => {
  const problems = (raw: Record<string, unknown>) => {
    const full = { kind: 'prometheus', url: 'http://127.0.0.1:9090', ...raw };
    const parsed = prometheusSourceSchema.safeParse(full);
    return parsed.success ? [] : describeIssues(parsed.error.issues, full, prometheusSourceSchema, path => `analysis.sources.prom.${path}`);
  };
  const valid = { requests: REQUESTS, errors: ERRORS };

  it('accepts counts, metric keys and percentiles, with seconds, no headers, 5s timeout and no lag by default', () => {
    const parsed = prometheusSourceSchema.parse({ kind: 'prometheus', url: 'https://prom.example:9090/', queries: { ...valid, 'mean-latency': MEAN, p95: P95, 'p99.9': P95 } });
    expect(parsed).toMatchObject({ 'latency-unit': 's', headers: {}, timeout: 5000, lag: 0 });
    expect(Object.keys(parsed.queries)).toEqual(['requests', 'errors', 'mean-latency', 'p95', 'p99.9']);
  });

  it('names the query key and what it should be', () => {
    expect(problems({ queries: { ...valid, p95x: P95 } })).toEqual([
      `analysis.sources.prom.queries.p95x: unknown query; expected requests, errors, error-rate, mean-latency or a latency percentile like p95, got ${JSON.stringify(P95).slice(0, 77)}...`
    ]);
    expect(problems({ queries: { ...valid, p101: P95 } })[0]).toMatch(/^analysis\.sources\.prom\.queries\.p101: unknown query/);
    expect(problems({ queries: { errors: ERRORS } })).toEqual([
      'analysis.sources.prom.queries.requests: expected a query counting the requests in the window, like sum(increase(http_requests_total{color="$color"}[$interval])), got nothing'
    ]);
    expect(problems({ queries: { requests: REQUESTS } })[0]).toMatch(/^analysis\.sources\.prom\.queries\.errors: expected a query counting the failed requests \(or an error-rate query\)/);
    expect(problems({ queries: { ...valid, 'error-rate': 'sum(x{color="$color"})' } })[0]).toMatch(
      /^analysis\.sources\.prom\.queries\.error-rate: expected errors or error-rate, not both/
    );
  });

  it('refuses unknown placeholders and queries that cannot tell the colors apart', () => {
    expect(problems({ queries: { ...valid, requests: 'sum(x{color="$colour"})' } })).toEqual([
      'analysis.sources.prom.queries.requests: unknown placeholder $colour; the placeholders are $color, $interval and $upstream, got "sum(x{color=\\"$colour\\"})"'
    ]);
    expect(problems({ queries: { ...valid, requests: 'sum(increase(x[$interval]))' } })[0]).toMatch(
      /^analysis\.sources\.prom\.queries\.requests: expected the query to select one color with \$color or \$upstream/
    );
  });

  it('refuses a URL that is not http(s), an unknown latency unit and a duration without a unit', () => {
    expect(problems({ url: 'prometheus:9090', queries: valid })[0]).toMatch(/^analysis\.sources\.prom\.url: expected the http:\/\/ or https:\/\/ URL of the Prometheus server/);
    expect(problems({ queries: valid, 'latency-unit': 'us' })[0]).toMatch(/^analysis\.sources\.prom\.latency-unit: expected s \(seconds, as Prometheus histograms count\) or ms, got "us"$/);
    expect(problems({ queries: valid, lag: 2 })[0]).toMatch(/^analysis\.sources\.prom\.lag: expected a duration with a unit/);
    expect(problems({ queries: valid, timout: '1s' })).toEqual(['analysis.sources.prom.timout: unknown key; did you mean "timeout"?']);
  });

  it('resolves header secrets when it is created, naming the field when one is missing', () => {
    const { context } = contextFor({ blue: '127.0.0.1:1', green: '127.0.0.1:2' });
    expect(() => sourceFor({ url: 'http://127.0.0.1:9090', queries: valid, headers: { Authorization: 'env:PROM_TOKEN' } }, context)).toThrow(
      new BadInputError('analysis.sources.prom.headers.Authorization: env:PROM_TOKEN is not set in the environment. Set PROM_TOKEN (from a secret) for this step, or change the reference.')
    );
  });

  it('writes the window length as a PromQL duration', () => {
    expect([promDuration(10_000), promDuration(1500), promDuration(60_000), promDuration(1)]).toEqual(['10s', '1500ms', '60s', '1ms']);
  });
});
