import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReleaseError } from '../../src/shared/errors.js';
import { poll, sleep } from '../../src/shared/io/wait.js';
import { MAX_ANSWER_BYTES, runtimeApi } from '../../src/adapters/routers/haproxy/runtime.js';
import { localHost, type Host } from '../../src/adapters/transport/host.js';
import { nginxAdmin } from '../../src/adapters/routers/nginx/admin.js';
import { ADMIN_PATH } from '../../src/adapters/routers/nginx/lua.js';
import { startHostileServer, type HostileServer } from '../support/hostile-http.js';

async function timed<T>(work: Promise<T>): Promise<{ value: T | Error; ms: number }> {
  const started = performance.now();
  const value = await work.catch((error: unknown) => error as Error);
  return { value, ms: performance.now() - started };
}

/** This machine, reached as a far host is: connecting takes most of the budget (a slow SSH forward, say). */
const slowToConnect = (delayMs: number): Host => ({
  ...localHost,
  name: 'a slow host',
  connect: async (target, timeoutMs) => {
    await sleep(delayMs);
    return localHost.connect(target, timeoutMs);
  }
});

describe('router sockets against a hostile peer', () => {
  let server: HostileServer;
  const target = () => ({ host: '127.0.0.1', port: server.port });

  beforeAll(async () => {
    server = await startHostileServer({
      'show servers state': { kind: 'endless-body' },
      'show stat cutover_shop 6 -1': { kind: 'trickle-body', everyMs: 100, body: '# pxname,svname' },
      [ADMIN_PATH]: { kind: 'trickle-body', everyMs: 100, body: '{"state":' }
    });
  });
  afterAll(() => server.stop());

  it('HAProxy runtime API: an endless answer fails at the cap, and the peer could send only a bounded amount', async () => {
    const { value, ms } = await timed(runtimeApi(localHost, target(), 30_000).serversState());
    expect(ms).toBeLessThan(15_000);
    expect(value).toBeInstanceOf(ReleaseError);
    expect((value as Error).message).toBe(
      `HAProxy runtime API at 127.0.0.1:${server.port} on this machine: the answer to "show servers state" is longer than ${MAX_ANSWER_BYTES} bytes, more than HAProxy writes; router.socket may not name HAProxy's stats socket.`
    );
    await poll(async () => server.openConnections('show servers state'), { what: 'the peer to see cutover hang up', done: open => open === 0, timeoutMs: 5000, intervalMs: 20 });
    expect(server.sentBytes('show servers state')).toBeLessThan(MAX_ANSWER_BYTES + 32 * 1024 * 1024);
  });

  // Connecting takes 4 s of a 5 s budget, then the answer trickles: the exchange ends at 5 s, not 4 s + 5 s.
  it('HAProxy runtime API: router.timeout bounds connecting and the answer together', async () => {
    const { value, ms } = await timed(runtimeApi(slowToConnect(4000), target(), 5000).counters('cutover_shop'));
    expect(ms).toBeLessThan(7500);
    expect((value as Error).message).toMatch(/^HAProxy runtime API at 127\.0\.0\.1:\d+ on a slow host refused "show stat cutover_shop 6 -1"/);
  });

  it('nginx admin listener: its timeout bounds connecting and the answer together', async () => {
    const { value, ms } = await timed(nginxAdmin(slowToConnect(4000), `127.0.0.1:${server.port}`, 5000).read());
    expect(ms).toBeLessThan(7500);
    expect((value as Error).message).toMatch(/^nginx admin listener 127\.0\.0\.1:\d+ on a slow host: no complete answer within \d+ms$/);
  });
});
