import path from 'node:path';
import { loadConfig, type Override } from '../config/load.js';
import { Secrets } from '../config/secrets.js';
import type { Config } from '../config/schema.js';
import { BadInputError } from '../core/errors.js';
import type { Logger } from '../logging/logger.js';
import { createRouter } from '../routers/registry.js';
import type { Router, RouterContext } from '../routers/router.js';
import { fileStore } from '../store/file-store.js';
import { sourceFromEnv, type StepContext, type StepOutputs } from './context.js';
import { deployStep } from './deploy.js';
import { databaseStep, migratePhase } from './migrate.js';
import { optionsOf, type OptionValues, type StepName } from './options.js';
import { snapshotStep } from './snapshot.js';
import { switchTraffic } from './switch.js';

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
}

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const given = (values: OptionValues, name: string): boolean => {
  const value = values[name];
  return Array.isArray(value) ? value.length > 0 : text(values, name) !== undefined;
};

export function routerFor(config: Config, baseDir: string, logger: Logger): Router {
  const context: RouterContext = {
    service: config.service,
    endpoints: { blue: config.colors.blue.upstream, green: config.colors.green.upstream },
    baseDir,
    logger
  };
  return createRouter(config.router, context);
}

/** Builds the step's context from config plus options, and runs it. */
export async function runStep(step: StepName, values: OptionValues, frontEnd: FrontEnd): Promise<StepOutputs> {
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
  const secrets = new Secrets(frontEnd.env, frontEnd.onSecret);
  const logger = frontEnd.logger(secrets);
  const router = routerFor(config, baseDir, logger);
  const snapshotFile = text(values, 'snapshot-file') ?? frontEnd.defaultSnapshotFile(config.service);
  const store = fileStore({
    file: path.resolve(snapshotFile),
    snapshotJson: text(values, 'snapshot'),
    expectedDigest: text(values, 'digest')
  });
  const context: StepContext = {
    config,
    baseDir,
    logger,
    secrets,
    router,
    store,
    env: frontEnd.env,
    source: sourceFromEnv(frontEnd.env),
    now: () => new Date()
  };
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
    case 'rollback':
      return switchTraffic(context, step);
  }
}
