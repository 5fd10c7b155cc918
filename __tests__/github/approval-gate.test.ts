import { serializeSnapshot, takeSnapshot } from '../../src/core/snapshot.js';
import { createGitHubClient } from '../../src/adapters/github/client.js';
import type { GitHubRun } from '../../src/adapters/github/environment.js';
import { GitHubTracker, type ApprovalSettings } from '../../src/adapters/github/tracker.js';
import type { Logger } from '../../src/shared/logging/logger.js';
import { sleep } from '../../src/shared/io/wait.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { secondaryRateLimit, serverError, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const SHA = 'c'.repeat(40);
const lines: string[] = [];
const logger: Logger = {
  info: m => lines.push(m),
  warn: m => lines.push(m),
  debug: () => undefined,
  group: (_name, work) => work(),
  progress: () => undefined
};

function release(): ReleaseRecord {
  const snapshot = takeSnapshot({
    service: 'shop',
    environment: 'production',
    takenAt: new Date('2026-11-23T10:00:00Z'),
    source: { git_sha: SHA, run_id: '7', actor: 'octocat' },
    router: { kind: 'proxy', endpoints: { blue: '127.0.0.1:1', green: '127.0.0.1:2' }, weights: { blue: 100, green: 0 }, settings: {} },
    versions: { blue: '1.0.0', green: null },
    database: null
  });
  return { snapshot, phase: 'deployed', history: [] };
}

