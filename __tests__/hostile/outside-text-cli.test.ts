import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from '../support/cli.js';
import { colorsServed } from '../support/traffic.js';
import { CONTROL_OR_ESCAPE, HOSTILE, hostileSetup, type HostileSetup } from './outside-text-fixtures.js';

describe('the CLI, reading outside text', () => {
  let setup: HostileSetup;
  beforeEach(async () => {
    setup = await hostileSetup();
  });
  afterEach(() => setup.stop());

  const record = () => path.join(setup.dir, 'release.json');
  const step = (name: string, ...args: string[]) => cli([name, '--config', setup.config, '--snapshot-file', record(), ...args]);
  const printed = (run: { out: string; err: string }) => run.out + run.err;

  it('prints hostile versions, health bodies and deploy output as text only, and never stores such a version', async () => {
    const snapshot = await step('snapshot');
    expect(snapshot.code).toBe(0);
    expect(printed(snapshot)).not.toMatch(CONTROL_OR_ESCAPE);
    expect(snapshot.err).toContain(`warning: ${setup.hostile.url}/plain answered "1.0.0\\r::set-output name=live-color::pwned-plain red`);
    expect(snapshot.err).toContain('not used as a version: not one line of printable text (\\r at character 6).');
    expect(snapshot.err).toContain(`warning: ${setup.hostile.url}/json answered`);
    expect(JSON.parse(await readFile(record(), 'utf8')).snapshot.snapshot.versions).toEqual({ blue: null, green: null });

    // The idle color's version endpoint now answers a version of 60,006 characters.
    setup.hostile.bodies['/json'] = JSON.stringify({ version: HOSTILE.longVersion });
    const deploy = await step('deploy');
    expect(deploy.code).toBe(0);
    expect(printed(deploy)).not.toMatch(CONTROL_OR_ESCAPE);
    expect(deploy.err).toContain('  | ::set-output name=color::pwned-deploy\n');
    expect(deploy.err).toContain('  | progress 50%\\r::stop-commands::pwned-deploy\n');
    expect(deploy.err).toContain('  | red link  \\u202eevil \\u0007bell\n');
    expect(deploy.err).toContain('not used as a version: 60006 characters, more than 128.');
    expect(deploy.out).toBe('color: green\nupstream: ' + (await readFile(setup.config, 'utf8')).match(/green: \{ upstream: (\S+),/)?.[1] + '\nversion: \n');
    const saved = await readFile(record(), 'utf8');
    expect(saved).not.toContain('x'.repeat(200));
    expect(saved).not.toContain('pwned');
  });

  it('refuses a version flag or an environment with control characters, exit 2, naming the flag, changing nothing', async () => {
    expect((await step('snapshot')).code).toBe(0);
    const before = await readFile(record(), 'utf8');

    const version = await step('deploy', '--version', '2.0.0\n::add-mask::x\x1b[31m');
    expect(version.code).toBe(2);
    expect(version.err).toBe(
      'error: --version: not one line of printable text (\\n at character 6); give the version as one line of printable text, like 2.0.0; got "2.0.0\\n::add-mask::x".\n'
    );
    const long = await step('deploy', '--version', HOSTILE.longVersion);
    expect(long.code).toBe(2);
    expect(long.err).toMatch(/^error: --version: 60006 characters, more than 128; .*got "3\.0\.0-x{54}… \(59946 more characters cut\)"\.\n$/);

    const environment = await step('deploy', '--environment', 'production\u202e\x1b]0;t\x07');
    expect(environment.code).toBe(2);
    expect(environment.err).toMatch(/--environment \(environment\).*expected one line of printable text \(no control characters\), like production/);
    expect(printed(environment)).not.toMatch(CONTROL_OR_ESCAPE);

    expect(await readFile(record(), 'utf8')).toBe(before);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });
});
