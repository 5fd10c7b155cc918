import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { serializeSnapshot, takeSnapshot } from '../../src/core/snapshot.js';
import type { StepRecord, TrafficPoint } from '../../src/core/timeline.js';
import type { GitHubRun } from '../../src/adapters/github/environment.js';
import { DESCRIPTION_MAX, disagreement, formatLogLine, historyOf, parseLogLine, storyOf, verdictLine, type StatusLine } from '../../src/adapters/github/release-log.js';
import { GitHubTracker } from '../../src/adapters/github/tracker.js';
import type { Logger } from '../../src/shared/logging/logger.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { serverError, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

// A later job (contract, rollback) has only the digest: the canary's steps and verdicts, and an
// automatic rollback, must be in the release's deployment for it to tell what happened.

const SHA = 'f'.repeat(40);
const AT = '2026-12-01T10:00:00Z';

const verdict = (fields: Partial<StepRecord> = {}): StepRecord => ({
  step: 1,
  percent: 25,
  outcome: 'pass',
  dryRun: false,
  at: AT,
  elapsedMs: 65_000,
  reason: 'step 2 (25%) passed',
  checks: [{ name: 'errors', outcome: 'pass', detail: 'error-rate 0.0012 <= max 0.05' }],
  ...fields
});
const point = (errorRate?: TrafficPoint['errorRate']): TrafficPoint => ({ label: '25% #3', at: AT, weights: { blue: 75, green: 25 }, ...(errorRate ? { errorRate } : {}) });

/** What a later job reads back from the status GitHub stores: the description, parsed as the tracker does. */
function readBack(description: string): ReturnType<typeof storyOf> {
  const line = parseLogLine(description);
  return storyOf(line ? [{ line, at: AT }] : [], 'blue');
}