describe('the approval gate against GitHub', () => {
  let github: FakeGitHub;
  let run: GitHubRun;
  /** How far the fake's clock runs ahead, for comments written minutes apart. */
  let clockAhead = 0;
  beforeEach(async () => {
    lines.length = 0;
    clockAhead = 0;
    github = await startFakeGitHub({ now: () => new Date(Date.now() + clockAhead) });
    github.setEnvironment('production', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    run = { apiUrl: github.url, owner: github.owner, repo: github.repo, runId: 7, runAttempt: 1, sha: SHA, actor: 'octocat', triggeringActor: 'octocat', runUrl: 'https://github.example.test/run/7' };
  });
  afterEach(async () => {
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  const tracker = (approval: Partial<ApprovalSettings> = {}, pause = (ms: number) => sleep(ms)) =>
    new GitHubTracker(createGitHubClient('test-token', github.url, logger), run, {
      environment: 'production',
      service: 'shop',
      approval: { mode: 'environment', required: true, forbidSelfApproval: false, approvers: [], timeoutMs: 60_000, ...approval },
      logger,
      pause,
      describe: async record => `release ${record.snapshot.digest}`
    });

  async function created(gate = tracker()): Promise<ReleaseRecord> {
    const record = release();
    record.deployment = await gate.created(record, serializeSnapshot(record.snapshot));
    return record;
  }

  it('accepts a fresh approval, refuses a rejection, and ignores approvals given before the release started', async () => {
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: 'an earlier gate' });
    const record = await created();
    await expect(tracker().approve(record)).rejects.toThrow(/belongs to an earlier/);
    github.addApproval(7, { environment: 'staging', state: 'approved', user: 'reviewer', comment: 'wrong environment' });
    await expect(tracker().approve(record)).rejects.toThrow(/earlier/);
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: 'go' });
    expect(await tracker().approve(record)).toEqual([{ user: 'reviewer', comment: 'go' }]);
    expect(github.statuses(record.deployment as number).at(-1)).toMatchObject({ state: 'in_progress', description: 'cutover promote: started; approved by reviewer' });
  });

  it('needs a new approval on a re-run: the one an earlier attempt used is stale', async () => {
    const record = await created();
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: 'go' });
    expect(await tracker().approve(record)).toHaveLength(1);
    run = { ...run, runAttempt: 2 };
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 2 });
    await expect(tracker().approve(record)).rejects.toThrow(/earlier attempt/);
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: 'go' });
    expect(await tracker().approve(record)).toEqual([{ user: 'reviewer', comment: 'go' }]);
  });

  it('refuses a rejection and, with forbid-self-approval, an approval only by whoever started the run', async () => {
    const record = await created();
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'octocat', comment: 'mine' });
    await expect(tracker({ forbidSelfApproval: true }).approve(record)).rejects.toThrow(/octocat/);
    expect(await tracker().approve(record)).toEqual([{ user: 'octocat', comment: 'mine' }]);
    const other = await created();
    github.addApproval(7, { environment: 'production', state: 'rejected', user: 'reviewer', comment: 'not today' });
    await expect(tracker().approve(other)).rejects.toThrow(/reviewer.*not today/s);
  });

  it('retries a secondary rate limit and a 502, then succeeds', async () => {
    github.failNext('repos/create-deployment', secondaryRateLimit(1));
    github.failNext('actions/get-workflow-run', serverError(502));
    const record = await created();
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: '' });
    expect(await tracker().approve(record)).toHaveLength(1);
    const attempts = (operation: string) => github.requests.filter(r => r.operationId === operation).map(r => r.status);
    expect(attempts('repos/create-deployment')).toEqual([403, 201]);
    expect(attempts('actions/get-workflow-run')).toEqual([502, 200]);
    expect(lines.join('\n')).toMatch(/secondary rate limit/);
  });

  describe('by issue comment, for plans without environment reviewers', () => {
    const issueTracker = (answer: { user: string; body: string } | null, timeoutMs = 60_000) => {
      let polls = 0;
      return tracker({ mode: 'issue', approvers: ['lead', 'octo-org/release-team'], forbidSelfApproval: true, timeoutMs }, async ms => {
        // The answer arrives after the step has polled twice; until then it waits as in production.
        if (++polls === 2 && answer) github.addComment(1, answer);
        await new Promise(resolve => setTimeout(resolve, Math.min(ms, 20)));
      });
    };

    it('approves on /approve from an allowed user, ignoring the author and strangers, and closes the issue', async () => {
      github.addTeamMember('octo-org', 'release-team', 'teammate');
      const record = await created();
      const gate = issueTracker({ user: 'teammate', body: '/approve looks good' });
      const approvers = await gate.approve(record);
      expect(approvers).toEqual([{ user: 'teammate', comment: 'looks good' }]);
      expect(github.issue(1)).toMatchObject({ state: 'closed', state_reason: 'completed' });
      expect(github.comments(1).at(-1)?.body).toMatch(/Approved by @teammate/);
    });

    it('refuses on /deny, and counts the author’s own /approve for nothing', async () => {
      const record = await created();
      await expect(issueTracker({ user: 'lead', body: '/deny not before the freeze ends' }).approve(record)).rejects.toThrow(/denied by lead/);
      expect(github.issue(1)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
      await expect(issueTracker({ user: 'octocat', body: '/approve' }, 400).approve(record)).rejects.toThrow(/no answer in time/);
      expect(github.issue(2)).toMatchObject({ state: 'closed' });
    });

    it('reads every page of comments: an /approve as the 130th counts, and later polls ask only for what changed', async () => {
      const record = await created();
      let polls = 0;
      const chatter = (count: number) => {
        for (let i = 0; i < count; i++) {
          clockAhead += 120_000;
          github.addComment(1, { user: `watcher${i % 7}`, body: i % 10 === 0 ? '/approve (not on the list)' : 'any news?' });
        }
      };
      const gate = tracker({ mode: 'issue', approvers: ['lead'], timeoutMs: 60_000 }, async () => {
        polls++;
        if (polls === 1) chatter(128);
        if (polls === 2) chatter(1);
        if (polls === 5) {
          clockAhead += 120_000;
          github.addComment(1, { user: 'lead', body: '/approve after reading everything' });
        }
        await new Promise(resolve => setTimeout(resolve, 5));
      });
      expect(await gate.approve(record)).toEqual([{ user: 'lead', comment: 'after reading everything' }]);
      expect(github.comments(1).findIndex(c => c.body === '/approve after reading everything')).toBe(129);

      const reads = github.requests.filter(r => r.operationId === 'issues/list-comments');
      const returned = reads.map(r => (r.status === 304 ? 304 : (r.response as unknown[]).length));
      // The empty issue; all 128 on two pages; from then on only comments updated since a minute before the
      // newest one seen: the 128th and 129th, the 129th alone, the same again unchanged at no cost (304),
      // and the 129th with the 130th.
      expect(returned).toEqual([0, 100, 28, 2, 1, 304, 2]);
      expect(reads.slice(3).every(r => r.query.since !== undefined)).toBe(true);
      expect(reads[2]?.path).toMatch(/^\/repositories\/\d+\/issues\/1\/comments$/);
    });

    it('counts no answer in time as a denial, polling with ETags so unchanged answers cost nothing', async () => {
      const record = await created();
      await expect(issueTracker(null, 500).approve(record)).rejects.toThrow(/no answer in time: counted as a denial/);
      expect(github.issue(1)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
      const polls = github.requests.filter(r => r.operationId === 'issues/list-comments');
      expect(polls.length).toBeGreaterThan(3);
      // Only the first answer cost anything; every later poll was a 304 until cutover's own closing comment.
      expect(github.served('issues/list-comments')).toBe(1);
    });
  });
});
