import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeBundles, runBundle, runnerFor, TEST_TOKEN, type ActionRun, type Runner } from '../support/action-bundle.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { colorsServed } from '../support/traffic.js';
import { CONTROL_OR_ESCAPE, commandLines, foreignCommands, HOSTILE, hostileSetup, type HostileSetup } from './outside-text-fixtures.js';

describeBundles('the bundled actions, reading outside text, as the runner runs them', () => {
  let setup: HostileSetup;
  let github: FakeGitHub;
  let runner: Runner;
  const job = () => path.join(setup.dir, 'job');

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.setEnvironment('production', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: 'c'.repeat(40), actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    setup = await hostileSetup();
    runner = runnerFor(github, { sha: 'c'.repeat(40), workspace: setup.dir });
  });
  afterEach(async () => {
    await setup.stop();
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  /** Whatever the outside said, the runner sees only commands cutover wrote, and nothing a terminal would act on. */
  const onlyCutoverCommands = (run: ActionRun) => {
    expect(foreignCommands(run.stdout, [TEST_TOKEN])).toEqual([]);
    expect(run.stdout).not.toMatch(CONTROL_OR_ESCAPE);
    return run;
  };

  it('snapshot and deploy: hostile versions, health body and deploy output stay text; outputs, summary and record stay clean', async () => {
    const snapshot = onlyCutoverCommands(await runBundle('snapshot', {}, job(), runner));
    expect(snapshot.code).toBe(0);
    expect(snapshot.stdout).toMatch(new RegExp(`^::warning::${setup.hostile.url}/plain answered "1\\.0\\.0\\\\r::set-output .*not one line of printable text`, 'm'));
    expect(snapshot.outputs['live-color']).toBe('blue');

    setup.hostile.bodies['/json'] = JSON.stringify({ version: HOSTILE.longVersion });
    const deploy = onlyCutoverCommands(await runBundle('deploy', {}, job(), runner));
    expect(deploy.code).toBe(0);
    // The deploy command's lines are shown, inside a pause of commands whose token only cutover knows.
    const pauses = commandLines(deploy.stdout).filter(line => line.startsWith('::stop-commands::'));
    expect(pauses.length).toBeGreaterThan(0);
    expect(deploy.stdout).toContain('  | ::add-mask::pwned-deploy\n');
    expect(deploy.stdout).toContain('  | done\\r::warning::pwned-deploy after a carriage return\n');
    expect(deploy.stdout).toMatch(/^::warning::.*not used as a version: 60006 characters, more than 128\.$/m);
    expect(deploy.outputs).toMatchObject({ color: 'green', version: '' });

    const summary = await readFile(path.join(job(), 'summary.md'), 'utf8');
    expect(summary).not.toMatch(CONTROL_OR_ESCAPE);
    const record = await readFile(snapshot.outputs['snapshot-file'] as string, 'utf8');
    expect(JSON.parse(record).snapshot.snapshot.versions).toEqual({ blue: null, green: null });
    expect(record).not.toContain('pwned');
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  it('deploy refuses a version input with command lines and escapes, naming the input, and changes nothing', async () => {
    expect((await runBundle('snapshot', {}, job(), runner)).code).toBe(0);
    const file = path.join(job(), 'cutover', 'shop.json');
    const before = await readFile(file, 'utf8');
    const deploy = onlyCutoverCommands(await runBundle('deploy', { version: '2.0.0\n::add-mask::pwned-input\n\x1b[31m' }, job(), runner));
    expect(deploy.code).toBe(1);
    expect(deploy.stdout).toMatch(/^::error::input "version": not one line of printable text \(\\n at character 6\); .*got "2\.0\.0\\n::add-mask::pwned-input\\n"\.$/m);
    expect(deploy.outputs).toEqual({});
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });
});
