import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config/load.js';
import { isColor } from '../core/color.js';
import { PROXY_KINDS, type ProxyKind } from '../adapters/evm/proxy-kinds.js';
import { BadInputError, describeError } from '../shared/errors.js';
import { createGitHubClient } from '../adapters/github/client.js';
import { gitHubRunOf } from '../adapters/github/environment.js';
import { cleanOutsideText } from '../shared/logging/outside-text.js';
import { dbToolCommand } from './db.js';
import { parseFlags } from './flags.js';
import { maskedTerminal, terminalLog, terminalSecrets, type Terminal } from './terminal.js';
import { Secrets } from '../shared/secrets.js';
import { initRouter } from '../steps/init.js';
import { checkOptions, FAILURE_CAUSE, optionsOf, STEP_OUTPUTS, STEPS, type OptionValues, type StepName } from '../steps/options.js';
import { routerOptionsOf } from '../steps/database-only.js';
import { routerFor, runStep, type FrontEnd } from '../app/run.js';
import type { StepOutputs } from '../steps/context.js';
import type { Advice } from '../core/next-step.js';
import { commandHelp, mainHelp } from './help.js';

/** Exit codes: 0 done, 1 the release step failed or refused, 2 bad input (nothing was changed). */
export async function main(argv: readonly string[], given: Terminal): Promise<number> {
  const [command, ...rest] = argv;
  const terminal = maskedTerminal(given);
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      terminal.out(mainHelp());
      return command === undefined ? 2 : 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      terminal.out(commandHelp(command));
      return 0;
    }
    if ((STEPS as readonly string[]).includes(command)) return await stepCommand(command as StepName, rest, terminal);
    if (command === 'db') return await dbCommand(rest, terminal);
    if (command === 'init') return await initCommand(rest, terminal);
    // The contract tooling and the demo load only for their commands, so a release step never loads them.
    if (command === 'evm') return await (await import('./evm.js')).evmCommand(rest, terminal);
    if (command === 'demo') return await demoCommand(rest, terminal);
    if (command === 'sample-app') return await sampleAppCommand(rest, terminal);
    throw new BadInputError(`unknown command ${JSON.stringify(command)}. Commands: ${[...STEPS, 'db', 'init', 'evm', 'demo'].join(', ')}. See cutover --help.`);
  } catch (error) {
    return failed(terminal, error);
  }
}

/** Prints a failure, and after it what to do next when the step said; returns the exit code. */
function failed(terminal: Terminal, error: unknown, next?: string): number {
  // An error can quote what a server or a command said: it reaches the terminal as text only.
  terminal.err(`error: ${cleanOutsideText(describeError(error), { multiline: true })}\n`);
  if (next) terminal.err(`what to do next: ${next}\n`);
  return error instanceof BadInputError ? 2 : 1;
}

const COMMON = {
  verbose: { type: 'boolean' },
  json: { type: 'boolean' }
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: readonly string[], options: O) {
  return parseFlags(command, args, options).values;
}

const flagLabel = (name: string): string => `--${name}`;

function frontEnd(terminal: Terminal, verbose: boolean): FrontEnd {
  return {
    env: terminal.env,
    onSecret: value => terminal.mask?.(value),
    logger: (secrets: Secrets) => terminalLog(terminal, secrets, verbose),
    label: flagLabel,
    defaultSnapshotFile: service => path.join('.cutover', `${service}.json`),
    // `npx cutover` in a workflow job records the release on GitHub as the Action does.
    run: gitHubRunOf(terminal.env),
    gitHubClient: createGitHubClient
  };
}

async function stepCommand(step: StepName, args: readonly string[], terminal: Terminal): Promise<number> {
  const flags = Object.fromEntries(optionsOf(step).map(o => [o.name, { type: 'string' }] as const));
  const values = parse(step, args, { ...COMMON, ...flags }) as Record<string, string | boolean | undefined>;
  const options: OptionValues = {};
  for (const option of optionsOf(step)) {
    const value = values[option.name];
    if (typeof value !== 'string') continue;
    options[option.name] = option.kind === 'list' ? parseList(option.name, value) : value;
  }
  checkOptions(step, options, flagLabel);
  let advice: Advice | undefined;
  let outputs: StepOutputs;
  try {
    outputs = await runStep(step, options, { ...frontEnd(terminal, values.verbose === true), nextAfterFailure: (_step, given) => (advice = given) });
  } catch (error) {
    if (advice === undefined) throw error;
    if (values.json) terminal.out(JSON.stringify({ [FAILURE_CAUSE.name]: advice.cause, next: advice.next }, null, 2) + '\n');
    return failed(terminal, error, advice.next);
  }
  if (values.json) {
    terminal.out(JSON.stringify(outputs, null, 2) + '\n');
  } else {
    for (const output of STEP_OUTPUTS[step]) {
      if (output.name !== 'snapshot' && output !== FAILURE_CAUSE) terminal.out(`${output.name}: ${cleanOutsideText(outputs[output.name] ?? '', { max: Infinity })}\n`);
    }
  }
  return 0;
}

