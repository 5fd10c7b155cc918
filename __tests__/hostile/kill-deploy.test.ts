import type http from 'node:http';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serveSampleApp, stopGracefully } from '../../src/demo/sample-app.js';
import { isAlive } from '../../src/shared/io/processes.js';
import { freePort } from '../../src/shared/io/ports.js';
import { renderNginxFile } from '../../src/adapters/routers/nginx/router.js';
import { tempDir } from '../support/servers.js';
import { killHard, pidsIn, processesGone, readJson, runCli, startCli, whileRunning } from './kill-run.js';

/** The idle color's app: answers its health and version, and tells which process it is. */
const APP = `const http = require('node:http');
http.createServer((request, response) => {
  response.end(request.url === '/' ? JSON.stringify({ pid: process.pid }) : request.url === '/version' ? '2.0.0' : 'ok');
}).listen(Number(process.argv[2]), '127.0.0.1');`;

/**
 * The deploy command: starts the app in the background, in its own process group as a shell's `app &` would,
 * writes both pids, and then (while the hold file exists) keeps running, like a deploy that waits on a rollout.
 */
const DEPLOY = `const { spawn } = require('node:child_process');
const { appendFileSync, existsSync } = require('node:fs');
const [app, port, pids, hold] = process.argv.slice(2);
const child = spawn(process.execPath, [app, port], { stdio: 'ignore' });
child.unref();
appendFileSync(pids, process.pid + ' ' + child.pid + '\\n');
if (existsSync(hold)) setInterval(() => {}, 1000);`;

describe('deploy killed with SIGKILL while its command runs', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let blue: http.Server;
  let greenPort: number;
  let leftovers: number[] = [];

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    const bluePort = await freePort();
    greenPort = await freePort();
    blue = await serveSampleApp({ port: bluePort, version: '1.0.0', color: 'blue' });
    const endpoints = { blue: `127.0.0.1:${bluePort}`, green: `127.0.0.1:${greenPort}` };
    const routerFile = path.join(dir, 'router.conf');
    await writeFile(routerFile, renderNginxFile({ kind: 'nginx', endpoints, weights: { blue: 100, green: 0 }, settings: { upstream: 'cutover_shop' } }));
    await writeFile(path.join(dir, 'app.cjs'), APP);
    await writeFile(path.join(dir, 'deploy.cjs'), DEPLOY);
    const command = [process.execPath, 'deploy.cjs', path.join(dir, 'app.cjs'), String(greenPort), path.join(dir, 'pids'), path.join(dir, 'hold')];
    await writeFile(
      path.join(dir, 'cutover.yml'),
      `service: shop
colors:
  blue: { upstream: ${endpoints.blue}, health: http://${endpoints.blue}/healthz, version: http://${endpoints.blue}/version }
  green: { upstream: ${endpoints.green}, health: http://${endpoints.green}/healthz, version: http://${endpoints.green}/version }
router: { kind: nginx, file: ${routerFile}, probe: http://127.0.0.1:1/ }
health: { timeout: 10s, interval: 50ms, max-interval: 200ms }
deploy:
  command: ${JSON.stringify(command)}
  timeout: 1m
`
    );
  });

  afterEach(async () => {
    for (const pid of leftovers.filter(isAlive)) process.kill(pid, 'SIGKILL');
    leftovers = [];
    await stopGracefully(blue);
    await remove();
  });

  const step = (name: string) => [name, '--config', path.join(dir, 'cutover.yml'), '--snapshot-file', path.join(dir, 'record.json')];
  const servingPid = async () => {
    const response = await fetch(`http://127.0.0.1:${greenPort}/`).catch(() => null);
    return response?.ok ? ((await response.json()) as { pid: number }).pid : null;
  };

  it('leaves no orphan: the rerun deploys its own app, which is the one serving, and reports it healthy', async () => {
    expect((await runCli(step('snapshot'))).code).toBe(0);
    await writeFile(path.join(dir, 'hold'), '');
    const killed = startCli(step('deploy'));
    // The command has started the app, which answers, and is still running: kill cutover now.
    const first = await whileRunning(killed, 'the first deploy command to start its app', async () => {
      const pids = await pidsIn(path.join(dir, 'pids'));
      return pids.length === 2 && (await servingPid()) === pids[1] ? pids : null;
    });
    leftovers.push(...first);
    await killHard(killed);

    await processesGone(first, 'the killed deploy command and the app it started to stop');
    expect((await readJson<{ phase: string }>(path.join(dir, 'record.json')))?.phase).toBe('snapshotted');

    await rm(path.join(dir, 'hold'));
    const rerun = await runCli(step('deploy'));
    const second = (await pidsIn(path.join(dir, 'pids'))).slice(2);
    leftovers.push(...second);
    expect(rerun.output).toMatch(/green is healthy at .*\n[^]*version: 2\.0\.0/);
    expect(rerun.code).toBe(0);
    expect(second).toHaveLength(2);
    expect(await servingPid()).toBe(second[1]);
    expect(first.filter(isAlive)).toEqual([]);
    expect((await readJson<{ phase: string }>(path.join(dir, 'record.json')))?.phase).toBe('deployed');
  });
});
