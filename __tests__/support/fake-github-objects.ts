import { createHash } from 'node:crypto';

// Complete GitHub REST objects for the fake GitHub. GitHub's schemas require many fields callers never
// read; the fake validates every answer against them, so these build the whole object once.

export type ApiObject = Record<string, unknown>;

/** Where objects point: the fake's API root (like a GitHub Enterprise `/api/v3`) and the web UI. */
export interface Site {
  api: string;
  web: string;
  owner: string;
  repo: string;
}

const WEB = 'https://github.com';

export function site(api: string, owner: string, repo: string): Site {
  return { api, web: WEB, owner, repo };
}

/** A stable positive id for a name, so the same login is the same user in every object. */
export function idOf(name: string): number {
  return createHash('sha256').update(name).digest().readUInt32BE(0) % 100_000_000;
}

/** A 40-hex commit sha: a sha is taken as it is, a branch or tag name always resolves to the same made-up commit. */
export function shaOf(ref: string): string {
  return /^[0-9a-f]{40}$/.test(ref) ? ref : createHash('sha1').update(`ref:${ref}`).digest('hex');
}

export function nodeId(kind: string, id: number): string {
  return `${kind}_${Buffer.from(`${kind}:${id}`).toString('base64url')}`;
}

const repoApi = (s: Site): string => `${s.api}/repos/${s.owner}/${s.repo}`;

