import { otherColor } from './color.js';
import type { Phase } from './release.js';
import type { SealedSnapshot } from './snapshot.js';
import type { Weights } from './weights.js';

export interface ContractFacts {
  sealed: SealedSnapshot;
  /** Unknown when the release came as a bare snapshot, without its record. */
  phase: Phase | undefined;
  /** The router's weights now, read just before the check. */
  weights: Weights;
  /** When promotion finished, from the release record; unknown without one. */
  promotedAt: Date | undefined;
  now: Date;
  soakMs: number;
}

/**
 * Why contract may not run yet: it drops what the old version needs, so it
 * waits until promotion succeeded, the old color serves nothing, and the new
 * version has run long enough to trust. An empty list means it may run.
 */
export function contractBlockers(facts: ContractFacts): string[] {
  const blockers: string[] = [];
  const oldColor = facts.sealed.snapshot.live_color;
  const newColor = otherColor(oldColor);
  if (facts.phase !== undefined && facts.phase !== 'promoted' && facts.phase !== 'contracted') {
    blockers.push(`promotion has not succeeded: the release is ${facts.phase}`);
  }
  if (facts.weights[oldColor] > 0) {
    blockers.push(`the old color ${oldColor} still gets ${facts.weights[oldColor]}% of traffic (the router reads ${oldColor} ${facts.weights[oldColor]}%, ${newColor} ${facts.weights[newColor]}%)`);
  }
  if (facts.promotedAt === undefined) {
    blockers.push('the release record has no promotion time, so the soak time cannot be checked (run contract with the record the promote step wrote)');
  } else {
    const soaked = facts.now.getTime() - facts.promotedAt.getTime();
    if (soaked < facts.soakMs) {
      blockers.push(`the new version has served for ${Math.floor(soaked / 1000)}s of the ${Math.ceil(facts.soakMs / 1000)}s soak time (database.contract.soak); contract may run from ${new Date(facts.promotedAt.getTime() + facts.soakMs).toISOString()}`);
    }
  }
  return blockers;
}

export interface ContractEvidence {
  /** Whether phase and history are evidence (a sealed record, or the release's GitHub deployment). */
  sealed: boolean;
  phase: Phase | undefined;
  history: readonly { step: string; outcome: string; at: string }[];
}

/**
 * Why the release record alone cannot show that contract never ran, or null when it can: a sealed
 * record, in a known phase before contract, with no contract started in its history (contract
 * records that it starts before it touches the database). Rollback asks this when the database,
 * the source of truth, cannot be read.
 */
export function contractNotRuledOut(evidence: ContractEvidence): string | null {
  if (!evidence.sealed) return 'the release record is not sealed (a bare snapshot, or a record without a record digest), so it cannot show what ran';
  if (evidence.phase === undefined) return 'the release record does not say how far the release got';
  if (evidence.phase === 'contracted') return 'the release record says contract ran';
  const started = evidence.history.find(entry => entry.step === 'contract');
  return started ? `the release record shows contract ${started.outcome} at ${started.at}` : null;
}
