import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseLogLine, storyOf } from '../../src/adapters/github/release-log.js';
import { httpRequest } from '../../src/shared/io/http.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { actionsRunEnv, cli } from '../support/cli.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';

// A canary that rolls back on its own leaves its release rolled back, in the record file and in
// the release's GitHub deployment alike: a later step accepts the file. Run through the CLI
// in-process, as a step on a runner runs it, against the fake GitHub.

const SHA = 'f'.repeat(40);

describe('a canary promoted by the CLI in GitHub Actions', () => {
  const TOKEN = 'ghs_releaseStoryTestToken0123456789abcd';
  let github: FakeGitHub;
  let setup: ProxySetup;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    setup = await proxySetup(`environment: staging
traffic: { steps: [50, 100], pause: 300ms }
analysis:
  interval: 300ms
  sources: { probe: { kind: http, path: /, rate: 60, timeout: 1s } }
  checks: [{ name: errors, metric: error-rate, max: 5%, min-samples: 5 }]
`);
  });
  afterEach(async () => {
    await setup.stop();
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  const file = () => path.join(setup.dir, 'release.json');
  const step = (name: string, ...options: string[]) =>
    cli([name, '--config', setup.config, '--snapshot-file', file(), '--github-token', TOKEN, ...options], actionsRunEnv(github, SHA));
  const released = async () => JSON.parse(await readFile(file(), 'utf8')) as ReleaseRecord;

  it('rolls back on its own, records the verdict and the rollback on the deployment, and rollback then accepts the record file', async () => {
    for (const name of ['snapshot', 'deploy']) expect((await step(name)).code).toBe(0);
    await httpRequest(`http://${setup.apps.green}/fault?fail=1`, { method: 'PUT', timeoutMs: 2000 });
    const promote = await step('promote', '--require-approval', 'false');
    expect(promote.err).toMatch(/rolled back automatically/);
    expect(promote.code).not.toBe(0);
    const { deployment, phase } = await released();
    expect(phase).toBe('rolled-back');
    const descriptions = github.statuses(deployment as number).map(s => `${s.state} ${s.description}`);

    const rollback = await step('rollback');
    expect(rollback.err).not.toMatch(/disagree/);
    expect(rollback.code).toBe(0);
    expect(descriptions.slice(-3)).toEqual([
      expect.stringMatching(/^in_progress cutover promote: step; 1 at 50% fail in [\d.]+m?s; errors green 100% blue 0%$/),
      'inactive cutover rollback: done; automatic rollback: step 1 (50%) failed: 1 failed interval, 0 allowed. Rolling back to the snapshot\'s weights.',
      expect.stringMatching(/^failure cutover promote: failed; step 1 \(50%\) failed/)
    ]);
    // What a later job reads back from them: the step, its verdict and the interval's error rates.
    const lines = github.statuses(deployment as number).flatMap(s => {
      const line = parseLogLine(s.description as string);
      return line ? [{ line, at: s.created_at as string }] : [];
    });
    const story = storyOf(lines, 'blue');
    expect(story.analysis?.map(a => [a.step, a.percent, a.outcome, a.dryRun])).toEqual([[0, 50, 'fail', false]]);
    expect(story.traffic?.map(p => [p.weights, p.errorRate])).toEqual([[{ blue: 50, green: 50 }, { blue: 0, green: 1 }]]);
  });
});
