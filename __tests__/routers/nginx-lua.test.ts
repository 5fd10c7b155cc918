import { readFile } from 'node:fs/promises';
import { DriftError } from '../../src/shared/errors.js';
import { startLoad, type LoadReport } from '../../src/demo/load.js';
import { generationOf } from '../../src/adapters/routers/common/confirm.js';
import { localHost } from '../../src/adapters/transport/host.js';
import { nginxAdmin } from '../../src/adapters/routers/nginx/admin.js';
import { stateLine } from '../../src/adapters/routers/nginx/lua.js';
import { nginxProcesses } from '../../src/adapters/routers/nginx/workers.js';
import type { Router } from '../../src/adapters/routers/router.js';
import { headerValue, httpGet } from '../../src/shared/io/http.js';
import { colorsServed } from '../support/traffic.js';
import { describeWithNginxLua, startRig, type NginxRig } from './nginx-setup.js';

const SWITCHES = 20;

/** The master's children by pid and title: a reload replaces every worker. */
async function workers(rig: NginxRig): Promise<string[]> {
  return (await nginxProcesses(localHost, rig.nginx.pidFile)).children.map(child => `${child.pid} ${child.title}`).sort();
}

describeWithNginxLua('nginx router, mode lua', () => {
  let rig: NginxRig;
  const lua = () => rig.router({ mode: 'lua', admin: rig.admin });

  beforeEach(async () => {
    rig = await startRig();
  });

  afterEach(async () => {
    await rig.stop();
  });

  /** From blue, switches between blue and green `SWITCHES` times while 16 keep-alive clients send requests; what they saw. */
  async function switchUnderLoad(router: Router, label: string): Promise<LoadReport> {
    const load = startLoad({ url: rig.nginx.url, concurrency: 16, keepAlive: true, maxRequests: 1_000_000, maxMs: 50_000 });
    let current = rig.state(100);
    let report: LoadReport;
    try {
      for (let i = 0; i < SWITCHES; i++) {
        const target = rig.state(current.weights.blue === 100 ? 0 : 100);
        await router.apply(current, target);
        current = target;
      }
    } finally {
      report = await load.stop();
    }
    process.stderr.write(
      `${label}, ${SWITCHES} switches under 16 keep-alive clients: ${report.requests} requests, ${report.connectionErrors} connection errors, ${report.non2xx} non-2xx` +
        `${report.firstErrors.length ? ` (first: ${report.firstErrors[0]})` : ''}\n`
    );
    expect(await router.read()).toEqual(current);
    expect(report.byColor.blue).toBeGreaterThan(0);
    expect(report.byColor.green).toBeGreaterThan(0);
    return report;
  }

  it('switches 20 times under keep-alive load without a reload and without a failed request', async () => {
    const router = lua();
    await router.initialize(rig.state(100));
    const before = await workers(rig);
    const report = await switchUnderLoad(router, 'mode lua');
    expect(report.firstErrors).toEqual([]);
    expect(report.connectionErrors).toBe(0);
    expect(report.non2xx).toBe(0);
    expect(report.ok).toBe(report.requests);
    // The same worker processes served every switch: nginx was never reloaded.
    expect(await workers(rig)).toEqual(before);
  });

  it('for comparison, mode reload under the same load: reports what its reloads cost clients without retries', async () => {
    const router = rig.router();
    await router.initialize(rig.state(100));
    const before = await workers(rig);
    const report = await switchUnderLoad(router, 'mode reload');
    // A record, not a verdict: idle keep-alive connections that old workers close fail for clients that do not retry.
    expect(report.ok + report.non2xx + report.connectionErrors).toBe(report.requests);
    // Every switch replaced the workers.
    expect((await workers(rig)).filter(worker => !/shutting down/.test(worker))).not.toEqual(before);
  });

  it('keeps the file in step, so a restarted nginx serves the last state from the file', async () => {
    const router = lua();
    await router.initialize(rig.state(100));
    await router.apply(rig.state(100), rig.state(0));
    expect((await nginxAdmin(localHost, rig.admin).read()).state).toBe(stateLine(rig.state(0)));

    await rig.restart();
    // The shared dict starts empty: what serves now comes from the file alone.
    expect((await nginxAdmin(localHost, rig.admin).read()).state).toBeNull();
    expect(await colorsServed(rig.nginx.url)).toEqual({ green: 20 });
    const answer = await httpGet(rig.nginx.url, { timeoutMs: 5000 });
    expect(headerValue(answer.headers, 'x-cutover-generation')).toBe(generationOf(rig.state(0)));
    expect(await router.read()).toEqual(rig.state(0));
    await router.apply(rig.state(0), rig.state(100));
    expect(await colorsServed(rig.nginx.url)).toEqual({ blue: 20 });
  });

  it('refuses as drift a dict changed behind its back, naming both states and changing nothing', async () => {
    const router = lua();
    await router.initialize(rig.state(100));
    const file = await readFile(rig.nginx.routerFile, 'utf8');
    // Someone else splits traffic through the admin listener.
    const foreign = stateLine(rig.state(50));
    expect((await nginxAdmin(localHost, rig.admin).compareAndSet(stateLine(rig.state(100)), foreign)).changed).toBe(true);

    await expect(router.read()).rejects.toThrow(DriftError);
    await expect(router.read()).rejects.toThrow(`("${foreign}") from its shared dict, but ${rig.nginx.routerFile} holds`);
    await expect(router.read()).rejects.toThrow(`("${stateLine(rig.state(100))}")`);
    await expect(router.apply(rig.state(100), rig.state(0))).rejects.toThrow(DriftError);
    expect(await readFile(rig.nginx.routerFile, 'utf8')).toBe(file);
    expect((await nginxAdmin(localHost, rig.admin).read()).state).toBe(foreign);
    expect(Object.keys(await colorsServed(rig.nginx.url, 60)).sort()).toEqual(['blue', 'green']);
  });

  it('puts the previous state back in the dict and the file when answers do not confirm the new one', async () => {
    await lua().initialize(rig.state(100));
    const file = await readFile(rig.nginx.routerFile, 'utf8');
    // A probe that bypasses nginx never shows cutover's generation header.
    const blind = rig.router({ mode: 'lua', admin: rig.admin, probe: `http://${rig.apps.green}/`, confirm: { timeout: '500ms', interval: '20ms' } });
    await expect(blind.apply(rig.state(100), rig.state(0))).rejects.toThrow(
      /did not serve the new state \(generation [0-9a-f]{12}\)[^]*The previous state is back in the file and the shared dict/
    );
    expect(await readFile(rig.nginx.routerFile, 'utf8')).toBe(file);
    expect((await nginxAdmin(localHost, rig.admin).read()).state).toBe(stateLine(rig.state(100)));
    expect(await colorsServed(rig.nginx.url)).toEqual({ blue: 20 });
  });

  it('honours a split between the colors', async () => {
    const router = lua();
    await router.initialize(rig.state(100));
    await router.apply(rig.state(100), rig.state(10));
    const served = await colorsServed(rig.nginx.url, 200);
    expect(served.blue).toBeGreaterThan(0);
    expect(served.green).toBeGreaterThan(served.blue as number);
  });

  it('takes over a file written by mode reload with one reload, and switches without one after that', async () => {
    await rig.router().initialize(rig.state(100));
    const router = lua();
    const reloaded = await workers(rig);
    await router.apply(rig.state(100), rig.state(0));
    expect(rig.log.join('')).toMatch(/reloading nginx this once/);
    expect(await colorsServed(rig.nginx.url)).toEqual({ green: 20 });
    const after = await workers(rig);
    expect(after).not.toEqual(reloaded);

    await router.apply(rig.state(0), rig.state(100));
    expect(await colorsServed(rig.nginx.url)).toEqual({ blue: 20 });
    expect((await workers(rig)).filter(worker => !/shutting down/.test(worker))).toEqual(after.filter(worker => !/shutting down/.test(worker)));
  });
});
