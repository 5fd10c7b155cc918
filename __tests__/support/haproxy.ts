import path from 'node:path';
import { Secrets } from '../../src/shared/secrets.js';
import { findHaproxy, startHaproxy, type LocalHaproxy } from '../../harness/haproxy-server.js';
import { freePort } from '../../src/shared/io/ports.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { createHaproxyRouter } from '../../src/adapters/routers/haproxy/router.js';
import { haproxyOptionsSchema } from '../../src/adapters/routers/haproxy/options.js';
import type { Affinity, Router } from '../../src/adapters/routers/router.js';
import { requireServer, startUpstreams, tempDir, type Upstreams } from './servers.js';

export { askSocket, startHaproxy, waitFor, type LocalHaproxy } from '../../harness/haproxy-server.js';

export const haproxyBinary = findHaproxy();
export const describeWithHaproxy = requireServer('haproxy', haproxyBinary !== null, 'apt-get install haproxy') ? describe : describe.skip;

/** Two sample apps behind a private HAProxy, in a temp folder, and routers for them. */
export interface HaproxySetup {
  dir: string;
  apps: Upstreams;
  haproxy: LocalHaproxy;
  /** A router for backend cutover_shop, with `settings` over the instance's router settings. */
  router(settings?: Record<string, unknown>, affinity?: Affinity): Router;
  stop(): Promise<void>;
}

export async function startHaproxySetup(): Promise<HaproxySetup> {
  const temp = await tempDir();
  const stops = [temp.remove];
  const stop = async () => {
    for (const next of stops.splice(0).reverse()) await next();
  };
  try {
    const apps = await startUpstreams();
    stops.push(apps.stop);
    const haproxy = await startHaproxy(haproxyBinary as string, path.join(temp.dir, 'haproxy'), await freePort(), 'cutover_shop');
    stops.push(haproxy.stop);
    const logger = terminalLogger({ write: () => undefined, redact: text => text });
    const router = (settings: Record<string, unknown> = {}, affinity?: Affinity) =>
      createHaproxyRouter(haproxyOptionsSchema.parse({ ...haproxy.routerSettings, confirm: { timeout: '3s', interval: '20ms' }, ...settings }), {
        service: 'shop',
        endpoints: { blue: apps.blue, green: apps.green },
        baseDir: temp.dir,
        logger,
        secrets: new Secrets({}, () => {}),
        ...(affinity ? { affinity } : {})
      });
    return { dir: temp.dir, apps, haproxy, router, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
