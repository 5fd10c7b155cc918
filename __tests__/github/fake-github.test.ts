import { readFileSync } from 'node:fs';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { primaryRateLimit, secondaryRateLimit, serverError, startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { repositoryId } from '../support/fake-github-objects.js';
import { FIXTURE, githubOpenApi } from '../support/openapi-validator.js';

// The fake GitHub is only worth something if it answers like GitHub: it must accept what GitHub accepts,
// reject what GitHub rejects, and its own answers must match GitHub's published schemas.

const SHA = 'a'.repeat(40);

let fake: FakeGitHub;
// Bare octokit with pagination: no throttling or retries, so every answer the fake gives is seen as it is.
const TestOctokit = Octokit.plugin(paginateRest);

let octokit: InstanceType<typeof TestOctokit>;
let repo: { owner: string; repo: string };

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = new TestOctokit({ auth: 'test-token', baseUrl: fake.url });
  repo = { owner: fake.owner, repo: fake.repo };
});

afterEach(() => fake.stop());

/** Creates a deployment; the 202 "merged branch" answer, which the fake never gives, would fail the test. */
async function createDeployment(environment: string, extra: Record<string, unknown> = {}) {
  const { status, data } = await octokit.request('POST /repos/{owner}/{repo}/deployments', { ...repo, ref: SHA, environment, required_contexts: [], ...extra });
  if (!('id' in data)) throw new Error(`expected a deployment, got ${status} ${data.message}`);
  return { status, data: { ...data, id: Number(data.id) } };
}

describe('the fixture', () => {
  it('records version 23.0.2 and exactly the operations cutover uses', () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { source: string; version: string };
    expect([fixture.source, fixture.version]).toEqual(['@octokit/openapi', '23.0.2']);
    const operations = githubOpenApi().operations.map(op => `${op.method} ${op.template} ${op.operationId}`);
    expect(operations.sort()).toEqual(
      [
        'POST /repos/{owner}/{repo}/deployments repos/create-deployment',
        'GET /repos/{owner}/{repo}/deployments repos/list-deployments',
        'GET /repos/{owner}/{repo}/deployments/{deployment_id} repos/get-deployment',
        'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses repos/create-deployment-status',
        'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses repos/list-deployment-statuses',
        'GET /repos/{owner}/{repo}/environments/{environment_name} repos/get-environment',
        'GET /repos/{owner}/{repo}/actions/runs/{run_id} actions/get-workflow-run',
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals actions/get-reviews-for-run',
        'POST /repos/{owner}/{repo}/issues issues/create',
        'PATCH /repos/{owner}/{repo}/issues/{issue_number} issues/update',
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments issues/list-comments',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments issues/create-comment',
        'GET /orgs/{org}/teams/{team_slug}/memberships/{username} teams/get-membership-for-user-in-org'
      ].sort()
    );
  });
});

