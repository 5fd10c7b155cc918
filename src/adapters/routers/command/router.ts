import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { type CommandOptions } from './options.js';
import type { Color } from '../../../core/color.js';
import { BadInputError, describeError, DriftError, ReleaseError } from '../../../shared/errors.js';
import { describeRouterState, routerDigest, type RouterState } from '../../../core/router-state.js';
import { formatWeights, type Weights } from '../../../core/weights.js';
import { runChecked, type CommandResult } from '../../../shared/io/command.js';
import { confirmServing } from '../common/confirm.js';
import { waitDrained, waitDrainTime } from '../common/drain.js';
import { localHost, lockFileFor, withLock, type Host } from '../../transport/host.js';
import { drainSettings } from '../options.js';
import type { Router, RouterContext } from '../router.js';


const percent = z.number().int().min(0).max(100);

/** What `read` prints. The same shape travels to `switch` as CUTOVER_TARGET_JSON. */
const readOutputSchema = z
  .strictObject({ weights: z.strictObject({ blue: percent, green: percent }) })
  .refine(output => output.weights.blue + output.weights.green === 100, { error: 'the weights must sum to 100', path: ['weights'] });

const READ_EXAMPLE = '{"weights": {"blue": 100, "green": 0}}';
const OUTPUT_SHOWN = 200;
const MESSAGE_MAX = 2000;
/** The exit code by which `switch` says its compare-and-set failed: someone else changed the balancer, and it changed nothing. */
const SWITCH_REFUSED = 10;
/** How long a re-run looks for the state the balancer reports before running switch again. */
const QUICK_CHECK_MS = 1000;

