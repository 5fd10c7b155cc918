import http from 'node:http';
import path from 'node:path';
import { httpGet } from '../../src/shared/io/http.js';
import { localHost } from '../../src/adapters/transport/host.js';
import { nginxAdmin } from '../../src/adapters/routers/nginx/admin.js';
import { nginxProcesses, oldWorkers } from '../../src/adapters/routers/nginx/workers.js';
import type { Router } from '../../src/adapters/routers/router.js';
import { describeWithSshd, startSshd, type Sshd } from '../support/sshd.js';
import { colorsServed } from '../support/traffic.js';
import { describeWithNginxLua, requestArrives, startRig, type NginxRig } from './nginx-setup.js';

/** Long enough that a drain which did not wait ends well before the request does. */
const SLOW_MS = 2500;
const drain = { timeout: '20s', interval: '50ms' };

describeWithNginxLua('draining the color nginx no longer sends traffic to', () => {
  let rig: NginxRig;

  beforeEach(async () => {
    rig = await startRig();
  });

  afterEach(async () => {
    await rig.stop();
  });

  /**
   * Sends /slow through nginx; once blue's app serves it, switches to green,
   * checks `during` and drains blue. The drain must end only after the request.
   */
  async function drainAroundSlowRequest(router: Router, during: () => Promise<void>): Promise<void> {
    await router.initialize(rig.state(100));
    const arrived = requestArrives(rig.apps.servers[0] as http.Server, '/slow');
    const started = Date.now();
    const slow = httpGet(`${rig.nginx.url}slow?ms=${SLOW_MS}`, { timeoutMs: 20_000 });
    await arrived;
    await router.apply(rig.state(100), rig.state(0));
    await during();

    const report = await router.drain('blue');
    const drainedAt = Date.now() - started;
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/^blue 1\.0\.0 after 2500ms/);
    expect(report).toMatchObject({ color: 'blue', method: 'counter', remaining: 0, closed: 0 });
    expect(drainedAt).toBeGreaterThanOrEqual(SLOW_MS);
  }

  it('mode lua: waits for the request in flight on the old color, counted by the Lua balancer', async () => {
    const admin = nginxAdmin(localHost, rig.admin);
    await drainAroundSlowRequest(rig.router({ mode: 'lua', admin: rig.admin, drain }), async () => {
      expect((await admin.read()).inFlight.blue).toBe(1);
    });
    expect((await admin.read()).inFlight).toEqual({ blue: 0, green: 0 });
  });

  it('mode reload: waits for the old worker that holds a request to exit', async () => {
    const old = async () => oldWorkers(await nginxProcesses(localHost, rig.nginx.pidFile));
    await drainAroundSlowRequest(rig.router({ 'pid-file': rig.nginx.pidFile, drain }), async () => {
      expect((await old()).length).toBeGreaterThan(0);
    });
    expect(await old()).toEqual([]);
  });

  it('mode reload: ends the old worker still holding a long-lived connection after close-after, and only that', async () => {
    const router = rig.router({ 'pid-file': rig.nginx.pidFile, drain: { ...drain, 'close-after': '300ms' } });
    await router.initialize(rig.state(100));
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`${rig.nginx.url}stream`, response => response.once('data', () => resolve(response))).once('error', reject);
    });
    const ended = new Promise<void>(resolve => stream.once('close', () => resolve()));
    await router.apply(rig.state(100), rig.state(0));

    const report = await router.drain('blue');
    expect(report).toMatchObject({ color: 'blue', method: 'counter', remaining: 0, closed: 1 });
    await ended;
    expect(stream.complete).toBe(false);
    // The master did not replace the worker it had retired, and the new workers serve on.
    const workers = (await nginxProcesses(localHost, rig.nginx.pidFile)).children;
    expect(workers.map(worker => worker.title)).toEqual(['nginx: worker process', 'nginx: worker process']);
    expect(await colorsServed(rig.nginx.url)).toEqual({ green: 20 });
  });

  it('mode reload: waits the drain time where it cannot find nginx\'s workers', async () => {
    const router = rig.router({ 'pid-file': path.join(path.dirname(rig.nginx.pidFile), 'missing.pid'), drain: { ...drain, time: '200ms' } });
    await router.initialize(rig.state(100));
    await router.apply(rig.state(100), rig.state(0));
    expect(await router.drain('blue')).toEqual({ color: 'blue', method: 'time', waitedMs: 200, remaining: null, closed: 0 });
    expect(rig.log.join('')).toMatch(/cannot count nginx's old workers on this machine \(.*missing\.pid does not exist\); waiting router\.drain\.time instead/);
  });
});

const describeOverSsh = describeWithNginxLua === describe && describeWithSshd === describe ? describe : describe.skip;

describeOverSsh('nginx over SSH (real sshd), as router.ssh sets it', () => {
  let rig: NginxRig;
  let sshd: Sshd;
  /** The router's SSH connection, closed after each test. */
  let opened: Router | undefined;
  const overSsh = (settings: Record<string, unknown>) => {
    opened = rig.router({ ...settings, drain, ssh: { ...sshd.options, 'connect-timeout': '10s' } });
    return opened;
  };

  beforeEach(async () => {
    rig = await startRig();
    sshd = await startSshd();
  });

  afterEach(async () => {
    await opened?.close();
    await sshd.stop();
    await rig.stop();
  });

  it('mode lua: switches and counts requests through the admin listener, reached by a stream forwarded over SSH', async () => {
    const router = overSsh({ mode: 'lua', admin: rig.admin });
    await router.initialize(rig.state(100));
    const before = (await nginxProcesses(localHost, rig.nginx.pidFile)).children;
    await router.apply(rig.state(100), rig.state(0));
    expect(await router.read()).toEqual(rig.state(0));
    expect(await router.drain('blue')).toMatchObject({ color: 'blue', method: 'counter', remaining: 0 });
    expect((await nginxProcesses(localHost, rig.nginx.pidFile)).children).toEqual(before);
    expect(await colorsServed(rig.nginx.url)).toEqual({ green: 20 });
    expect(sshd.log()).toMatch(/Accepted publickey/);
  });

  it('mode reload: lists the old workers with ps on the router\'s host', async () => {
    const router = overSsh({ 'pid-file': rig.nginx.pidFile });
    await router.initialize(rig.state(100));
    await router.apply(rig.state(100), rig.state(0));
    expect(await router.drain('blue')).toMatchObject({ color: 'blue', method: 'counter', remaining: 0 });
    expect(rig.log.join('')).not.toMatch(/cannot count nginx's old workers/);
    expect(sshd.log()).toMatch(/Accepted publickey/);
  });
});
