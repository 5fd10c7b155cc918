import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Secrets } from '../../src/shared/secrets.js';
import type { HealthSettings } from '../../src/config/schema.js';
import { ReleaseError } from '../../src/shared/errors.js';
import { isAbortError } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { waitHealthy } from '../../src/adapters/probes/health.js';

const settings: HealthSettings = { timeout: 120_000, interval: 30_000, 'max-interval': 60_000, 'request-timeout': 1000, 'expect-status': [200], headers: {} } as HealthSettings;

describe('waitHealthy', () => {
  let server: http.Server;
  let url: string;
  let requests = 0;

  beforeAll(async () => {
    server = http.createServer((_request, response) => {
      requests++;
      response.writeHead(503).end('starting\n');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  });
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));
  beforeEach(() => {
    requests = 0;
  });

  const wait = (signal?: AbortSignal, timeoutMs?: number, write: (text: string) => void = () => undefined) => ({
    settings,
    secrets: new Secrets({}, () => undefined),
    logger: terminalLogger({ write, redact: text => text, verbose: true }),
    signal,
    timeoutMs
  });

  it('stops at once when the job is cancelled during its back-off, with an abort error', async () => {
    const controller = new AbortController();
    // Cancelled once the first probe's answer is logged, when waitHealthy has begun its 30 s wait (its start is microtasks).
    const write = (text: string) => text.includes('not healthy yet') && setImmediate(() => controller.abort());
    const started = performance.now();
    const error = await waitHealthy({ color: 'green', url }, wait(controller.signal, undefined, write)).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^aborted while waiting for green to become healthy at http:\/\/127\.0\.0\.1:\d+\/healthz/);
    expect(requests).toBe(1);
  });

  it('fails after its timeout, naming the last answer and the attempts', async () => {
    const error = await waitHealthy({ color: 'green', url }, { ...wait(undefined, 50), settings: { ...settings, interval: 10, 'max-interval': 20 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseError);
    expect((error as Error).message).toMatch(/^green did not become healthy at .* within 50ms \(\d+ attempts; last: HTTP 503; expected HTTP 200\)\.$/);
  });
});
