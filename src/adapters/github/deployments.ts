import type { Approval } from '../../core/approval.js';
import { ReleaseError } from '../../shared/errors.js';
import { parseSnapshot, type SealedSnapshot } from '../../core/snapshot.js';
import type { GitHubClient } from './client.js';
import type { GitHubRun } from './environment.js';
import { formatLogLine, parseLogLine, type LogLine, type StatusLine } from './release-log.js';

/** Marks cutover's deployments among others in the same environment. */
export const DEPLOYMENT_TASK = 'deploy:cutover';
/** How far back a later job looks for its release: 5 pages of 100 deployments. */
const SEARCH_PAGES = 5;
/** How many releases' latest status the search for the live one reads at most. */
const LIVE_READS = 20;

/**
 * What a deployment carries: the snapshot, the approvals already in the run's log when it was
 * taken, and the release that was live then (null: none; undefined: not recorded, as by
 * cutover versions before it was).
 */
export interface ReleaseDeployment {
  id: number;
  snapshot: SealedSnapshot;
  approvalsBefore: Approval[];
  liveBefore?: number | null;
}

export type StatusState = 'in_progress' | 'pending' | 'success' | 'failure' | 'inactive';

export interface StatusLinks {
  environmentUrl?: string;
}

interface Payload {
  cutover: { snapshot: unknown; approvals_before: Approval[]; live_before?: number | null };
}