describe('valid calls round-trip with no violations', () => {
  it('creates, reads, filters and pages deployments, newest first', async () => {
    const first = await createDeployment('staging', { payload: { release: 'sha256:1' } });
    const second = await createDeployment('production', { payload: '{"release":"sha256:2"}', task: 'deploy:migrations' });
    const third = await createDeployment('production', { ref: 'main', description: null });
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ sha: SHA, environment: 'staging', payload: { release: 'sha256:1' }, production_environment: false, task: 'deploy' });
    expect(second.data).toMatchObject({ payload: '{"release":"sha256:2"}', production_environment: true, task: 'deploy:migrations' });

    const got = await octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}', { ...repo, deployment_id: first.data.id });
    expect(got.data.id).toBe(first.data.id);
    const production = await octokit.request('GET /repos/{owner}/{repo}/deployments', { ...repo, environment: 'production' });
    expect(production.data.map(d => d.id)).toEqual([third.data.id, second.data.id]);
    const bySha = await octokit.request('GET /repos/{owner}/{repo}/deployments', { ...repo, sha: SHA, task: 'deploy' });
    expect(bySha.data.map(d => d.id)).toEqual([first.data.id]);

    const page1 = await octokit.request('GET /repos/{owner}/{repo}/deployments', { ...repo, per_page: 2 });
    expect(page1.data.map(d => d.id)).toEqual([third.data.id, second.data.id]);
    expect(page1.headers.link).toContain('rel="next"');
    const all = await octokit.paginate('GET /repos/{owner}/{repo}/deployments', { ...repo, per_page: 2 });
    expect(all.map(d => d.id)).toEqual([third.data.id, second.data.id, first.data.id]);
    expect(fake.violations).toEqual([]);
  });

  it('creates and lists deployment statuses, newest first, log_url standing in for target_url', async () => {
    const { data: deployment } = await createDeployment('production');
    const path = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses' as const;
    const queued = await octokit.request(path, { ...repo, deployment_id: deployment.id, state: 'queued' });
    const success = await octokit.request(path, { ...repo, deployment_id: deployment.id, state: 'success', log_url: 'https://ci.example/run/7', environment_url: 'https://app.example' });
    expect(queued.status).toBe(201);
    expect(queued.data.target_url).toBe('');
    expect(success.data).toMatchObject({ state: 'success', target_url: 'https://ci.example/run/7', environment: 'production' });

    const list = await octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { ...repo, deployment_id: deployment.id });
    expect(list.data.map(s => s.state)).toEqual(['success', 'queued']);
    expect(fake.violations).toEqual([]);
  });

  it('marks earlier successful deployments inactive only outside production, as documented', async () => {
    const path = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses' as const;
    const succeed = async (environment: string) => {
      const { data } = await createDeployment(environment);
      await octokit.request(path, { ...repo, deployment_id: data.id, state: 'success' });
      return data.id;
    };
    const oldStaging = await succeed('staging');
    await succeed('staging');
    const oldProduction = await succeed('production');
    await succeed('production');
    expect(fake.statuses(oldStaging).map(s => s.state)).toEqual(['success', 'inactive']);
    expect(fake.statuses(oldProduction).map(s => s.state)).toEqual(['success']);
    expect(fake.violations).toEqual([]);
  });

  it('serves environments with their reviewers, and 404 for one that does not exist', async () => {
    fake.setEnvironment('production', { reviewers: [{ type: 'User', login: 'alice' }, { type: 'Team', org: 'octo-org', slug: 'release' }], waitTimer: 5 });
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/environments/{environment_name}', { ...repo, environment_name: 'production' });
    const reviewers = data.protection_rules?.flatMap(rule => ('reviewers' in rule ? (rule.reviewers ?? []) : []));
    expect(reviewers?.map(r => [r.type, r.reviewer && ('login' in r.reviewer ? r.reviewer.login : r.reviewer.slug)])).toEqual([
      ['User', 'alice'],
      ['Team', 'release']
    ]);
    await expect(octokit.request('GET /repos/{owner}/{repo}/environments/{environment_name}', { ...repo, environment_name: 'qa' })).rejects.toMatchObject({ status: 404 });
    expect(fake.violations).toEqual([]);
  });

  it('serves workflow runs and their review history', async () => {
    fake.setRun(77, { head_sha: SHA, run_attempt: 2, actor: 'alice', triggering_actor: 'bob' });
    fake.setEnvironment('production', { reviewers: [{ type: 'User', login: 'carol' }] });
    fake.addApproval(77, { environment: 'production', state: 'approved', user: 'carol', comment: 'ship it' });
    const run = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...repo, run_id: 77 });
    expect(run.data).toMatchObject({ id: 77, head_sha: SHA, run_attempt: 2, actor: { login: 'alice' }, triggering_actor: { login: 'bob' } });
    const reviews = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', { ...repo, run_id: 77 });
    expect(reviews.data).toMatchObject([{ state: 'approved', user: { login: 'carol' }, comment: 'ship it', environments: [{ name: 'production' }] }]);
    await expect(octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...repo, run_id: 78 })).rejects.toMatchObject({ status: 404 });
    expect(fake.violations).toEqual([]);
  });

  it('creates, comments on, pages the comments of, and closes an issue', async () => {
    const created = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: 'Approve release 7', body: 'Reply /approve', labels: ['cutover'] });
    expect(created.status).toBe(201);
    const issue_number = created.data.number;
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number, body: 'waiting for approval' });
    fake.addComment(issue_number, { user: 'alice', body: '/approve', association: 'MEMBER' });
    fake.addComment(issue_number, { user: 'bob', body: 'late' });

    const firstPage = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number, per_page: 2 });
    expect(firstPage.data.map(c => c.body)).toEqual(['waiting for approval', '/approve']);
    const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number, per_page: 2 });
    expect(all.map(c => c.user?.login)).toEqual(['github-actions[bot]', 'alice', 'bob']);
    const future = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number, since: '2999-01-01T00:00:00Z' });
    expect(future.data).toEqual([]);

    const closed = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number, state: 'closed', state_reason: 'not_planned' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'not_planned', comments: 3 });
    expect(fake.issue(issue_number)?.closed_at).toEqual(expect.any(String));
    expect(fake.violations).toEqual([]);
  });

  it('pages as GitHub does: 30 by default, at most 100, and Link URLs on the repository id that keep the query', async () => {
    const { data: issue } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: 'Approve release 8' });
    for (let i = 1; i <= 130; i++) fake.addComment(issue.number, { user: 'alice', body: `comment ${i}` });
    const route = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments' as const;
    const comments = `${fake.url}/repositories/${repositoryId(fake)}/issues/${issue.number}/comments`;

    const first = await octokit.request(route, { ...repo, issue_number: issue.number });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toBe(`<${comments}?page=2>; rel="next", <${comments}?page=5>; rel="last"`);

    const capped = await octokit.request(route, { ...repo, issue_number: issue.number, per_page: 500, since: '2000-01-01T00:00:00Z' });
    expect(capped.data.map(c => c.body)).toEqual(Array.from({ length: 100 }, (_, i) => `comment ${i + 1}`));
    expect(capped.headers.link).toBe(
      `<${comments}?per_page=500&since=2000-01-01T00%3A00%3A00Z&page=2>; rel="next", <${comments}?per_page=500&since=2000-01-01T00%3A00%3A00Z&page=2>; rel="last"`
    );

    const middle = await octokit.request(route, { ...repo, issue_number: issue.number, per_page: 40, page: 2 });
    expect(middle.data.map(c => c.body)).toEqual(Array.from({ length: 40 }, (_, i) => `comment ${i + 41}`));
    expect(middle.headers.link).toBe(
      [`<${comments}?per_page=40&page=1>; rel="prev"`, `<${comments}?per_page=40&page=3>; rel="next"`, `<${comments}?per_page=40&page=4>; rel="last"`, `<${comments}?per_page=40&page=1>; rel="first"`].join(', ')
    );

    fake.requests.length = 0;
    const all = await octokit.paginate(route, { ...repo, issue_number: issue.number, per_page: 100 });
    expect(all).toHaveLength(130);
    // octokit follows the Link header, so the second page is asked for on the repository id, as it is from GitHub.
    expect(fake.requests.map(r => [r.path, r.query.page, r.operationId])).toEqual([
      [`/repos/${fake.owner}/${fake.repo}/issues/${issue.number}/comments`, undefined, 'issues/list-comments'],
      [`/repositories/${repositoryId(fake)}/issues/${issue.number}/comments`, '2', 'issues/list-comments']
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('answers team membership for members only', async () => {
    fake.addTeamMember('octo-org', 'release', 'alice', 'maintainer');
    const path = 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}' as const;
    const { data } = await octokit.request(path, { org: 'octo-org', team_slug: 'release', username: 'alice' });
    expect(data).toMatchObject({ role: 'maintainer', state: 'active' });
    await expect(octokit.request(path, { org: 'octo-org', team_slug: 'release', username: 'mallory' })).rejects.toMatchObject({ status: 404 });
    expect(fake.violations).toEqual([]);
  });
});

