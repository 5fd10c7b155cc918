import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Color } from '../../src/core/color.js';
import type { ColorMeasurement, ColorTraffic, Role } from '../../src/core/measurement.js';
import type { ColorSettings } from '../../src/config/schema.js';
import { Secrets } from '../../src/shared/secrets.js';
import type { Faults } from '../../src/demo/app-faults.js';
import { serveSampleApp, stopGracefully } from '../../src/demo/sample-app.js';
import { freePort } from '../../src/shared/io/ports.js';
import { poll } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { createHttpSource, httpSourceSchema, MAX_IN_FLIGHT } from '../../src/adapters/probes/http-probe.js';
import type { AnalysisSource, MeasureWindow } from '../../src/adapters/probes/source.js';
import type { Router } from '../../src/adapters/routers/router.js';

const TOKEN = 'probe-t0ken-value';

/** What a sample app was sent, as it saw it. */
interface Seen {
  at: number;
  method: string;
  url: string;
  authorization: string | undefined;
}

interface App {
  port: number;
  server: http.Server;
  seen: Seen[];
  answered: number;
}

async function startApp(color: Color, faults?: Faults): Promise<App> {
  const port = await freePort();
  const server = await serveSampleApp({ port, version: color === 'blue' ? '1.0.0' : '2.0.0', color, faults });
  const seen: Seen[] = [];
  const app = { port, server, seen, answered: 0 };
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    seen.push({ at: performance.now(), method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
    response.once('finish', () => (app.answered += 1));
  });
  return app;
}

/** The router is not the http source's business: any use of it fails the test. */
const unused = () => Promise.reject(new Error('the http source must not touch the router'));
const router: Router = { kind: 'proxy', read: unused, apply: unused, initialize: unused, drain: unused, close: async () => {} };

const colorsFor = (blue: string, green: string, extra: Partial<Record<Color, { url: string }>> = {}): ColorSettings => ({
  blue: { upstream: blue, health: `http://${blue}/healthz`, ...extra.blue },
  green: { upstream: green, health: `http://${green}/healthz`, ...extra.green }
});

function source(settings: Record<string, unknown>, colors: ColorSettings, log: string[] = []): AnalysisSource {
  const secrets = new Secrets({ PROBE_TOKEN: TOKEN }, () => {});
  const logger = terminalLogger({ write: text => log.push(text), redact: text => secrets.redact(text), verbose: true });
  const options = httpSourceSchema.parse({ kind: 'http', ...settings });
  return createHttpSource(options, { name: 'probe', colors, router, baseDir: process.cwd(), logger, secrets, env: {} });
}

function windowOf(durationMs: number, signal = new AbortController().signal, roles: Record<Role, Color> = { new: 'green', old: 'blue' }): MeasureWindow {
  return { roles, weights: { blue: 90, green: 10 }, durationMs, signal };
}

