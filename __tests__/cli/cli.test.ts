import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from '../support/cli.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { tempDir } from '../support/servers.js';
import { colorsServed } from '../support/traffic.js';

describe('cutover CLI', () => {
  it.each(['snapshot', 'deploy', 'promote', 'rollback', 'init', 'demo', 'sample-app'])('prints help for %s and exits 0', async command => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^cutover ${command}`));
  });

  it('exits 2 on a missing command, an unknown command and an unknown flag', async () => {
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['promot']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "promot"/);
    const flag = await cli(['promote', '--snapshto', 'x']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/Unknown option '--snapshto'/);
  });

  it('reports all three mistakes of a config, with their paths, and exits 2', async () => {
    const { dir, remove } = await tempDir();
    const config = path.join(dir, 'cutover.yml');
    await writeFile(
      config,
      `service: shop
colors:
  blue:  { upstream: 10.0.0.1, health: http://127.0.0.1:8081/healthz }
  green: { upstream: 127.0.0.1:8082, health: http://127.0.0.1:8082/healthz }
router:
  kind: nginx
  file: router.conf
  probe: http://127.0.0.1/
  relaod: [nginx, -s, reload]
health: { timeout: 30 }
`
    );
    const run = await cli(['snapshot', '--config', config]);
    await remove();
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/has 3 problems; nothing was changed/);
    expect(run.err).toMatch(/colors\.blue\.upstream \(line 3\): expected host:port/);
    expect(run.err).toMatch(/router\.relaod \(line 9\): unknown key; did you mean "reload"\?/);
    expect(run.err).toMatch(/health\.timeout \(line 10\): expected a duration with a unit.*got 30/);
  });

  it('exits 2 when the config file is missing', async () => {
    const run = await cli(['snapshot', '--config', '/nonexistent/cutover.yml']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/cannot read \/nonexistent\/cutover\.yml \(no such file\)/);
  });

  describe('with a router', () => {
    let setup: ProxySetup;
    afterEach(() => setup.stop());

    const step = (name: string, ...args: string[]) => cli([name, '--config', setup.config, '--snapshot-file', path.join(setup.dir, 'release.json'), ...args], {
      ...process.env,
      HEALTH_TOKEN: 'health-secret-1234',
      DEPLOY_TOKEN: 'deploy-secret-5678'
    });

    it('refuses a snapshot edited after it was taken, exits 2 and moves nothing', async () => {
      setup = await proxySetup();
      expect((await step('snapshot')).code).toBe(0);
      const file = path.join(setup.dir, 'release.json');
      const record = JSON.parse(await readFile(file, 'utf8'));
      record.snapshot.snapshot.idle_color = 'blue';
      await writeFile(file, JSON.stringify(record));
      const run = await step('promote');
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/fields changed since it was taken: idle_color/);
      expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
    });

    it('refuses a snapshot of another release when a digest is expected', async () => {
      setup = await proxySetup();
      expect((await step('snapshot')).code).toBe(0);
      const run = await step('deploy', '--digest', `sha256:${'a'.repeat(64)}`);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/input "digest": expected snapshot sha256:a{64}, but the snapshot given is sha256:[0-9a-f]{64}/);
    });

    it('hides env-referenced secrets from logs and never stores them', async () => {
      setup = await proxySetup(`deploy:
  env: { TOKEN: env:DEPLOY_TOKEN }
  command: ["${process.execPath}", "-e", "console.log('token is ' + process.env.TOKEN)"]
`);
      await writeFile(setup.config, (await readFile(setup.config, 'utf8')).replace('health: {', 'health: { headers: { Authorization: env:HEALTH_TOKEN },'));
      expect((await step('snapshot')).code).toBe(0);
      const deploy = await step('deploy', '--verbose');
      expect(deploy.code).toBe(0);
      expect(deploy.err).toMatch(/token is \*\*\*/);
      expect(deploy.err + deploy.out).not.toMatch(/deploy-secret-5678|health-secret-1234/);
      expect(await readFile(path.join(setup.dir, 'release.json'), 'utf8')).not.toMatch(/secret/);
    });

    it('fails clearly when a referenced secret is not set', async () => {
      setup = await proxySetup(`deploy:\n  env: { TOKEN: env:MISSING_TOKEN_FOR_TEST }\n`);
      expect((await step('snapshot')).code).toBe(0);
      const run = await step('deploy');
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/deploy\.env\.TOKEN: env:MISSING_TOKEN_FOR_TEST is not set in the environment/);
    });

    it('takes list flags as JSON arrays and refuses anything else', async () => {
      setup = await proxySetup();
      expect((await step('snapshot')).code).toBe(0);
      const bad = await step('deploy', '--command', './deploy.sh --fast');
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/--command: expected a JSON array of arguments/);
      const good = await step('deploy', '--command', JSON.stringify([process.execPath, '-e', 'process.exit(3)']));
      expect(good.code).toBe(1);
      expect(good.err).toMatch(/deploy\.command exited with code 3; no traffic was moved/);
    });
  });
});
