import type { Approval } from '../core/approval.js';
import { ReleaseError } from '../core/errors.js';
import { parseSnapshot, type SealedSnapshot } from '../core/snapshot.js';
import type { GitHubClient } from './client.js';
import type { GitHubRun } from './environment.js';
import { formatLogLine, parseLogLine, type LogLine, type StatusLine } from './release-log.js';

/** Marks cutover's deployments among others in the same environment. */
export const DEPLOYMENT_TASK = 'deploy:cutover';
/** How far back a later job looks for its release: 5 pages of 100 deployments. */
const SEARCH_PAGES = 5;

/** What a deployment carries: the snapshot and the approvals already in the run's log when it was taken. */
export interface ReleaseDeployment {
  id: number;
  snapshot: SealedSnapshot;
  approvalsBefore: Approval[];
}

export type StatusState = 'in_progress' | 'pending' | 'success' | 'failure' | 'inactive';

export interface StatusLinks {
  environmentUrl?: string;
}

interface Payload {
  cutover: { snapshot: unknown; approvals_before: Approval[] };
}

export interface NewDeployment {
  snapshot: SealedSnapshot;
  serialized: string;
  environment: string;
  ref: string;
  production?: boolean;
  approvalsBefore: Approval[];
}

/** The deployments of one repository that hold cutover releases. */
export class DeploymentRecords {
  constructor(
    private readonly gh: GitHubClient,
    private readonly run: GitHubRun
  ) {}

  private get repo() {
    return { owner: this.run.owner, repo: this.run.repo };
  }

  /** A deployment that never merges a branch and never waits on unrelated checks. */
  async create(release: NewDeployment): Promise<ReleaseDeployment> {
    const payload: Payload = { cutover: { snapshot: JSON.parse(release.serialized), approvals_before: release.approvalsBefore } };
    const { snapshot } = release.snapshot;
    const response = await this.gh.rest.repos.createDeployment({
      ...this.repo,
      ref: release.ref,
      task: DEPLOYMENT_TASK,
      auto_merge: false,
      required_contexts: [],
      payload: payload as unknown as Record<string, unknown>,
      environment: release.environment,
      description: `cutover release of ${snapshot.service} from ${release.snapshot.digest}`.slice(0, 140),
      transient_environment: false,
      ...(release.production === undefined ? {} : { production_environment: release.production })
    });
    if (response.status !== 201 || !('id' in response.data)) {
      throw new ReleaseError(`GitHub did not create the deployment for ${release.environment}: ${JSON.stringify(response.data)}`);
    }
    return { id: response.data.id, snapshot: release.snapshot, approvalsBefore: release.approvalsBefore };
  }

  async addStatus(id: number, state: StatusState, line: LogLine, links: StatusLinks = {}): Promise<void> {
    await this.gh.rest.repos.createDeploymentStatus({
      ...this.repo,
      deployment_id: id,
      state,
      description: formatLogLine(line),
      log_url: this.run.runUrl,
      // cutover marks replaced releases inactive itself, the same way for production and other environments.
      auto_inactive: false,
      ...(links.environmentUrl ? { environment_url: links.environmentUrl } : {})
    });
  }

  async get(id: number): Promise<ReleaseDeployment | null> {
    const { data } = await this.gh.rest.repos.getDeployment({ ...this.repo, deployment_id: id });
    return this.releaseOf(data.id, data.payload);
  }

  /** The statuses cutover wrote, oldest first. */
  async statusLines(id: number): Promise<(StatusLine & { state: string })[]> {
    const statuses = await this.gh.paginate(this.gh.rest.repos.listDeploymentStatuses, { ...this.repo, deployment_id: id, per_page: 100 });
    return statuses
      .flatMap(status => {
        const line = parseLogLine(status.description);
        return line ? [{ line, at: status.created_at, state: status.state }] : [];
      })
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /**
   * The release of `service` in `environment`: the one with `digest`, or
   * without a digest the one this workflow run started. Null when none is found.
   */
  async find(environment: string, service: string, match: { digest?: string; runId?: number }): Promise<ReleaseDeployment | null> {
    let pages = 0;
    for await (const page of this.gh.paginate.iterator(this.gh.rest.repos.listDeployments, { ...this.repo, environment, task: DEPLOYMENT_TASK, per_page: 100 })) {
      for (const deployment of page.data) {
        const release = this.releaseOf(deployment.id, deployment.payload);
        if (!release || release.snapshot.snapshot.service !== service) continue;
        if (match.digest ? release.snapshot.digest === match.digest : release.snapshot.snapshot.source.run_id === String(match.runId)) return release;
      }
      if (++pages >= SEARCH_PAGES) break;
    }
    return null;
  }

  /** Other releases of `service` whose latest status says live: the ones this release replaces. */
  async live(environment: string, service: string, except: number): Promise<number[]> {
    const { data } = await this.gh.rest.repos.listDeployments({ ...this.repo, environment, task: DEPLOYMENT_TASK, per_page: 100 });
    const ids: number[] = [];
    for (const deployment of data) {
      if (deployment.id === except || this.releaseOf(deployment.id, deployment.payload)?.snapshot.snapshot.service !== service) continue;
      const { data: statuses } = await this.gh.rest.repos.listDeploymentStatuses({ ...this.repo, deployment_id: deployment.id, per_page: 1 });
      if (statuses[0]?.state === 'success') ids.push(deployment.id);
    }
    return ids;
  }

  /** Reads a deployment's payload; deployments that are not cutover's, or whose snapshot fails its digest, are skipped. */
  private releaseOf(id: number, payload: unknown): ReleaseDeployment | null {
    const raw = typeof payload === 'string' ? safeJson(payload) : payload;
    const cutover = (raw as Partial<Payload> | null)?.cutover;
    if (!cutover?.snapshot) return null;
    try {
      const snapshot = parseSnapshot(JSON.stringify(cutover.snapshot), `deployment ${id}`);
      return { id, snapshot, approvalsBefore: Array.isArray(cutover.approvals_before) ? cutover.approvals_before : [] };
    } catch {
      return null;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
