import { diffJson, formatChanges, shortDigest } from './canonical.js';
import { DriftError, ReleaseError } from '../shared/errors.js';
import { describeRouterState, routerDigest, withWeights, type RouterState } from './router-state.js';
import type { SealedSnapshot } from './snapshot.js';
import { weightsAllOn, type Weights } from './weights.js';

/**
 * The release as a state machine:
 *
 *   snapshotted ─► deployed ─► promoted ─► contracted
 *        ▲            ▲            │
 *        └────────────┴── rolled-back ◄┘
 *
 * expand and migrate run before promotion and leave the phase alone: the
 * schema they add works with both versions, so a rollback stays possible
 * until contract removes what the old version needs.
 *
 * Each step is idempotent. The phase recorded by the release store (when there
 * is one) and the position the router is observed in decide together whether a
 * step runs, has already happened, or must refuse.
 */
export type Phase = 'snapshotted' | 'deployed' | 'promoted' | 'rolled-back' | 'contracted';
/** Steps that move traffic; the database steps leave the router alone. */
export type RouterStep = 'deploy' | 'promote' | 'rollback';
export type DatabaseStep = 'expand' | 'migrate' | 'contract';
export type Step = RouterStep | DatabaseStep;

/**
 * Where the router stands relative to this release. `canary`: part of the
 * traffic on the idle color, at a split this release's traffic steps set, as
 * a run stopped mid-canary leaves it.
 */
export type Position = 'as-snapshot' | 'promoted' | 'canary' | 'drifted';

export type Decision =
  | { outcome: 'run'; target: RouterState }
  | { outcome: 'already-done'; reason: string };

/** Phase each successful step leaves the release in. */
export const PHASE_AFTER: Record<RouterStep, Phase> = {
  deploy: 'deployed',
  promote: 'promoted',
  rollback: 'rolled-back'
};

/**
 * The phase a router step records when it finds its work already done: the router holding the
 * target is what that step would have left. A contracted release stays contracted (promote finding
 * traffic promoted must not undo what protects it from a rollback), and a rollback that had nothing
 * to undo leaves the phase alone unless the release was promoted (calling a deployed release
 * rolled back would let promote skip deploy).
 */
export function phaseWhenAlreadyDone(step: 'promote' | 'rollback', recorded: Phase | undefined): Phase | undefined {
  if (recorded === 'contracted') return recorded;
  if (step === 'rollback' && recorded !== 'promoted') return recorded;
  return PHASE_AFTER[step];
}

export function snapshotState(sealed: SealedSnapshot): RouterState {
  return sealed.snapshot.router.state;
}

/** The router state a finished promotion leaves: everything on the idle color, nothing else changed. */
export function promotedState(sealed: SealedSnapshot): RouterState {
  return withWeights(snapshotState(sealed), weightsAllOn(sealed.snapshot.idle_color));
}

/**
 * `splits` are the weights this release's traffic steps set (or may set); a
 * router at one of them, with nothing else changed, is mid-canary, not drifted.
 */
export function positionOf(sealed: SealedSnapshot, current: RouterState, splits: readonly Weights[] = []): Position {
  const digest = routerDigest(current);
  if (digest === sealed.snapshot.router.digest) return 'as-snapshot';
  if (digest === routerDigest(promotedState(sealed))) return 'promoted';
  if (splits.some(weights => digest === routerDigest(withWeights(snapshotState(sealed), weights)))) return 'canary';
  return 'drifted';
}

/**
 * Decides what `step` must do. Throws `DriftError` when the router holds a
 * state this release did not produce, and `ReleaseError` when the step cannot
 * follow from the recorded phase. Neither case changes anything.
 */
export function decide(step: RouterStep, sealed: SealedSnapshot, current: RouterState, phase?: Phase, splits: readonly Weights[] = []): Decision {
  const position = positionOf(sealed, current, splits);
  if (position === 'drifted') throw driftError(step, sealed, current);
  const idle = sealed.snapshot.idle_color;
  switch (step) {
    case 'deploy':
      if (position === 'promoted') {
        throw new ReleaseError(
          `deploy: ${idle} already serves all traffic (this release was promoted). Deploying onto it now would hit live users; roll back first or start a new release with a new snapshot.`,
          'unchanged'
        );
      }
      if (current.weights[idle] > 0) {
        throw new ReleaseError(
          `deploy: ${idle} carries ${current.weights[idle]}% of traffic. cutover deploys only to a color that serves nobody; finish or roll back the running split first, then take a new snapshot.`,
          'unchanged'
        );
      }
      return { outcome: 'run', target: current };
    case 'promote':
      if (position === 'promoted') {
        return { outcome: 'already-done', reason: `already promoted: ${idle} serves 100% of traffic` };
      }
      if (phase === 'snapshotted') {
        throw new ReleaseError(`promote: ${idle} has not been deployed in this release. Run the deploy step first.`, 'unchanged');
      }
      return { outcome: 'run', target: promotedState(sealed) };
    case 'rollback':
      if (phase === 'contracted') {
        throw new ReleaseError(
          `rollback: this release's contract already ran, so the schema the old version needs is gone. Rolling traffic back now would send users to a version that fails. Fix forward with a new release instead.`,
          'fix-forward'
        );
      }
      if (position === 'as-snapshot') {
        return { outcome: 'already-done', reason: `already as the snapshot recorded: ${describeRouterState(current)}` };
      }
      return { outcome: 'run', target: snapshotState(sealed) };
  }
}

export function driftError(step: string, sealed: SealedSnapshot, current: RouterState): DriftError {
  const expected = snapshotState(sealed);
  return new DriftError(
    [
      `${step}: the router changed since the snapshot, so this release will not touch it.`,
      `  snapshot ${shortDigest(sealed.digest)} recorded router state ${sealed.snapshot.router.digest}`,
      `    ${describeRouterState(expected)}`,
      `  router now holds state ${routerDigest(current)}`,
      `    ${describeRouterState(current)}`,
      `  differences:`,
      formatChanges(diffJson(expected, current)).replace(/^/gm, '  '),
      'Someone else changed traffic. Find out who, then take a new snapshot and start the release again.'
    ].join('\n')
  );
}