describe("a traffic step's verdict as a deployment status", () => {
  it('reads back as the step it was, with its split and both error rates', () => {
    const text = formatLogLine(verdictLine(verdict(), point({ blue: 0.0005, green: 0.0012 }), 'green'));
    expect(text).toBe('cutover promote: step; 2 at 25% pass in 1m5s; errors green 0.12% blue 0.05%');
    expect(readBack(text)).toEqual({
      analysis: [{ step: 1, percent: 25, outcome: 'pass', dryRun: false, at: AT, elapsedMs: 65_000, reason: text, checks: [] }],
      traffic: [{ label: '25%', at: AT, weights: { blue: 75, green: 25 }, errorRate: { blue: 0.0005, green: 0.0012 } }]
    });
  });

  it('says dry run, keeps a color without requests as null, and leaves the rates out when nothing was measured', () => {
    const dry = formatLogLine(verdictLine(verdict({ step: 0, percent: 10, outcome: 'inconclusive-fail', dryRun: true, elapsedMs: 800 }), point({ blue: 0, green: null }), 'green'));
    expect(dry).toBe('cutover promote: step; 1 at 10% inconclusive-fail (dry run) in 800ms; errors green - blue 0%');
    expect(readBack(dry).analysis?.[0]).toMatchObject({ step: 0, percent: 10, outcome: 'inconclusive-fail', dryRun: true, elapsedMs: 800 });
    expect(readBack(dry).traffic?.[0]).toEqual({ label: '10%', at: AT, weights: { blue: 90, green: 10 }, errorRate: { blue: 0, green: null } });

    const unmeasured = formatLogLine(verdictLine(verdict({ outcome: 'fail' }), point(), 'green'));
    expect(unmeasured).toBe('cutover promote: step; 2 at 25% fail in 1m5s');
    expect(readBack(unmeasured).traffic?.[0]).not.toHaveProperty('errorRate');
  });

  it('fits 140 characters with hostile numbers, writing what is no ratio as none', () => {
    const worst = verdict({ step: 99, percent: 100, outcome: 'inconclusive-fail', dryRun: true, elapsedMs: 1e15 });
    const text = formatLogLine(verdictLine(worst, point({ blue: 1.234567e-9, green: 1e300 }), 'blue'));
    expect(text.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(text).not.toContain('…');
    const [back] = readBack(text).traffic ?? [];
    expect(back?.errorRate?.blue).toBeCloseTo(1.23e-9, 15);
    expect(back?.errorRate?.green).toBe(1e300);
    expect(readBack(text).analysis?.[0]?.elapsedMs).toBe(1e15);

    for (const hostile of [Number.NaN, Number.POSITIVE_INFINITY, -0.5]) {
      const line = formatLogLine(verdictLine(verdict({ elapsedMs: hostile }), point({ blue: hostile, green: 0.01 }), 'green'));
      expect(line).toBe('cutover promote: step; 2 at 25% pass in 0ms; errors green 1% blue -');
      expect(readBack(line).traffic?.[0]?.errorRate).toEqual({ blue: null, green: 0.01 });
    }
  });

  it('leaves out lines that do not read as a verdict, and the ones around them stay', () => {
    const good = 'cutover promote: step; 1 at 10% pass in 2s';
    const lines = [
      'cutover promote: step; 0 at 10% pass in 2s',
      'cutover promote: step; 1 at 101% pass in 2s',
      'cutover promote: step; 1 at 10% maybe in 2s',
      'cutover promote: step; 1 at 10% pass in soon',
      'cutover promote: step; 1 at 10% pass in 2s; errors green 1% green 2%',
      'cutover promote: step; 1 at 10% pass in 2s; errors purple 1%',
      'cutover promote: step; 1 at 10% pass in 2s; errors green 1e999%',
      'cutover promote: step; 1 at 10% pass in 2s; errors green 1% blue 0.0…',
      'cutover deploy: step; 1 at 10% pass in 2s',
      'cutover promote: step',
      `cutover promote: step; ${'9'.repeat(400)} at 10% pass in 2s`,
      good
    ];
    const read = storyOf(
      lines.flatMap(text => {
        const line = parseLogLine(text);
        return line ? [{ line, at: AT }] : [];
      }),
      'blue'
    );
    expect(read.analysis?.map(a => a.reason)).toEqual([good]);
    expect(storyOf([], 'blue')).toEqual({});
  });

  it('moves no phase, and a promote killed after it saved the file still counts as started', () => {
    const at = (minute: number) => `2026-12-01T10:0${minute}:00Z`;
    const lines: StatusLine[] = ['cutover deploy: done', 'cutover promote: started', 'cutover promote: step; 1 at 10% pass in 2s', 'cutover promote: step; 2 at 100% pass in 2s'].map(
      (text, i) => ({ line: parseLogLine(text) as StatusLine['line'], at: at(i) })
    );
    expect(historyOf(lines).phase).toBe('deployed');
    expect(disagreement('promoted', lines)).toBeNull();
  });
});

describe('the canary story kept in the release deployment', () => {
  const logger: Logger = { info: () => undefined, warn: message => warnings.push(message), debug: () => undefined, group: (_name, work) => work(), progress: () => undefined };
  const FastOctokit = Octokit.plugin(restEndpointMethods, paginateRest);
  let github: FakeGitHub;
  let warnings: string[];

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.setRun(7, { head_sha: SHA });
    warnings = [];
  });
  afterEach(async () => {
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  /** A job's tracker: each job has its own, and finds the release again by digest. */
  function tracker(): GitHubTracker {
    const run: GitHubRun = { apiUrl: github.url, owner: github.owner, repo: github.repo, runId: 7, runAttempt: 1, sha: SHA, actor: 'octocat', triggeringActor: 'octocat', runUrl: 'https://github.example.test/run/7' };
    return new GitHubTracker(new FastOctokit({ auth: 'test-token', baseUrl: github.url }), run, {
      environment: 'staging',
      service: 'shop',
      approval: { mode: 'environment', required: false, forbidSelfApproval: false, approvers: [], timeoutMs: 1000 },
      logger,
      pause: async () => undefined,
      describe: async () => ''
    });
  }

  async function deployed(job: GitHubTracker): Promise<ReleaseRecord> {
    const snapshot = takeSnapshot({
      service: 'shop',
      environment: 'staging',
      takenAt: new Date(AT),
      source: { git_sha: SHA, run_id: '7', actor: 'octocat' },
      router: { kind: 'proxy', endpoints: { blue: '127.0.0.1:1', green: '127.0.0.1:2' }, weights: { blue: 100, green: 0 }, settings: {} },
      versions: { blue: '1.0.0', green: null },
      database: null
    });
    const record: ReleaseRecord = { snapshot, phase: 'snapshotted', history: [] };
    record.deployment = await job.created(record, serializeSnapshot(snapshot));
    await job.finished(record, 'deploy', {});
    return { ...record, phase: 'deployed' };
  }

  it('gives a later job the verdict of each step and its error rates, by digest', async () => {
    const promote = tracker();
    const record = await deployed(promote);
    await promote.begin(record, 'promote');
    await promote.judged(record, verdict({ step: 0, percent: 10, elapsedMs: 2000 }), point({ blue: 0, green: 0.004 }));
    await promote.judged(record, verdict({ step: 1, percent: 100, elapsedMs: 1500 }), point({ blue: null, green: 0 }));
    await promote.finished({ ...record, phase: 'promoted' }, 'promote', { approvers: '[]' });

    const found = await tracker().find(record.snapshot.digest);
    expect(found?.phase).toBe('promoted');
    expect(found?.analysis?.map(a => [a.step, a.percent, a.outcome, a.elapsedMs])).toEqual([
      [0, 10, 'pass', 2000],
      [1, 100, 'pass', 1500]
    ]);
    expect(found?.traffic?.map(p => [p.label, p.weights, p.errorRate])).toEqual([
      ['10%', { blue: 90, green: 10 }, { blue: 0, green: 0.004 }],
      ['100%', { blue: 0, green: 100 }, { blue: null, green: 0 }]
    ]);
    expect(github.statuses(record.deployment as number).map(s => s.state)).toEqual(['in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'success']);
  });

  it('records the automatic rollback before the failure: the history is rolled back, and the file of that release is accepted', async () => {
    const promote = tracker();
    const record = await deployed(promote);
    await promote.begin(record, 'promote');
    const failed = verdict({ step: 0, percent: 10, outcome: 'fail', reason: 'step 1 (10%) failed: 1 failed interval, 0 allowed.' });
    await promote.judged(record, failed, point({ blue: 0, green: 0.3 }));
    await promote.rolledBack(record, 'automatic rollback: step 1 (10%) failed: 1 failed interval, 0 allowed.');
    await promote.failed(record, 'promote', 'step 1 (10%) failed');
    expect(github.statuses(record.deployment as number).slice(-2).map(s => [s.state, s.description])).toEqual([
      ['inactive', 'cutover rollback: done; automatic rollback: step 1 (10%) failed: 1 failed interval, 0 allowed.'],
      ['failure', 'cutover promote: failed; step 1 (10%) failed']
    ]);

    const later = tracker();
    expect((await later.find(record.snapshot.digest))?.phase).toBe('rolled-back');
    // The promote job's file: every interval and its checks, richer than the deployment's lines.
    const file: ReleaseRecord = {
      ...record,
      phase: 'rolled-back',
      history: [{ step: 'rollback', at: AT, outcome: 'done', detail: 'automatic rollback: step 1 (10%) failed' }],
      analysis: [failed],
      traffic: [point({ blue: 0, green: 0.1 }), point({ blue: 0, green: 0.3 })]
    };
    const confirmed = await later.confirm(file, 'release.json');
    expect(confirmed.traffic).toHaveLength(2);
    expect(confirmed.analysis?.[0]?.checks).toHaveLength(1);
    // A file without the story gets the deployment's.
    const bare = await tracker().confirm({ ...file, analysis: undefined, traffic: undefined }, 'release.json');
    expect(bare.analysis?.map(a => a.outcome)).toEqual(['fail']);
  });

  it('warns and goes on when GitHub refuses the verdict or the rollback', async () => {
    const promote = tracker();
    const record = await deployed(promote);
    github.failNext('repos/create-deployment-status', serverError(500), 2);
    await promote.judged(record, verdict(), point());
    await promote.rolledBack(record, 'automatic rollback: cancelled');
    expect(warnings.map(w => w.replace(/:.*/s, ''))).toEqual([
      "could not record step 2's verdict on the GitHub deployment",
      'could not record the automatic rollback on the GitHub deployment'
    ]);
  });
});
