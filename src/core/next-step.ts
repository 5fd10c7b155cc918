import type { FailureCause } from '../shared/errors.js';
import type { Position } from './release.js';

/** The steps a release reports on. */
export type ReportedStep = 'snapshot' | 'deploy' | 'expand' | 'migrate' | 'promote' | 'rollback' | 'contract' | 'drill';

export interface FailureFacts {
  step: ReportedStep;
  /** What the error says about where it left the release; undefined when it cannot know. */
  cause: FailureCause | undefined;
  /** Where the router stands now; unknown when it could not be read, or there is no router. */
  position: Position | 'unknown';
  /** The router's split now, for people (`blue 90% / green 10%`); null when unknown. */
  weightsNow: string | null;
  /** Whether this release's contract has started: the way back may be gone. */
  contractStarted: boolean;
}

export interface Advice {
  cause: FailureCause;
  /** What to do next, for the summary and the error annotation. */
  next: string;
}

/**
 * The cause of a failure that did not say: what the present state shows. A router step is judged
 * by where traffic is now; a database step by whether contract started.
 */
function inferredCause(facts: FailureFacts): FailureCause {
  const { step, position } = facts;
  if (position === 'drifted') return 'drifted';
  if (facts.contractStarted) return step === 'contract' ? 'resumable' : 'fix-forward';
  // A database step that failed without saying why may have done part of its work.
  if (step === 'expand' || step === 'migrate' || step === 'contract') return 'resumable';
  if (step === 'snapshot' || step === 'deploy') return 'unchanged';
  if (position === 'as-snapshot') return step === 'promote' ? 'unchanged' : 'back-on-snapshot';
  if (position === 'canary' || (position === 'promoted' && step !== 'promote')) return 'traffic-moved';
  return 'unchanged';
}

const RESUMES: Partial<Record<ReportedStep, string>> = {
  expand: 'it resumes at the statement that failed',
  migrate: 'the backfill resumes after its last committed batch',
  contract: 'it resumes at the statement that failed'
};

function adviceText(cause: FailureCause, facts: FailureFacts): string {
  const { step } = facts;
  switch (cause) {
    case 'unchanged':
      return step === 'deploy'
        ? 'No traffic moved: the live color serves as before. Fix the deploy and run deploy again.'
        : `Nothing changed: ${step === 'snapshot' ? 'traffic is' : 'traffic and schema are'} as before. Fix the cause above and run ${step} again.`;
    case 'not-approved':
      return 'Nothing changed. A required reviewer approves the deployment in GitHub (Review deployments, on the run), then re-run the promote job.';
    case 'back-on-snapshot':
      return step === 'rollback'
        ? 'Traffic is as the snapshot recorded: the way back is done. Fix what it reported above before the next release.'
        : 'Traffic is already back as the snapshot recorded: there is nothing to roll back. Fix the new version, deploy it again and promote; or leave the old version serving.';
    case 'fix-forward':
      return 'Do not roll back: contract removed what the old version needs, so it would fail. Fix forward: release a fixed version from a new snapshot.';
    case 'soaking':
      return 'Nothing changed, and rollback is still safe. Wait until the time contract names above (or finish the promotion) and run contract again; to contract now anyway, run it with force and the reason, which is recorded.';
    case 'drifted':
      return 'Nothing changed by this release: someone else changed traffic or the schema. Find out who, then take a new snapshot and start the release again.';
    case 'resumable':
      return step === 'contract'
        ? `Rollback is no longer safe: contract has started. Run contract again: ${RESUMES.contract}. If the new version fails, fix forward.`
        : // A promote that stopped after its switch (a mined upgrade awaiting confirmations) has moved traffic.
          `${facts.position === 'promoted' || facts.position === 'canary' ? `Traffic is at ${facts.weightsNow ?? 'a split this release set'}` : 'No traffic moved'}. Run ${step} again: ${RESUMES[step] ?? 'it resumes where it stopped'}.`;
    case 'traffic-moved':
      return `Traffic is left at ${facts.weightsNow ?? 'a split this release set'}. Run rollback to return to the snapshot, or fix the cause and run ${step === 'rollback' ? 'rollback' : 'promote'} again.`;
  }
}

/** The advice after a refused or failed step, chosen by its cause, or by the present state when it gave none. */
export function adviceAfterFailure(facts: FailureFacts): Advice {
  const cause = facts.cause ?? inferredCause(facts);
  return { cause, next: adviceText(cause, facts) };
}
