import { serverColors } from '../config/schema.js';
import { COLORS } from '../core/color.js';
import { decide, PHASE_AFTER, phaseWhenAlreadyDone } from '../core/release.js';
import { describeRouterState, routerDigest } from '../core/router-state.js';
import { liveColorOf } from '../core/weights.js';
import { waitHealthy } from '../adapters/probes/health.js';
import type { Approver } from '../core/approval.js';
import { recordStep, type StepContext, type StepOutputs } from './context.js';
import { checkDatabaseBeforeSwitch } from './database.js';
import { type CanaryOptions, promoteInSteps, splitsOf } from './canary.js';
import { drainColors } from './drain.js';
import { ProposalWritten } from '../adapters/routers/router.js';
import { ReleaseError } from '../shared/errors.js';

/** Whether promotion goes in traffic steps with analysis, or in one switch as `traffic.steps: [100]` with no analysis does. */
function inSteps(context: StepContext): boolean {
  return context.config.traffic.steps.length > 1 || context.config.analysis !== undefined;
}

/** A short look at health right before a switch: the color was healthy at deploy, but that may have changed. */
const PREFLIGHT_MS = 15_000;

/**
 * Moves traffic for `promote` (everything to the idle color) or `rollback`
 * (exactly the snapshot's state). Refuses when the router drifted, checks that
 * every color about to get traffic is healthy, and reports done only once the
 * router serves the new state. `force`: the reason to roll back although
 * nothing can show that contract never ran.
 */
export async function switchTraffic(context: StepContext, step: 'promote' | 'rollback', canary: CanaryOptions = {}, force?: string): Promise<StepOutputs> {
  const { config, logger } = context;
  const record = await context.store.load();
  const title = step === 'promote' ? `Promote ${record.snapshot.snapshot.idle_color}` : 'Rollback';
  return logger.group(title, async () => {
    const current = await context.router.read();
    const decision = decide(step, record.snapshot, current, record.phase, splitsOf(context, record));
    let approvers: Approver[] = [];
    const outputs = (state = current): StepOutputs => ({
      'live-color': liveColorOf(state.weights),
      'router-digest': routerDigest(state),
      'snapshot-digest': record.snapshot.digest,
      ...(step === 'promote' ? { approvers: JSON.stringify(approvers) } : {})
    });
    // A release that gave up the way back on purpose says so before touching anything; with nothing to undo, rollback is still a no-op.
    const noRollback = record.prepared?.no_rollback;
    if (step === 'rollback' && noRollback !== undefined && decision.outcome !== 'already-done') {
      throw new ReleaseError(
        `rollback refused: this release gave up the way back when it was deployed, with router.allow.no-rollback: "${noRollback}". Nothing was touched: ${record.prepared?.endpoint} stays live. Fix forward with a new release instead.`,
        'fix-forward'
      );
    }
    // Even a rollback with no traffic to move must not finish a switch, or record rolled-back, once contract has begun.
    if (step === 'rollback') await checkDatabaseBeforeSwitch(context, step, record, force);
    if (decision.outcome === 'already-done') {
      await context.router.apply(current, current);
      // A run stopped while draining left the switch done but the drain unproven.
      await drainColors(context, COLORS.filter(c => current.weights[c] === 0));
      // A proposal that someone else executed is this step done, not a no-op.
      const executed = record.history.at(-1)?.step === step && record.history.at(-1)?.outcome === 'proposed';
      const reason = executed ? `the proposal was executed: ${decision.reason}` : decision.reason;
      logger.info(reason);
      await recordStep(context, record, step, executed ? 'done' : 'already-done', reason, phaseWhenAlreadyDone(step, record.phase));
      return outputs();
    }
    const { target } = decision;
    if (step === 'promote') await checkDatabaseBeforeSwitch(context, step, record, force);
    if (step === 'promote' && context.tracker && !canary.forceFailure) {
      approvers = await context.tracker.approve(record);
      if (approvers.length) logger.info(`approved by ${approvers.map(a => (a.comment ? `${a.user} ("${a.comment}")` : a.user)).join(', ')}`);
    }
    for (const color of COLORS.filter(c => config.colors && target.weights[c] > current.weights[c])) {
      await waitHealthy(
        { color, url: serverColors(config)[color].health },
        { settings: config.health, secrets: context.secrets, logger, timeoutMs: Math.min(PREFLIGHT_MS, config.health.timeout), signal: context.signal }
      );
    }
    logger.info(`from ${describeRouterState(current)}`);
    // A drill's forced failure needs a watched step even when promotion is one switch: it fails that step and rolls back.
    const stepped = step === 'promote' && (inSteps(context) || canary.forceFailure !== undefined);
    logger.info(`to   ${describeRouterState(target)}${stepped ? `, in steps of ${context.config.traffic.steps.join('%, ')}%` : ''}`);
    if (stepped) {
      await promoteInSteps(context, record, current, canary);
    } else {
      try {
        await context.router.apply(current, target);
      } catch (error) {
        if (!(error instanceof ProposalWritten)) throw error;
        logger.info(error.message);
        await recordStep(context, record, step, 'proposed', error.message, record.phase);
        return { ...outputs(), proposal: error.file };
      }
      await drainColors(context, COLORS.filter(c => target.weights[c] === 0 && current.weights[c] > 0));
    }
    const detail = `router now ${routerDigest(target)}: ${describeRouterState(target)}`;
    logger.info(detail);
    await recordStep(context, record, step, 'done', detail, PHASE_AFTER[step]);
    return outputs(target);
  });
}
