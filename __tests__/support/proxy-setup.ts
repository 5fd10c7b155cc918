import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startProxyServer, type ProxyServer } from '../../src/demo/proxy-server.js';
import { freePort } from '../../src/shared/io/ports.js';
import { cli } from './cli.js';
import { startUpstreams, tempDir, type Upstreams } from './servers.js';

export interface ProxySetup {
  dir: string;
  config: string;
  proxy: ProxyServer;
  apps: Upstreams;
  stop: () => Promise<void>;
}

/** Two sample apps behind cutover's in-process proxy, with a cutover.yml and blue live. */
export async function proxySetup(extraYaml = ''): Promise<ProxySetup> {
  const { dir, remove } = await tempDir();
  const apps = await startUpstreams();
  const proxy = await startProxyServer(await freePort(), await freePort());
  const config = path.join(dir, 'cutover.yml');
  await writeFile(
    config,
    `service: shop
colors:
  blue:  { upstream: ${apps.blue}, health: http://${apps.blue}/healthz }
  green: { upstream: ${apps.green}, health: http://${apps.green}/healthz }
router: { kind: proxy, admin: ${proxy.admin}, probe: ${proxy.url} }
health: { timeout: 3s, interval: 50ms, max-interval: 500ms }
${extraYaml}`
  );
  const init = await cli(['init', '--live', 'blue', '--config', config]);
  if (init.code !== 0) throw new Error(init.err);
  return {
    dir,
    config,
    proxy,
    apps,
    stop: async () => {
      await proxy.close();
      await apps.stop();
      await remove();
    }
  };
}