export function simpleUser(login: string, s: Site): ApiObject {
  const id = idOf(`user:${login}`);
  // GitHub percent-encodes logins such as `github-actions[bot]` in URLs.
  const api = `${s.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId('U', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${s.web}/${encodeURIComponent(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    user_view_type: 'public',
    site_admin: false
  };
}

export function team(org: string, slug: string, s: Site): ApiObject {
  const id = idOf(`team:${org}/${slug}`);
  return {
    id,
    node_id: nodeId('T', id),
    url: `${s.api}/organizations/${idOf(`org:${org}`)}/team/${id}`,
    html_url: `${s.web}/orgs/${org}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${s.api}/organizations/${idOf(`org:${org}`)}/team/${id}/members{/member}`,
    repositories_url: `${s.api}/organizations/${idOf(`org:${org}`)}/team/${id}/repos`,
    parent: null,
    type: 'organization'
  };
}

export function teamMembership(org: string, slug: string, login: string, role: 'member' | 'maintainer', s: Site): ApiObject {
  return { url: `${team(org, slug, s).url as string}/memberships/${encodeURIComponent(login)}`, role, state: 'active' };
}

/** The repository's id, which GitHub's Link headers use in place of owner and name. */
export function repositoryId(s: Pick<Site, 'owner' | 'repo'>): number {
  return idOf(`repo:${s.owner}/${s.repo}`);
}

export function minimalRepository(s: Site): ApiObject {
  const id = repositoryId(s);
  const api = repoApi(s);
  const urls = Object.fromEntries(
    Object.entries({
      archive: '/{archive_format}{/ref}', assignees: '/assignees{/user}', blobs: '/git/blobs{/sha}', branches: '/branches{/branch}',
      collaborators: '/collaborators{/collaborator}', comments: '/comments{/number}', commits: '/commits{/sha}', compare: '/compare/{base}...{head}',
      contents: '/contents/{+path}', contributors: '/contributors', deployments: '/deployments', downloads: '/downloads', events: '/events',
      forks: '/forks', git_commits: '/git/commits{/sha}', git_refs: '/git/refs{/sha}', git_tags: '/git/tags{/sha}', hooks: '/hooks',
      issue_comment: '/issues/comments{/number}', issue_events: '/issues/events{/number}', issues: '/issues{/number}', keys: '/keys{/key_id}',
      labels: '/labels{/name}', languages: '/languages', merges: '/merges', milestones: '/milestones{/number}',
      notifications: '/notifications{?since,all,participating}', pulls: '/pulls{/number}', releases: '/releases{/id}', stargazers: '/stargazers',
      statuses: '/statuses/{sha}', subscribers: '/subscribers', subscription: '/subscription', tags: '/tags', teams: '/teams', trees: '/git/trees{/sha}'
    }).map(([name, suffix]) => [`${name}_url`, `${api}${suffix}`])
  );
  return {
    id,
    node_id: nodeId('R', id),
    name: s.repo,
    full_name: `${s.owner}/${s.repo}`,
    owner: simpleUser(s.owner, s),
    private: true,
    html_url: `${s.web}/${s.owner}/${s.repo}`,
    description: null,
    fork: false,
    url: api,
    ...urls
  };
}

const zeroReactions = (url: string): ApiObject => ({ url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 });

export interface DeploymentFields {
  id: number;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  creator: string;
  at: string;
}

export function deployment(f: DeploymentFields, s: Site): ApiObject {
  const url = `${repoApi(s)}/deployments/${f.id}`;
  return {
    url,
    id: f.id,
    node_id: nodeId('DE', f.id),
    sha: shaOf(f.ref),
    ref: f.ref,
    task: f.task,
    payload: f.payload,
    original_environment: f.environment,
    environment: f.environment,
    description: f.description,
    creator: simpleUser(f.creator, s),
    created_at: f.at,
    updated_at: f.at,
    statuses_url: `${url}/statuses`,
    repository_url: repoApi(s),
    transient_environment: f.transient_environment,
    production_environment: f.production_environment,
    performed_via_github_app: null
  };
}

export interface StatusFields {
  id: number;
  deploymentId: number;
  state: string;
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  creator: string;
  at: string;
}

export function deploymentStatus(f: StatusFields, s: Site): ApiObject {
  const deploymentUrl = `${repoApi(s)}/deployments/${f.deploymentId}`;
  return {
    url: `${deploymentUrl}/statuses/${f.id}`,
    id: f.id,
    node_id: nodeId('DES', f.id),
    state: f.state,
    creator: simpleUser(f.creator, s),
    description: f.description,
    environment: f.environment,
    target_url: f.target_url,
    log_url: f.log_url,
    environment_url: f.environment_url,
    created_at: f.at,
    updated_at: f.at,
    deployment_url: deploymentUrl,
    repository_url: repoApi(s),
    performed_via_github_app: null
  };
}

/** A reviewer of an environment, as tests name it. */
export type Reviewer = { type: 'User'; login: string } | { type: 'Team'; org: string; slug: string };

export interface EnvironmentFields {
  id: number;
  name: string;
  reviewers?: Reviewer[];
  waitTimer?: number;
  at: string;
}

export function environment(f: EnvironmentFields, s: Site): ApiObject {
  const rules: ApiObject[] = [];
  if (f.waitTimer !== undefined) rules.push({ id: f.id * 10 + 1, node_id: nodeId('GA', f.id * 10 + 1), type: 'wait_timer', wait_timer: f.waitTimer });
  if (f.reviewers !== undefined) {
    const reviewers = f.reviewers.map(r => (r.type === 'User' ? { type: 'User', reviewer: simpleUser(r.login, s) } : { type: 'Team', reviewer: team(r.org, r.slug, s) }));
    rules.push({ id: f.id * 10 + 2, node_id: nodeId('GA', f.id * 10 + 2), type: 'required_reviewers', prevent_self_review: false, reviewers });
  }
  return {
    id: f.id,
    node_id: nodeId('EN', f.id),
    name: f.name,
    url: `${repoApi(s)}/environments/${encodeURIComponent(f.name)}`,
    html_url: `${s.web}/${s.owner}/${s.repo}/deployments/activity_log?environments_filter=${encodeURIComponent(f.name)}`,
    created_at: f.at,
    updated_at: f.at,
    protection_rules: rules,
    deployment_branch_policy: null
  };
}

/** What a test says about a workflow run; the rest of the object is filled in. */
export interface RunFacts {
  head_sha: string;
  head_branch: string | null;
  run_attempt: number;
  run_number: number;
  actor: string;
  triggering_actor: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  name: string;
  path: string;
}

export function workflowRun(id: number, facts: RunFacts, at: string, s: Site): ApiObject {
  const url = `${repoApi(s)}/actions/runs/${id}`;
  const repository = minimalRepository(s);
  const workflowId = idOf(`workflow:${facts.path}`);
  return {
    id,
    name: facts.name,
    node_id: nodeId('WFR', id),
    check_suite_id: id + 1,
    check_suite_node_id: nodeId('CS', id + 1),
    head_branch: facts.head_branch,
    head_sha: facts.head_sha,
    path: facts.path,
    run_number: facts.run_number,
    run_attempt: facts.run_attempt,
    display_title: facts.name,
    event: facts.event,
    status: facts.status,
    conclusion: facts.conclusion,
    workflow_id: workflowId,
    url,
    html_url: `${s.web}/${s.owner}/${s.repo}/actions/runs/${id}`,
    pull_requests: [],
    referenced_workflows: [],
    created_at: at,
    updated_at: at,
    run_started_at: at,
    actor: simpleUser(facts.actor, s),
    triggering_actor: simpleUser(facts.triggering_actor, s),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${repoApi(s)}/check-suites/${id + 1}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: facts.run_attempt > 1 ? `${url}/attempts/${facts.run_attempt - 1}` : null,
    workflow_url: `${repoApi(s)}/actions/workflows/${workflowId}`,
    head_commit: {
      id: facts.head_sha,
      tree_id: shaOf(`tree:${facts.head_sha}`),
      message: 'release',
      timestamp: at,
      author: { name: facts.actor, email: `${facts.actor}@users.noreply.github.com` },
      committer: { name: 'GitHub', email: 'noreply@github.com' }
    },
    repository,
    head_repository: repository
  };
}

export interface ApprovalFields {
  environment: ApiObject;
  state: 'approved' | 'rejected';
  user: string;
  comment: string;
}

export function environmentApproval(f: ApprovalFields, s: Site): ApiObject {
  const { id, node_id, name, url, html_url, created_at, updated_at } = f.environment;
  return { environments: [{ id, node_id, name, url, html_url, created_at, updated_at }], state: f.state, user: simpleUser(f.user, s), comment: f.comment };
}

export function label(name: string, s: Site): ApiObject {
  const id = idOf(`label:${name}`);
  return { id, node_id: nodeId('LA', id), url: `${repoApi(s)}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null };
}

