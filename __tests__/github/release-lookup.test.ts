import { serializeSnapshot, takeSnapshot } from '../../src/core/snapshot.js';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import type { GitHubRun } from '../../src/adapters/github/environment.js';
import { GitHubTracker } from '../../src/adapters/github/tracker.js';
import type { Logger } from '../../src/shared/logging/logger.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

// Finding the release an environment serves must not cost a request per earlier deployment:
// long-lived environments collect hundreds of them.

const SHA = 'd'.repeat(40);
const logger: Logger = { info: () => undefined, warn: () => undefined, debug: () => undefined, group: (_name, work) => work(), progress: () => undefined };

// Without the throttling plugin, which spaces writes a second apart: the history here takes hundreds.
const FastOctokit = Octokit.plugin(restEndpointMethods, paginateRest);

let github: FakeGitHub;
let tracker: GitHubTracker;
let releases = 0;

beforeEach(async () => {
  github = await startFakeGitHub();
  github.setRun(7, { head_sha: SHA });
  const run: GitHubRun = { apiUrl: github.url, owner: github.owner, repo: github.repo, runId: 7, runAttempt: 1, sha: SHA, actor: 'octocat', triggeringActor: 'octocat', runUrl: 'https://github.example.test/run/7' };
  tracker = new GitHubTracker(new FastOctokit({ auth: 'test-token', baseUrl: github.url }), run, {
    environment: 'production',
    service: 'shop',
    approval: { mode: 'environment', required: false, forbidSelfApproval: false, approvers: [], timeoutMs: 1000 },
    logger,
    pause: async () => undefined,
    describe: async () => ''
  });
});

afterEach(async () => {
  await github.stop();
  expect(github.violations).toEqual([]);
});

/** A snapshot of `service`, a different one each time. */
function sealed(service = 'shop') {
  return takeSnapshot({
    service,
    environment: 'production',
    takenAt: new Date(Date.UTC(2026, 10, 23, 10, 0, releases++)),
    source: { git_sha: SHA, run_id: '7', actor: 'octocat' },
    router: { kind: 'proxy', endpoints: { blue: '127.0.0.1:1', green: '127.0.0.1:2' }, weights: { blue: 100, green: 0 }, settings: {} },
    versions: { blue: '1.0.0', green: null },
    database: null
  });
}

/** A release of shop, recorded as a deployment. */
async function snapshot(): Promise<ReleaseRecord> {
  const record: ReleaseRecord = { snapshot: sealed(), phase: 'snapshotted', history: [] };
  record.deployment = await tracker.created(record, serializeSnapshot(record.snapshot));
  return record;
}

const promote = (record: ReleaseRecord) => tracker.finished(record, 'promote', { approvers: '[]' });
const state = (record: ReleaseRecord) => github.statuses(record.deployment as number).at(-1)?.state;

/** The reads a piece of work sent to find releases: deployment lists, single deployments and status lists. */
async function lookups(work: () => Promise<unknown>): Promise<number> {
  const before = github.requests.length;
  await work();
  return github.requests.slice(before).filter(r => r.method === 'GET' && r.operationId?.startsWith('repos/')).length;
}

describe('finding the live release', () => {
  it('costs a few requests, not one per earlier deployment, after 60 promoted releases', async () => {
    let live!: ReleaseRecord;
    for (let i = 0; i < 60; i++) {
      live = await snapshot();
      await promote(live);
    }
    let next!: ReleaseRecord;
    const atSnapshot = await lookups(async () => {
      next = await snapshot();
    });
    const atPromote = await lookups(() => promote(next));
    // Reading every deployment's statuses took 61 requests here: the list, then one per deployment.
    expect([atSnapshot, atPromote]).toEqual([2, 2]);
    expect(state(live)).toBe('inactive');
    expect(github.statuses(next.deployment as number).at(-1)?.description).toBe(`cutover promote: done; replaced #${live.deployment}`);
    expect(github.statuses(next.deployment as number).filter(s => s.state === 'success')).toHaveLength(1);
  });

  it('passes over 60 failed releases since the live one, and over a newer release that is not live', async () => {
    const live = await snapshot();
    await promote(live);
    for (let i = 0; i < 60; i++) await tracker.failed(await snapshot(), 'deploy', 'smoke failed');
    let next!: ReleaseRecord;
    const atSnapshot = await lookups(async () => {
      next = await snapshot();
    });
    // Another release started meanwhile, still in progress.
    await snapshot();
    const atPromote = await lookups(() => promote(next));
    // The newest other release, then the one it says was live.
    expect([atSnapshot, atPromote]).toEqual([3, 3]);
    expect([state(live), state(next)]).toEqual(['inactive', 'success']);
    expect(github.statuses(next.deployment as number).at(-1)?.description).toBe(`cutover promote: done; replaced #${live.deployment}`);
  });

  it('finds the release a rollback made live again, and none before the first promotion', async () => {
    const first = await snapshot();
    await promote(first);
    expect(github.statuses(first.deployment as number).at(-1)?.description).toBe('cutover promote: done');
    const second = await snapshot();
    await promote(second);
    await tracker.finished(second, 'rollback', {});
    expect([state(first), state(second)]).toEqual(['success', 'inactive']);
    const third = await snapshot();
    await promote(third);
    expect([state(first), state(second), state(third)]).toEqual(['inactive', 'inactive', 'success']);
    expect(github.statuses(third.deployment as number).at(-1)?.description).toBe(`cutover promote: done; replaced #${first.deployment}`);
  });

  it('reads older deployments, which did not record the live release, one by one as before', async () => {
    const gh = new FastOctokit({ auth: 'test-token', baseUrl: github.url });
    const legacy = async (latest: 'success' | 'inactive' | 'failure', service = 'shop') => {
      // The payload as cutover wrote it before it recorded live_before.
      const payload = { cutover: { snapshot: JSON.parse(serializeSnapshot(sealed(service))), approvals_before: [] } };
      const { data } = await gh.rest.repos.createDeployment({ owner: github.owner, repo: github.repo, ref: SHA, task: 'deploy:cutover', environment: 'production', auto_merge: false, required_contexts: [], payload });
      const id = (data as { id: number }).id;
      await gh.rest.repos.createDeploymentStatus({ owner: github.owner, repo: github.repo, deployment_id: id, state: latest, auto_inactive: false });
      return id;
    };
    await legacy('inactive');
    const live = await legacy('success');
    await legacy('failure');
    await legacy('success', 'other-service');
    const next = await snapshot();
    const reads = await lookups(() => promote(next));
    // The list, and the two shop deployments from the newest to the live one (the snapshot's search found it already).
    expect(reads).toBe(3);
    expect(github.statuses(next.deployment as number).at(-1)?.description).toBe(`cutover promote: done; replaced #${live}`);
    expect(github.statuses(live).at(-1)?.state).toBe('inactive');
  });
});
