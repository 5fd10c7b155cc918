import { COLORS, type Color } from '../core/color.js';
import { withoutInternalAddresses } from '../core/internal-addresses.js';
import { describeCheck } from '../core/check-text.js';
import { causeOf, describeError } from '../core/errors.js';
import { adviceAfterFailure, type Advice, type ReportedStep } from '../core/next-step.js';
import { positionOf, type DatabaseStep } from '../core/release.js';
import type { TrafficPoint } from '../core/timeline.js';
import { formatWeights, weightsAllOn, type Weights } from '../core/weights.js';
import { formatDuration } from '../config/duration.js';
import { readHistory, rowOf, type HistoryRow } from '../database/history.js';
import { planRows } from '../database/plan.js';
import { schemaStateOf } from '../database/status.js';
import type { GitHubRun } from '../github/environment.js';
import { probeHealth } from '../probes/health.js';
import { deployedVersion, type ReleaseRecord } from '../store/release-store.js';
import { planRisks } from '../summary/approving.js';
import { renderSummary } from '../summary/page.js';
import type { ColorNow, DatabaseNow, PageKind, PlanStatus, PromotionPlan, ReleaseReport, Risk, RouterReport } from '../summary/report.js';
import type { StepContext, StepOutputs, TrackedStep } from './context.js';
import { batchOf, migrationsOf, withDatabase } from './database.js';
import { splitsOf } from './canary.js';

const BEFORE_APPROVAL: readonly TrackedStep[] = ['snapshot', 'deploy', 'expand', 'migrate'];

/** The router's split now, or null when it cannot be read. */
async function weightsNow(context: StepContext): Promise<Weights | null> {
  return context.router.read().then(
    state => state.weights,
    () => null
  );
}

function roleOf(weight: number): ColorNow['role'] {
  return weight === 100 ? 'live' : weight === 0 ? 'idle' : 'canary';
}

/** Both colors as the router and their health checks answer now, the one serving more first. */
async function colorsNow(context: StepContext, record: ReleaseRecord, weights: Weights | null): Promise<ColorNow[] | null> {
  if (!weights) return null;
  const { snapshot } = record.snapshot;
  const deployed = deployedVersion(record);
  const rows: ColorNow[] = [];
  for (const color of COLORS) {
    const url = context.config.colors?.[color].health;
    const health = url ? await probeHealth({ color, url }, { settings: context.config.health, secrets: context.secrets, logger: context.logger }) : null;
    rows.push({
      color,
      role: roleOf(weights[color]),
      version: color === snapshot.idle_color && deployed ? deployed : snapshot.versions[color],
      weight: weights[color],
      health: health ? (health.ok ? 'healthy' : 'unhealthy') : 'unknown'
    });
  }
  return rows.sort((a, b) => b.weight - a.weight || (a.color === snapshot.live_color ? -1 : 1));
}

function statusOf(history: readonly HistoryRow[], migration: string, phase: DatabaseStep): PlanStatus {
  const row = rowOf(history, migration.split('_')[0] ?? migration, phase);
  if (row?.status === 'done') return 'applied';
  if (row?.status === 'running') return 'running';
  return phase === 'contract' ? 'at contract' : 'pending';
}

/** The schema as the database's history has it now, and the plan with what already ran. */
async function databaseNow(context: StepContext, step: TrackedStep, record: ReleaseRecord): Promise<DatabaseNow | undefined> {
  const settings = context.config.database;
  if (!settings) return undefined;
  const rows = await planRows(await migrationsOf(context, step), batchOf(settings)).catch(() => []);
  let history: HistoryRow[];
  try {
    history = await withDatabase(context, step, readHistory);
  } catch (error) {
    return { schemaVersion: null, applied: null, problem: context.secrets.redact(describeError(error)), plan: rows.map(row => ({ ...row, status: 'pending' })) };
  }
  const state = schemaStateOf(history);
  const plan = rows.map(row => ({ ...row, status: statusOf(history, row.migration, row.phase) }));
  const contracted =
    step === 'contract'
      ? {
          statements: plan.filter(p => p.phase === 'contract' && p.status === 'applied' && history.some(h => h.phase === 'contract' && h.release === record.snapshot.digest && `${h.id}_${h.name}` === p.migration)),
          forced: history.find(h => h.phase === 'contract' && h.release === record.snapshot.digest && h.forced)?.forced ?? null
        }
      : undefined;
  return { schemaVersion: state.schema_version, applied: state.applied, plan: step === 'contract' ? plan.filter(p => p.phase !== 'contract') : plan, ...(contracted ? { contracted } : {}) };
}