/** Variables cutover sets; inherited copies are dropped so a script never sees a stale one. */
const OWN_VARIABLES = /^CUTOVER_(SERVICE|BLUE_UPSTREAM|GREEN_UPSTREAM|TARGET_\w+|EXPECTED_\w+|DRAIN_\w+)$/;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters in all)`;
}

const asJson = (weights: Weights) => JSON.stringify({ weights: { blue: weights.blue, green: weights.green } });

export function createCommandRouter(options: CommandOptions, context: RouterContext, host: Host = localHost): Router {
  const { logger, secrets } = context;
  const lockPath = options.lock ? path.resolve(context.baseDir, options.lock) : path.join(tmpdir(), `cutover-${context.service}-balancer`);
  const settings = drainSettings(options.drain, context.signal);

  const stateOf = (weights: Weights): RouterState => ({
    kind: 'command',
    endpoints: { blue: context.endpoints.blue, green: context.endpoints.green },
    weights: { blue: weights.blue, green: weights.green },
    settings: {}
  });
  const same = (a: RouterState, b: RouterState) => routerDigest(a) === routerDigest(b);

  /** The process environment (scripts need their credentials) plus cutover's own variables. */
  function envWith(own: Record<string, string>): NodeJS.ProcessEnv {
    const env = Object.fromEntries(Object.entries(context.env ?? process.env).filter(([name]) => !OWN_VARIABLES.test(name)));
    return {
      ...env,
      CUTOVER_SERVICE: context.service,
      CUTOVER_BLUE_UPSTREAM: context.endpoints.blue,
      CUTOVER_GREEN_UPSTREAM: context.endpoints.green,
      ...own
    };
  }

  async function run(field: string, argv: readonly string[], env: NodeJS.ProcessEnv, loud: boolean, runner = host.run): Promise<CommandResult> {
    const onLine = (line: string, stream: 'stdout' | 'stderr') => {
      if (loud) logger.info(`  | ${line}`);
      else if (stream === 'stderr') logger.debug(`${field}: ${line}`);
    };
    try {
      return await runChecked(argv, { field, env, cwd: context.baseDir, timeoutMs: options.timeout, onLine }, runner);
    } catch (error) {
      // The output of a failed command may echo a credential, and may be long.
      if (error instanceof ReleaseError) throw new (error instanceof DriftError ? DriftError : ReleaseError)(clip(secrets.redact(error.message), MESSAGE_MAX));
      throw error;
    }
  }

  async function readState(): Promise<RouterState> {
    const { stdout } = await run('router.read', options.read, envWith({}), false);
    const refuse = (problem: string): never => {
      const shown = stdout.trim() ? JSON.stringify(clip(secrets.redact(stdout.trim()), OUTPUT_SHOWN)) : 'nothing';
      throw new ReleaseError(
        `router.read: ${options.read[0]} printed ${shown}: ${problem}. ` +
          `It must print one JSON object on stdout, like ${READ_EXAMPLE}, with whole percents for blue and green that sum to 100; logs go to stderr.`
      );
    };
    let json: unknown;
    try {
      json = JSON.parse(stdout);
    } catch (error) {
      return refuse(`not JSON (${(error as Error).message})`);
    }
    const parsed = readOutputSchema.safeParse(json);
    if (!parsed.success) return refuse(parsed.error.issues.map(issue => `${issue.path.join('.') || 'the output'}: ${issue.message}`).join('; '));
    return stateOf(parsed.data.weights);
  }

  /** The read, or null when it fails: while undoing, a failed read is one more fact to report, not the end. */
  async function readOrNull(): Promise<RouterState | null> {
    try {
      return await readState();
    } catch (error) {
      logger.warn(describeError(error));
      return null;
    }
  }

  /**
   * `from` is what the balancer was last seen holding, passed as CUTOVER_EXPECTED_*;
   * null where cutover does not know (init, or after a failed read).
   */
  async function runSwitch(from: RouterState | null, to: RouterState, field = 'router.switch'): Promise<void> {
    logger.info(`${field}: ${from ? formatWeights(from.weights) : 'unknown state'} -> ${formatWeights(to.weights)}`);
    const env = envWith({
      CUTOVER_TARGET_BLUE: String(to.weights.blue),
      CUTOVER_TARGET_GREEN: String(to.weights.green),
      CUTOVER_TARGET_JSON: asJson(to.weights),
      ...(from
        ? { CUTOVER_EXPECTED_BLUE: String(from.weights.blue), CUTOVER_EXPECTED_GREEN: String(from.weights.green), CUTOVER_EXPECTED_JSON: asJson(from.weights) }
        : {})
    });
    if (!from) {
      await run(field, options.switch, env, true);
      return;
    }
    await run(field, options.switch, env, true, async (argv, runOptions) => {
      const result = await host.run(argv, runOptions);
      if (result.code !== SWITCH_REFUSED) return result;
      const said = result.stderr.trim();
      throw new DriftError(
        `${field}: ${argv[0]} refused (exit code ${SWITCH_REFUSED}): the balancer no longer holds ${formatWeights(from.weights)}, so someone else changed it. ` +
          `cutover changed nothing and leaves the balancer as it is.${said ? `\n${said}` : ''}`
      );
    });
  }

  const confirm = (state: RouterState, timeoutMs = options.confirm.timeout) =>
    confirmServing(state, {
      url: options.probe as string,
      responses: options.confirm.responses,
      timeoutMs,
      intervalMs: options.confirm.interval,
      generation: null,
      signal: context.signal
    });

  /** Switch, read back, confirm by answers where there is a probe. `seen` keeps the read-back for an undo. */
  async function switchAndCheck(from: RouterState | null, to: RouterState, seen: { state?: RouterState } = {}): Promise<void> {
    await runSwitch(from, to);
    seen.state = await readState();
    if (!same(seen.state, to)) {
      throw new ReleaseError(`router.switch exited 0, but router.read now reports ${formatWeights(seen.state.weights)}, not ${formatWeights(to.weights)}.`);
    }
    if (options.probe) await confirm(to);
  }

  /**
   * Puts `previous` back after a failed switch and returns the error that
   * reports both outcomes. `seen` is the state the balancer was read in after
   * the failure, if it was.
   */
  async function undo(previous: RouterState, failure: unknown, seen: RouterState | null): Promise<ReleaseError> {
    const first = describeError(failure);
    logger.warn(`${first}\nPutting the previous state back: ${formatWeights(previous.weights)}.`);
    const now = seen ?? (await readOrNull());
    if (now && same(now, previous)) {
      return new ReleaseError(`${first}\nrouter.read still reports the previous state, ${formatWeights(previous.weights)}: the switch changed nothing.`);
    }
    try {
      await runSwitch(now, previous, 'router.switch (back to the previous state)');
    } catch (error) {
      return new ReleaseError(
        `${first}\nSwitching back to ${formatWeights(previous.weights)} failed too: ${describeError(error)}\n` +
          'The balancer may hold neither state: check it with the router.read command and set it by hand.'
      );
    }
    const after = await readOrNull();
    if (!after || !same(after, previous)) {
      return new ReleaseError(
        `${first}\nrouter.switch ran to put ${formatWeights(previous.weights)} back, but router.read reports ${after ? formatWeights(after.weights) : 'no valid state (see the warning above)'}. ` +
          'Check the balancer by hand.'
      );
    }
    if (options.probe) {
      try {
        await confirm(previous);
      } catch (error) {
        return new ReleaseError(`${first}\nrouter.read reports the previous state back, ${formatWeights(previous.weights)}, but answers do not confirm it: ${describeError(error)}`);
      }
    }
    return new ReleaseError(`${first}\nThe previous state is back: router.read reports ${formatWeights(previous.weights)}${options.probe ? ` and answers at ${options.probe} confirm it` : ''}.`);
  }

  async function applyUnlocked(expected: RouterState, target: RouterState): Promise<void> {
    const current = await readState();
    if (!same(current, expected)) {
      throw new DriftError(
        `the balancer no longer holds the expected state ${routerDigest(expected)} (${describeRouterState(expected)}); ` +
          `router.read reports ${routerDigest(current)} (${describeRouterState(current)}). Nothing was changed.`
      );
    }
    if (same(current, target)) {
      // The balancer reports the target; without a probe that is the proof. With one, a switch stopped halfway is finished.
      if (!options.probe) return;
      await confirm(target, Math.min(QUICK_CHECK_MS, options.confirm.timeout)).catch(async () => {
        logger.info(`router.read reports the target state, but answers at ${options.probe} do not show it yet; running router.switch again`);
        await switchAndCheck(current, target);
      });
      return;
    }
    const seen: { state?: RouterState } = {};
    try {
      await switchAndCheck(current, target, seen);
    } catch (error) {
      // A switch that could not start, or that refused because someone else changed the balancer, changed nothing: undoing would overwrite the other change.
      if (error instanceof BadInputError || error instanceof DriftError) throw error;
      throw await undo(current, error, seen.state ?? null);
    }
  }

  async function initializeUnlocked(state: RouterState): Promise<void> {
    // No read can tell "no state yet" from a state: init sets the weights, whatever the balancer held.
    await switchAndCheck(null, stateOf(state.weights));
  }

  const locked = <T>(work: () => Promise<T>): Promise<T> =>
    withLock(host, lockPath, work, error =>
      error instanceof ReleaseError
        ? error
        : new ReleaseError(`router.lock: cannot take the lock ${lockFileFor(lockPath)}: ${error.message}. Give a path in a folder that exists and that this user can write; nothing was changed.`)
    );

  /** A whole number printed by `in-flight` or `close`. */
  async function countFrom(field: string, argv: readonly string[], color: Color): Promise<number> {
    const env = envWith({ CUTOVER_DRAIN_COLOR: color, CUTOVER_DRAIN_UPSTREAM: context.endpoints[color] });
    const { stdout } = await run(field, argv, env, field === 'router.close');
    const text = stdout.trim();
    if (!/^\d+$/.test(text)) {
      throw new ReleaseError(
        `${field}: ${argv[0]} printed ${text ? JSON.stringify(clip(secrets.redact(text), OUTPUT_SHOWN)) : 'nothing'}; ` +
          `expected one whole number on stdout (for ${color}), like 0 or 12; logs go to stderr.`
      );
    }
    return Number(text);
  }

  return {
    kind: 'command',
    read: readState,
    apply: (expected, target) => locked(() => applyUnlocked(expected, target)),
    initialize: state => locked(() => initializeUnlocked(state)),
    drain(color) {
      const inFlight = options['in-flight'];
      if (!inFlight) return waitDrainTime(color, settings);
      const close = options.close;
      return waitDrained(
        color,
        {
          describe: `requests in flight on ${color}, as router.in-flight reports`,
          inFlight: () => countFrom('router.in-flight', inFlight, color),
          closeRemaining: close ? () => countFrom('router.close', close, color) : undefined
        },
        settings
      );
    },
    close: () => host.close()
  };
}
