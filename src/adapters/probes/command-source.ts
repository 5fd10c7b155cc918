import { z } from 'zod';
import { argvSchema } from '../../shared/argv.js';
import { describeError } from '../../shared/errors.js';
import type { ColorMeasurement, Role } from '../../core/measurement.js';
import { durationSchema, formatDuration } from '../../shared/duration.js';
import { runCommand } from '../../shared/io/command.js';
import { colorUrl } from './http-probe.js';
import { sleepUnlessAborted } from '../../shared/io/wait.js';
import type { AnalysisSource, MeasureWindow, SourceContext } from './source.js';

/** Longest a check may run, whatever the window: a hung check must not hold a release for long. */
export const MAX_TIMEOUT_MS = 600_000;
/** Lines of a failed check's output shown in the log. */
const TAIL_LINES = 20;

/**
 * `kind: command`: the user's own check (a smoke test, a synthetic transaction)
 * run against the new color once per window. Exit 0 passes the window, any
 * other exit or a timeout fails it.
 */
export const commandSourceSchema = z.strictObject({
  kind: z.literal('command'),
  run: argvSchema('[./canary-check.sh, --strict]'),
  /** Longest run before the check is stopped and counted as failed; by default the window's length. */
  timeout: durationSchema
    .refine(ms => ms > 0 && ms <= MAX_TIMEOUT_MS, `expected a time from 1ms to ${MAX_TIMEOUT_MS / 60_000}m, like 30s`)
    .optional()
});

export type CommandSourceOptions = z.output<typeof commandSourceSchema>;

const PASSED: ColorMeasurement = { kind: 'measured', requests: 1, errors: 0, latenciesMs: [] };
const FAILED: ColorMeasurement = { kind: 'measured', requests: 1, errors: 1, latenciesMs: [] };
const OLD_UNMEASURED: ColorMeasurement = { kind: 'no-data', reason: 'a command checks only the new color' };

/**
 * Starts the check when the window starts, in the config file's folder, with
 * the step's environment plus CUTOVER_NEW_COLOR, CUTOVER_OLD_COLOR,
 * CUTOVER_NEW_WEIGHT (percent), CUTOVER_NEW_URL and CUTOVER_OLD_URL. `measure`
 * resolves once the window is over and the check has finished, or at once on
 * abort: the window then has no verdict from the check, which runs on until it
 * ends or reaches its timeout, since runCommand cannot be stopped earlier.
 */
export function createCommandSource(options: CommandSourceOptions, context: SourceContext): AnalysisSource {
  const field = `analysis.sources.${context.name}`;
  const program = options.run[0] as string;

  async function check(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ColorMeasurement> {
    const tail: string[] = [];
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    };
    // Set just before runCommand's own timer for the same time, so it has fired whenever runCommand gave up waiting.
    let timedOut = false;
    const deadline = setTimeout(() => (timedOut = true), timeoutMs);
    let outcome: string;
    try {
      const result = await runCommand(options.run, { field: `${field}.run`, env, cwd: context.baseDir, timeoutMs, onLine });
      if (result.code === 0) {
        context.logger.debug(`${field}: ${program} passed`);
        return PASSED;
      }
      outcome = `exited with code ${result.code}`;
    } catch (error) {
      // Before the timeout, runCommand rejects only for a program that could not be started: no check was made.
      if (!timedOut) return { kind: 'no-data', reason: context.secrets.redact(describeError(error)) };
      outcome = `did not finish within ${formatDuration(timeoutMs)} and was stopped`;
    } finally {
      clearTimeout(deadline);
    }
    const output = tail.length > 0 ? `; its last lines:\n${tail.map(line => `  | ${context.secrets.redact(line)}`).join('\n')}` : '';
    context.logger.warn(`${field}: ${program} ${outcome}, so the new color fails this window${output}`);
    return FAILED;
  }

  return {
    name: context.name,
    kind: 'command',
    async measure(window: MeasureWindow): Promise<Record<Role, ColorMeasurement>> {
      const { roles, signal } = window;
      const cutShort: ColorMeasurement = { kind: 'no-data', reason: `the window was cut short before ${program} finished` };
      if (signal.aborted) return { new: cutShort, old: OLD_UNMEASURED };
      const env = {
        ...context.env,
        CUTOVER_NEW_COLOR: roles.new,
        CUTOVER_OLD_COLOR: roles.old,
        CUTOVER_NEW_WEIGHT: String(window.weights[roles.new]),
        CUTOVER_NEW_URL: colorUrl(context.colors, roles.new),
        CUTOVER_OLD_URL: colorUrl(context.colors, roles.old)
      };
      let measured: ColorMeasurement | undefined;
      const checked = check(env, options.timeout ?? Math.min(window.durationMs, MAX_TIMEOUT_MS)).then(m => (measured = m));
      const windowOver = sleepUnlessAborted(window.durationMs, signal);
      let stop = () => {};
      const aborted = new Promise<void>(resolve => (stop = resolve));
      signal.addEventListener('abort', stop, { once: true });
      try {
        await Promise.race([Promise.all([checked, windowOver]), aborted]);
      } finally {
        signal.removeEventListener('abort', stop);
      }
      return { new: measured ?? cutShort, old: OLD_UNMEASURED };
    },
    close: async () => {}
  };
}