/** Whether the release is ready to approve: deployed, with every expand and migrate part applied. */
function readyForApproval(record: ReleaseRecord, database: DatabaseNow | undefined): boolean {
  const deployed = record.history.some(h => h.step === 'deploy' && h.outcome !== 'started');
  return deployed && !(database?.plan ?? []).some(p => p.status !== 'applied' && p.phase !== 'contract');
}

/**
 * One page per job: the step that makes the release ready writes the review page, the others of
 * its job one line; a step that applied nothing after the page was written adds a line too.
 */
function pageOf(step: TrackedStep, record: ReleaseRecord, outputs: StepOutputs | null, error: unknown, database: DatabaseNow | undefined): PageKind {
  if (error || !BEFORE_APPROVAL.includes(step)) return 'story';
  if (step === 'snapshot' || !readyForApproval(record, database)) return 'line';
  const applied = outputs?.applied ? (JSON.parse(outputs.applied) as unknown[]).length > 0 : false;
  return step === 'deploy' || applied ? 'review' : 'line';
}

/** What each step of the release did so far, one short line each. */
function doneSoFar(record: ReleaseRecord, smoke: boolean): NonNullable<ReleaseReport['done']> {
  const { snapshot } = record.snapshot;
  const lines = [{ step: 'snapshot', what: `${snapshot.live_color} live${snapshot.versions[snapshot.live_color] ? ` at ${snapshot.versions[snapshot.live_color]}` : ''}` }];
  for (const entry of record.history) {
    if (!BEFORE_APPROVAL.includes(entry.step) || entry.step === 'snapshot' || entry.outcome === 'started') continue;
    const what = entry.step === 'deploy' ? `${entry.version ? `${entry.version} ` : ''}on ${snapshot.idle_color}${smoke ? ', smoke passed' : ''}` : entry.detail;
    lines.push({ step: entry.step, what: what.length > 90 ? `${what.slice(0, 89)}…` : what });
  }
  return lines;
}

function inconclusiveText(policy: NonNullable<StepContext['config']['analysis']>['inconclusive']): string {
  if (policy.kind === 'fail') return 'counts as failed';
  if (policy.kind === 'pass') return 'counts as passed';
  return `is waited out, failing the step after ${formatDuration(policy.limitMs)} without enough data`;
}

