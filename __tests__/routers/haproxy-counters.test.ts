import http from 'node:http';
import net from 'node:net';
import type { Server } from 'node:http';
import type { RouterState } from '../../src/core/router-state.js';
import { stopGracefully } from '../../src/demo/sample-app.js';
import { headerValue, httpGet } from '../../src/shared/io/http.js';
import { countersOf, parseStat } from '../../src/adapters/routers/haproxy/runtime.js';
import type { RouterCounters } from '../../src/adapters/routers/router.js';
import { describeWithHaproxy, startHaproxySetup, type HaproxySetup } from '../support/haproxy.js';

describe('router counters from show stat', () => {
  // Columns as HAProxy 2.6 names them, trimmed to those that count; rows as the real binary counted them in the cases named.
  const stat = [
    '# pxname,svname,stot,econ,eresp,wretr,wredis,hrsp_5xx,req_tot,srv_abrt,rtime',
    'b,two-ok-one-500-one-hangup,4,0,1,0,0,1,3,0,4', // the hang-up: HAProxy's 502, not in req_tot nor hrsp_5xx
    'b,refused-after-3-retries,4,1,0,3,0,0,0,0,0', // one 503: four connection attempts, one econ
    'b,redispatched,3,0,0,2,1,0,0,0,0', // the request was answered by the other server, which counts it
    'b,cut-mid-body,1,0,1,0,0,0,1,1,5', // a 200 whose server hung up after the status line
    'b,no-req-tot,5,0,0,0,0,2,,0,7',
    ''
  ].join('\n');
  const of = (server: string) => countersOf(parseStat(stat), 'b', server);

  it("adds the answers HAProxy made up for a failing server to its requests and errors, once each", () => {
    expect(of('two-ok-one-500-one-hangup')).toEqual({ requests: 4, errors: 2, meanLatencyMs: 4 });
    expect(of('refused-after-3-retries')).toEqual({ requests: 1, errors: 1, meanLatencyMs: null });
    expect(of('redispatched')).toEqual({ requests: 0, errors: 0, meanLatencyMs: null });
    expect(of('cut-mid-body')).toEqual({ requests: 1, errors: 0, meanLatencyMs: 5 });
    expect(of('no-req-tot')).toEqual({ requests: 5, errors: 2, meanLatencyMs: 7 });
    expect(of('purple')).toBeNull();
  });
});

interface Tally {
  requests: number;
  errors: number;
}

/** One request on a new connection: the color that answered (X-Cutover-Color) and the status, or the error when the answer broke. */
async function send(url: string): Promise<{ color: string | undefined; status: number | string }> {
  try {
    const response = await httpGet(url, { timeoutMs: 10_000 });
    return { color: headerValue(response.headers, 'x-cutover-color'), status: response.status };
  } catch (error) {
    return { color: undefined, status: (error as Error).message };
  }
}

/** Sends `count` requests, `parallel` at a time, and tallies what clients saw per color. */
async function traffic(url: string, count: number, parallel = 10): Promise<{ byColor: Record<string, Tally>; answers: (number | string)[] }> {
  const byColor: Record<string, Tally> = {};
  const answers: (number | string)[] = [];
  for (let sent = 0; sent < count; sent += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - sent) }, () => send(url)));
    for (const { color, status } of batch) {
      answers.push(status);
      if (color === undefined) continue;
      const tally = (byColor[color] ??= { requests: 0, errors: 0 });
      tally.requests += 1;
      if (typeof status === 'number' && status >= 500) tally.errors += 1;
    }
  }
  return { byColor, answers };
}

/** What each color served between two reads. */
const delta = (before: Record<string, RouterCounters>, after: Record<string, RouterCounters>, color: string): Tally => ({
  requests: (after[color] as RouterCounters).requests - (before[color] as RouterCounters).requests,
  errors: (after[color] as RouterCounters).errors - (before[color] as RouterCounters).errors
});

