import { judgeApprovals, type Approval } from '../../core/approval.js';
import { ReleaseError } from '../../shared/errors.js';
import type { GitHubClient } from './client.js';
import type { GitHubRun } from './environment.js';
import { gitHubRead } from './requests.js';

export interface RunFacts {
  headSha: string;
  runAttempt: number;
  actor: string | null;
  triggeringActor: string | null;
}

export async function readRun(gh: GitHubClient, run: GitHubRun): Promise<RunFacts> {
  const { data } = await gitHubRead('read this workflow run', 'actions: read', () =>
    gh.rest.actions.getWorkflowRun({ owner: run.owner, repo: run.repo, run_id: run.runId })
  );
  return { headSha: data.head_sha, runAttempt: data.run_attempt ?? 1, actor: data.actor?.login ?? null, triggeringActor: data.triggering_actor?.login ?? null };
}

/** The run's approval log: every review of every environment gate, for all attempts. */
export async function readApprovals(gh: GitHubClient, run: GitHubRun): Promise<Approval[]> {
  const { data } = await gitHubRead('read the approvals of this workflow run', 'actions: read', () =>
    gh.rest.actions.getReviewsForRun({ owner: run.owner, repo: run.repo, run_id: run.runId })
  );
  return data.map(review => ({
    environments: review.environments.map(e => e.name ?? ''),
    state: review.state,
    user: review.user.login,
    comment: review.comment ?? ''
  }));
}

/** Whether the environment has a required-reviewers rule with at least one reviewer. */
export async function hasRequiredReviewers(gh: GitHubClient, run: GitHubRun, environment: string): Promise<boolean> {
  let data;
  try {
    ({ data } = await gh.rest.repos.getEnvironment({ owner: run.owner, repo: run.repo, environment_name: environment }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      throw new ReleaseError(
        `environment "${environment}" does not exist in ${run.owner}/${run.repo}. Bind the promote job to it (\`environment: ${environment}\`) and give it required reviewers under Settings → Environments.`,
        'unchanged'
      );
    }
    return gitHubRead(`read environment "${environment}"`, 'actions: read', () => Promise.reject(error));
  }
  return (data.protection_rules ?? []).some(rule => rule.type === 'required_reviewers' && 'reviewers' in rule && (rule.reviewers?.length ?? 0) > 0);
}

export interface GateFacts {
  environment: string;
  requireApproval: boolean;
  forbidSelfApproval: boolean;
  /** The commit the release was prepared from. */
  releaseSha: string | null;
  baseline: readonly Approval[];
  /** Logins whose approvals earlier promote attempts of this release used. */
  consumedLogins: readonly string[];
}

export interface GateResult {
  approvers: { user: string; comment: string }[];
  runAttempt: number;
}

/**
 * The checks promote makes before moving traffic in GitHub Actions: the
 * environment really has reviewers (a plan without them drops the rule
 * silently), the run builds the commit the release was prepared from, and the
 * run's log holds a fresh approval for this environment and no rejection.
 */
export async function verifyEnvironmentApproval(gh: GitHubClient, run: GitHubRun, facts: GateFacts): Promise<GateResult> {
  if (facts.requireApproval && !(await hasRequiredReviewers(gh, run, facts.environment))) {
    throw new ReleaseError(
      `environment "${facts.environment}" has no required reviewers, so nobody approved this promotion. ` +
        'Add reviewers under Settings → Environments (private repositories need a plan that keeps the rule), ' +
        'or use approval: issue on plans without environment reviewers, or set require-approval: false to promote without approval.',
      'not-approved'
    );
  }
  const runFacts = await checkRunCommit(gh, run, facts.releaseSha);
  const log = await readApprovals(gh, run);
  const consumed = consumedApprovals(log, facts.environment, facts.consumedLogins);
  const verdict = judgeApprovals({
    environment: facts.environment,
    log,
    baseline: facts.baseline,
    consumed,
    actor: runFacts.actor,
    triggeringActor: runFacts.triggeringActor,
    forbidSelfApproval: facts.forbidSelfApproval
  });
  if (!verdict.approved) {
    if (facts.requireApproval) throw new ReleaseError(verdict.reason, 'not-approved');
    return { approvers: [], runAttempt: runFacts.runAttempt };
  }
  return { approvers: verdict.approvers, runAttempt: runFacts.runAttempt };
}

/** Refuses a run that builds another commit than the one the release was prepared from. */
export async function checkRunCommit(gh: GitHubClient, run: GitHubRun, releaseSha: string | null): Promise<RunFacts> {
  const runFacts = await readRun(gh, run);
  if (releaseSha && runFacts.headSha !== releaseSha) {
    throw new ReleaseError(
      `this run builds ${runFacts.headSha}, but the release was prepared from ${releaseSha}. Promote from the run that prepared it, or prepare a new release for this commit.`,
      'unchanged'
    );
  }
  return runFacts;
}

/** The approvals in the log that earlier attempts used, one entry per recorded login. */
function consumedApprovals(log: readonly Approval[], environment: string, logins: readonly string[]): Approval[] {
  const left = [...log];
  return logins.flatMap(login => {
    const index = left.findIndex(
      a => a.state === 'approved' && a.user.toLowerCase() === login.toLowerCase() && a.environments.some(e => e.toLowerCase() === environment.toLowerCase())
    );
    return index < 0 ? [] : left.splice(index, 1);
  });
}