function promotionPlan(context: StepContext, record: ReleaseRecord): PromotionPlan {
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

function releaseRisks(context: StepContext, plan: PromotionPlan, database: DatabaseNow | undefined): Risk[] {
  const risks = planRisks(database?.plan ?? []);
  if (plan.call?.initializer) {
    risks.push({ text: 'the upgrade runs an initializer: a rollback points the proxy back, but does not undo what the initializer wrote', subjects: [plan.call.initializer.signature] });
  } else if (!plan.call && !plan.analysis) {
    risks.push({ text: 'no analysis: nothing watches the new version once traffic moves, and nothing rolls it back automatically (add analysis to cutover.yml)' });
  }
  if (plan.analysis?.dryRun) risks.push({ text: 'analysis is a dry run: a failing step is reported, not rolled back' });
  return risks;
}

/** Traffic over the release: where it started, each split the traffic steps set, and how promote and rollback ended. */
function trafficOf(record: ReleaseRecord): TrafficPoint[] {
  const { snapshot } = record.snapshot;
  const points: TrafficPoint[] = [{ label: 'start', at: snapshot.taken_at, weights: snapshot.weights }];
  for (const entry of record.history) {
    if (entry.outcome !== 'done') continue;
    if (entry.step === 'promote') points.push({ label: 'promoted', at: entry.at, weights: weightsAllOn(snapshot.idle_color) });
    if (entry.step === 'rollback') points.push({ label: 'rolled back', at: entry.at, weights: snapshot.weights });
  }
  points.push(...(record.traffic ?? []));
  return points.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Addresses, checks, layout diff and transactions, for routers that record them (a contract proxy); absent for the others. */
function routerReportOf(context: StepContext, record: ReleaseRecord): RouterReport | undefined {
  const { router } = record.snapshot.snapshot;
  if (!router.observed && !record.prepared && !record.journal?.length) return undefined;
  const facts = [...Object.entries(router.state.settings), ...Object.entries(router.observed ?? {}).map(([name, value]) => [`snapshot ${name}`, value] as const)]
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([name, value]): [string, string] => [name.replace(/_/g, ' '), String(value)]);
  const explorer = context.config.router?.kind === 'evm-proxy' ? context.config.router.explorer : undefined;
  return {
    kind: router.kind,
    endpoints: router.state.endpoints,
    facts,
    checks: record.prepared?.checks ?? [],
    diff: record.prepared?.diff ?? [],
    transactions: (record.journal ?? []).map(entry => ({ step: entry.step, action: entry.action, target: entry.implementation, tx: entry.tx, block: entry.block, note: entry.initializer ? `with ${entry.initializer}` : '' })),
    ...(explorer ? { explorer } : {})
  };
}

/** The error-rate limit analysis holds the new color to, for the steps table. */
function errorLimitOf(context: StepContext): number | null {
  for (const { check } of context.config.analysis?.checks ?? []) if (check.kind === 'threshold' && check.metric === 'error-rate' && check.max !== undefined) return check.max;
  return null;
}

/** The run's page and the environment's deployments page on GitHub, when the step runs there. */
function linksOf(run: GitHubRun | null, environment: string): ReleaseReport['links'] {
  if (!run) return {};
  const repository = new URL(run.runUrl);
  repository.pathname = repository.pathname.replace(/\/actions\/runs\/.*$/, `/deployments/${encodeURIComponent(environment)}`);
  return { run: run.runUrl, deployment: repository.href };
}

/** Where each color runs inside the network (its upstream, its health check's host), for keeping them out of the summary. */
function internalAddresses(context: StepContext): Partial<Record<Color, string[]>> {
  const colors = context.config.colors;
  if (!colors) return {};
  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  };
  return Object.fromEntries(COLORS.map(color => [color, [colors[color].upstream, hostOf(colors[color].health)]]));
}

/** What to do after a failed step, chosen by its cause, or by where traffic and schema are when it gave none. */
export async function adviceFor(context: StepContext, step: TrackedStep, error: unknown): Promise<Advice> {
  let record: ReleaseRecord | null = null;
  try {
    record = await context.store.load();
  } catch {
    // no release to judge by: the cause the error carries, or the step, decides
  }
  const state = await context.router.read().catch(() => null);
  const weights = state?.weights ?? null;
  const position = record && state ? positionOf(record.snapshot, state, splitsOf(context, record)) : 'unknown';
  return adviceAfterFailure({
    step: step as ReportedStep,
    cause: causeOf(error),
    position,
    weightsNow: weights ? formatWeights(weights) : null,
    contractStarted: record ? record.phase === 'contracted' || record.history.some(h => h.step === 'contract') : false
  });
}

interface ReportRequest {
  outputs: StepOutputs | null;
  error: unknown;
  run: GitHubRun | null;
  advice?: Advice;
  /** The page to write, when the caller knows it (the approval issue is a review page). */
  page?: PageKind;
}

