import { Secrets } from '../../src/shared/secrets.js';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { startNginx, type LocalNginx } from '../../src/demo/nginx-server.js';
import { createNginxRouter, renderNginxFile } from '../../src/adapters/routers/nginx/router.js';
import { type NginxOptions } from '../../src/adapters/routers/nginx/options.js';
import { lockFileFor } from '../../src/adapters/transport/host.js';
import { spawnSync } from 'node:child_process';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { freePort } from '../../src/shared/io/ports.js';
import { stopGracefully } from '../../src/demo/sample-app.js';
import type { Server } from 'node:http';
import { cli } from '../support/cli.js';
import { describeWithNginx, nginxBinary, startUpstreams, tempDir, type Upstreams } from '../support/servers.js';
import { colorsServed } from '../support/traffic.js';

const quietLogger = terminalLogger({ write: () => undefined, redact: text => text });

describeWithNginx('a release through a real nginx', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  let nginx: LocalNginx;
  let apps: Upstreams;
  let config: string;
  let marker: string;

  const writeConfig = (extra: { test?: string[]; health?: string; probe?: string } = {}) =>
    writeFile(
      config,
      `service: shop
colors:
  blue:  { upstream: ${apps.blue}, health: http://${apps.blue}/healthz, version: http://${apps.blue}/version }
  green: { upstream: ${apps.green}, health: ${extra.health ?? `http://${apps.green}/healthz`}, version: http://${apps.green}/version }
router:
  kind: nginx
  file: ${nginx.routerFile}
  pid-file: ${nginx.pidFile}
  probe: ${extra.probe ?? nginx.url}
  confirm: { timeout: 2s }
  binary: ${nginxBinary}
  test: ${JSON.stringify(extra.test ?? nginx.test)}
  reload: ${JSON.stringify(nginx.reload)}
health: { timeout: 3s, interval: 50ms, max-interval: 500ms }
deploy:
  command: ${JSON.stringify([process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, process.env.CUTOVER_COLOR + ' ' + process.env.CUTOVER_UPSTREAM + ' ' + process.argv[1])`, 'arg; $(touch /tmp/x) "quoted"'])}
`
    );

  beforeEach(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    apps = await startUpstreams();
    nginx = await startNginx(nginxBinary as string, path.join(dir, 'nginx'), await freePort(), 'cutover_shop');
    config = path.join(dir, 'cutover.yml');
    marker = path.join(dir, 'deployed');
    await writeConfig();
    expect((await cli(['init', '--live', 'blue', '--config', config])).code).toBe(0);
  });

  afterEach(async () => {
    await nginx.stop();
    await apps.stop();
    await removeDir();
  });

  const step = (name: string, ...args: string[]) => cli([name, '--config', config, '--snapshot-file', path.join(dir, 'release.json'), ...args]);

  it('moves all traffic to green on promote and back on rollback', async () => {
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });

    const snapshot = await step('snapshot', '--json');
    expect(snapshot.code).toBe(0);
    const outputs = JSON.parse(snapshot.out) as Record<string, string>;
    expect(outputs).toMatchObject({ 'live-color': 'blue', 'idle-color': 'green' });
    expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(outputs.snapshot as string).snapshot.versions).toEqual({ blue: '1.0.0', green: '2.0.0' });

    const deploy = await step('deploy');
    expect(deploy.code).toBe(0);
    // The command got its arguments verbatim, with no shell in between, and the idle color's facts.
    expect(await readFile(marker, 'utf8')).toBe(`green ${apps.green} arg; $(touch /tmp/x) "quoted"`);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });

    const promote = await step('promote');
    expect(promote.code).toBe(0);
    expect(promote.out).toMatch(/live-color: green/);
    expect(await colorsServed(nginx.url)).toEqual({ green: 20 });
    // The generated file marks the color without traffic as down, never weight=0.
    const generated = await readFile(nginx.routerFile, 'utf8');
    expect(generated).toMatch(new RegExp(`server ${apps.blue} down; # blue`));
    expect(generated).not.toMatch(/weight=0/);

    const again = await step('promote');
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/already promoted/);

    const rollback = await step('rollback');
    expect(rollback.code).toBe(0);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
    expect(await readFile(nginx.routerFile, 'utf8')).not.toBe(generated);
  });

  it('refuses to promote over a file edited by hand, naming both digests and changing nothing', async () => {
    expect((await step('snapshot')).code).toBe(0);
    const edited = (await readFile(nginx.routerFile, 'utf8')).replace(/server (\S+) weight=100; # blue/, 'server $1 weight=50; # blue');
    await writeFile(nginx.routerFile, edited);

    const promote = await step('promote');
    expect(promote.code).toBe(1);
    expect(promote.err).toMatch(/edited by hand: its header records sha256:[0-9a-f]{64} but its content hashes to sha256:[0-9a-f]{64}/);
    expect(await readFile(nginx.routerFile, 'utf8')).toBe(edited);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
  });

  it('refuses promote and rollback when someone else changed traffic since the snapshot, changing nothing', async () => {
    const snapshot = await step('snapshot', '--json');
    const recorded = (JSON.parse(snapshot.out) as Record<string, string>).snapshot as string;
    const routerDigest = JSON.parse(recorded).snapshot.router.digest as string;
    // Someone else splits traffic 50/50 through the router, with cutover's own writer.
    const router = createNginxRouter(
      { ...(parseConfig(await readFile(config, 'utf8'), config).router as NginxOptions) },
      { service: 'shop', endpoints: { blue: apps.blue, green: apps.green }, baseDir: dir, logger: quietLogger, secrets: new Secrets({}, () => {}) }
    );
    const current = await router.read();
    await router.apply(current, { ...current, weights: { blue: 50, green: 50 } });
    const split = await readFile(nginx.routerFile, 'utf8');

    for (const name of ['promote', 'rollback']) {
      const run = await step(name);
      expect(run.code).toBe(1);
      expect(run.err).toContain(`snapshot ${(JSON.parse(recorded).digest as string).slice(7, 19)} recorded router state ${routerDigest}`);
      expect(run.err).toMatch(/router now holds state sha256:[0-9a-f]{64}/);
      expect(run.err).toMatch(/weights\.blue: 100 -> 50/);
      expect(await readFile(nginx.routerFile, 'utf8')).toBe(split);
    }
    const served = await colorsServed(nginx.url, 40);
    expect(Object.keys(served).sort()).toEqual(['blue', 'green']);
  });

  it('leaves the old file in place and nginx untouched when the config check fails', async () => {
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    const before = await readFile(nginx.routerFile, 'utf8');
    await writeConfig({ test: [nginxBinary as string, '-t', '-q', '-c', path.join(dir, 'missing.conf')] });
    const promote = await step('promote');
    expect(promote.code).toBe(1);
    expect(promote.err).toMatch(/nginx refused the new configuration; the previous file is back in place/);
    expect(await readFile(nginx.routerFile, 'utf8')).toBe(before);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
  });

  it('puts the previous state back when nginx does not confirm the new one', async () => {
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    const before = await readFile(nginx.routerFile, 'utf8');
    // A probe that bypasses nginx never shows cutover's generation header.
    await writeConfig({ probe: `http://${apps.green}/` });
    const promote = await step('promote');
    expect(promote.code).toBe(1);
    expect(promote.err).toMatch(/did not serve the new state \(generation [0-9a-f]{12}\).*without a X-Cutover-Generation header/);
    expect(promote.err).toMatch(/The previous file is back in place and nginx was reloaded/);
    expect(await readFile(nginx.routerFile, 'utf8')).toBe(before);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
  });

  it('finishes a switch that stopped after writing the file but before the reload', async () => {
    const snapshot = await step('snapshot', '--json');
    expect((await step('deploy')).code).toBe(0);
    const sealed = JSON.parse((JSON.parse(snapshot.out) as Record<string, string>).snapshot as string);
    await writeFile(nginx.routerFile, renderNginxFile({ ...sealed.snapshot.router.state, weights: { blue: 0, green: 100 } }));
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });

    const promote = await step('promote');
    expect(promote.code).toBe(0);
    expect(promote.err).toMatch(/holds the target state but nginx does not serve it yet; reloading/);
    expect(promote.err).toMatch(/already promoted/);
    expect(await colorsServed(nginx.url)).toEqual({ green: 20 });
  });

  it('refuses to switch while another cutover run holds the router, and takes over a lock whose owner died', async () => {
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    const lock = lockFileFor(nginx.routerFile);
    const before = await readFile(nginx.routerFile, 'utf8');
    // A live process holds the lock: this test's own.
    await writeFile(lock, `${process.pid}\n`);
    const blocked = await step('promote');
    expect(blocked.code).toBe(1);
    expect(blocked.err).toContain(`is being changed by another cutover run (pid ${process.pid}); nothing was changed`);
    expect(await readFile(nginx.routerFile, 'utf8')).toBe(before);

    // The owner of this one has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(lock, `${dead.stdout}\n`);
    expect((await step('promote')).code).toBe(0);
    expect(await colorsServed(nginx.url)).toEqual({ green: 20 });
    await expect(readFile(lock, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('never routes to a color that did not become healthy', async () => {
    expect((await step('snapshot')).code).toBe(0);
    await writeConfig({ health: `http://127.0.0.1:${await freePort()}/healthz` });
    const deploy = await step('deploy');
    expect(deploy.code).toBe(1);
    expect(deploy.err).toMatch(/green did not become healthy at http:\/\/127\.0\.0\.1:\d+\/healthz within 3s \(\d+ attempts; last: connect ECONNREFUSED/);
    const promote = await step('promote');
    expect(promote.code).toBe(1);
    expect(promote.err).toMatch(/green has not been deployed in this release/);
    // A rollback with nothing to undo does not count as a finished release that promote may repeat.
    const rollback = await step('rollback');
    expect(rollback.code).toBe(0);
    expect(rollback.err).toMatch(/already as the snapshot recorded/);
    const again = await step('promote');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/green has not been deployed in this release/);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
  });

  it('checks health again right before the switch', async () => {
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    await stopGracefully(apps.servers[1] as Server);
    const promote = await step('promote');
    expect(promote.code).toBe(1);
    expect(promote.err).toMatch(/green did not become healthy/);
    expect(await colorsServed(nginx.url)).toEqual({ blue: 20 });
  });

  it('refuses to deploy onto a color that serves traffic', async () => {
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    expect((await step('promote')).code).toBe(0);
    const deploy = await step('deploy');
    expect(deploy.code).toBe(1);
    expect(deploy.err).toMatch(/green already serves all traffic/);
  });
});