export interface IssueFields {
  id: number;
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  assignees: string[];
  user: string;
  at: string;
}

export function issue(f: IssueFields, s: Site): ApiObject {
  const url = `${repoApi(s)}/issues/${f.number}`;
  const assignees = f.assignees.map(login => simpleUser(login, s));
  return {
    id: f.id,
    node_id: nodeId('I', f.id),
    url,
    repository_url: repoApi(s),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    timeline_url: `${url}/timeline`,
    html_url: `${s.web}/${s.owner}/${s.repo}/issues/${f.number}`,
    number: f.number,
    state: 'open',
    state_reason: null,
    title: f.title,
    body: f.body,
    user: simpleUser(f.user, s),
    labels: f.labels.map(name => label(name, s)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    closed_at: null,
    closed_by: null,
    author_association: 'NONE',
    created_at: f.at,
    updated_at: f.at,
    reactions: zeroReactions(url),
    performed_via_github_app: null
  };
}

export interface CommentFields {
  id: number;
  issueNumber: number;
  user: string;
  body: string;
  association: string;
  at: string;
}

export function issueComment(f: CommentFields, s: Site): ApiObject {
  const url = `${repoApi(s)}/issues/comments/${f.id}`;
  return {
    id: f.id,
    node_id: nodeId('IC', f.id),
    url,
    html_url: `${s.web}/${s.owner}/${s.repo}/issues/${f.issueNumber}#issuecomment-${f.id}`,
    issue_url: `${repoApi(s)}/issues/${f.issueNumber}`,
    body: f.body,
    user: simpleUser(f.user, s),
    author_association: f.association,
    created_at: f.at,
    updated_at: f.at,
    reactions: zeroReactions(url),
    performed_via_github_app: null
  };
}
