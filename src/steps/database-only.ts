/**
 * A database-only config: cutover.yml with a database section and no router or colors, for a
 * team that uses cutover for its migrations alone. expand, migrate and contract then run the
 * phases directly: the same history table, migration lock, lint, resume and progress as a
 * release, without a snapshot or a release record. Every step that moves or reads traffic refuses it.
 */
import type { Config } from '../config/schema.js';
import type { DatabaseStep } from '../core/release.js';
import { BadInputError } from '../shared/errors.js';
import { readHistory } from '../adapters/database/history.js';
import { runPhase } from '../adapters/database/phases.js';
import type { StepContext, StepOutputs } from './context.js';
import type { StepName } from './options.js';
import { databaseSettings, migrationsOf, phaseOptions, withDatabase } from './database.js';
import { checkFinished, databaseOutputs, describeReport, TITLES } from './migrate.js';

/** What the database phases need of a step's context: no router, no release record. */
export type DatabaseOnlyContext = Pick<StepContext, 'config' | 'baseDir' | 'logger' | 'secrets' | 'source' | 'signal'>;

/** The option by which a database-only contract is told that the old version no longer runs. */
export const RETIRED_OPTION = 'old-version-retired';

/** Options that speak of a release (its record, its guard's override): a database-only config has none. */
const RELEASE_OPTIONS = ['snapshot', 'snapshot-file', 'digest', 'force'] as const;

const WHERE_INSTEAD = 'add router and colors to cutover.yml, or run only the database phases with cutover db expand|migrate|contract (the migrate and contract actions in a workflow)';

/** The router a step needs, or a refusal naming the fix when the config is database-only. */
export function routerOptionsOf(config: Config, command: string): NonNullable<Config['router']> {
  if (config.router) return config.router;
  throw new BadInputError(
    `${command}: cutover.yml has no router: it is a database-only config, which runs the database phases alone, and ${command} needs a router and the colors. To use it, ${WHERE_INSTEAD}.`
  );
}

/** The steps a database-only config runs: the database phases. */
export function runsDatabaseOnly(config: Config, step: StepName): step is 'migrate' | 'contract' {
  return !config.router && (step === 'migrate' || step === 'contract');
}

/**
 * Refuses, before anything runs, a step that needs a router with a database-only config, and the
 * options that do not fit the config: release options without a router, the retirement
 * confirmation with one (contract reads the traffic itself then). `given` tells whether an
 * option was given; `label` spells it as the front end does.
 */
export function checkStepFitsConfig(step: StepName, config: Config, given: (name: string) => boolean, label: (name: string) => string): void {
  if (!runsDatabaseOnly(config, step)) routerOptionsOf(config, step);
  if (config.router) {
    if (given(RETIRED_OPTION)) {
      throw new BadInputError(
        `${label(RETIRED_OPTION)}: only a database-only config (no router) takes it. This cutover.yml has a router, so contract checks itself that the old color serves no traffic; to override its guard, give ${label('force')} with the reason.`
      );
    }
    return;
  }
  const extra = RELEASE_OPTIONS.find(given);
  if (extra) {
    const instead = extra === 'force' ? `; for contract, confirm that the old version no longer runs with ${label(RETIRED_OPTION)}` : '';
    throw new BadInputError(`${label(extra)}: cutover.yml is a database-only config (no router), which keeps no snapshot or release record; remove it${instead}.`);
  }
}

/**
 * Why contract may drop what the old version used: without a router there is no traffic to read,
 * so the person running it says how they know the old version no longer runs. Recorded in the history.
 */
function retiredReason(step: DatabaseStep, retired: string | undefined, label: (name: string) => string): string | null {
  if (step !== 'contract') return null;
  if (retired === undefined) {
    throw new BadInputError(
      `${label(RETIRED_OPTION)}: required for contract with a database-only config. Contract drops what the old version of the service reads and writes, and without a router cutover cannot see whether it still runs. Once it no longer runs anywhere, give ${label(RETIRED_OPTION)} with how you know (like "v1 undeployed by deploy #812"); it is recorded in the migration history.`
    );
  }
  return `old version retired: ${retired}`;
}

/** expand, migrate or contract of every pending migration, with no release around it (`release` is null in the history). */
export async function databaseOnlyStep(context: DatabaseOnlyContext, step: DatabaseStep, retired: string | undefined, label: (name: string) => string): Promise<StepOutputs> {
  const settings = databaseSettings(context, step);
  const forced = retiredReason(step, retired, label);
  return context.logger.group(TITLES[step], async () => {
    const migrations = await migrationsOf(context, step);
    const who = { runId: context.source.run_id, actor: context.source.actor, release: null };
    return withDatabase(context, step, async db => {
      const report = await runPhase(db, migrations, step, phaseOptions(settings, context.logger, who, forced, context.signal, context));
      checkFinished(step, report, context.logger);
      context.logger.info(describeReport(report));
      return databaseOutputs(report, await readHistory(db), '');
    });
  });
}
