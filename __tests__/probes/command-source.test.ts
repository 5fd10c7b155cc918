import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Secrets } from '../../src/shared/secrets.js';
import { serveSampleApp, stopGracefully } from '../../src/demo/sample-app.js';
import { httpRequest } from '../../src/shared/io/http.js';
import { freePort } from '../../src/shared/io/ports.js';
import { poll } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { commandSourceSchema, createCommandSource } from '../../src/adapters/probes/command-source.js';
import type { AnalysisSource, MeasureWindow } from '../../src/adapters/probes/source.js';
import type { Router } from '../../src/adapters/routers/router.js';
import { tempDir } from '../support/servers.js';

const SECRET = 'chk-5ecret-value';
const node = process.execPath;
/** A check written in JavaScript, run as `node -e`; process.argv[1] onwards are its arguments. */
const script = (code: string, ...args: string[]) => [node, '-e', code, ...args];

const unused = () => Promise.reject(new Error('the command source must not touch the router'));
const router: Router = { kind: 'proxy', read: unused, apply: unused, initialize: unused, drain: unused, close: async () => {} };

const windowOf = (durationMs: number, signal = new AbortController().signal): MeasureWindow => ({
  roles: { new: 'green', old: 'blue' },
  weights: { blue: 90, green: 10 },
  durationMs,
  signal
});

const PASSED = { kind: 'measured', requests: 1, errors: 0, latenciesMs: [] };
const FAILED = { kind: 'measured', requests: 1, errors: 1, latenciesMs: [] };
const OLD = { kind: 'no-data', reason: 'a command checks only the new color' };

async function timed<T>(work: Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work;
  return { result, ms: performance.now() - started };
}

const waitForFile = (file: string) => poll(async () => existsSync(file), { what: file, done: there => there, timeoutMs: 5000, intervalMs: 10 });