function measured(m: ColorMeasurement): ColorTraffic {
  if (m.kind !== 'measured') throw new Error(`expected a measurement, got no-data: ${m.reason}`);
  return m;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function timed<T>(work: Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work;
  return { result, ms: performance.now() - started };
}

describe('the http source, probing two sample apps directly', () => {
  const apps: App[] = [];
  const start = async (color: Color, faults?: Faults) => {
    const app = await startApp(color, faults);
    apps.push(app);
    return app;
  };

  afterEach(async () => {
    await Promise.all(apps.splice(0).map(app => stopGracefully(app.server)));
  });

  it('measures each color at the same steady rate for the whole window: requests, errors and latencies', async () => {
    const blue = await start('blue', { failRate: 0.2, delayMs: 0 });
    const green = await start('green', { failRate: 0, delayMs: 50 });
    const log: string[] = [];
    const probe = source({ rate: 20 }, colorsFor(`127.0.0.1:${blue.port}`, `127.0.0.1:${green.port}`), log);

    const { result, ms } = await timed(probe.measure(windowOf(1000, undefined, { new: 'blue', old: 'green' })));

    // 20 requests per second for 1s; the app fails every fifth of blue's, and green answers 50ms late.
    const failing = measured(result.new);
    const slow = measured(result.old);
    expect([failing.requests, failing.errors, failing.latenciesMs.length]).toEqual([20, 4, 20]);
    expect([slow.requests, slow.errors, slow.latenciesMs.length]).toEqual([20, 0, 20]);
    expect(Math.min(...slow.latenciesMs)).toBeGreaterThanOrEqual(50);
    expect(median(failing.latenciesMs)).toBeLessThan(50);
    expect([blue.seen.length, green.seen.length]).toEqual([20, 20]);
    // Paced by the clock: green's slow answers do not push its later requests back (a sleep after each would take 1.9s).
    const span = (app: App) => (app.seen.at(-1) as Seen).at - (app.seen[0] as Seen).at;
    expect(span(green)).toBeGreaterThan(800);
    expect(span(green)).toBeLessThan(1400);
    // The window lasts its duration, and not much beyond: the last answers arrive within green's 50ms.
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeLessThan(1500);
    expect(log.join('')).toContain('blue 4/20 failed (HTTP 500 ×4)');
  });

  it('sends the method, the path below the color URL and resolved secret headers, and counts only expected statuses as success', async () => {
    const blue = await start('blue');
    const green = await start('green');
    const colors = colorsFor(`127.0.0.1:${blue.port}`, `127.0.0.1:${green.port}`, { green: { url: `http://127.0.0.1:${green.port}/shop/` } });
    const probe = source({ path: '/orders?limit=1', method: 'HEAD', headers: { authorization: 'env:PROBE_TOKEN' }, 'expect-status': [204], rate: 10 }, colors);

    const result = await probe.measure(windowOf(300));

    expect(green.seen.map(s => [s.method, s.url, s.authorization])).toEqual(Array(3).fill(['HEAD', '/shop/orders?limit=1', TOKEN]));
    expect(blue.seen.map(s => [s.method, s.url])).toEqual(Array(3).fill(['HEAD', '/orders?limit=1']));
    // The apps answer 200, which this source was told is not a success.
    expect([measured(result.new).requests, measured(result.new).errors]).toEqual([3, 3]);
    expect([measured(result.old).requests, measured(result.old).errors]).toEqual([3, 3]);
  });

  it('counts timeouts and refused connections as errors, and waits for requests still out at the end up to the timeout', async () => {
    const slow = await start('blue', { failRate: 0, delayMs: 1000 });
    const nothing = await freePort();
    const probe = source({ rate: 10, timeout: '300ms' }, colorsFor(`127.0.0.1:${slow.port}`, `127.0.0.1:${nothing}`));

    const { result, ms } = await timed(probe.measure(windowOf(500)));

    // Five requests each; blue's last left at 400ms and timed out at 700ms, which is when the window resolved.
    const timedOut = measured(result.old);
    expect([timedOut.requests, timedOut.errors]).toEqual([5, 5]);
    expect(timedOut.latenciesMs).toEqual(Array(5).fill(300));
    const refused = measured(result.new);
    expect([refused.requests, refused.errors, refused.latenciesMs.length]).toEqual([5, 5, 0]);
    expect(ms).toBeGreaterThanOrEqual(690);
    expect(ms).toBeLessThan(1000);
  });

  it('counts any status below 500 as success by default', async () => {
    // A service that answers 404, 503, 404, 503...: not something the sample app does.
    let answered = 0;
    const server = http.createServer((_request, response) => response.writeHead(answered++ % 2 === 0 ? 404 : 503).end());
    const port = await freePort();
    await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
    try {
      const result = await source({ rate: 10 }, colorsFor(`127.0.0.1:${port}`, `127.0.0.1:${port}`)).measure(windowOf(400));
      const both = [measured(result.new), measured(result.old)];
      expect(both.reduce((sum, m) => sum + m.requests, 0)).toBe(8);
      expect(both.reduce((sum, m) => sum + m.errors, 0)).toBe(4);
    } finally {
      await stopGracefully(server);
    }
  });

  it(`does not let a slow color pile up more than ${MAX_IN_FLIGHT} requests: the ones it cannot send count as errors`, async () => {
    const stuck = await start('green', { failRate: 0, delayMs: 5000 });
    const fine = await start('blue');
    const log: string[] = [];
    const probe = source({ rate: 100, timeout: '2s' }, colorsFor(`127.0.0.1:${fine.port}`, `127.0.0.1:${stuck.port}`), log);

    const result = await probe.measure(windowOf(1000));

    const green = measured(result.new);
    expect([green.requests, green.errors]).toEqual([100, 100]);
    expect(stuck.seen).toHaveLength(MAX_IN_FLIGHT);
    expect(green.latenciesMs).toEqual(Array(MAX_IN_FLIGHT).fill(2000));
    expect([measured(result.old).requests, measured(result.old).errors]).toEqual([100, 0]);
    expect(log.join('')).toContain(`not sent: ${MAX_IN_FLIGHT} requests were still waiting ×${100 - MAX_IN_FLIGHT}`);
  });

  it('resolves soon after an abort, without counting the requests it cut', async () => {
    const blue = await start('blue');
    const green = await start('green', { failRate: 0, delayMs: 5000 });
    const probe = source({ rate: 20 }, colorsFor(`127.0.0.1:${blue.port}`, `127.0.0.1:${green.port}`));
    const abort = new AbortController();

    const measuring = timed(probe.measure(windowOf(10_000, abort.signal)));
    // Three answered: the first left blue 100ms before the third, long enough to have reached the source.
    await poll(async () => blue.answered >= 3, { what: 'three answers from blue', done: met => met, timeoutMs: 5000, intervalMs: 10 });
    const abortedAt = performance.now();
    abort.abort();
    const { result, ms } = await measuring;

    expect(performance.now() - abortedAt).toBeLessThan(300);
    expect(ms).toBeLessThan(2000);
    // Blue's answers that arrived count; one still on its way when the abort came is cut, like green's.
    const fast = measured(result.old);
    expect(fast.requests).toBeGreaterThanOrEqual(1);
    expect(fast.requests).toBeLessThanOrEqual(blue.seen.length);
    expect(fast.errors).toBe(0);
    // Every green request was still waiting for its slow answer; cut short by us, they say nothing about green.
    expect(result.new).toEqual({ kind: 'no-data', reason: 'no probe to green was sent before the window ended' });
  });

  it('gives no data for a window aborted before it began', async () => {
    const blue = await start('blue');
    const green = await start('green');
    const probe = source({}, colorsFor(`127.0.0.1:${blue.port}`, `127.0.0.1:${green.port}`));
    const abort = new AbortController();
    abort.abort();

    const { result, ms } = await timed(probe.measure(windowOf(5000, abort.signal)));

    expect(ms).toBeLessThan(100);
    expect(result.new.kind).toBe('no-data');
    expect(result.old.kind).toBe('no-data');
    expect([blue.seen.length, green.seen.length]).toEqual([0, 0]);
  });
});

describe('the http source settings', () => {
  const problems = (settings: Record<string, unknown>) => {
    const parsed = httpSourceSchema.safeParse({ kind: 'http', ...settings });
    return parsed.success ? [] : parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('has defaults for everything', () => {
    expect(httpSourceSchema.parse({ kind: 'http' })).toEqual({ kind: 'http', path: '/', rate: 10, timeout: 2000, method: 'GET', headers: {} });
    expect(httpSourceSchema.parse({ kind: 'http', 'expect-status': 200 })['expect-status']).toEqual([200]);
  });

  it('refuses bad values, naming the field and what it expects', () => {
    expect(problems({ rate: 1000 })).toEqual(['rate: expected at most 100 requests per second per color: probes sample a color, they do not load it']);
    expect(problems({ rate: 0 })).toEqual(['rate: expected at least 0.1 requests per second per color (one every 10s)']);
    expect(problems({ path: 'healthz' })).toEqual(['path: expected a path from the root of each color, like / or /api/orders?limit=1']);
    expect(problems({ timeout: '5m' })).toEqual(['timeout: expected a time per request from 1ms to 30s, like 2s']);
    expect(problems({ timeout: 2 })).toEqual(['timeout: expected a duration with a unit, like 30s, 500ms, 5m or 1h']);
    expect(problems({ method: 'POST' })).toEqual(['method: expected GET (the default) or HEAD']);
    expect(problems({ 'expect-status': [] })).toEqual(['expect-status: expected at least one status']);
    expect(problems({ rat: 10 })).toHaveLength(1);
  });

  it('refuses, when created, a header whose secret is not set or that HTTP cannot carry', () => {
    const colors = colorsFor('127.0.0.1:1', '127.0.0.1:2');
    expect(() => source({ headers: { authorization: 'env:MISSING_TOKEN' } }, colors)).toThrow(
      'analysis.sources.probe.headers.authorization: env:MISSING_TOKEN is not set in the environment'
    );
    expect(() => source({ headers: { 'bad header': 'x' } }, colors)).toThrow('analysis.sources.probe.headers.bad header:');
  });
});
