import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Secrets } from '../../src/shared/secrets.js';
import type { RouterState } from '../../src/core/router-state.js';
import { startProxyServer, type ProxyServer } from '../../src/demo/proxy-server.js';
import { freePort } from '../../src/shared/io/ports.js';
import { isAbortError } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { createProxyRouter } from '../../src/adapters/routers/proxy/router.js';
import { proxyOptionsSchema } from '../../src/adapters/routers/proxy/options.js';

/**
 * A promote cancelled while the router waits for answers from the new state
 * stops waiting at once, and the switch is undone, rather than going on.
 */
describe('a switch cancelled while it is confirmed', () => {
  let proxy: ProxyServer;
  let probe: http.Server;
  let probeUrl: string;
  let probed = 0;
  let onProbe = () => {};

  beforeAll(async () => {
    proxy = await startProxyServer(await freePort(), await freePort());
    // A probe URL not served through the router: answers never carry a color, so the confirmation waits on.
    probe = http.createServer((_request, response) => {
      probed++;
      onProbe();
      response.end('ok\n');
    });
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise<void>(resolve => probe.close(() => resolve()));
  });

  const routerWith = (signal: AbortSignal) =>
    createProxyRouter(proxyOptionsSchema.parse({ kind: 'proxy', admin: proxy.admin, probe: probeUrl, confirm: { timeout: '60s', interval: '10s' } }), {
      service: 'shop',
      endpoints: blue.endpoints,
      baseDir: '.',
      logger: terminalLogger({ write: () => undefined, redact: text => text }),
      secrets: new Secrets({}, () => undefined),
      signal
    });
  const blue: RouterState = { kind: 'proxy', endpoints: { blue: '127.0.0.1:1', green: '127.0.0.1:2' }, weights: { blue: 100, green: 0 }, settings: {} };
  const green: RouterState = { ...blue, weights: { blue: 0, green: 100 } };

  it('rejects with an abort error at once, and puts the previous state back', async () => {
    // initialize confirms too, and never can here: cancelled at its first answer, it leaves the state it wrote.
    const first = new AbortController();
    onProbe = () => first.abort();
    expect(isAbortError(await routerWith(first.signal).initialize(blue).catch((e: unknown) => e))).toBe(true);

    const cancel = new AbortController();
    const router = routerWith(cancel.signal);
    expect(await router.read()).toEqual(blue);
    probed = 0;
    onProbe = () => cancel.abort();
    const started = performance.now();
    const error = await router.apply(blue, green).catch((e: unknown) => e);
    // The confirmation would wait 10 s before its next answer, and 60 s in all.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^aborted while waiting for the router to serve the new state \(generation \w+\) at http:\/\/127\.0\.0\.1:\d+\//);
    expect(probed).toBe(1);
    expect(await router.read()).toEqual(blue);
  });
});