describe('the command source', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  let blue: { port: number; server: http.Server };
  let green: { port: number; server: http.Server };
  let log: string[];

  /** The step's environment: what the check may use, and nothing else of this process's. */
  const stepEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, CHECK_TOKEN: SECRET };

  beforeEach(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    log = [];
    const app = async (color: string) => {
      const port = await freePort();
      return { port, server: await serveSampleApp({ port, version: color === 'blue' ? '1.0.0' : '2.0.0', color }) };
    };
    blue = await app('blue');
    green = await app('green');
  });

  afterEach(async () => {
    await Promise.all([stopGracefully(blue.server), stopGracefully(green.server)]);
    await removeDir();
  });

  function source(settings: Record<string, unknown>): AnalysisSource {
    const secrets = new Secrets({}, () => {});
    secrets.add(SECRET);
    // A logger that hides nothing, so only the source's own redaction can keep the secret out of the log.
    const logger = terminalLogger({ write: text => log.push(text), redact: text => text, verbose: true });
    const colors = {
      blue: { upstream: `127.0.0.1:${blue.port}`, health: `http://127.0.0.1:${blue.port}/healthz` },
      green: { upstream: `127.0.0.1:${green.port}`, health: `http://127.0.0.1:${green.port}/healthz`, url: `http://127.0.0.1:${green.port}/preview` }
    };
    const options = commandSourceSchema.parse({ kind: 'command', ...settings });
    return createCommandSource(options, { name: 'smoke', colors, router, baseDir: dir, logger, secrets, env: stepEnv });
  }

  /** Asks the new color for a page, as a smoke test would; says why it fails, with the token it used. */
  const smoke = script(`
    fetch(process.env.CUTOVER_NEW_URL + '/orders').then(response => {
      if (response.ok) process.exit(0);
      console.log('GET /orders with token ' + process.env.CHECK_TOKEN);
      console.error('answered ' + response.status);
      process.exit(3);
    });`);

  it('passes the window when the check exits 0, and fails it, logging the last lines redacted, when it exits otherwise', async () => {
    expect(await source({ run: smoke, timeout: '5s' }).measure(windowOf(100))).toEqual({ new: PASSED, old: OLD });
    expect(log.join('')).not.toContain('warning');

    await httpRequest(`http://127.0.0.1:${green.port}/fault?fail=1`, { method: 'PUT', timeoutMs: 2000 });
    expect(await source({ run: smoke, timeout: '5s' }).measure(windowOf(100))).toEqual({ new: FAILED, old: OLD });
    const shown = log.join('');
    expect(shown).toContain(`warning: analysis.sources.smoke: ${node} exited with code 3, so the new color fails this window; its last lines:`);
    expect(shown).toContain('| GET /orders with token ***');
    expect(shown).toContain('| answered 500');
    expect(shown).not.toContain(SECRET);
  });

  it("gives the check the roles, the new color's weight and both colors' URLs, in the config file's folder", async () => {
    const dump = script(`require('fs').writeFileSync('env.json', JSON.stringify(process.env))`);
    await source({ run: dump, timeout: '5s' }).measure(windowOf(50));

    const env = JSON.parse(await readFile(path.join(dir, 'env.json'), 'utf8')) as Record<string, string>;
    expect(env).toEqual({
      PATH: process.env.PATH,
      CHECK_TOKEN: SECRET,
      CUTOVER_NEW_COLOR: 'green',
      CUTOVER_OLD_COLOR: 'blue',
      CUTOVER_NEW_WEIGHT: '10',
      CUTOVER_NEW_URL: `http://127.0.0.1:${green.port}/preview`,
      CUTOVER_OLD_URL: `http://127.0.0.1:${blue.port}`
    });
  });

  it('resolves when both the window is over and the check has finished', async () => {
    const quick = await timed(source({ run: script('process.exit(0)'), timeout: '5s' }).measure(windowOf(400)));
    expect(quick.result.new).toEqual(PASSED);
    expect(quick.ms).toBeGreaterThanOrEqual(395);
    expect(quick.ms).toBeLessThan(2000);

    const slow = await timed(source({ run: script('setTimeout(() => {}, 700)'), timeout: '5s' }).measure(windowOf(50)));
    expect(slow.result.new).toEqual(PASSED);
    expect(slow.ms).toBeGreaterThanOrEqual(700);
    expect(slow.ms).toBeLessThan(2000);
  });

  it('stops a check at its timeout, by default the window, and fails the window', async () => {
    const hang = script('console.log("waiting for the new color"); setTimeout(() => {}, 60000)');
    const given = await timed(source({ run: hang, timeout: '1s' }).measure(windowOf(50)));
    expect(given.result).toEqual({ new: FAILED, old: OLD });
    expect(given.ms).toBeLessThan(3000);
    expect(log.join('')).toContain('did not finish within 1s and was stopped, so the new color fails this window; its last lines:\n  | waiting for the new color');

    const byWindow = await timed(source({ run: hang }).measure(windowOf(400)));
    expect(byWindow.result.new).toEqual(FAILED);
    expect(byWindow.ms).toBeGreaterThanOrEqual(400);
    expect(byWindow.ms).toBeLessThan(2000);
    expect(log.join('')).toContain('did not finish within 400ms');
  });

  it('gives no data when the program cannot be started', async () => {
    const { result, ms } = await timed(source({ run: ['cutover-no-such-check', '--now'] }).measure(windowOf(200)));
    expect(result.old).toEqual(OLD);
    expect(result.new).toEqual({
      kind: 'no-data',
      reason: 'analysis.sources.smoke.run: command not found: "cutover-no-such-check". Install it or give its full path.'
    });
    expect(ms).toBeGreaterThanOrEqual(195);
  });

  it('resolves at once on abort, without a verdict from a check still running, and runs nothing in a window aborted before it began', async () => {
    const abort = new AbortController();
    const [started, finished] = [path.join(dir, 'started'), path.join(dir, 'finished')];
    const check = script(`const fs = require('fs'); fs.writeFileSync(process.argv[1], ''); setTimeout(() => fs.writeFileSync(process.argv[2], ''), 500)`, started, finished);
    const measuring = source({ run: check }).measure(windowOf(10_000, abort.signal));
    await waitForFile(started);

    const { result, ms } = await timed((abort.abort(), measuring));
    expect(ms).toBeLessThan(100);
    expect(existsSync(finished)).toBe(false);
    expect(result).toEqual({ new: { kind: 'no-data', reason: `the window was cut short before ${node} finished` }, old: OLD });
    // The check runs on to its end: runCommand has no way to stop it sooner.
    await waitForFile(finished);

    // A window aborted before it began runs nothing.
    await rm(started);
    expect(await source({ run: check }).measure(windowOf(10_000, abort.signal))).toEqual(result);
    expect(existsSync(started)).toBe(false);
  });

  it('refuses a command written as one string, and a timeout beyond 10 minutes', () => {
    const problems = (settings: Record<string, unknown>) => {
      const parsed = commandSourceSchema.safeParse({ kind: 'command', ...settings });
      return parsed.success ? [] : parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(problems({ run: './check.sh --strict' })).toEqual([
      'run: expected a list of arguments, like [./canary-check.sh, --strict]; a single string is refused so that no shell parses it'
    ]);
    expect(problems({ run: [] })).toEqual(['run: expected at least the program to run']);
    expect(problems({ run: ['./check.sh'], timeout: '11m' })).toEqual(['timeout: expected a time from 1ms to 10m, like 30s']);
    expect(problems({ run: ['./check.sh'] })).toEqual([]);
  });
});
