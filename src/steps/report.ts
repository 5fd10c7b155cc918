import { COLORS, type Color } from '../core/color.js';
import { describeError } from '../core/errors.js';
import type { Weights } from '../core/weights.js';
import { renderSummary, type ColorRow, type ReleaseReport, type RouterReport } from '../github/summary.js';
import type { TrafficPoint } from '../core/timeline.js';
import { probeHealth } from '../probes/health.js';
import { deployedVersion, type ReleaseRecord } from '../store/release-store.js';
import { planRows } from '../database/plan.js';
import type { StepContext, StepOutputs, TrackedStep } from './context.js';
import { batchOf, migrationsOf } from './database.js';

/** What to do after a failed step, for the summary and the error annotation. */
export const NEXT_AFTER_FAILURE: Record<TrackedStep, string> = {
  snapshot: 'Nothing was changed. Fix the cause above and start the release again.',
  deploy: 'No traffic moved. Fix the deploy and run deploy again; the live color is untouched.',
  expand: 'No traffic moved. Fix the cause and run the step again: it resumes at the statement that failed.',
  migrate: 'No traffic moved. Run the step again: the backfill resumes after its last committed batch.',
  promote: 'Traffic is where the log above says. Run rollback to return to the snapshot, or fix the cause and run promote again.',
  rollback: 'Run rollback again: it only acts from a state this release knows, and says so when someone else changed traffic.',
  drill: 'Traffic is where the log above says; the drill is on a non-production environment. If the rollback failed, fix the router or its settings, run rollback, and run the drill again.',
  contract: 'Rollback is no longer safe once contract started. Fix the cause and run contract again: it resumes at the statement that failed.'
};

/** Traffic per color over the release: the snapshot, each switch, and what the router serves now. */
function trafficOf(record: ReleaseRecord, now: Weights | null, at: Date): TrafficPoint[] {
  const { snapshot } = record.snapshot;
  const promoted = { [snapshot.idle_color]: 100, [snapshot.live_color]: 0 } as Weights;
  const points: TrafficPoint[] = [{ label: 'snapshot', at: snapshot.taken_at, weights: snapshot.weights }];
  for (const entry of record.history) {
    if (entry.outcome !== 'done') continue;
    if (entry.step === 'promote') points.push({ label: 'promote', at: entry.at, weights: promoted });
    if (entry.step === 'rollback') points.push({ label: 'rollback', at: entry.at, weights: snapshot.weights });
  }
  points.push(...(record.traffic ?? []));
  points.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (now) points.push({ label: 'now', at: at.toISOString(), weights: now });
  return points;
}

async function colorRows(context: StepContext, record: ReleaseRecord, weights: Weights): Promise<Record<Color, ColorRow>> {
  const { snapshot } = record.snapshot;
  const deployed = deployedVersion(record);
  const rows = {} as Record<Color, ColorRow>;
  for (const color of COLORS) {
    const url = context.config.colors?.[color].health;
    const health = url ? await probeHealth({ color, url }, { settings: context.config.health, secrets: context.secrets, logger: context.logger }) : null;
    rows[color] = {
      version: color === snapshot.idle_color && deployed ? deployed : snapshot.versions[color],
      weight: weights[color],
      health: health ? (health.ok ? 'healthy' : 'unhealthy') : 'unknown'
    };
  }
  return rows;
}

const BEFORE_PROMOTION: readonly TrackedStep[] = ['snapshot', 'deploy', 'expand', 'migrate'];

/** The migration plan, for the summaries reviewers read before they approve. */
async function planOf(context: StepContext, step: TrackedStep): Promise<ReleaseReport['plan']> {
  if (!context.config.database || !BEFORE_PROMOTION.includes(step)) return undefined;
  const rows = await planRows(await migrationsOf(context, step), batchOf(context.config.database)).catch(() => []);
  return rows.length ? rows : undefined;
}

function outcomeOf(record: ReleaseRecord): ReleaseReport['outcome'] {
  const last = record.history.at(-1)?.outcome;
  return last === 'already-done' || last === 'proposed' ? last : 'done';
}

/** Addresses, checks, layout diff and transactions, for routers that record them (a contract proxy); absent for the others. */
function routerReportOf(record: ReleaseRecord): RouterReport | undefined {
  const { router } = record.snapshot.snapshot;
  if (!router.observed && !record.prepared && !record.journal?.length) return undefined;
  const facts = [...Object.entries(router.state.settings), ...Object.entries(router.observed ?? {}).map(([name, value]) => [`snapshot ${name}`, value] as const)]
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([name, value]): [string, string] => [name.replace(/_/g, ' '), String(value)]);
  return {
    kind: router.kind,
    endpoints: router.state.endpoints,
    facts,
    checks: record.prepared?.checks ?? [],
    diff: record.prepared?.diff ?? [],
    transactions: (record.journal ?? []).map(entry => ({
      step: entry.step,
      action: entry.action,
      target: entry.implementation,
      tx: entry.tx,
      block: entry.block,
      note: entry.initializer ? `with ${entry.initializer}` : ''
    }))
  };
}

/** The job summary of one step, from the release record and what the router and colors say now. */
export async function reportOf(context: StepContext, step: TrackedStep, outputs: StepOutputs | null, error: unknown): Promise<string | null> {
  let record: ReleaseRecord;
  try {
    record = await context.store.load();
  } catch {
    return null; // no release to report on: the error itself says why
  }
  const { snapshot } = record.snapshot;
  const now = await context.router.read().then(
    state => state.weights,
    () => null
  );
  const report: ReleaseReport = {
    step,
    outcome: error ? 'failed' : outputs ? outcomeOf(record) : 'done',
    service: snapshot.service,
    environment: snapshot.environment ?? context.config.environment,
    digest: record.snapshot.digest,
    live: snapshot.live_color,
    idle: snapshot.idle_color,
    colors: await colorRows(context, record, now ?? snapshot.weights),
    previewUrl: context.config.colors?.[snapshot.idle_color].url ?? null,
    smoke: step === 'deploy' && !error && context.config.deploy.smoke ? [{ command: context.config.deploy.smoke.join(' '), passed: true }] : undefined,
    migrations: snapshot.database ? { schemaVersion: outputs?.['schema-version'] || snapshot.database.schema_version, applied: snapshot.database.applied } : undefined,
    plan: await planOf(context, step),
    approvers: outputs?.approvers ? (JSON.parse(outputs.approvers) as ReleaseReport['approvers']) : undefined,
    traffic: trafficOf(record, now, context.now()),
    analysis: record.analysis,
    router: routerReportOf(record),
    error: error ? { message: context.secrets.redact(describeError(error)), next: NEXT_AFTER_FAILURE[step] } : null
  };
  return context.secrets.redact(renderSummary(report));
}
