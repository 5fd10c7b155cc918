import path from 'node:path';
import { loadConfig, type Override } from '../config/load.js';
import { Secrets } from '../shared/secrets.js';
import type { Config } from '../config/schema.js';
import { BadInputError } from '../shared/errors.js';
import { routerDigest } from '../core/router-state.js';
import { formatWeights } from '../core/weights.js';
import { requirePosix } from '../shared/io/platform.js';
import { sleepUnlessAborted } from '../shared/io/wait.js';
import type { Logger } from '../shared/logging/logger.js';
import { createRouter } from '../adapters/routers/registry.js';
import { createSource } from '../adapters/probes/registry.js';
import type { JournalEntry, RecordedRelease, Router, RouterContext } from '../adapters/routers/router.js';
import { fileStore } from '../adapters/store/file-store.js';
import { keepJournal, saveJournal, type StepContext, type StepOutputs, type TrackedStep } from '../steps/context.js';
import { deployStep } from '../steps/deploy.js';
import { databaseStep, migratePhase } from '../steps/migrate.js';
import { checkStepFitsConfig, databaseOnlyStep, RETIRED_OPTION, routerOptionsOf, runsDatabaseOnly } from '../steps/database-only.js';
import { optionsOf, optionText as text, type OptionValues, type StepName } from '../steps/options.js';
import { snapshotStep } from '../steps/snapshot.js';
import { switchTraffic } from '../steps/switch.js';
import { drillStep } from '../steps/drill.js';
import { approvalSettings, productionFlag } from '../steps/approval-options.js';
import { tracked } from '../steps/tracking.js';
import { adviceFor } from '../steps/advice.js';
import { reportOf, reviewPageOf } from '../steps/report.js';
import { adviceAfterFailure, type Advice } from '../core/next-step.js';
import { causeOf } from '../shared/errors.js';
import type { GitHubClientFactory } from '../adapters/github/client.js';
import { sourceOf, type GitHubRun } from '../adapters/github/environment.js';
import { GitHubTracker, type TrackerOptions } from '../adapters/github/tracker.js';

/** What differs between the Action and the CLI; everything else is shared. */
export interface FrontEnd {
  env: NodeJS.ProcessEnv;
  /** Hides a secret from every log (core.setSecret in Actions). */
  onSecret: (value: string) => void;
  logger: (secrets: Secrets) => Logger;
  /** How an option is written here, for messages: `input "x"` or `--x`. */
  label: (option: string) => string;
  /** Where the release record lives when `snapshot-file` is not given. */
  defaultSnapshotFile: (service: string) => string;
  /** Aborted when the job is cancelled, so that waits end cleanly (the approval issue is closed). */
  signal?: AbortSignal;
  /** The GitHub Actions run this step is part of, worked out once by the front end; null outside GitHub Actions. */
  run: GitHubRun | null;
  /** Builds the GitHub API client (the Action: `@actions/github`'s getOctokit; the CLI: octokit's core). */
  gitHubClient: GitHubClientFactory;
  /** Saves what a post step needs should this step be cut short (GITHUB_STATE); absent on the CLI. */
  keep?: (name: string, value: string) => void;
  /** Appends to the job summary ($GITHUB_STEP_SUMMARY); absent on the CLI. */
  summary?: (markdown: string) => Promise<void>;
  /** Tells the person reading the run what to do after a failed step (an error annotation), and the workflow its cause. */
  nextAfterFailure?: (step: TrackedStep, advice: Advice) => void;
}

const given = (values: OptionValues, name: string): boolean => {
  const value = values[name];
  return Array.isArray(value) ? value.length > 0 : text(values, name) !== undefined;
};

export function routerFor(
  config: Config,
  baseDir: string,
  logger: Logger,
  secrets: Secrets,
  env: NodeJS.ProcessEnv,
  release: Pick<RouterContext, 'recorded' | 'journal' | 'signal'> = {}
): Promise<Router> {
  const context: RouterContext = {
    service: config.service,
    endpoints: { blue: config.colors?.blue.upstream ?? '', green: config.colors?.green.upstream ?? '' },
    baseDir,
    logger,
    secrets,
    env,
    ...(config.traffic.affinity ? { affinity: config.traffic.affinity } : {}),
    ...release
  };
  return createRouter(routerOptionsOf(config, 'this command'), context);
}