export interface NewDeployment {
  snapshot: SealedSnapshot;
  serialized: string;
  environment: string;
  ref: string;
  production?: boolean;
  approvalsBefore: Approval[];
  /** The release live when this one was snapshotted, as live() found it. */
  liveBefore: number | null | undefined;
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
    const payload: Payload = {
      cutover: {
        snapshot: JSON.parse(release.serialized),
        approvals_before: release.approvalsBefore,
        ...(release.liveBefore === undefined ? {} : { live_before: release.liveBefore })
      }
    };
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
    return { id: response.data.id, snapshot: release.snapshot, approvalsBefore: release.approvalsBefore, liveBefore: release.liveBefore };
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
    return releaseOf(data.id, data.payload);
  }

  /** The statuses cutover wrote, oldest first: by time, then by id, since GitHub's times are whole seconds. */
  async statusLines(id: number): Promise<(StatusLine & { state: string })[]> {
    const statuses = await this.gh.paginate(this.gh.rest.repos.listDeploymentStatuses, { ...this.repo, deployment_id: id, per_page: 100 });
    return [...statuses]
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id)
      .flatMap(status => {
        const line = parseLogLine(status.description);
        return line ? [{ line, at: status.created_at, state: status.state }] : [];
      });
  }

  /**
   * The release of `service` in `environment`: the one with `digest`, or
   * without a digest the one this workflow run started. Null when none is found.
   */
  async find(environment: string, service: string, match: { digest?: string; runId?: number }): Promise<ReleaseDeployment | null> {
    let pages = 0;
    for await (const page of this.gh.paginate.iterator(this.gh.rest.repos.listDeployments, { ...this.repo, environment, task: DEPLOYMENT_TASK, per_page: 100 })) {
      for (const deployment of page.data) {
        const release = releaseOf(deployment.id, deployment.payload);
        if (!release || release.snapshot.snapshot.service !== service) continue;
        if (match.digest ? release.snapshot.digest === match.digest : release.snapshot.snapshot.source.run_id === String(match.runId)) return release;
      }
      if (++pages >= SEARCH_PAGES) break;
    }
    return null;
  }

  /**
   * The release of `service` that serves the environment (its latest status is `success`), other
   * than `except`: null when none does, undefined when the search gave up.
   *
   * Walking every deployment's statuses would cost a request per deployment. Instead each release
   * records the one live when it was snapshotted (`live_before`), and the walk starts at the newest
   * release and follows those links: a release that is not live left live what was live before it
   * (it failed, was rolled back, or never got that far), so the releases in between need no
   * reading. A release from before `live_before` was recorded, and `except` (the release being
   * promoted, never read), send the walk on to the next older release instead.
   */
  async live(environment: string, service: string, except?: number): Promise<number | null | undefined> {
    const listing = new ReleaseListing(this.gh, this.repo, environment, service, id => this.get(id));
    let release = await listing.olderThan(Number.POSITIVE_INFINITY);
    for (let reads = 0; release; ) {
      if (release.id !== except) {
        if (reads++ >= LIVE_READS) return undefined;
        if ((await this.latestState(release.id)) === 'success') return release.id;
      }
      // The release being promoted is passed over: one promoted since its snapshot would be newer than its link.
      const link = release.id === except ? undefined : release.liveBefore;
      if (link === null) return null;
      const linked = link !== undefined && link < release.id ? await listing.byId(link) : null;
      release = linked ?? (await listing.olderThan(link !== undefined && link < release.id ? link : release.id));
    }
    return listing.complete ? null : undefined;
  }

  /** The latest status of a deployment: one request. */
  private async latestState(id: number): Promise<string | undefined> {
    const { data } = await this.gh.rest.repos.listDeploymentStatuses({ ...this.repo, deployment_id: id, per_page: 1 });
    return data[0]?.state;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Reads a deployment's payload; deployments that are not cutover's, or whose snapshot fails its digest, are skipped. */
function releaseOf(id: number, payload: unknown): ReleaseDeployment | null {
  const raw = typeof payload === 'string' ? safeJson(payload) : payload;
  const cutover = (raw as Partial<Payload> | null)?.cutover;
  if (!cutover?.snapshot) return null;
  try {
    const snapshot = parseSnapshot(JSON.stringify(cutover.snapshot), `deployment ${id}`);
    const liveBefore = cutover.live_before === null || Number.isSafeInteger(cutover.live_before) ? cutover.live_before : undefined;
    return { id, snapshot, approvalsBefore: Array.isArray(cutover.approvals_before) ? cutover.approvals_before : [], liveBefore };
  } catch {
    return null;
  }
}

/** The releases of one service in an environment, newest first, listed a page at a time as the search needs them. */
class ReleaseListing {
  private readonly pages: AsyncIterator<{ data: { id: number; payload: unknown }[] }>;
  /** Listed releases of the service, newest first. */
  private readonly releases: ReleaseDeployment[] = [];
  private oldestListed = Number.POSITIVE_INFINITY;
  private pagesRead = 0;
  /** Every page was listed. */
  complete = false;

  constructor(
    gh: GitHubClient,
    repo: { owner: string; repo: string },
    environment: string,
    private readonly service: string,
    private readonly read: (id: number) => Promise<ReleaseDeployment | null>
  ) {
    this.pages = gh.paginate.iterator(gh.rest.repos.listDeployments, { ...repo, environment, task: DEPLOYMENT_TASK, per_page: 100 })[Symbol.asyncIterator]();
  }

  /** The newest release older than `id`; null when there is none within the pages a search lists. */
  async olderThan(id: number): Promise<ReleaseDeployment | null> {
    for (;;) {
      const found = this.releases.find(release => release.id < id);
      if (found) return found;
      if (!(await this.more())) return null;
    }
  }

  /** A release by id: from the pages listed so far, or read by itself. */
  async byId(id: number): Promise<ReleaseDeployment | null> {
    const listed = this.releases.find(release => release.id === id);
    if (listed || id >= this.oldestListed) return listed ?? null;
    try {
      const release = await this.read(id);
      return release?.snapshot.snapshot.service === this.service ? release : null;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  private async more(): Promise<boolean> {
    if (this.complete || this.pagesRead >= SEARCH_PAGES) return false;
    const page = await this.pages.next();
    this.pagesRead++;
    if (page.done) {
      this.complete = true;
      return false;
    }
    for (const deployment of page.value.data) {
      this.oldestListed = Math.min(this.oldestListed, deployment.id);
      const release = releaseOf(deployment.id, deployment.payload);
      if (release?.snapshot.snapshot.service === this.service) this.releases.push(release);
    }
    this.releases.sort((a, b) => b.id - a.id);
    return true;
  }
}