/** `POST /fault` on a sample app, directly, as the demo does. */
function setFaults(endpoint: string, query: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`http://${endpoint}/fault?${query}`, { method: 'POST', agent: false }, response => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * Stands in for a broken release on `port`: it hangs up on a request without
 * answering, or on /truncated after the status line and part of the body.
 */
function brokenServer(port: number): Promise<net.Server> {
  const server = net.createServer(socket => {
    socket.once('data', chunk => {
      if (chunk.toString().startsWith('GET /truncated')) socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial');
      setImmediate(() => socket.destroy());
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describeWithHaproxy('the haproxy router counts what each color answered, through a real HAProxy', () => {
  let setup: HaproxySetup;
  let blueLive: RouterState;

  beforeEach(async () => {
    setup = await startHaproxySetup();
    const { apps } = setup;
    blueLive = { kind: 'haproxy', endpoints: { blue: apps.blue, green: apps.green }, weights: { blue: 100, green: 0 }, settings: { backend: 'cutover_shop' } };
    await setup.router().initialize({ ...blueLive, settings: {} });
  });

  afterEach(() => setup.stop());

  it("counts each color's requests, 5xx and mean response time as its clients saw them", async () => {
    const router = setup.router();
    const fresh = await router.counters?.();
    // init's confirmation went to blue only.
    expect(fresh?.green).toEqual({ requests: 0, errors: 0, meanLatencyMs: null });
    expect(fresh?.blue.requests).toBeGreaterThan(0);

    await router.apply(blueLive, { ...blueLive, weights: { blue: 25, green: 75 } });
    expect(await setFaults(setup.apps.green, 'fail=0.2&delay=40')).toBe(200);
    const before = await router.counters?.();
    const sent = await traffic(setup.haproxy.url, 200);
    const after = await router.counters?.();
    if (!before || !after) throw new Error('the haproxy router has no counters');

    expect(sent.answers.filter(status => status !== 200 && status !== 500)).toEqual([]);
    expect(delta(before, after, 'blue')).toEqual(sent.byColor.blue);
    expect(delta(before, after, 'green')).toEqual(sent.byColor.green);
    expect(sent.byColor.blue).toEqual({ requests: 50, errors: 0 });
    expect(sent.byColor.green?.requests).toBe(150);
    // The app fails a fifth of all it served, counting init's probes before the fault: at least 30 of these 150.
    expect(sent.byColor.green?.errors).toBeGreaterThanOrEqual(30);
    expect(sent.byColor.green?.errors).toBeLessThanOrEqual(40);
    expect(after.green.meanLatencyMs).toBeGreaterThanOrEqual(35);
    expect(after.blue.meanLatencyMs).toBeLessThan(20);
  });

  it('counts the answers HAProxy made up when the color failed (502, 503) as errors, and a cut body as a request only', async () => {
    const router = setup.router();
    await router.apply(blueLive, { ...blueLive, weights: { blue: 0, green: 100 } });
    await stopGracefully(setup.apps.servers[1] as Server);
    const broken = await brokenServer(setup.apps.greenPort);
    try {
      const before = await router.counters?.();
      const hungUp = await traffic(setup.haproxy.url, 3);
      const cut = await traffic(`${setup.haproxy.url}truncated`, 2);
      const afterBroken = await router.counters?.();
      expect(hungUp.answers).toEqual([502, 502, 502]);
      // The client had its 200 status line, then lost the connection.
      expect(cut.answers).toEqual([expect.stringMatching(/aborted|socket hang up|ECONNRESET/), expect.stringMatching(/aborted|socket hang up|ECONNRESET/)]);
      if (!before || !afterBroken) throw new Error('the haproxy router has no counters');
      expect(delta(before, afterBroken, 'green')).toEqual({ requests: 5, errors: 3 });
      expect(delta(before, afterBroken, 'blue')).toEqual({ requests: 0, errors: 0 });

      await new Promise<void>(resolve => broken.close(() => resolve()));
      // Nothing listens now: HAProxy retries, then answers 503 itself.
      const refused = await traffic(setup.haproxy.url, 2);
      const afterRefused = await router.counters?.();
      expect(refused.answers).toEqual([503, 503]);
      if (!afterRefused) throw new Error('the haproxy router has no counters');
      expect(delta(afterBroken, afterRefused, 'green')).toEqual({ requests: 2, errors: 2 });
      expect(delta(afterBroken, afterRefused, 'blue')).toEqual({ requests: 0, errors: 0 });
    } finally {
      broken.close();
    }
  });

  it('starts the counters over on a reload, as the new worker counts from zero', async () => {
    const router = setup.router();
    await traffic(setup.haproxy.url, 20);
    expect((await router.counters?.())?.blue.requests).toBeGreaterThanOrEqual(20);
    await setup.haproxy.reloadAndWait();
    expect(await router.counters?.()).toEqual({
      blue: { requests: 0, errors: 0, meanLatencyMs: null },
      green: { requests: 0, errors: 0, meanLatencyMs: null }
    });
  });

  it('explains when HAProxy runs no such backend', async () => {
    const other = setup.router({ backend: 'cutover_other' });
    await expect(other.counters?.()).rejects.toThrow(/refused "show stat cutover_other 6 -1": No such proxy\. HAProxy has not loaded the backend file cutover generates/);
  });
});
