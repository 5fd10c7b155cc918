import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from '@jest/globals';
import { cli } from '../support/cli.js';
import { startHostileServer, type HostileServer } from '../support/hostile-http.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

/** Room for a loaded two-core machine on top of a budget; far below the minutes a trickling endpoint held these steps before. */
const MARGIN_MS = 3000;

describe('cutover steps against endpoints that trickle', () => {
  let hostile: HostileServer;
  let setup: ProxySetup;

  beforeAll(async () => {
    hostile = await startHostileServer({
      '/version': { kind: 'trickle-body', everyMs: 200, body: '{"version":"2.0.0"' },
      '/healthz': { kind: 'trickle-headers', everyMs: 200 }
    });
  });
  afterAll(() => hostile.stop());
  afterEach(() => setup.stop());

  /** The proxy setup, with green's version or health URL on the hostile server and health.timeout 2s. */
  async function withGreen(field: 'version' | 'health'): Promise<ProxySetup> {
    setup = await proxySetup();
    const config = await readFile(setup.config, 'utf8');
    const green = `green: { upstream: ${setup.apps.green}, health: http://${setup.apps.green}/healthz }`;
    const hostileGreen =
      field === 'version'
        ? `green: { upstream: ${setup.apps.green}, health: http://${setup.apps.green}/healthz, version: ${hostile.origin}/version }`
        : `green: { upstream: ${setup.apps.green}, health: ${hostile.origin}/healthz }`;
    expect(config).toContain(green);
    await writeFile(
      setup.config,
      config.replace(green, hostileGreen).replace('health: { timeout: 3s, interval: 50ms, max-interval: 500ms }', 'health: { timeout: 2s, interval: 50ms, max-interval: 500ms, request-timeout: 1s }')
    );
    return setup;
  }

  const step = async (name: string) => {
    const started = performance.now();
    const run = await cli([name, '--config', setup.config, '--snapshot-file', path.join(setup.dir, 'release.json')]);
    return { ...run, ms: performance.now() - started };
  };

  it('snapshot gives up on a trickling version endpoint at its request timeout, records the version as unknown and moves nothing', async () => {
    await withGreen('version');
    const run = await step('snapshot');
    expect(run.ms).toBeLessThan(1000 + MARGIN_MS);
    expect(run.code).toBe(0);
    expect(run.out + run.err).toMatch(/idle: green \(version unknown\)/);
    const record = JSON.parse(await readFile(path.join(setup.dir, 'release.json'), 'utf8'));
    expect(record.snapshot.snapshot.versions).toEqual({ blue: null, green: null });
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  it('deploy fails within health.timeout (2s) while the health endpoint trickles, exits 1, and leaves the record and the router as they were', async () => {
    await withGreen('health');
    expect((await step('snapshot')).code).toBe(0);
    const file = path.join(setup.dir, 'release.json');
    const before = await readFile(file, 'utf8');
    const run = await step('deploy');
    expect(run.ms).toBeLessThan(2000 + MARGIN_MS);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`green did not become healthy at ${hostile.origin}/healthz within 2s \\(\\d+ attempts; last: no complete answer within \\d+ms; expected HTTP 200\\)\\.`));
    const record = JSON.parse(await readFile(file, 'utf8'));
    expect(record.phase).toBe(JSON.parse(before).phase);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });
});