/** The GitHub deployment of the release, in GitHub Actions with a token; null elsewhere. */
function trackerFor(
  step: StepName,
  config: Config,
  values: OptionValues,
  frontEnd: FrontEnd,
  { secrets, logger }: Pick<LoadedStep, 'secrets' | 'logger'>,
  describe: TrackerOptions['describe']
): GitHubTracker | null {
  const token = text(values, 'github-token');
  if (token) secrets.add(token);
  const approval = approvalSettings(values, frontEnd.label);
  const { run } = frontEnd;
  if (!run || !token) {
    if (step === 'promote' && approval.required && frontEnd.env.GITHUB_ACTIONS === 'true') {
      throw new BadInputError(`${frontEnd.label('github-token')}: promote checks the approval of this run and needs a token; pass github-token, or set require-approval: false.`);
    }
    return null;
  }
  const client = frontEnd.gitHubClient(token, run.apiUrl, logger);
  return new GitHubTracker(client, run, {
    environment: config.environment,
    service: config.service,
    environmentUrl: config.url,
    production: productionFlag(values, frontEnd.label),
    approval,
    logger,
    pause: ms => sleepUnlessAborted(ms, frontEnd.signal).then(() => undefined),
    signal: frontEnd.signal,
    describe
  });
}

interface PreparedStep {
  context: StepContext;
  trackedStep: TrackedStep;
  /** Everything the router did in this step, kept for a post step in case this one is cut short. */
  done: JournalEntry[];
}

interface LoadedStep {
  config: Config;
  baseDir: string;
  secrets: Secrets;
  logger: Logger;
}

/** The config with the step's options applied, after refusing options the step or the config does not take. */
async function loadStep(step: StepName, values: OptionValues, frontEnd: FrontEnd): Promise<LoadedStep> {
  requirePosix(`cutover ${step}`);
  const known = new Set(optionsOf(step).map(o => o.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name) && given(values, name)) {
      throw new BadInputError(`${frontEnd.label(name)}: the ${step} step has no such option. It takes: ${[...known].join(', ')}.`);
    }
  }
  const overrides: Override[] = optionsOf(step).flatMap(option => {
    const value = values[option.name];
    if (!option.configPath || !given(values, option.name)) return [];
    return [{ path: option.configPath, value: Array.isArray(value) ? value : value?.trim(), label: frontEnd.label(option.name) }];
  });
  const { config, baseDir } = await loadConfig(text(values, 'config') ?? 'cutover.yml', overrides);
  checkStepFitsConfig(step, config, name => given(values, name), frontEnd.label);
  const secrets = new Secrets(frontEnd.env, frontEnd.onSecret);
  return { config, baseDir, secrets, logger: frontEnd.logger(secrets) };
}

/** Builds the step's context from config plus options. */
async function prepareStep(step: StepName, values: OptionValues, frontEnd: FrontEnd, { config, baseDir, secrets, logger }: LoadedStep): Promise<PreparedStep> {
  const snapshotFile = text(values, 'snapshot-file') ?? frontEnd.defaultSnapshotFile(config.service);
  // The approval issue shows the review page, read when promote asks for approval.
  const tracker = trackerFor(step, config, values, frontEnd, { secrets, logger }, record => reviewPageOf(context, record, frontEnd.run));
  const store = fileStore({
    file: path.resolve(snapshotFile),
    snapshotJson: text(values, 'snapshot'),
    expectedDigest: text(values, 'digest'),
    remote: tracker ? digest => tracker.find(digest) : undefined,
    confirm: tracker ? (record, where) => tracker.confirm(record, where) : undefined
  });
  const journal: JournalEntry[] = [];
  const done: JournalEntry[] = [];
  let recorded: Promise<RecordedRelease | null> | undefined;
  const router = await routerFor(config, baseDir, logger, secrets, frontEnd.env, {
    // Read once per step. No release yet (or one that cannot be read) leaves the router to start a new one; the step itself reports a bad record.
    recorded: () =>
      (recorded ??= store.load().then(
        record => ({ state: record.snapshot.snapshot.router.state, observed: record.snapshot.snapshot.router.observed ?? {}, journal: record.journal ?? [] }),
        () => null
      )),
    signal: frontEnd.signal,
    journal: entry => {
      journal.push(entry);
      done.push(entry);
      frontEnd.keep?.('journal', JSON.stringify(done));
    }
  });
  const context: StepContext = {
    config,
    baseDir,
    logger,
    secrets,
    router,
    store,
    tracker,
    sources: createSource,
    env: frontEnd.env,
    source: sourceOf(frontEnd.run),
    now: () => new Date(),
    signal: frontEnd.signal,
    journal
  };
  const trackedStep: TrackedStep = step === 'migrate' ? migratePhase(text(values, 'phase'), frontEnd.label('phase')) : step;
  return { context, trackedStep, done };
}

