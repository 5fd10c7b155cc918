import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as make from './fake-github-objects.js';
import type { ApiObject, Reviewer, RunFacts, Site } from './fake-github-objects.js';
import { githubOpenApi, type Match } from './openapi-validator.js';

// A GitHub REST API on 127.0.0.1 for the operations cutover uses. Every request is checked against
// GitHub's OpenAPI description and answered the way GitHub answers bad input; every answer the fake
// gives is checked too, so neither cutover nor the fake can drift from the real API unnoticed.

export type { ApiObject, Reviewer, RunFacts } from './fake-github-objects.js';

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Who the token acts as: creator of deployments, statuses, issues and comments. */
  login?: string;
  /** When set, any other token gets 401 Bad credentials. */
  token?: string;
  now?: () => Date;
}

export interface RecordedRequest {
  method: string;
  /** As asked: a Link header's `/repositories/{id}/...` stays in that form. */
  path: string;
  query: Record<string, string>;
  /** Raw, authorization included, so a test can look for leaked tokens. Never print them. */
  headers: http.IncomingHttpHeaders;
  body: unknown;
  operationId: string | null;
  status: number;
  response: unknown;
}

export interface InjectedFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Approval {
  environment: string;
  state: 'approved' | 'rejected';
  user: string;
  comment?: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Context {
  match: Match;
  url: URL;
  body: Record<string, unknown>;
}

const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

/** GitHub's answer when too many requests come too fast: 403 with retry-after. */
export function secondaryRateLimit(retryAfterSeconds = 1): InjectedFailure {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits` }
  };
}

/** GitHub's answer when the hourly quota is spent: no requests remain until x-ratelimit-reset (epoch seconds). */
export function primaryRateLimit(status: 403 | 429 = 403, resetInSeconds = 1): InjectedFailure {
  const reset = Math.ceil(Date.now() / 1000) + resetInSeconds;
  return {
    status,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset) },
    body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: RATE_LIMIT_DOCS }
  };
}

export function serverError(status: 500 | 502 | 503 = 502): InjectedFailure {
  return { status, body: { message: 'Server Error' } };
}

const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const error = (status: number, message: string, documentation_url = 'https://docs.github.com/rest'): Reply => ({ status, body: { message, documentation_url, status: String(status) } });

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  /** Stored as GitHub returns them; oldest first. */
  readonly deployments: ApiObject[] = [];
  readonly issues: ApiObject[] = [];
  url = '';
  private site: Site;
  private readonly api = githubOpenApi();
  private readonly server = http.createServer((req, res) => {
    this.answer(req, res).catch((problem: unknown) => {
      this.violations.push(`fake error: ${String(problem)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  private readonly statusesOf = new Map<number, ApiObject[]>();
  private readonly commentsOf = new Map<number, ApiObject[]>();
  private readonly environments = new Map<string, ApiObject>();
  private readonly runs = new Map<number, ApiObject>();
  private readonly approvals = new Map<number, ApiObject[]>();
  private readonly memberships = new Map<string, ApiObject>();
  private readonly failures = new Map<string, { failure: InjectedFailure; times: number }>();
  private readonly servedCount = new Map<string, number>();
  // Each kind counts from its own base, so mixing up an issue's id and number (or two kinds of id) shows.
  private readonly ids = { deployment: 1001, status: 2001, issue: 3001, issueNumber: 1, comment: 4001, environment: 5001 };

  constructor(private readonly options: FakeGitHubOptions = {}) {
    this.site = make.site('', this.owner, this.repo);
  }

  get owner(): string {
    return this.options.owner ?? 'octo-org';
  }

  get repo(): string {
    return this.options.repo ?? 'app';
  }

  private get login(): string {
    return this.options.login ?? 'github-actions[bot]';
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.site = make.site(this.url, this.owner, this.repo);
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  /** How many answers other than 304 Not Modified an operation gave. */
  served(operationId: string): number {
    this.api.operation(operationId);
    return this.servedCount.get(operationId) ?? 0;
  }

  /** The next `times` valid requests for the operation get this answer instead. */
  failNext(operationId: string, failure: InjectedFailure, times = 1): void {
    this.api.operation(operationId);
    this.failures.set(operationId, { failure, times });
  }

  statuses(deploymentId: number): ApiObject[] {
    return this.statusesOf.get(deploymentId) ?? [];
  }

  comments(issueNumber: number): ApiObject[] {
    return this.commentsOf.get(issueNumber) ?? [];
  }

  /** Creates or replaces an environment; `reviewers` adds a required-reviewers rule. Unknown names answer 404. */
  setEnvironment(name: string, protection: { reviewers?: Reviewer[]; waitTimer?: number } = {}): ApiObject {
    const id = (this.environments.get(name)?.id as number | undefined) ?? this.ids.environment++;
    const environment = make.environment({ id, name, ...protection, at: this.now() }, this.site);
    this.environments.set(name, environment);
    return environment;
  }

  setRun(id: number, facts: Partial<RunFacts> = {}): ApiObject {
    const actor = facts.actor ?? 'octocat';
    const full: RunFacts = {
      head_sha: make.shaOf(`run:${id}`),
      head_branch: 'main',
      run_attempt: 1,
      run_number: id,
      triggering_actor: actor,
      event: 'push',
      status: 'in_progress',
      conclusion: null,
      name: 'release',
      path: '.github/workflows/release.yml',
      ...facts,
      actor
    };
    const run = make.workflowRun(id, full, this.now(), this.site);
    this.runs.set(id, run);
    return run;
  }

  /** Records a reviewer's decision on a run's deployment to an environment (set up with setEnvironment, or made up). */
  addApproval(runId: number, approval: Approval): ApiObject {
    const environment = this.environments.get(approval.environment) ?? make.environment({ id: this.ids.environment++, name: approval.environment, at: this.now() }, this.site);
    const review = make.environmentApproval({ environment, state: approval.state, user: approval.user, comment: approval.comment ?? '' }, this.site);
    this.approvals.set(runId, [...(this.approvals.get(runId) ?? []), review]);
    return review;
  }

  /** A comment written by someone else, e.g. a reviewer answering an approval issue. */
  addComment(issueNumber: number, comment: { user: string; body: string; association?: string }): ApiObject {
    if (!this.issue(issueNumber)) throw new Error(`fake GitHub has no issue #${issueNumber}`);
    return this.storeComment(issueNumber, comment.user, comment.body, comment.association ?? 'NONE');
  }

  addTeamMember(org: string, team: string, login: string, role: 'member' | 'maintainer' = 'member'): void {
    this.memberships.set(`${org}/${team}/${login}`.toLowerCase(), make.teamMembership(org, team, login, role, this.site));
  }

  issue(issueNumber: number): ApiObject | undefined {
    return this.issues.find(issue => issue.number === issueNumber);
  }

  private now(): string {
    return isoSeconds(this.options.now?.() ?? new Date());
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    // GitHub's Link headers name the repository by id; such a URL is the same route as /repos/{owner}/{repo}.
    const asked = new URL(req.url ?? '/', this.url);
    const url = this.canonical(asked);
    const method = req.method ?? 'GET';
    const record: RecordedRequest = { method, path: asked.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body: undefined, operationId: null, status: 0, response: undefined };
    this.requests.push(record);
    let reply: Reply;
    try {
      record.body = text === '' ? undefined : JSON.parse(text);
      reply = this.route(req, url, record);
    } catch (problem) {
      if (!(problem instanceof SyntaxError)) throw problem;
      record.body = text;
      this.violations.push(`${method} ${url.pathname} request body: not JSON`);
      reply = error(400, 'Problems parsing JSON');
    }
    if (method === 'GET' && reply.status === 200) reply = this.conditional(req, reply);
    if (record.operationId) {
      for (const problem of this.api.validateResponse(record.operationId, url.pathname, reply.status, reply.body)) this.violations.push(`fake response: ${problem}`);
      if (reply.status !== 304) this.servedCount.set(record.operationId, this.served(record.operationId) + 1);
    }
    record.status = reply.status;
    record.response = reply.body;
    const used = this.requests.filter(request => request.status !== 304).length;
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, 5000 - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...(reply.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...reply.headers
    };
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  /** `/repositories/{id}/...`, as GitHub's Link headers write it, read as `/repos/{owner}/{repo}/...`. */
  private canonical(url: URL): URL {
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(url.pathname);
    if (!byId || Number(byId[1]) !== make.repositoryId(this)) return url;
    const canonical = new URL(url);
    canonical.pathname = `/repos/${this.owner}/${this.repo}${byId[2] ?? ''}`;
    return canonical;
  }

  /** GitHub's conditional requests: an unchanged answer is 304 without a body, and costs no quota. */
  private conditional(req: http.IncomingMessage, reply: Reply): Reply {
    const etag = `W/"${createHash('sha256').update(JSON.stringify(reply.body)).digest('hex').slice(0, 40)}"`;
    const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
    const asked = (req.headers['if-none-match'] ?? '').split(',').map(strip);
    const headers = { ...reply.headers, etag };
    return asked.includes(strip(etag)) || asked.includes('*') ? { status: 304, headers } : { ...reply, headers };
  }

  private route(req: http.IncomingMessage, url: URL, record: RecordedRequest): Reply {
    const match = this.api.match(record.method, url.pathname);
    if (!match) {
      this.violations.push(`${record.method} ${url.pathname}: no such operation in GitHub's REST API (@octokit/openapi ${this.api.version})`);
      return error(404, 'Not Found');
    }
    const { operationId } = match.operation;
    record.operationId = operationId;
    const docs = String((match.operation.spec.externalDocs as { url?: string } | undefined)?.url ?? 'https://docs.github.com/rest');
    const authorization = req.headers.authorization ?? '';
    if (!/^(token|bearer) \S+$/i.test(authorization)) {
      this.violations.push(`${record.method} ${url.pathname}: no authorization`);
      return error(401, 'Requires authentication', docs);
    }
    if (this.options.token !== undefined && authorization.split(' ')[1] !== this.options.token) return error(401, 'Bad credentials', docs);
    const problems = this.api.validateRequest(match, url.pathname, url.searchParams, record.body);
    this.violations.push(...problems.map(problem => problem.text));
    // GitHub answers a malformed path parameter as a route it does not have, and other bad input with 422.
    if (problems.some(problem => problem.part === 'path')) return error(404, 'Not Found', docs);
    const invalid = problems.filter(problem => problem.code !== 'unknown');
    if (invalid.length > 0) {
      const errors = invalid.map(problem => ({ resource: operationId.split('/')[0] ?? '', field: problem.field, code: problem.code, message: problem.text }));
      return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: docs, status: '422' } };
    }
    const { owner, repo } = match.params;
    if (owner !== undefined && (owner.toLowerCase() !== this.owner.toLowerCase() || repo?.toLowerCase() !== this.repo.toLowerCase())) return error(404, 'Not Found', docs);
    const injected = this.failures.get(operationId);
    if (injected) {
      if (--injected.times <= 0) this.failures.delete(operationId);
      return { status: injected.failure.status, body: injected.failure.body, headers: injected.failure.headers };
    }
    const body = (record.body ?? {}) as Record<string, unknown>;
    const reply = this.handlers[operationId]?.({ match, url, body });
    return reply ?? error(404, 'Not Found', docs);
  }

  /**
   * One page of a list as GitHub pages it: `per_page` 30 unless given, at most 100; `page` from 1;
   * and, when there is more than one page, a Link header (prev, next, last, first) whose URLs keep
   * the query as given, with `page` last, on the repository's `/repositories/{id}` path.
   */
  private page(items: ApiObject[], ctx: Context): Reply {
    const asked = Math.floor(Number(ctx.url.searchParams.get('per_page') ?? 30));
    const perPage = asked >= 1 ? Math.min(asked, 100) : 30;
    const page = Math.max(Math.floor(Number(ctx.url.searchParams.get('page') ?? 1)) || 1, 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (to: number, rel: string): string => {
      const target = new URL(ctx.url);
      target.pathname = target.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, `/repositories/${make.repositoryId(this)}`);
      target.searchParams.delete('page');
      target.searchParams.append('page', String(to));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links = [...(page > 1 ? [link(page - 1, 'prev')] : []), ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first')] : [])];
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  private storeComment(issueNumber: number, user: string, body: string, association: string): ApiObject {
    const at = this.now();
    const comment = make.issueComment({ id: this.ids.comment++, issueNumber, user, body, association, at }, this.site);
    this.commentsOf.set(issueNumber, [...this.comments(issueNumber), comment]);
    const issue = this.issue(issueNumber) as ApiObject;
    issue.comments = (issue.comments as number) + 1;
    issue.updated_at = at;
    return comment;
  }

  private addStatus(deployment: ApiObject, fields: Omit<make.StatusFields, 'id' | 'deploymentId' | 'creator' | 'at'>): ApiObject {
    const id = deployment.id as number;
    const at = this.now();
    const status = make.deploymentStatus({ ...fields, id: this.ids.status++, deploymentId: id, creator: this.login, at }, this.site);
    this.statusesOf.set(id, [...this.statuses(id), status]);
    deployment.updated_at = at;
    return status;
  }

  private readonly handlers: Record<string, (ctx: Context) => Reply | undefined> = {
    'repos/create-deployment': ({ body }) => {
      const environment = (body.environment as string | undefined) ?? 'production';
      const deployment = make.deployment(
        {
          id: this.ids.deployment++,
          ref: body.ref as string,
          task: (body.task as string | undefined) ?? 'deploy',
          payload: body.payload ?? {},
          environment,
          description: (body.description as string | null | undefined) ?? '',
          transient_environment: (body.transient_environment as boolean | undefined) ?? false,
          production_environment: (body.production_environment as boolean | undefined) ?? environment === 'production',
          creator: this.login,
          at: this.now()
        },
        this.site
      );
      this.deployments.push(deployment);
      return { status: 201, body: deployment, headers: { location: deployment.url as string } };
    },
    'repos/list-deployments': ctx => {
      const query = ctx.url.searchParams;
      const wanted = (deployment: ApiObject): boolean => ['sha', 'ref', 'task', 'environment'].every(key => !query.has(key) || query.get(key) === 'none' || deployment[key] === query.get(key));
      return this.page(this.deployments.filter(wanted).reverse(), ctx);
    },
    'repos/get-deployment': ({ match }) => {
      const deployment = this.deployment(match.params.deployment_id);
      return deployment && { status: 200, body: deployment };
    },
    'repos/create-deployment-status': ({ match, body }) => {
      const deployment = this.deployment(match.params.deployment_id);
      if (!deployment) return undefined;
      const previous = this.statuses(deployment.id as number).at(-1);
      const state = body.state as string;
      const logUrl = (body.log_url ?? body.target_url ?? '') as string;
      const status = this.addStatus(deployment, {
        state,
        description: (body.description as string | undefined) ?? '',
        environment: (body.environment as string | undefined) ?? (previous?.environment as string | undefined) ?? (deployment.environment as string),
        target_url: logUrl,
        log_url: logUrl,
        environment_url: (body.environment_url as string | undefined) ?? ''
      });
      // Documented: a success status marks earlier successful deployments to the same environment inactive,
      // unless the environment is transient or production, or auto_inactive is false.
      if (state === 'success' && body.auto_inactive !== false) {
        for (const earlier of this.deployments) {
          const last = this.statuses(earlier.id as number).at(-1);
          const eligible = (earlier.id as number) < (deployment.id as number) && earlier.environment === deployment.environment && !earlier.transient_environment && !earlier.production_environment;
          if (eligible && last?.state === 'success') this.addStatus(earlier, { state: 'inactive', description: '', environment: last.environment as string, target_url: '', log_url: '', environment_url: '' });
        }
      }
      return { status: 201, body: status, headers: { location: status.url as string } };
    },
    'repos/list-deployment-statuses': ctx => {
      const deployment = this.deployment(ctx.match.params.deployment_id);
      return deployment && this.page([...this.statuses(deployment.id as number)].reverse(), ctx);
    },
    'repos/get-environment': ({ match }) => {
      const environment = this.environments.get(match.params.environment_name as string);
      return environment && { status: 200, body: environment };
    },
    'actions/get-workflow-run': ({ match }) => {
      const run = this.runs.get(Number(match.params.run_id));
      return run && { status: 200, body: run };
    },
    'actions/get-reviews-for-run': ({ match }) => {
      const id = Number(match.params.run_id);
      return this.runs.has(id) ? { status: 200, body: this.approvals.get(id) ?? [] } : undefined;
    },
    'issues/create': ({ body }) => {
      const labels = ((body.labels ?? []) as (string | { name?: string })[]).map(entry => (typeof entry === 'string' ? entry : (entry.name ?? '')));
      const assignees = ((body.assignees ?? (body.assignee ? [body.assignee] : [])) as (string | { login?: string })[]).map(entry => (typeof entry === 'string' ? entry : (entry.login ?? '')));
      const fields = { id: this.ids.issue++, number: this.ids.issueNumber++, title: String(body.title), body: (body.body as string | undefined) ?? null, labels, assignees, user: this.login, at: this.now() };
      const issue = make.issue(fields, this.site);
      this.issues.push(issue);
      return { status: 201, body: issue, headers: { location: issue.url as string } };
    },
    'issues/update': ({ match, body }) => {
      const issue = this.issue(Number(match.params.issue_number));
      if (!issue) return undefined;
      const at = this.now();
      if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
      if (body.body !== undefined) issue.body = body.body;
      if (Array.isArray(body.labels)) issue.labels = (body.labels as (string | { name?: string })[]).map(entry => make.label(typeof entry === 'string' ? entry : (entry.name ?? ''), this.site));
      // state_reason is ignored unless the state changes.
      if (body.state === 'closed' && issue.state !== 'closed') Object.assign(issue, { state: 'closed', state_reason: body.state_reason ?? 'completed', closed_at: at, closed_by: make.simpleUser(this.login, this.site) });
      if (body.state === 'open' && issue.state !== 'open') Object.assign(issue, { state: 'open', state_reason: 'reopened', closed_at: null, closed_by: null });
      issue.updated_at = at;
      return { status: 200, body: issue };
    },
    'issues/list-comments': ctx => {
      const issueNumber = Number(ctx.match.params.issue_number);
      if (!this.issue(issueNumber)) return undefined;
      const since = ctx.url.searchParams.get('since');
      const comments = this.comments(issueNumber).filter(comment => since === null || Date.parse(comment.updated_at as string) >= Date.parse(since));
      return this.page(comments, ctx);
    },
    'issues/create-comment': ({ match, body }) => {
      const issueNumber = Number(match.params.issue_number);
      if (!this.issue(issueNumber)) return undefined;
      const comment = this.storeComment(issueNumber, this.login, body.body as string, 'NONE');
      return { status: 201, body: comment, headers: { location: comment.url as string } };
    },
    'teams/get-membership-for-user-in-org': ({ match }) => {
      const { org, team_slug, username } = match.params;
      const membership = this.memberships.get(`${org}/${team_slug}/${username}`.toLowerCase());
      return membership && { status: 200, body: membership };
    }
  };

  private deployment(id: string | undefined): ApiObject | undefined {
    return this.deployments.find(deployment => deployment.id === Number(id));
  }
}

/** Starts a fake GitHub on a free port of 127.0.0.1; point octokit's `baseUrl` at `url`. */
export function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(options).start();
}