/**
 * `cutover db expand|migrate|contract` are the release steps by their phase names (with a database-only
 * config, the phases alone); the rest are tools.
 */
function dbCommand(args: readonly string[], terminal: Terminal): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'expand' || sub === 'migrate') return stepCommand('migrate', ['--phase', sub, ...rest], terminal);
  if (sub === 'contract') return stepCommand('contract', rest, terminal);
  return dbToolCommand(sub, rest, terminal);
}

/** A list flag is a JSON array of strings, so arguments keep their spaces and quotes without a shell. */
function parseList(name: string, value: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.some(item => typeof item !== 'string')) {
    throw new BadInputError(`--${name}: expected a JSON array of arguments, like '["./deploy.sh","--fast"]', got ${JSON.stringify(value)}.`);
  }
  return parsed as string[];
}

async function initCommand(args: readonly string[], terminal: Terminal): Promise<number> {
  const values = parse('init', args, { ...COMMON, config: { type: 'string' }, live: { type: 'string' } });
  if (!isColor(values.live)) {
    throw new BadInputError(`--live: expected blue or green (the color that serves traffic now), got ${JSON.stringify(values.live ?? null)}.`);
  }
  const { config, baseDir } = await loadConfig(values.config ?? 'cutover.yml');
  routerOptionsOf(config, 'init');
  const secrets = terminalSecrets(terminal);
  const logger = terminalLog(terminal, secrets, values.verbose === true);
  const router = await routerFor(config, baseDir, logger, secrets, terminal.env);
  const state = await initRouter(config, router, logger, values.live).finally(() => router.close());
  terminal.out(`live-color: ${values.live}\nrouter-kind: ${state.kind}\n`);
  return 0;
}

async function demoCommand(args: readonly string[], terminal: Terminal): Promise<number> {
  if (args[0] === 'evm') return evmDemoCommand(args.slice(1), terminal);
  const values = parse('demo', args, {
    ...COMMON,
    router: { type: 'string' },
    concurrency: { type: 'string' }
  });
  const router = values.router ?? 'auto';
  if (!['auto', 'nginx', 'proxy'].includes(router)) {
    throw new BadInputError(`--router: expected auto, nginx or proxy, got ${JSON.stringify(router)}.`);
  }
  const concurrency = Number(values.concurrency ?? 8);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new BadInputError(`--concurrency: expected a whole number from 1 to 256, got ${JSON.stringify(values.concurrency)}.`);
  }
  const { runDemo } = await import('../demo/run-demo.js');
  const report = await runDemo({
    router: router as 'auto' | 'nginx' | 'proxy',
    concurrency,
    self: terminal.self,
    write: terminal.err,
    frontEnd: frontEnd(terminal, values.verbose === true)
  });
  terminal.out(report.text);
  if (values.json) terminal.out(JSON.stringify(report.figures, null, 2) + '\n');
  return report.figures.failed === 0 ? 0 : 1;
}

/** `cutover demo evm`: a contract release on a local anvil chain, one line per step with its block and transactions. */
async function evmDemoCommand(args: readonly string[], terminal: Terminal): Promise<number> {
  const values = parse('demo evm', args, { ...COMMON, kind: { type: 'string' } });
  const kind = values.kind ?? 'uups';
  if (!(PROXY_KINDS as readonly string[]).includes(kind)) {
    throw new BadInputError(`--kind: expected ${PROXY_KINDS.join(', ')}, got ${JSON.stringify(kind)}.`);
  }
  const { runEvmDemo } = await import('../demo/evm-demo.js');
  const report = await runEvmDemo({ kind: kind as ProxyKind, write: terminal.err, frontEnd: frontEnd(terminal, values.verbose === true) });
  terminal.out(report.text);
  if (values.json) terminal.out(JSON.stringify(report.figures, null, 2) + '\n');
  return 0;
}

/** The demo's sample app: `start` launches it in the background (the demo's deploy command); without it, it serves until SIGTERM. */
async function sampleAppCommand(args: readonly string[], terminal: Terminal): Promise<number> {
  const { serveSampleApp, startSampleAppProcess, stopGracefully } = await import('../demo/sample-app.js');
  const background = args[0] === 'start';
  const values = parse('sample-app', background ? args.slice(1) : args, {
    port: { type: 'string' },
    version: { type: 'string' },
    color: { type: 'string' },
    'pid-file': { type: 'string' }
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new BadInputError(`--port: expected a port number, got ${JSON.stringify(values.port)}.`);
  const app = { port, version: values.version ?? '0.0.0', color: values.color ?? 'unknown' };
  if (background) {
    if (!values['pid-file']) throw new BadInputError('--pid-file: required with start, so the process can be stopped later.');
    const pid = await startSampleAppProcess(terminal.self, { ...app, pidFile: values['pid-file'] });
    terminal.out(`sample app ${app.version} (${app.color}) starting on 127.0.0.1:${port}, pid ${pid}\n`);
    return 0;
  }
  const server = await serveSampleApp(app);
  await new Promise<void>(resolve => process.once('SIGTERM', () => resolve()));
  await stopGracefully(server);
  return 0;
}
