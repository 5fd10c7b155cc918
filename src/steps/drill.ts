import { BadInputError, ReleaseError, describeError } from '../shared/errors.js';
import { describeRouterState, routerDigest } from '../core/router-state.js';
import { liveColorOf } from '../core/weights.js';
import { formatDuration } from '../shared/duration.js';
import { AnalysisFailedError } from './canary.js';
import type { StepContext, StepOutputs } from './context.js';
import { switchTraffic } from './switch.js';

const FORCED = 'forced failure: cutover drill fails the first step on purpose, to prove that the automatic rollback restores the snapshot';

/**
 * A rollback drill: promotes on a non-production environment, forces a
 * failing verdict in the first traffic step, and passes only when the
 * automatic rollback left the router exactly as the snapshot recorded.
 * Rollback then gets exercised as often as deploy, not first in an incident.
 */
export async function drillStep(context: StepContext, production: boolean | undefined): Promise<StepOutputs> {
  const { environment } = context.config;
  if (production === true || (production === undefined && /^prod(uction)?$/i.test(environment))) {
    throw new BadInputError(
      `drill: environment ${JSON.stringify(environment)} is production, and a drill sends real users to the new version and back on purpose. Run drills on a staging environment (set environment), or set production-environment: false if ${environment} serves no users.`
    );
  }
  const record = await context.store.load();
  const expected = record.snapshot.snapshot.router.digest;
  const started = Date.now();
  try {
    await switchTraffic(context, 'promote', { forceFailure: FORCED });
  } catch (error) {
    if (!(error instanceof AnalysisFailedError)) {
      throw new ReleaseError(`drill failed: the promotion or its automatic rollback did not complete: ${describeError(error)}`);
    }
    const state = await context.router.read();
    if (routerDigest(state) !== expected) {
      throw new ReleaseError(
        `drill failed: after the automatic rollback the router holds ${routerDigest(state)} (${describeRouterState(state)}), not the snapshot's ${expected} (${describeRouterState(record.snapshot.snapshot.router.state)}).`
      );
    }
    const tookMs = Date.now() - started;
    context.logger.info(`drill passed: the forced failure rolled the release back, and the router holds exactly the snapshot's state ${expected} (${formatDuration(tookMs)} in all)`);
    return { 'live-color': liveColorOf(state.weights), 'router-digest': expected, 'snapshot-digest': record.snapshot.digest, 'drill-ms': String(tookMs) };
  }
  throw new ReleaseError('drill failed: the promotion finished without the forced failure rolling it back. Was the release already promoted? A drill needs a deployed release that is not promoted yet.');
}
