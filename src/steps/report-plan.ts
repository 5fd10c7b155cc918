import { describeCheck } from '../core/check-text.js';
import { formatDuration } from '../shared/duration.js';
import type { ReleaseRecord } from '../adapters/store/release-store.js';
import { planRisks } from '../summary/approving.js';
import type { DatabaseNow, PromotionPlan, Risk } from '../summary/report.js';
import type { StepContext } from './context.js';

/* What approving the promotion will do, and what could go wrong, from the config and the release record. */

function inconclusiveText(policy: NonNullable<StepContext['config']['analysis']>['inconclusive']): string {
  if (policy.kind === 'fail') return 'counts as failed';
  if (policy.kind === 'pass') return 'counts as passed';
  return `is waited out, failing the step after ${formatDuration(policy.limitMs)} without enough data`;
}

export function promotionPlan(context: StepContext, record: ReleaseRecord): PromotionPlan {
  const { config } = context;
  const analysis = config.analysis;
  const call = record.prepared?.call;
  return {
    steps: config.traffic.steps,
    pauseMs: config.traffic.pause,
    checks: (analysis?.checks ?? []).map(c => describeCheck(c.check)),
    analysis: analysis ? { intervalMs: analysis.interval, failuresAllowed: analysis.failuresAllowed, inconclusive: inconclusiveText(analysis.inconclusive), dryRun: analysis.dryRun } : null,
    healthUrl: config.colors?.[record.snapshot.snapshot.idle_color].health ?? null,
    database: config.database !== undefined,
    ...(call ? { call } : {})
  };
}

/** What could go wrong once approved: the plan's locks and drops, and what the release gives up or leaves unwatched. */
export function releaseRisks(plan: PromotionPlan, database: DatabaseNow | undefined, noRollback: string | undefined): Risk[] {
  const risks = planRisks(database?.plan ?? []);
  if (plan.call?.initializer) {
    risks.push({ text: 'the upgrade runs an initializer: a rollback points the proxy back, but does not undo what the initializer wrote', subjects: [plan.call.initializer.signature] });
  } else if (!plan.call && !plan.analysis) {
    risks.push({ text: 'no analysis: nothing watches the new version once traffic moves, and nothing rolls it back automatically (add analysis to cutover.yml)' });
  }
  if (plan.analysis?.dryRun) risks.push({ text: 'analysis is a dry run: a failing step is reported, not rolled back' });
  if (noRollback !== undefined) risks.push({ text: `this release gives up the way back (router.allow.no-rollback: ${noRollback}): once promoted, rollback refuses and the only way on is forward` });
  return risks;
}

/** The error-rate limit analysis holds the new color to, for the steps table. */
export function errorLimitOf(context: StepContext): number | null {
  for (const { check } of context.config.analysis?.checks ?? []) if (check.kind === 'threshold' && check.metric === 'error-rate' && check.max !== undefined) return check.max;
  return null;
}

