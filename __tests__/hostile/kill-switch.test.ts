import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startNginx, type LocalNginx } from '../../src/demo/nginx-server.js';
import { isAlive } from '../../src/shared/io/processes.js';
import { freePort } from '../../src/shared/io/ports.js';
import { describeWithNginx, nginxBinary, startUpstreams, tempDir, type Upstreams } from '../support/servers.js';
import { colorsServed } from '../support/traffic.js';
import { killHard, pidsIn, readJson, runCli, startCli, supervisorsGone, whileRunning, type CliProcess } from './kill-run.js';

/** router.reload: writes its pid, waits until the go file exists (a slow reload), then runs the real reload. */
const SLOW_RELOAD = `const { spawnSync } = require('node:child_process');
const { existsSync, writeFileSync } = require('node:fs');
const [pidFile, go, ...reload] = process.argv.slice(2);
writeFileSync(pidFile, String(process.pid));
const timer = setInterval(() => {
  if (!existsSync(go)) return;
  clearInterval(timer);
  process.exit(spawnSync(reload[0], reload.slice(1), { stdio: 'inherit' }).status ?? 1);
}, 20);`;

describeWithNginx('promote and rollback killed with SIGKILL during a slow reload', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let nginx: LocalNginx;
  let apps: Upstreams;
  let go: string;
  let reloadPid: string;

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    apps = await startUpstreams();
    nginx = await startNginx(nginxBinary as string, path.join(dir, 'nginx'), await freePort(), 'cutover_shop');
    go = path.join(dir, 'go');
    reloadPid = path.join(dir, 'reload.pid');
    await writeFile(go, '');
    await writeFile(path.join(dir, 'slow-reload.cjs'), SLOW_RELOAD);
    await writeFile(
      path.join(dir, 'cutover.yml'),
      `service: shop
colors:
  blue:  { upstream: ${apps.blue}, health: http://${apps.blue}/healthz, version: http://${apps.blue}/version }
  green: { upstream: ${apps.green}, health: http://${apps.green}/healthz, version: http://${apps.green}/version }
router:
  kind: nginx
  file: ${nginx.routerFile}
  pid-file: ${nginx.pidFile}
  probe: ${nginx.url}
  confirm: { timeout: 5s }
  binary: ${nginxBinary}
  test: ${JSON.stringify(nginx.test)}
  reload: ${JSON.stringify([process.execPath, path.join(dir, 'slow-reload.cjs'), reloadPid, go, ...nginx.reload])}
health: { timeout: 5s, interval: 50ms, max-interval: 500ms }
`
    );
  });

  afterEach(async () => {
    await nginx.stop();
    await apps.stop();
    await remove();
  });

  const step = (name: string, ...args: string[]) => [name, '--config', path.join(dir, 'cutover.yml'), '--snapshot-file', path.join(dir, 'record.json'), ...args];
  const phase = async () => (await readJson<{ phase: string }>(path.join(dir, 'record.json')))?.phase;

  /**
   * Runs `name` with the reload held, kills cutover once the reload command runs, and checks that the reload
   * died with it: it can never switch nginx later, behind the rerun's back.
   */
  async function killMidReload(name: string): Promise<void> {
    await rm(go);
    await rm(reloadPid, { force: true });
    const killed: CliProcess = startCli(step(name));
    const [reload] = await whileRunning(killed, `the ${name} reload to start`, async () => {
      const pids = await pidsIn(reloadPid);
      return pids.length ? pids : null;
    });
    await killHard(killed);
    await supervisorsGone(killed.pid);
    expect(isAlive(reload as number)).toBe(false);
    // Had the reload survived, it would switch nginx as soon as it may.
    await writeFile(go, '');
  }

  it('never lets the killed reload land; the reruns promote and roll back', async () => {
    expect((await runCli(['init', '--live', 'blue', '--config', path.join(dir, 'cutover.yml')])).code).toBe(0);
    expect((await runCli(step('snapshot'))).code).toBe(0);
    expect((await runCli(step('deploy'))).code).toBe(0);

    await killMidReload('promote');
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
    expect(await phase()).toBe('deployed');
    const promote = await runCli(step('promote'));
    expect(promote.output).toMatch(/live-color: green/);
    expect(promote.code).toBe(0);
    expect(await colorsServed(nginx.url)).toEqual({ green: 20 });

    await killMidReload('rollback');
    expect(await colorsServed(nginx.url)).toEqual({ green: 20 });
    expect(await phase()).toBe('promoted');
    const rollback = await runCli(step('rollback'));
    expect(rollback.code).toBe(0);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
    expect(await phase()).toBe('rolled-back');
  });
});
