import path from 'node:path';
import { shortDigest } from '../../core/canonical.js';
import { BadInputError, ReleaseError, describeError } from '../../shared/errors.js';
import type { Approver } from '../../core/approval.js';
import type { StepRecord, TrafficPoint } from '../../core/timeline.js';
import type { ReleaseTracker, StepOutputs, TrackedStep } from '../store/release-tracker.js';
import type { ReleaseRecord } from '../store/release-store.js';
import type { Logger } from '../../shared/logging/logger.js';
import { readApprovals, checkRunCommit, verifyEnvironmentApproval } from './approval-gate.js';
import type { GitHubClient } from './client.js';
import { DeploymentRecords, type StatusState } from './deployments.js';
import type { GitHubRun } from './environment.js';
import { approveByIssue, shownApproval } from './issue-approval.js';
import { approversRecorded, disagreement, historyOf, replacedRecorded, storyOf, verdictLine, type LogOutcome, type StatusLine } from './release-log.js';

export interface ApprovalSettings {
  mode: 'environment' | 'issue';
  required: boolean;
  forbidSelfApproval: boolean;
  approvers: readonly string[];
  timeoutMs: number;
}

export interface TrackerOptions {
  environment: string;
  service: string;
  environmentUrl?: string;
  /** Unset follows GitHub's rule (an environment named production is one). */
  production?: boolean;
  approval: ApprovalSettings;
  logger: Logger;
  pause: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  /** What reviewers read in the approval issue: versions, digest, migration plan, preview URL. */
  describe: (record: ReleaseRecord) => Promise<string>;
}

/** A release recorded as a GitHub deployment: created by snapshot, a status per step, found again by digest. */
export class GitHubTracker implements ReleaseTracker {
  private readonly records: DeploymentRecords;
  private found: Promise<{ record: ReleaseRecord; lines: StatusLine[] } | null> | undefined;

  constructor(
    private readonly gh: GitHubClient,
    private readonly run: GitHubRun,
    private readonly options: TrackerOptions
  ) {
    this.records = new DeploymentRecords(gh, run);
  }

  /** The release of a job without the record file: by digest, or the one this run started. */
  async find(digest: string | undefined): Promise<ReleaseRecord | null> {
    return (await this.release(digest))?.record ?? null;
  }

  private release(digest: string | undefined): Promise<{ record: ReleaseRecord; lines: StatusLine[] } | null> {
    // A step loads its record more than once; the lookup is done once, before the step writes its own statuses.
    this.found ??= this.lookup(digest);
    return this.found;
  }

  private async lookup(digest: string | undefined): Promise<{ record: ReleaseRecord; lines: StatusLine[] } | null> {
    const release = await this.records.find(this.options.environment, this.options.service, digest ? { digest } : { runId: this.run.runId });
    if (!release) return null;
    const lines = await this.records.statusLines(release.id);
    const { phase, history } = historyOf(lines);
    const story = storyOf(lines, release.snapshot.snapshot.live_color);
    this.options.logger.info(`release ${release.snapshot.digest} found in GitHub deployment ${release.id}`);
    return { record: { snapshot: release.snapshot, phase, history, deployment: release.id, sealed: true, ...story }, lines };
  }

  /**
   * A record read from the file `where`, checked against the release's deployment, which stays the
   * source of truth: the file may not claim a phase its statuses do not record. A file without a
   * phase (a bare snapshot) takes the deployment's. The canary's story is the file's when it has
   * one (every interval, each check), else the deployment's (each step's verdict).
   */
  async confirm(record: ReleaseRecord, where: string): Promise<ReleaseRecord> {
    const found = await this.release(record.snapshot.digest);
    if (!found) return record;
    const { record: truth, lines } = found;
    const story = { traffic: record.traffic?.length ? record.traffic : truth.traffic, analysis: record.analysis?.length ? record.analysis : truth.analysis };
    if (record.phase === undefined) return { ...record, ...story, phase: truth.phase, history: truth.history, deployment: truth.deployment, sealed: true };
    const problem = disagreement(record.phase, lines);
    if (!problem) return { ...record, ...story };
    throw new BadInputError(
      `${where} and the release's GitHub deployment ${truth.deployment} disagree: ${problem}. The deployment is the source of truth. ` +
        'Restore the file as cutover wrote it (from the workflow artifact), or remove it so the step reads the release from its deployment, and run the steps the deployment lacks.'
    );
  }

  async created(record: ReleaseRecord, serialized: string): Promise<number> {
    // Approvals already in the run's log belong to earlier gates; promote needs one given after this.
    const approvalsBefore = await readApprovals(this.gh, this.run);
    const ref = record.snapshot.snapshot.source.git_sha ?? this.run.sha;
    if (!ref) throw new ReleaseError('the snapshot has no commit to create the GitHub deployment for: GITHUB_SHA is not set.');
    // Recorded with the release, so that finding the live release later takes a few requests, not one per deployment.
    const liveBefore = await this.records.live(this.options.environment, this.options.service);
    const release = await this.records.create({
      snapshot: record.snapshot,
      serialized,
      environment: this.options.environment,
      ref,
      production: this.options.production,
      approvalsBefore,
      liveBefore
    });
    await this.status(release.id, 'in_progress', 'snapshot', 'done', `live ${record.snapshot.snapshot.live_color}`);
    return release.id;
  }

  async begin(record: ReleaseRecord, step: TrackedStep): Promise<void> {
    if (record.deployment) await this.status(record.deployment, 'in_progress', step, 'started', '');
  }