/** What a page says about `record`, from the router and the database as they are now. */
async function reportOn(context: StepContext, step: TrackedStep, record: ReleaseRecord, request: ReportRequest): Promise<ReleaseReport> {
  const { outputs, error } = request;
  const { snapshot } = record.snapshot;
  const weights = await weightsNow(context);
  const database = await databaseNow(context, step, record);
  const page = request.page ?? pageOf(step, record, outputs, error, database);
  const smoke = context.config.deploy.smoke ? [{ command: context.config.deploy.smoke.join(' '), passed: true }] : [];
  const deployed = record.history.some(h => h.step === 'deploy' && h.outcome === 'done');
  const environment = snapshot.environment ?? context.config.environment;
  const report: ReleaseReport = {
    step: step as ReportedStep,
    outcome: error ? 'failed' : outputs?.proposal ? 'proposed' : outcomeOf(record, step),
    page,
    service: snapshot.service,
    environment,
    digest: record.snapshot.digest,
    from: { color: snapshot.live_color, version: snapshot.versions[snapshot.live_color] },
    to: { color: snapshot.idle_color, version: deployedVersion(record) ?? snapshot.versions[snapshot.idle_color] },
    colors: await colorsNow(context, record, weights),
    links: linksOf(request.run, environment),
    done: doneSoFar(record, deployed && smoke.length > 0),
    ...(database ? { database } : {})
  };
  const idleNow = weights ? weights[snapshot.idle_color] === 0 : false;
  if (page === 'review' && idleNow) report.preview = { url: context.config.colors?.[snapshot.idle_color].url ?? null, smoke: deployed ? smoke : [] };
  if (page === 'review') {
    report.plan = promotionPlan(context, record);
    report.risks = releaseRisks(context, report.plan, database);
  }
  if (outputs?.approvers) report.approvers = JSON.parse(outputs.approvers) as ReleaseReport['approvers'];
  if (page === 'story') {
    report.analysis = record.analysis ?? [];
    report.traffic = trafficOf(record);
    report.errorLimit = errorLimitOf(context);
  }
  const router = routerReportOf(context, record);
  if (router) report.router = router;
  if (outputs?.proposal) report.proposal = outputs.proposal;
  if (error) {
    const { cause, next } = request.advice ?? (await adviceFor(context, step, error));
    report.error = { message: withoutInternalAddresses(context.secrets.redact(describeError(error)), internalAddresses(context)), cause, next };
  }
  return report;
}

/** The job summary of one step, from the release record and what the router and the database say now. */
export async function reportOf(context: StepContext, step: TrackedStep, request: ReportRequest): Promise<string | null> {
  let record: ReleaseRecord;
  try {
    record = await context.store.load();
  } catch {
    return null; // no release to report on: the error itself says why
  }
  return context.secrets.redact(renderSummary(await reportOn(context, step, record, request)));
}

/** GitHub shows at most this many characters of an issue's body. */
const ISSUE_BODY_MAX = 65_536;

/**
 * The approval issue's body: the same review page the prepare job's summary shows, as it is now,
 * and how to answer.
 */
export async function reviewPageOf(context: StepContext, record: ReleaseRecord, run: GitHubRun | null): Promise<string> {
  const answer = '\n---\n\nAnswer with a comment whose first line is `/approve` or `/deny`, optionally followed by a reason.\n';
  const page = context.secrets.redact(renderSummary(await reportOn(context, 'promote', record, { outputs: null, error: null, run, page: 'review' })));
  const room = ISSUE_BODY_MAX - answer.length;
  return `${page.length > room ? `${page.slice(0, room - 60)}\n\n… cut here: the whole page is in the prepare job's summary.\n` : page}${answer}`;
}

function outcomeOf(record: ReleaseRecord, step: TrackedStep): ReleaseReport['outcome'] {
  const last = record.history.filter(h => h.step === step).at(-1)?.outcome;
  return last === 'already-done' || last === 'proposed' ? last : 'done';
}

