import { COLORS, type Color } from '../core/color.js';
import { withoutInternalAddresses } from '../core/internal-addresses.js';
import { describeError } from '../shared/errors.js';
import type { Advice, ReportedStep } from '../core/next-step.js';
import type { TrafficPoint } from '../core/timeline.js';
import { weightsAllOn } from '../core/weights.js';
import type { GitHubRun } from '../adapters/github/environment.js';
import { deployedVersion, type ReleaseRecord } from '../adapters/store/release-store.js';
import { shorten } from '../summary/markdown.js';
import { renderSummary } from '../summary/page.js';
import type { DatabaseNow, PageKind, ReleaseReport, RouterReport } from '../summary/report.js';
import { adviceFor } from './advice.js';
import type { StepContext, StepOutputs, TrackedStep } from './context.js';
import { errorLimitOf, promotionPlan, releaseRisks } from './report-plan.js';
import { colorsNow, databaseNow, weightsNow } from './report-present.js';

const BEFORE_APPROVAL: readonly TrackedStep[] = ['snapshot', 'deploy', 'expand', 'migrate'];

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
    lines.push({ step: entry.step, what: shorten(what, 90) });
  }
  return lines;
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
    // A line page shows no colors: no health checks for it.
    colors: page === 'line' ? null : await colorsNow(context, record, weights),
    links: linksOf(request.run, environment),
    done: doneSoFar(record, deployed && smoke.length > 0),
    ...(database ? { database } : {})
  };
  const idleNow = weights ? weights[snapshot.idle_color] === 0 : false;
  if (page === 'review' && idleNow) report.preview = { url: context.config.colors?.[snapshot.idle_color].url ?? null, smoke: deployed ? smoke : [] };
  if (page === 'review') {
    report.plan = promotionPlan(context, record);
    report.risks = releaseRisks(report.plan, database, record.prepared?.no_rollback);
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

