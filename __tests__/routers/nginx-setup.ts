import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, Server } from 'node:http';
import path from 'node:path';
import { Secrets } from '../../src/shared/secrets.js';
import { findLuaModules, startNginx, type LocalNginx } from '../../src/demo/nginx-server.js';
import { freePort } from '../../src/shared/io/ports.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import type { RouterState } from '../../src/core/router-state.js';
import { nginxOptionsSchema } from '../../src/adapters/routers/nginx/options.js';
import { createNginxRouter } from '../../src/adapters/routers/nginx/router.js';
import { hostFor } from '../../src/adapters/transport/host-for.js';
import type { Affinity, Router } from '../../src/adapters/routers/router.js';
import { nginxBinary, requireServer, startUpstreams, tempDir, type Upstreams } from '../support/servers.js';

export const luaModules = findLuaModules();
export const describeWithNginxLua = requireServer(
  'nginx with the Lua module',
  nginxBinary !== null && luaModules !== null,
  'apt-get install nginx libnginx-mod-http-lua lua-resty-core'
)
  ? describe
  : describe.skip;

const UPSTREAM = 'cutover_shop';

/** A real nginx (with the Lua module), two sample apps and cutover's nginx router over them. */
export interface NginxRig {
  nginx: LocalNginx;
  apps: Upstreams;
  /** The admin listener of mode lua, host:port. */
  admin: string;
  /** What the routers logged. */
  log: string[];
  /** cutover's nginx router over this rig, with router settings on top of the rig's, and session affinity if given. */
  router(settings?: Record<string, unknown>, affinity?: Affinity): Router;
  /**
   * Makes the location proxy to `$cutover_shop_route`, as mode reload with
   * affinity asks (or, with false, to the upstream again); nginx takes it up
   * at its next reload, which needs a file with affinity to define the route.
   */
  proxyThroughRoute(on?: boolean): Promise<void>;
  state(blue: number): RouterState;
  /** Stops nginx and starts it again on the same folder and port: the shared dict starts empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRig(): Promise<NginxRig> {
  const { dir, remove } = await tempDir();
  const apps = await startUpstreams();
  const [port, adminPort] = [await freePort(), await freePort()];
  const prefix = path.join(dir, 'nginx');
  const start = () => startNginx(nginxBinary as string, prefix, port, UPSTREAM, { lua: luaModules ?? undefined });
  let nginx = await start();
  const log: string[] = [];
  const logger = terminalLogger({ write: text => log.push(text), redact: text => text });
  const rig: NginxRig = {
    nginx,
    apps,
    admin: `127.0.0.1:${adminPort}`,
    log,
    router: (settings = {}, affinity) => {
      const options = nginxOptionsSchema.parse({
        kind: 'nginx',
        file: nginx.routerFile,
        probe: nginx.url,
        binary: nginxBinary,
        test: nginx.test,
        reload: nginx.reload,
        confirm: { timeout: '5s', interval: '20ms' },
        ...settings
      });
      const context = {
        service: 'shop',
        endpoints: { blue: apps.blue, green: apps.green },
        baseDir: dir,
        logger,
        secrets: new Secrets({}, () => {}),
        ...(affinity ? { affinity } : {})
      };
      return createNginxRouter(options, context, hostFor(options, { file: options.file, 'pid-file': options['pid-file'] }, context));
    },
    proxyThroughRoute: async (on = true) => {
      // startNginx writes the first line into <prefix>/nginx.conf; proxy_pass goes through that variable.
      const [direct, routed] = [`set $cutover_upstream ${UPSTREAM};`, `set $cutover_upstream $${UPSTREAM}_route;`];
      const [from, to] = on ? [direct, routed] : [routed, direct];
      const conf = path.join(prefix, 'nginx.conf');
      const text = await readFile(conf, 'utf8');
      if (!text.includes(from)) throw new Error(`${conf} has no "${from}" line to change`);
      await writeFile(conf, text.replace(from, to));
    },
    state: blue => ({ kind: 'nginx', endpoints: { blue: apps.blue, green: apps.green }, weights: { blue, green: 100 - blue }, settings: { upstream: UPSTREAM } }),
    restart: async () => {
      await nginx.stop();
      nginx = await start();
      rig.nginx = nginx;
    },
    stop: async () => {
      await nginx.stop();
      await apps.stop();
      await remove();
    }
  };
  return rig;
}

/** Resolves once `server` receives a request for `pathname`: it is in flight through nginx. */
export function requestArrives(server: Server, pathname: string): Promise<void> {
  return new Promise(resolve => {
    const listener = (request: IncomingMessage) => {
      if (!request.url?.startsWith(pathname)) return;
      server.off('request', listener);
      resolve();
    };
    server.on('request', listener);
  });
}
