import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HealthSettings } from '../../src/config/schema.js';
import { Secrets } from '../../src/shared/secrets.js';
import { ReleaseError } from '../../src/shared/errors.js';
import { HttpError, httpGet, MAX_BODY_BYTES, shownUrl } from '../../src/shared/io/http.js';
import { isAbortError, poll } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { waitHealthy } from '../../src/adapters/probes/health.js';
import { createPrometheusSource, prometheusSourceSchema } from '../../src/adapters/probes/prometheus.js';
import type { Router } from '../../src/adapters/routers/router.js';
import { readVersion } from '../../src/adapters/probes/version.js';
import { startHostileServer, type HostileServer } from '../support/hostile-http.js';

/** Room for a loaded two-core machine on top of a deadline; far below the minutes a trickling peer could hold a call. */
const MARGIN_MS = 3000;

async function timed<T>(work: Promise<T>): Promise<{ value: T | Error; ms: number }> {
  const started = performance.now();
  const value = await work.catch((error: unknown) => error as Error);
  return { value, ms: performance.now() - started };
}

describe('network calls against a hostile HTTP server', () => {
  let server: HostileServer;

  beforeAll(async () => {
    server = await startHostileServer({
      '/trickled-headers': { kind: 'trickle-headers', everyMs: 100 },
      '/trickled-body': { kind: 'trickle-body', everyMs: 100, body: '{"version":"2.0.0"' },
      '/endless': { kind: 'endless-body' },
      '/huge': { kind: 'huge-body', bytes: 50 * 1024 * 1024 },
      '/loop': { kind: 'redirect-loop' },
      '/silent': { kind: 'never-answer' },
      '/cut': { kind: 'close-mid-body', length: 100, sent: 10 },
      '/api/v1/query': { kind: 'trickle-body', everyMs: 100, body: '{"status":"success","data":{"resultType":"scalar","result":[0,"1"]}}' }
    });
  });
  afterAll(() => server.stop());

  it.each([
    ['headers that trickle in', '/trickled-headers'],
    ['a body that trickles in', '/trickled-body'],
    ['a server that never answers', '/silent']
  ])('a GET ends by its whole-request deadline with %s', async (_what, path) => {
    const { value, ms } = await timed(httpGet(`${server.origin}${path}`, { timeoutMs: 1000 }));
    expect(ms).toBeLessThan(1000 + MARGIN_MS);
    expect(value).toBeInstanceOf(HttpError);
    expect((value as Error).message).toBe(`GET ${server.origin}${path}: no complete answer within 1000ms`);
  });

  it('stops reading an endless body at the cap: the call fails and the server could send only a bounded amount', async () => {
    const { value, ms } = await timed(httpGet(`${server.origin}/endless`, { timeoutMs: 30_000 }));
    expect(ms).toBeLessThan(10_000);
    expect((value as Error).message).toMatch(/\/endless: the answer is longer than 65536 bytes/);
    await poll(async () => server.openConnections('/endless'), { what: 'the server to see the client hang up', done: open => open === 0, timeoutMs: 5000, intervalMs: 20 });
    // Past the cap, only what the two sockets' buffers held was accepted; a client that kept reading takes gigabytes in this time.
    const sent = server.sentBytes('/endless');
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it('refuses a 50 MB body by its Content-Length before reading it', async () => {
    const { value } = await timed(httpGet(`${server.origin}/huge`, { timeoutMs: 30_000 }));
    expect((value as Error).message).toMatch(/\/huge: the answer is longer than 65536 bytes/);
    expect(server.sentBytes('/huge')).toBeLessThan(32 * 1024 * 1024);
  });

  it('takes a redirect as the answer and never follows it', async () => {
    const response = await httpGet(`${server.origin}/loop`, { timeoutMs: 2000 });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`${server.origin}/loop`);
    expect(server.requests('/loop')).toBe(1);
  });

  it('fails an answer cut short mid-body, rather than taking the part as the whole', async () => {
    const { value } = await timed(httpGet(`${server.origin}/cut`, { timeoutMs: 2000 }));
    expect(value).toBeInstanceOf(HttpError);
    expect((value as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/cut: (the answer broke off|the connection closed before the answer ended)/);
  });

  it('ends at once when the caller aborts, with an abort error', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { value, ms } = await timed(httpGet(`${server.origin}/silent`, { timeoutMs: 60_000, signal: controller.signal }));
    expect(ms).toBeLessThan(200 + MARGIN_MS);
    expect(isAbortError(value)).toBe(true);
  });

  it('names the URL in errors without its user info or query values', async () => {
    const url = `http://admin:hunter2@127.0.0.1:${server.port}/silent?token=s3cret&x=1`;
    const { value } = await timed(httpGet(url, { timeoutMs: 300 }));
    expect((value as Error).message).toBe(`GET http://127.0.0.1:${server.port}/silent?token=…&x=…: no complete answer within 300ms`);
    expect(shownUrl('not a url')).toBe('(unparseable URL)');
  });

  it('reads no version from a trickling version endpoint, within its request timeout', async () => {
    const { value, ms } = await timed(readVersion(`${server.origin}/trickled-body`, { timeoutMs: 1000 }));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(1000 + MARGIN_MS);
  });

  describe('the health wait', () => {
    const settings = { timeout: 2000, interval: 100, 'max-interval': 500, 'request-timeout': 5000, 'expect-status': [200], headers: {} } as HealthSettings;
    const wait = (signal?: AbortSignal) => ({
      settings,
      secrets: new Secrets({}, () => undefined),
      logger: terminalLogger({ write: () => undefined, redact: text => text, verbose: true }),
      signal
    });

    it.each([
      ['trickles its headers', '/trickled-headers'],
      ['trickles its body', '/trickled-body'],
      ['never answers', '/silent']
    ])('ends within health.timeout (2s) when the endpoint %s, though request-timeout is 5s', async (_what, path) => {
      const { value, ms } = await timed(waitHealthy({ color: 'green', url: `${server.origin}${path}` }, wait()));
      expect(ms).toBeLessThan(2000 + MARGIN_MS);
      expect(value).toBeInstanceOf(ReleaseError);
      expect((value as Error).message).toMatch(
        new RegExp(`^green did not become healthy at ${server.origin}${path} within 2s \\(\\d+ attempts; last: no complete answer within \\d+ms; expected HTTP 200\\)\\.$`)
      );
    });

    it('ends at once on a cancel while a probe is waiting for a silent endpoint', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const { value, ms } = await timed(waitHealthy({ color: 'green', url: `${server.origin}/silent` }, { ...wait(controller.signal), settings: { ...settings, timeout: 60_000 } }));
      expect(ms).toBeLessThan(200 + MARGIN_MS);
      expect(isAbortError(value)).toBe(true);
    });
  });

  it('a Prometheus query against a trickling server ends by its timeout, as no data naming the server', async () => {
    const secrets = new Secrets({}, () => undefined);
    const source = createPrometheusSource(
      prometheusSourceSchema.parse({
        kind: 'prometheus',
        url: `http://reader:pw@127.0.0.1:${server.port}`,
        queries: { requests: 'sum(requests{color="$color"})', errors: 'sum(errors{color="$color"}) or vector(0)' },
        timeout: '1s'
      }),
      {
        name: 'prom',
        colors: { blue: { upstream: '127.0.0.1:1', health: 'http://127.0.0.1:1/' }, green: { upstream: '127.0.0.1:2', health: 'http://127.0.0.1:2/' } },
        router: {} as Router,
        baseDir: '.',
        logger: terminalLogger({ write: () => undefined, redact: text => text, verbose: true }),
        secrets,
        env: {}
      }
    );
    const { value, ms } = await timed(source.measure({ roles: { new: 'green', old: 'blue' }, weights: { blue: 50, green: 50 }, durationMs: 10, signal: new AbortController().signal }));
    expect(ms).toBeLessThan(1000 + MARGIN_MS);
    const result = value as Awaited<ReturnType<typeof source.measure>>;
    expect(result.new).toEqual({
      kind: 'no-data',
      reason: expect.stringMatching(
        new RegExp(`^Prometheus at http://127\\.0\\.0\\.1:${server.port} did not answer query requests for green: no complete answer within 1000ms$`)
      )
    });
    expect(JSON.stringify(result)).not.toMatch(/pw@/);
  });
});