describe('what GitHub rejects, the fake rejects and records', () => {
  const body = 'POST /repos/octo-org/app/deployments request body';

  it.each([
    ['a non-boolean auto_merge', { ref: SHA, auto_merge: 'no' }, `${body}: /auto_merge must be boolean`],
    ['a missing ref', { environment: 'production' }, `${body}: must have required property 'ref'`],
    ['a payload that is neither object nor string', { ref: SHA, payload: 7 }, `${body}: /payload must be object`]
  ])('create-deployment with %s is 422', async (_, fields, violation) => {
    const error = await octokit.request('POST /repos/{owner}/{repo}/deployments', { ...repo, ...(fields as { ref: string }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, response: { data: { message: 'Validation Failed' } } });
    expect(fake.violations).toContain(violation);
    expect(fake.deployments).toEqual([]);
  });

  it('rejects a deployment status state GitHub does not have', async () => {
    const { data } = await createDeployment('production');
    const done = octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { ...repo, deployment_id: data.id, state: 'done' as 'success' });
    await expect(done).rejects.toMatchObject({ status: 422 });
    expect(fake.violations).toEqual([
      `POST /repos/octo-org/app/deployments/${data.id}/statuses request body: /state must be equal to one of the allowed values: error, failure, inactive, in_progress, queued, pending, success`
    ]);
  });

  it('answers 404 for a route GitHub does not have and for a malformed path parameter', async () => {
    await expect(octokit.request('GET /repos/{owner}/{repo}/deployment', repo)).rejects.toMatchObject({ status: 404 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}', { ...repo, deployment_id: 'latest' as unknown as number })).rejects.toMatchObject({ status: 404 });
    expect(fake.violations).toEqual([
      "GET /repos/octo-org/app/deployment: no such operation in GitHub's REST API (@octokit/openapi 23.0.2)",
      'GET /repos/octo-org/app/deployments/latest path deployment_id: must be integer'
    ]);
  });

  it('rejects a malformed query parameter and records one GitHub would silently ignore', async () => {
    await expect(octokit.request('GET /repos/{owner}/{repo}/deployments', { ...repo, per_page: 'all' as unknown as number })).rejects.toMatchObject({ status: 422 });
    const ignored = await octokit.request('GET /repos/{owner}/{repo}/deployments', { ...repo, environmnet: 'production' });
    expect(ignored.status).toBe(200);
    expect(fake.violations).toEqual([
      'GET /repos/octo-org/app/deployments query per_page: must be integer',
      'GET /repos/octo-org/app/deployments query environmnet: is not a parameter of repos/list-deployments'
    ]);
  });

  it('answers 401 without a token, and keeps the raw header of requests that had one', async () => {
    const anonymous = new TestOctokit({ baseUrl: fake.url });
    await expect(anonymous.request('GET /repos/{owner}/{repo}/deployments', repo)).rejects.toMatchObject({ status: 401 });
    await octokit.request('GET /repos/{owner}/{repo}/deployments', repo);
    expect(fake.violations).toEqual(['GET /repos/octo-org/app/deployments: no authorization']);
    expect(fake.requests.map(r => r.headers.authorization)).toEqual([undefined, expect.stringContaining('test-token')]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${fake.url}/repos/octo-org/app/deployments`, { method: 'POST', headers: { authorization: 'token t' }, body: '{"ref":' });
    expect(response.status).toBe(400);
    expect(fake.violations).toEqual(['POST /repos/octo-org/app/deployments request body: not JSON']);
  });
});

describe('the fake checks its own answers', () => {
  const api = githubOpenApi();
  const path = '/repos/octo-org/app/deployments/1';

  it('catches an incomplete or mistyped object and an undocumented success status', async () => {
    const { data } = await createDeployment('production');
    const { creator, ...withoutCreator } = data;
    expect(creator).not.toBeNull();
    expect(api.validateResponse('repos/get-deployment', path, 200, data)).toEqual([]);
    expect(api.validateResponse('repos/get-deployment', path, 200, withoutCreator)).toEqual([`GET ${path} response 200: must have required property 'creator'`]);
    expect(api.validateResponse('repos/get-deployment', path, 200, { ...data, id: '1' })).toEqual([`GET ${path} response 200: /id must be integer`]);
    expect(api.validateResponse('repos/get-deployment', path, 202, data)).toEqual([`GET ${path} response 202: status 202 is not documented for repos/get-deployment`]);
  });

  it('reads nullable as OpenAPI 3.0 means it, and accepts the empty URLs GitHub sends', async () => {
    const { data } = await createDeployment('production');
    expect(api.validateResponse('repos/get-deployment', path, 200, { ...data, description: null, creator: null })).toEqual([]);
    expect(api.validateResponse('repos/get-deployment', path, 200, { ...data, sha: null })).toEqual([`GET ${path} response 200: /sha must be string`]);
    const status = await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { ...repo, deployment_id: data.id, state: 'pending' });
    const statuses = `${path}/statuses`;
    expect(api.validateResponse('repos/create-deployment-status', statuses, 201, { ...status.data, target_url: '' })).toEqual([]);
    expect(api.validateResponse('repos/create-deployment-status', statuses, 201, { ...status.data, target_url: 'not a url' })).toEqual([`POST ${statuses} response 201: /target_url must match format "uri-or-empty"`]);
  });
});

describe('conditional requests', () => {
  it('answers a matching If-None-Match with 304 and counts only full answers', async () => {
    const { data } = await createDeployment('production');
    const route = 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses' as const;
    const first = await octokit.request(route, { ...repo, deployment_id: data.id });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    for (let i = 0; i < 3; i++) {
      await expect(octokit.request(route, { ...repo, deployment_id: data.id, headers: { 'if-none-match': etag } })).rejects.toMatchObject({ status: 304 });
    }
    expect(fake.served('repos/list-deployment-statuses')).toBe(1);

    await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { ...repo, deployment_id: data.id, state: 'success' });
    const changed = await octokit.request(route, { ...repo, deployment_id: data.id, headers: { 'if-none-match': etag } });
    expect(changed.data.map(s => s.state)).toEqual(['success']);
    expect(changed.headers.etag).not.toBe(etag);
    expect(fake.served('repos/list-deployment-statuses')).toBe(2);
    expect(fake.violations).toEqual([]);
  });
});

describe('failure injection', () => {
  it('answers the next requests with the injected failure, then normally again', async () => {
    fake.failNext('repos/create-deployment', secondaryRateLimit(1));
    const limited = await createDeployment('production').catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 403, response: { headers: { 'retry-after': '1' }, data: { message: expect.stringContaining('secondary rate limit') } } });
    expect((await createDeployment('production')).status).toBe(201);
    expect(fake.deployments).toHaveLength(1);

    fake.failNext('repos/list-deployments', serverError(502), 2);
    await expect(octokit.request('GET /repos/{owner}/{repo}/deployments', repo)).rejects.toMatchObject({ status: 502 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/deployments', repo)).rejects.toMatchObject({ status: 502 });
    expect((await octokit.request('GET /repos/{owner}/{repo}/deployments', repo)).status).toBe(200);

    fake.failNext('repos/get-deployment', primaryRateLimit(429));
    const spent = await octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}', { ...repo, deployment_id: 1001 }).catch((e: unknown) => e);
    expect(spent).toMatchObject({ status: 429, response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': expect.stringMatching(/^\d+$/) } } });
    expect(fake.served('repos/list-deployments')).toBe(3);
    expect(fake.violations).toEqual([]);
  });
});
