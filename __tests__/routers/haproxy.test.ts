import http from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Server } from 'node:http';
import { Secrets } from '../../src/shared/secrets.js';
import { DriftError } from '../../src/shared/errors.js';
import type { RouterState } from '../../src/core/router-state.js';
import { startLoad } from '../../src/demo/load.js';
import { stopGracefully } from '../../src/demo/sample-app.js';
import { httpGet } from '../../src/shared/io/http.js';
import { freePort } from '../../src/shared/io/ports.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { createHaproxyRouter } from '../../src/adapters/routers/haproxy/router.js';
import { haproxyOptionsSchema } from '../../src/adapters/routers/haproxy/options.js';
import { renderHaproxyFile } from '../../src/adapters/routers/haproxy/config.js';
import { parseServersState, type RuntimeServer } from '../../src/adapters/routers/haproxy/runtime.js';
import type { Router } from '../../src/adapters/routers/router.js';
import { createRouter } from '../../src/adapters/routers/registry.js';
import { askSocket, describeWithHaproxy, haproxyBinary, startHaproxy, waitFor, type LocalHaproxy } from '../support/haproxy.js';
import { startUpstreams, tempDir, type Upstreams } from '../support/servers.js';
import { describeWithSshd, startSshd } from '../support/sshd.js';
import { colorsServed } from '../support/traffic.js';

const quietLogger = terminalLogger({ write: () => undefined, redact: text => text });
const BACKEND = 'cutover_shop';

/** What a test started, stopped in reverse order afterwards, even when the test failed halfway. */
class Cleanup {
  private readonly stops: (() => Promise<void>)[] = [];

  add<T extends { stop: () => Promise<void> } | { remove: () => Promise<void> }>(thing: T): T {
    this.stops.push('stop' in thing ? thing.stop : thing.remove);
    return thing;
  }

  async run(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop();
  }
}

