import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { disagreement, type StatusLine } from '../../src/adapters/github/release-log.js';
import { sealRecord } from '../../src/adapters/store/record-seal.js';
import { actionsRunEnv, cli } from '../support/cli.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

const SHA = 'e'.repeat(40);
const TOKEN = 'ghs_recordDeploymentTestToken0123456789';

/**
 * The record digest is not a signature: anyone who can write the file can recompute it. In GitHub
 * Actions the release's deployment is the source of truth, so the file may not claim a phase its
 * statuses do not record. Run through the CLI in-process, as a step on a runner runs it, against
 * the fake GitHub (the bundles in dist/ are rebuilt separately).
 */
describe('a record file that claims more than its GitHub deployment records', () => {
  let github: FakeGitHub;
  let setup: ProxySetup;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.setEnvironment('production', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    setup = await proxySetup();
  });
  afterEach(async () => {
    await setup.stop();
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  const file = () => path.join(setup.dir, 'release.json');
  const step = (name: string) => cli([name, '--config', setup.config, '--snapshot-file', file(), '--github-token', TOKEN], actionsRunEnv(github, SHA));

  it('refuses promote when the file says deployed, resealed, but the deployment records no deploy', async () => {
    const snapshot = await step('snapshot');
    expect(snapshot.code).toBe(0);
    // Edited and resealed, as anyone who reads record-seal.ts could.
    const edited = { ...JSON.parse(await readFile(file(), 'utf8')), phase: 'deployed' };
    await writeFile(file(), JSON.stringify({ ...edited, ...sealRecord(edited) }, null, 2));
    const id = edited.deployment as number;
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: '' });

    const promote = await step('promote');
    expect(promote.code).toBe(2);
    expect(promote.err).toMatch(
      new RegExp(`release\\.json and the release's GitHub deployment ${id} disagree: the file says the release is deployed, but the deployment's statuses record no deploy done \\(latest: snapshot done\\)`)
    );
    expect(promote.err).toMatch(/remove it so the step reads the release from its deployment/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
    expect(github.statuses(id).map(s => s.description)).not.toContain('cutover promote: done');
  });
});

describe('whether a record file agrees with its deployment statuses', () => {
  const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00Z`;
  const lines = (...steps: [StatusLine['line']['step'], StatusLine['line']['outcome']][]): StatusLine[] =>
    steps.map(([step, outcome], i) => ({ line: { step, outcome, detail: '' }, at: at(i) }));

  it('accepts a file that lags the deployment, or a step killed after it saved the file and before its status', () => {
    expect(disagreement('snapshotted', lines(['snapshot', 'done'], ['deploy', 'done']))).toBeNull();
    expect(disagreement('deployed', lines(['snapshot', 'done'], ['deploy', 'started']))).toBeNull();
    expect(disagreement(undefined, lines(['snapshot', 'done']))).toBeNull();
  });

  it('refuses a phase with no step leading there, or one whose last attempt failed', () => {
    expect(disagreement('promoted', lines(['snapshot', 'done'], ['deploy', 'done']))).toMatch(/the file says the release is promoted, but the deployment's statuses record no promote done/);
    expect(disagreement('deployed', lines(['snapshot', 'done'], ['deploy', 'started'], ['deploy', 'failed']))).toMatch(/record no deploy done \(latest: snapshot done, deploy started, deploy failed\)/);
  });

  it('refuses a file from before a contract the deployment records', () => {
    expect(disagreement('promoted', lines(['snapshot', 'done'], ['deploy', 'done'], ['promote', 'done'], ['contract', 'started'], ['contract', 'done']))).toMatch(
      /the deployment records contract done at 2026-12-01T10:04:00Z, but the file says the release is promoted/
    );
  });
});