/** Builds the step's context from config plus options, and runs it. */
export async function runStep(step: StepName, values: OptionValues, frontEnd: FrontEnd): Promise<StepOutputs> {
  const loaded = await loadStep(step, values, frontEnd);
  if (runsDatabaseOnly(loaded.config, step)) return runDatabaseOnly(step, values, frontEnd, loaded);
  const { context, trackedStep } = await prepareStep(step, values, frontEnd, loaded);
  frontEnd.keep?.('step', trackedStep);
  try {
    const outputs = await tracked(context, trackedStep, () => dispatch(step, context, values, frontEnd));
    frontEnd.keep?.('recorded', 'true');
    await writeSummary(frontEnd, context, trackedStep, outputs, null);
    return outputs;
  } catch (error) {
    await saveJournal(context, trackedStep);
    frontEnd.keep?.('recorded', 'true');
    const advice = await adviceFor(context, trackedStep, error);
    await writeSummary(frontEnd, context, trackedStep, null, error, advice);
    frontEnd.nextAfterFailure?.(trackedStep, advice);
    throw error;
  } finally {
    await context.router.close();
  }
}

/** migrate or contract with a database-only config: the phase alone, with no release to record or report on. */
async function runDatabaseOnly(step: 'migrate' | 'contract', values: OptionValues, frontEnd: FrontEnd, loaded: LoadedStep): Promise<StepOutputs> {
  const phase = step === 'migrate' ? migratePhase(text(values, 'phase'), frontEnd.label('phase')) : step;
  const context = { ...loaded, source: sourceOf(frontEnd.run), signal: frontEnd.signal };
  try {
    return await databaseOnlyStep(context, phase, text(values, RETIRED_OPTION), frontEnd.label);
  } catch (error) {
    // A refused input changed nothing: its message is what to do next.
    if (!(error instanceof BadInputError)) {
      frontEnd.nextAfterFailure?.(phase, adviceAfterFailure({ step: phase, cause: causeOf(error), position: 'unknown', weightsNow: null, contractStarted: false }));
    }
    throw error;
  }
}

/**
 * After a step was cut short (a cancelled job whose step did not wind down in time): keeps
 * what its router did in the record, and records on the release's deployment where traffic
 * was left, so that the record and GitHub tell the truth. `done` is what the step kept for this.
 */
export async function recordCutShort(step: StepName, values: OptionValues, frontEnd: FrontEnd, done: JournalEntry[]): Promise<string> {
  const { context, trackedStep } = await prepareStep(step, values, frontEnd, await loadStep(step, values, frontEnd));
  try {
    const record = await context.store.load();
    const kept = new Set((record.journal ?? []).map(({ step: _step, at: _at, ...entry }) => JSON.stringify(entry)));
    context.journal.push(...done.filter(entry => !kept.has(JSON.stringify(entry))));
    keepJournal(context, record, trackedStep);
    await context.store.save(record);
    const state = await context.router.read();
    const where =
      routerDigest(state) === routerDigest(record.snapshot.snapshot.router.state)
        ? 'traffic is as the snapshot recorded'
        : `traffic is left at ${formatWeights(state.weights)}; run rollback to return to the snapshot, or ${step} again to finish`;
    const outcome = `cancelled before it finished: ${where}`;
    await context.tracker?.failed(record, trackedStep, outcome);
    context.logger.warn(`cutover ${trackedStep} ${outcome}.`);
    return outcome;
  } finally {
    await context.router.close();
  }
}

async function writeSummary(frontEnd: FrontEnd, context: StepContext, step: TrackedStep, outputs: StepOutputs | null, error: unknown, advice?: Advice): Promise<void> {
  if (!frontEnd.summary) return;
  try {
    const markdown = await reportOf(context, step, { outputs, error, run: frontEnd.run, advice });
    if (markdown) await frontEnd.summary(markdown);
  } catch (failure) {
    context.logger.warn(`could not write the job summary: ${(failure as Error).message}`);
  }
}

function dispatch(step: StepName, context: StepContext, values: OptionValues, frontEnd: FrontEnd): Promise<StepOutputs> {
  switch (step) {
    case 'snapshot':
      return snapshotStep(context);
    case 'deploy':
      return deployStep(context, { version: text(values, 'version') });
    case 'migrate':
      return databaseStep(context, migratePhase(text(values, 'phase'), frontEnd.label('phase')));
    case 'contract':
      return databaseStep(context, 'contract', { force: text(values, 'force') });
    case 'promote':
      return switchTraffic(context, step);
    case 'rollback':
      return switchTraffic(context, step, {}, text(values, 'force'));
    case 'drill':
      return drillStep(context, productionFlag(values, frontEnd.label));
  }
}