describeWithHaproxy('the haproxy router, through a real HAProxy', () => {
  let dir: string;
  let haproxy: LocalHaproxy;
  let apps: Upstreams;
  let router: Router;
  let blueLive: RouterState;

  const routerWith = (extra: Record<string, unknown> = {}) =>
    createHaproxyRouter(
      haproxyOptionsSchema.parse({ ...haproxy.routerSettings, confirm: { timeout: '3s', interval: '20ms' }, ...extra }),
      { service: 'shop', endpoints: { blue: apps.blue, green: apps.green }, baseDir: dir, logger: quietLogger, secrets: new Secrets({}, () => {}) }
    );

  /** What HAProxy runs, asked as an operator would. */
  const servers = async (): Promise<Record<string, Pick<RuntimeServer, 'weight' | 'admin'>>> =>
    Object.fromEntries(parseServersState(await askSocket(haproxy.socket, `show servers state ${BACKEND}`)).map(s => [s.name, { weight: s.weight, admin: s.admin }]));

  const withWeights = (blue: number, green: number): RouterState => ({ ...blueLive, weights: { blue, green } });

  const cleanup = new Cleanup();

  beforeEach(async () => {
    ({ dir } = cleanup.add(await tempDir()));
    apps = cleanup.add(await startUpstreams());
    haproxy = cleanup.add(await startHaproxy(haproxyBinary as string, path.join(dir, 'haproxy'), await freePort(), BACKEND));
    router = routerWith();
    blueLive = { kind: 'haproxy', endpoints: { blue: apps.blue, green: apps.green }, weights: { blue: 100, green: 0 }, settings: { backend: BACKEND } };
    await router.initialize({ ...blueLive, settings: {} });
  });

  afterEach(() => cleanup.run());

  it('creates the backend with one reload and reads it back from the runtime API', async () => {
    expect(await router.read()).toEqual(blueLive);
    expect(await colorsServed(haproxy.url)).toEqual({ blue: 20 });
    expect(await servers()).toEqual({ blue: { weight: 100, admin: 'ready' }, green: { weight: 0, admin: 'drain' } });
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(renderHaproxyFile({ backend: BACKEND, endpoints: blueLive.endpoints, weights: blueLive.weights }));
    expect(await readFile(haproxy.stateFile, 'utf8')).toMatch(new RegExp(`^\\d+ ${BACKEND} \\d+ green 127\\.0\\.0\\.1 \\d+ 8 0 `, 'm'));
    await expect(router.initialize({ ...blueLive, settings: {} })).rejects.toThrow(/already exists; cutover init only creates a router state/);
  });

  it('removes its file again when the reload does not make HAProxy load it', async () => {
    const file = path.join(dir, 'not-loaded.cfg');
    const unloaded = routerWith({ file, backend: 'cutover_other', confirm: { timeout: '1s', interval: '50ms' } });
    const failed = unloaded.initialize({ ...blueLive, settings: {} });
    await expect(failed).rejects.toThrow(/HAProxy did not load backend cutover_other within 1s of router\.reload \(kill -USR2 \d+\): .*Can't find backend/);
    await expect(failed).rejects.toThrow(/not-loaded\.cfg was removed\. Make HAProxy load it/);
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await router.read()).toEqual(blueLive);
  });

  it('switches all at once and to a split, as answers and show servers state agree', async () => {
    const workerBefore = await haproxy.workerPid();
    await router.apply(blueLive, withWeights(0, 100));
    expect(await colorsServed(haproxy.url)).toEqual({ green: 20 });
    expect(await servers()).toEqual({ blue: { weight: 0, admin: 'drain' }, green: { weight: 100, admin: 'ready' } });
    expect(await router.read()).toEqual(withWeights(0, 100));

    await router.apply(withWeights(0, 100), withWeights(10, 90));
    expect(await servers()).toEqual({ blue: { weight: 10, admin: 'ready' }, green: { weight: 90, admin: 'ready' } });
    const split = await colorsServed(haproxy.url, 100);
    expect(split.blue).toBeGreaterThanOrEqual(5);
    expect(split.blue).toBeLessThanOrEqual(15);
    expect((split.blue ?? 0) + (split.green ?? 0)).toBe(100);
    expect(await readFile(haproxy.routerFile, 'utf8')).toMatch(/server blue \S+ weight 10\n {4}server green \S+ weight 90/);
    // No reload: the same worker did it all.
    expect(await haproxy.workerPid()).toBe(workerBefore);
  });

  it('sees a drain or maintenance set over the socket by someone else', async () => {
    await askSocket(haproxy.socket, `set server ${BACKEND}/blue state drain`);
    expect((await router.read()).weights).toEqual({ blue: 0, green: 0 });
    await askSocket(haproxy.socket, `set server ${BACKEND}/blue state maint`);
    const maintained = await router.read();
    expect(maintained.settings).toEqual({ backend: BACKEND, maintenance: ['blue'] });
    await expect(router.apply(maintained, { ...maintained, weights: { blue: 0, green: 100 } })).rejects.toThrow(
      /blue in backend cutover_shop is in maintenance \(MAINT\), set over the runtime API; cutover will not end someone's maintenance\..*Nothing was changed\./
    );
    expect(await servers()).toEqual({ blue: { weight: 100, admin: 'maint' }, green: { weight: 0, admin: 'drain' } });
  });

  it('reaches a TCP stats socket given as host:port', async () => {
    const overTcp = routerWith({ socket: haproxy.tcpSocket });
    await overTcp.apply(blueLive, withWeights(0, 100));
    expect(await overTcp.read()).toEqual(withWeights(0, 100));
    expect(await servers()).toEqual({ blue: { weight: 0, admin: 'drain' }, green: { weight: 100, admin: 'ready' } });
  });

  it('refuses, changing nothing, when someone set a weight over the socket', async () => {
    const file = await readFile(haproxy.routerFile, 'utf8');
    expect(await askSocket(haproxy.socket, `set server ${BACKEND}/blue weight 50`)).toBe('\n');
    expect((await router.read()).weights).toEqual({ blue: 50, green: 0 });

    const refused = router.apply(blueLive, withWeights(0, 100));
    await expect(refused).rejects.toThrow(DriftError);
    await expect(refused).rejects.toThrow(/no longer holds the expected state sha256:[0-9a-f]{64} \(haproxy: blue 100% \/ green 0%.*it holds sha256:[0-9a-f]{64} \(haproxy: blue 50% \/ green 0%.*Nothing was changed\./);
    expect(await servers()).toEqual({ blue: { weight: 50, admin: 'ready' }, green: { weight: 0, admin: 'drain' } });
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(file);
    expect(await colorsServed(haproxy.url)).toEqual({ blue: 20 });
  });

  it('refuses a backend file edited by hand, changing nothing', async () => {
    const edited = (await readFile(haproxy.routerFile, 'utf8')).replace('weight 100', 'weight 60');
    await writeFile(haproxy.routerFile, edited);
    await expect(router.read()).rejects.toThrow(/was edited by hand: its header records sha256:[0-9a-f]{64} but its content hashes to/);
    await expect(router.apply(blueLive, withWeights(0, 100))).rejects.toThrow(DriftError);
    expect(await servers()).toEqual({ blue: { weight: 100, admin: 'ready' }, green: { weight: 0, admin: 'drain' } });
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(edited);
  });

  it('keeps the live color over a reload, from the state file, without resetting idle keep-alive connections', async () => {
    await router.apply(blueLive, withWeights(0, 100));
    const client = keepAliveClient(haproxy.url);
    try {
      const before = await client.get();
      expect(before).toMatchObject({ status: 200, color: 'green' });
      await haproxy.reloadAndWait();
      // The idle connection opened before the reload is still answered, on the same connection: the old worker finishes it.
      expect(await client.get()).toEqual(before);
    } finally {
      client.close();
    }
    expect(await colorsServed(haproxy.url)).toEqual({ green: 20 });
    // The config alone says weight 0; the drain state can only come from the state file cutover saved.
    expect(await servers()).toEqual({ blue: { weight: 0, admin: 'drain' }, green: { weight: 100, admin: 'ready' } });
    expect(await router.read()).toEqual(withWeights(0, 100));
  });

  it('loses no request over 20 switches under keep-alive load', async () => {
    const load = startLoad({ url: haproxy.url, concurrency: 16, keepAlive: true, maxRequests: 1_000_000, maxMs: 50_000 });
    let state = blueLive;
    for (let i = 0; i < 20; i++) {
      const next = withWeights(state.weights.green, state.weights.blue);
      await router.apply(state, next);
      state = next;
    }
    const report = await load.stop();
    expect(report.firstErrors).toEqual([]);
    expect(report.non2xx + report.connectionErrors).toBe(0);
    expect(report.byColor.blue).toBeGreaterThan(100);
    expect(report.byColor.green).toBeGreaterThan(100);
  });

  it('finishes a switch that stopped after the runtime changed but before the files were saved', async () => {
    await askSocket(haproxy.socket, `set server ${BACKEND}/green state ready; set server ${BACKEND}/green weight 100; set server ${BACKEND}/blue weight 0; set server ${BACKEND}/blue state drain`);
    const stopped = await router.read();
    expect(stopped).toEqual(withWeights(0, 100));
    expect(await readFile(haproxy.routerFile, 'utf8')).toMatch(/server blue \S+ weight 100/);
    await router.apply(stopped, stopped);
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(renderHaproxyFile({ backend: BACKEND, endpoints: blueLive.endpoints, weights: { blue: 0, green: 100 } }));
    expect(await readFile(haproxy.stateFile, 'utf8')).toMatch(new RegExp(`^\\d+ ${BACKEND} \\d+ blue 127\\.0\\.0\\.1 \\d+ 8 0 `, 'm'));
  });

  it('puts the previous state back when the new color does not answer', async () => {
    const file = await readFile(haproxy.routerFile, 'utf8');
    await stopGracefully(apps.servers[1] as Server);
    // Long enough for HAProxy's 503, which comes after its retries (a second apart) to green.
    const failed = routerWith({ confirm: { timeout: '7s', interval: '20ms' } }).apply(blueLive, withWeights(0, 100));
    await expect(failed).rejects.toThrow(/did not serve the new state at .* last answer: HTTP 503 without a X-Cutover-Color header/);
    await expect(failed).rejects.toThrow(/The previous state is back in HAProxy \(runtime API\), in .* and in .*, and served\./);
    expect(await servers()).toEqual({ blue: { weight: 100, admin: 'ready' }, green: { weight: 0, admin: 'drain' } });
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(file);
    expect(await colorsServed(haproxy.url)).toEqual({ blue: 20 });
  });

  it('drains: returns only after a request in flight on the old color finished', async () => {
    let finishedAt = 0;
    const slow = httpGet(`${haproxy.url}slow?ms=1500`, { timeoutMs: 10_000 }).then(response => {
      finishedAt = Date.now();
      return response;
    });
    await waitFor('the slow request on blue', async () => ((await statOf('blue')).scur === '1' ? true : undefined));
    await router.apply(blueLive, withWeights(0, 100));
    const report = await router.drain('blue');
    const drainedAt = Date.now();
    expect(finishedAt).toBeGreaterThan(0);
    expect(finishedAt).toBeLessThanOrEqual(drainedAt);
    expect(report).toMatchObject({ color: 'blue', method: 'counter', remaining: 0, closed: 0 });
    expect(report.waitedMs).toBeGreaterThan(0);
    expect((await slow).body).toBe('blue 1.0.0 after 1500ms\n');
  });

  it('closes a long-lived connection on the old color after close-after, and reports it', async () => {
    const draining = routerWith({ drain: { 'close-after': '300ms', timeout: '10s', interval: '50ms' } });
    const stream = openStream(`${haproxy.url}stream`);
    try {
      expect(await stream.firstLine).toBe('blue 1.0.0');
      await draining.apply(blueLive, withWeights(0, 100));
      const report = await draining.drain('blue');
      expect(report).toMatchObject({ color: 'blue', method: 'counter', remaining: 0, closed: 1 });
      expect(report.waitedMs).toBeGreaterThanOrEqual(300);
      await waitFor('the stream to be closed', async () => (stream.closed() ? true : undefined), 5000);
    } finally {
      stream.destroy();
      await draining.close();
    }
  });

  it('explains that the socket must be at level admin, and changes nothing', async () => {
    const operator = routerWith({ socket: haproxy.operatorSocket });
    expect(await operator.read()).toEqual(blueLive);
    const refused = operator.apply(blueLive, withWeights(0, 100));
    await expect(refused).rejects.toThrow(
      new RegExp(`HAProxy runtime API at ${haproxy.operatorSocket.replace(/[.]/g, '\\.')} on this machine refused "set server ${BACKEND}/green state ready; .*": Permission denied\\. .*level admin`)
    );
    await expect(refused).rejects.toThrow(/Nothing was changed: HAProxy still holds the previous state\./);
    expect(await servers()).toEqual({ blue: { weight: 100, admin: 'ready' }, green: { weight: 0, admin: 'drain' } });
  });

  it('explains that the master CLI is not the runtime API it needs', async () => {
    const master = routerWith({ socket: haproxy.masterSocket, timeout: '500ms' });
    await expect(master.read()).rejects.toThrow(/refused "show servers state cutover_shop": Unknown command.*not the master CLI \(-S\)/);
  });

  async function statOf(server: string): Promise<Record<string, string>> {
    const [header, ...rows] = (await askSocket(haproxy.socket, `show stat ${BACKEND} 4 -1`)).trim().split('\n');
    const columns = (header as string).slice(2).split(',');
    const row = rows.map(line => line.split(',')).find(values => values[1] === server) ?? [];
    return Object.fromEntries(columns.map((name, i) => [name, row[i] ?? '']));
  }
});

const describeOverSsh = describeWithHaproxy === describe && describeWithSshd === describe ? describe : describe.skip;

describeOverSsh('the haproxy router over SSH (real sshd and HAProxy)', () => {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('initializes, switches, reads back and drains with the runtime API forwarded over SSH', async () => {
    const { dir } = cleanup.add(await tempDir());
    const sshd = cleanup.add(await startSshd());
    const apps = cleanup.add(await startUpstreams());
    const haproxy = cleanup.add(await startHaproxy(haproxyBinary as string, path.join(dir, 'haproxy'), await freePort(), BACKEND));
    const secrets = new Secrets({}, () => {});
    const router = await createRouter(haproxyOptionsSchema.parse({ ...haproxy.routerSettings, ssh: { ...sshd.options, 'connect-timeout': '10s' } }), {
      service: 'shop',
      endpoints: { blue: apps.blue, green: apps.green },
      baseDir: dir,
      logger: quietLogger,
      secrets
    });
    cleanup.add({ stop: () => router.close() });
    const live: RouterState = { kind: 'haproxy', endpoints: { blue: apps.blue, green: apps.green }, weights: { blue: 100, green: 0 }, settings: { backend: BACKEND } };
    await router.initialize({ ...live, settings: {} });
    expect(await router.read()).toEqual(live);
    const target = { ...live, weights: { blue: 0, green: 100 } };
    await router.apply(live, target);
    expect(await colorsServed(haproxy.url)).toEqual({ green: 20 });
    expect(await router.read()).toEqual(target);
    expect(await router.drain('blue')).toMatchObject({ method: 'counter', remaining: 0 });
    expect(sshd.log()).toMatch(/Accepted publickey/);
  });
});

/** Requests, one after another, on one kept-alive connection: each answer says which local port it came on. */
function keepAliveClient(url: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get: () =>
      new Promise<{ status: number; color: string; port: number | undefined }>((resolve, reject) => {
        const request = http.get(url, { agent, timeout: 5000 }, response => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, color: JSON.parse(body).color, port: request.socket?.localPort }));
        });
        request.on('error', reject);
      }),
    close: () => agent.destroy()
  };
}

/** A long-lived response (a websocket, say), read line by line until the router closes it. */
function openStream(url: string) {
  let closed = false;
  let request: http.ClientRequest;
  const firstLine = new Promise<string>((resolve, reject) => {
    request = http.get(url, { agent: false }, response => {
      response.setEncoding('utf8');
      response.once('data', (chunk: string) => resolve(chunk.split('\n')[0] as string));
      response.on('close', () => (closed = true));
      response.on('error', () => (closed = true));
    });
    request.on('error', error => {
      closed = true;
      reject(error);
    });
  });
  return { firstLine, closed: () => closed, destroy: () => request.destroy() };
}
