import http from 'node:http';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stopGracefully } from '../../src/demo/sample-app.js';
import { freePort } from '../../src/shared/io/ports.js';
import { renderNginxFile } from '../../src/adapters/routers/nginx/router.js';
import { tempDir } from '../support/servers.js';
import { killHard, readJson, runCli, startCli, whileRunning } from './kill-run.js';

describe('snapshot killed with SIGKILL while it reads what is live', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let server: http.Server;
  let held: http.ServerResponse[] = [];
  let holding = true;

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    held = [];
    holding = true;
    // Both colors' version endpoints; while holding, an answer waits until the test lets it go.
    server = http.createServer((request, response) => {
      if (holding) held.push(response);
      else response.end(request.url === '/blue/version' ? '1.0.0' : '2.0.0');
    });
    const port = await freePort();
    await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${port}`;
    const routerFile = path.join(dir, 'router.conf');
    const endpoints = { blue: '127.0.0.1:8081', green: '127.0.0.1:8082' };
    await writeFile(routerFile, renderNginxFile({ kind: 'nginx', endpoints, weights: { blue: 100, green: 0 }, settings: { upstream: 'cutover_shop' } }));
    await writeFile(
      path.join(dir, 'cutover.yml'),
      `service: shop
colors:
  blue: { upstream: ${endpoints.blue}, health: ${base}/blue/healthz, version: ${base}/blue/version }
  green: { upstream: ${endpoints.green}, health: ${base}/green/healthz, version: ${base}/green/version }
router: { kind: nginx, file: ${routerFile}, probe: http://127.0.0.1:1/ }
`
    );
  });

  afterEach(async () => {
    for (const response of held) response.destroy();
    await stopGracefully(server);
    await remove();
  });

  it('leaves no record behind, and the rerun records the snapshot whole', async () => {
    const args = ['snapshot', '--config', path.join(dir, 'cutover.yml'), '--snapshot-file', path.join(dir, 'record.json')];
    const killed = startCli(args);
    await whileRunning(killed, 'the snapshot to ask for a version', async () => held.length > 0);
    await killHard(killed);
    expect((await readdir(dir)).sort()).toEqual(['cutover.yml', 'router.conf']);

    holding = false;
    const rerun = await runCli(args);
    expect(rerun.code).toBe(0);
    const record = await readJson<{ phase: string; snapshot: { snapshot: { versions: Record<string, string>; live_color: string } } }>(path.join(dir, 'record.json'));
    expect(record?.phase).toBe('snapshotted');
    expect(record?.snapshot.snapshot).toMatchObject({ live_color: 'blue', versions: { blue: '1.0.0', green: '2.0.0' } });
  });
});
