import { decide } from '../core/release.js';
import { ReleaseError } from '../shared/errors.js';
import { KILL_GRACE_MS, runCommand } from '../shared/io/command.js';
import { orphanWaitMs, waitForOrphans } from '../shared/io/processes.js';
import { waitHealthy } from '../adapters/probes/health.js';
import { readVersion } from '../adapters/probes/version.js';
import { recordStep, type StepContext, type StepOutputs } from './context.js';

export interface DeployArgs {
  /** The version being deployed, as the user names it; read from the color's version URL when absent. */
  version?: string;
}

/**
 * Deploys to the idle color and proves it healthy before anyone can route to
 * it: the user's command, then the health URL, then the smoke command. It never
 * touches the router, and refuses when the idle color carries any traffic.
 */
export async function deployStep(context: StepContext, args: DeployArgs): Promise<StepOutputs> {
  const { config, logger } = context;
  const record = await context.store.load();
  const { snapshot } = record.snapshot;
  const idle = snapshot.idle_color;
  const color = config.colors?.[idle];
  return logger.group(`Deploy ${idle}`, async () => {
    const current = await context.router.read();
    decide('deploy', record.snapshot, current, record.phase);

    const env: NodeJS.ProcessEnv = {
      ...context.env,
      CUTOVER_SERVICE: config.service,
      CUTOVER_ENVIRONMENT: config.environment,
      CUTOVER_COLOR: idle,
      CUTOVER_UPSTREAM: color?.upstream ?? current.endpoints[idle],
      ...(color ? { CUTOVER_HEALTH_URL: color.health } : {}),
      CUTOVER_SNAPSHOT_DIGEST: record.snapshot.digest,
      ...(args.version ? { CUTOVER_VERSION: args.version } : {})
    };
    for (const [name, value] of Object.entries(config.deploy.env)) env[name] = context.secrets.resolve(`deploy.env.${name}`, value);

    if (config.deploy.command) {
      await runUserCommand(context, config.deploy.command, 'deploy.command', env, config.deploy.timeout);
    } else if (!context.router.prepare) {
      logger.info(`no deploy.command configured: ${idle} is expected to have been deployed by an earlier step`);
    }
    let reported: string | null = null;
    if (context.router.prepare) {
      const prepared = await context.router.prepare(idle);
      for (const check of prepared.checks) logger.info(`checked: ${check}`);
      if (prepared.diff.length) logger.info(`changes from ${snapshot.live_color} to ${idle}:\n${prepared.diff.map(line => `  ${line}`).join('\n')}`);
      reported = prepared.version;
      record.prepared = prepared;
    }
    if (color) await waitHealthy({ color: idle, url: color.health }, { settings: config.health, secrets: context.secrets, logger, signal: context.signal });
    if (config.deploy.smoke) {
      await runUserCommand(context, config.deploy.smoke, 'deploy.smoke', env, config.deploy['smoke-timeout']);
    }
    if (color?.version) reported = await readVersion(color.version, { timeoutMs: config.health['request-timeout'], signal: context.signal, warn: reason => logger.warn(reason) });
    if (args.version && reported && reported !== args.version) {
      throw new ReleaseError(`${idle} reports version ${reported}${color?.version ? ` at ${color.version}` : ''}, but version ${args.version} was deployed. Check the deploy command.`);
    }
    const version = args.version ?? reported ?? '';
    await recordStep(context, record, 'deploy', 'done', `${idle} ${version || '(version unknown)'} healthy`, 'deployed', version);
    return { color: idle, upstream: env.CUTOVER_UPSTREAM as string, version };
  });
}
async function runUserCommand(context: StepContext, argv: string[], field: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  const { logger } = context;
  // A killed earlier run's command may still hold the idle color (its port, its files): its supervisor is stopping it.
  await waitForOrphans(field, { timeoutMs: orphanWaitMs(KILL_GRACE_MS), signal: context.signal });
  logger.info(`running ${field}: ${argv.map(a => JSON.stringify(a)).join(' ')}`);
  const result = await runCommand(argv, { field, env, cwd: context.baseDir, timeoutMs, onLine: line => logger.info(`  | ${line}`) });
  if (result.code !== 0) {
    throw new ReleaseError(`${field} exited with code ${result.code}; no traffic was moved.`);
  }
}