  async finished(record: ReleaseRecord, step: TrackedStep, outputs: StepOutputs): Promise<void> {
    const id = record.deployment;
    if (!id) return;
    if (outputs.proposal) {
      // Written for a Safe's owners: the deployment waits on them, and the step's re-run records the outcome.
      await this.status(id, 'pending', step, 'proposed', `written to ${path.basename(outputs.proposal)}; run ${step} again once the Safe executed it`);
    } else if (step === 'promote') {
      const replaced = await this.replaced(id);
      const approvers = JSON.parse(outputs.approvers || '[]') as Approver[];
      const detail = [approvers.length ? `approved by ${approvers.map(a => a.user).join(', ')}` : '', replaced.length ? `replaced ${replaced.map(r => `#${r}`).join(' ')}` : '']
        .filter(Boolean)
        .join('; ');
      await this.status(id, 'success', step, 'done', detail);
      // GitHub leaves earlier production deployments active; the release they held is no longer live.
      for (const other of replaced) await this.status(other, 'inactive', step, 'done', `replaced by ${shortDigest(record.snapshot.digest)}`);
    } else if (step === 'rollback') {
      const lines = await this.records.statusLines(id);
      await this.status(id, 'inactive', step, 'done', 'rolled back');
      for (const other of replacedRecorded(lines)) await this.status(other, 'success', step, 'done', `live again after rollback of ${shortDigest(record.snapshot.digest)}`);
    } else if (step === 'drill') {
      // The drill ends where it started: this release's version serves nobody.
      await this.status(id, 'inactive', step, 'done', 'drill: promoted, failed on purpose, rolled back to the snapshot');
    } else {
      await this.status(id, step === 'contract' ? 'success' : 'in_progress', step, 'done', '');
    }
  }

  async failed(record: ReleaseRecord, step: TrackedStep, message: string): Promise<void> {
    if (record.deployment) await this.status(record.deployment, 'failure', step, 'failed', message);
  }

  async judged(record: ReleaseRecord, verdict: StepRecord, point: TrafficPoint): Promise<void> {
    const id = record.deployment;
    if (!id) return;
    const { step, outcome, detail } = verdictLine(verdict, point, record.snapshot.snapshot.idle_color);
    await this.warnOnFailure(`step ${verdict.step + 1}'s verdict`, () => this.status(id, 'in_progress', step, outcome, detail));
  }

  async rolledBack(record: ReleaseRecord, detail: string): Promise<void> {
    const id = record.deployment;
    if (!id) return;
    // Inactive, as after a rollback step: this release's version serves nobody. Promote's failure follows as the latest state.
    await this.warnOnFailure('the automatic rollback', () => this.status(id, 'inactive', 'rollback', 'done', detail));
  }

  async approve(record: ReleaseRecord): Promise<Approver[]> {
    const { approval } = this.options;
    const releaseSha = record.snapshot.snapshot.source.git_sha;
    if (approval.mode === 'issue') {
      const run = await checkRunCommit(this.gh, this.run, releaseSha);
      const author = [run.actor, run.triggeringActor, record.snapshot.snapshot.source.actor].filter((a): a is string => !!a);
      const result = await approveByIssue(this.gh, this.run, {
        title: `Approve release of ${this.options.service} to ${this.options.environment} (${shortDigest(record.snapshot.digest)})`,
        body: await this.options.describe(record),
        approvers: approval.approvers,
        forbidden: approval.forbidSelfApproval ? author : [],
        timeoutMs: approval.timeoutMs,
        logger: this.options.logger,
        pause: this.options.pause,
        signal: this.options.signal
      });
      if (!result.approved) throw new ReleaseError(`promotion not approved on ${result.issueUrl}: ${result.user ? `denied by ${result.user}` : result.reason}.`, 'not-approved');
      return [{ user: result.user ?? '', comment: result.reason }];
    }
    const baseline = record.deployment ? await this.baselineOf(record.deployment) : [];
    const lines = record.deployment ? await this.records.statusLines(record.deployment) : [];
    const gate = await verifyEnvironmentApproval(this.gh, this.run, {
      environment: this.options.environment,
      requireApproval: approval.required,
      forbidSelfApproval: approval.forbidSelfApproval,
      releaseSha,
      baseline,
      consumedLogins: approversRecorded(lines)
    });
    // Recorded at once, so that a later attempt of this run needs a new approval even if this one fails.
    if (record.deployment && gate.approvers.length) {
      await this.status(record.deployment, 'in_progress', 'promote', 'started', `approved by ${gate.approvers.map(a => a.user).join(', ')}`);
    }
    // Judged and recorded as GitHub has them; shown as an answer to the approval issue is: anyone's text, one line.
    return gate.approvers.map(a => {
      const { user, reason } = shownApproval(a.user, a.comment);
      return { user, comment: reason };
    });
  }

  /** The release a promotion replaces: the one live before it, if it can be found. */
  private async replaced(id: number): Promise<number[]> {
    const live = await this.records.live(this.options.environment, this.options.service, id);
    if (live === undefined) this.options.logger.warn('could not tell which earlier release was live: none is marked inactive on GitHub');
    return typeof live === 'number' ? [live] : [];
  }

  private async baselineOf(id: number) {
    return (await this.records.get(id))?.approvalsBefore ?? [];
  }

  private async status(id: number, state: StatusState, step: TrackedStep, outcome: LogOutcome, detail: string): Promise<void> {
    await this.records.addStatus(id, state, { step, outcome, detail }, { environmentUrl: this.options.environmentUrl });
  }

  /** A report GitHub refuses during a step is a warning: the step's own outcome decides success. */
  private async warnOnFailure(what: string, report: () => Promise<void>): Promise<void> {
    try {
      await report();
    } catch (error) {
      this.options.logger.warn(`could not record ${what} on the GitHub deployment: ${describeError(error)}`);
    }
  }
}
