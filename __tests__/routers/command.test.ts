import http from 'node:http';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Secrets } from '../../src/shared/secrets.js';
import { BadInputError, DriftError, ReleaseError } from '../../src/shared/errors.js';
import type { RouterState } from '../../src/core/router-state.js';
import { stopGracefully } from '../../src/demo/sample-app.js';
import { freePort } from '../../src/shared/io/ports.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { createCommandRouter } from '../../src/adapters/routers/command/router.js';
import { commandOptionsSchema } from '../../src/adapters/routers/command/options.js';
import { localHost } from '../../src/adapters/transport/host.js';
import type { Router } from '../../src/adapters/routers/router.js';
import { tempDir } from '../support/servers.js';

const FIXTURES = path.resolve('__tests__', 'fixtures', 'command-router');
const SECRET = 'tok-5ecret-value';
const endpoints = { blue: '127.0.0.1:8081', green: '127.0.0.1:8082' };
const stateOn = (blue: number): RouterState => ({ kind: 'command', endpoints, weights: { blue, green: 100 - blue }, settings: {} });
const weights = (blue: number) => ({ blue, green: 100 - blue });

interface Call {
  mode: string;
  args: string[];
  env: Record<string, string>;
}

describe('the command router, on a fake load balancer made of scripts', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  let stateFile: string;
  let server: http.Server;
  let probe: string;

  /** The fake balancer's data plane: answers tagged with a color drawn by the weights it serves. */
  const serve = () =>
    http.createServer(async (_request, response) => {
      const serving = (JSON.parse(await readFile(stateFile, 'utf8')) as { serving: { blue: number } }).serving;
      const color = Math.random() * 100 < serving.blue ? 'blue' : 'green';
      response.writeHead(200, { 'content-type': 'application/json', 'X-Cutover-Color': color });
      response.end(JSON.stringify({ color }));
    });

  /**
   * The step's environment: a credential the scripts need, and a variable left by some outer process, which must
   * never reach a script as if cutover had set it.
   */
  const stepEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, FAKE_LB_CREDENTIAL: 'from-the-environment', CUTOVER_EXPECTED_BLUE: '77' };

  beforeEach(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    stateFile = path.join(dir, 'lb.json');
    await setBalancer(100);
    const port = await freePort();
    server = serve();
    await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
    probe = `http://127.0.0.1:${port}/`;
  });

  afterEach(async () => {
    await stopGracefully(server);
    await removeDir();
  });

  const setBalancer = (blue: number, servingBlue = blue) => writeFile(stateFile, JSON.stringify({ weights: weights(blue), serving: weights(servingBlue) }));
  const balancer = async () => JSON.parse(await readFile(stateFile, 'utf8')) as { weights: { blue: number; green: number }; serving: { blue: number; green: number } };
  const control = (name: string, content: string) => writeFile(path.join(dir, name), content);
  const calls = async (): Promise<Call[]> => {
    const text = await readFile(path.join(dir, 'calls.jsonl'), 'utf8').catch(() => '');
    return text.split('\n').filter(Boolean).map(line => JSON.parse(line) as Call);
  };
  const modes = async () => (await calls()).map(call => call.mode);
  const fake = (mode: string, ...extra: string[]) => [process.execPath, 'fake-lb.mjs', mode, stateFile, ...extra];

  function router(extra: Record<string, unknown> = {}, log: string[] = []): Router {
    const options = commandOptionsSchema.parse({
      kind: 'command',
      read: fake('read'),
      switch: fake('switch'),
      lock: path.join(dir, 'balancer'),
      timeout: '10s',
      confirm: { responses: 3, timeout: '1s', interval: '20ms' },
      ...extra
    });
    const secrets = new Secrets({}, () => {});
    secrets.add(SECRET);
    const logger = terminalLogger({ write: text => log.push(text), redact: text => secrets.redact(text), verbose: true });
    // The scripts are named relative to baseDir: commands run in the config file's folder.
    return createCommandRouter(options, { service: 'shop', endpoints, baseDir: FIXTURES, logger, secrets, env: stepEnv });
  }

  const failureOf = async (work: Promise<unknown>): Promise<Error> => {
    try {
      await work;
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected a failure, but it succeeded');
  };

  it('reads the weights the balancer reports, with the endpoints from the config', async () => {
    await setBalancer(30);
    expect(await router().read()).toEqual(stateOn(30));
    const [call] = await calls();
    expect(call?.env).toEqual({
      CUTOVER_SERVICE: 'shop',
      CUTOVER_BLUE_UPSTREAM: endpoints.blue,
      CUTOVER_GREEN_UPSTREAM: endpoints.green,
      FAKE_LB_CREDENTIAL: 'from-the-environment'
    });
  });

  it('switches, reads the new state back, and gives the script the target, the expected state and the process environment', async () => {
    const log: string[] = [];
    await router({}, log).apply(stateOn(100), stateOn(0));
    expect((await balancer()).weights).toEqual(weights(0));
    expect(await modes()).toEqual(['read', 'switch', 'read']);
    const change = (await calls())[1] as Call;
    expect(change.env).toEqual({
      CUTOVER_SERVICE: 'shop',
      CUTOVER_BLUE_UPSTREAM: endpoints.blue,
      CUTOVER_GREEN_UPSTREAM: endpoints.green,
      CUTOVER_TARGET_BLUE: '0',
      CUTOVER_TARGET_GREEN: '100',
      CUTOVER_TARGET_JSON: '{"weights":{"blue":0,"green":100}}',
      CUTOVER_EXPECTED_BLUE: '100',
      CUTOVER_EXPECTED_GREEN: '0',
      CUTOVER_EXPECTED_JSON: '{"weights":{"blue":100,"green":0}}',
      FAKE_LB_CREDENTIAL: 'from-the-environment'
    });
    // The switch's own output is shown live.
    expect(log.join('')).toContain('| weights set: blue 0, green 100');
  });

  it('with a probe, returns once answers through the balancer come from the new state', async () => {
    await router({ probe }).apply(stateOn(100), stateOn(0));
    expect(await balancer()).toEqual({ weights: weights(0), serving: weights(0) });
  });

  it('refuses when someone else changed the weights since the expected state, changing nothing', async () => {
    await setBalancer(50);
    const before = await readFile(stateFile, 'utf8');
    const error = await failureOf(router().apply(stateOn(100), stateOn(0)));
    expect(error).toBeInstanceOf(DriftError);
    expect(error.message).toMatch(/expected state sha256:[0-9a-f]{64} \(command: blue 100% \/ green 0%/);
    expect(error.message).toMatch(/router\.read reports sha256:[0-9a-f]{64} \(command: blue 50% \/ green 50%.*Nothing was changed/);
    expect(await readFile(stateFile, 'utf8')).toBe(before);
    expect(await modes()).toEqual(['read']);
  });

  it('leaves the balancer alone when switch refuses because someone else changed it after the read', async () => {
    await control('before-switch-sets', JSON.stringify(weights(50)));
    const error = await failureOf(router().apply(stateOn(100), stateOn(0)));
    expect(error).toBeInstanceOf(DriftError);
    expect(error.message).toMatch(
      /^router\.switch: \S+ refused \(exit code 10\): the balancer no longer holds blue 100% \/ green 0%, so someone else changed it\. cutover changed nothing and leaves the balancer as it is\.\nconditional update failed: the balancer holds \{"weights":\{"blue":50,"green":50\}\}$/
    );
    // No switch back: that would overwrite the other change.
    expect(await modes()).toEqual(['read', 'switch']);
    expect((await balancer()).weights).toEqual(weights(50));
  });

  it('refuses while another run holds the lock, running no command', async () => {
    const release = await localHost.lock(path.join(dir, 'balancer'));
    try {
      const error = await failureOf(router().apply(stateOn(100), stateOn(0)));
      expect(error.message).toMatch(/being changed by another cutover run \(pid \d+\); nothing was changed/);
    } finally {
      await release();
    }
    expect(await calls()).toEqual([]);
    expect((await balancer()).weights).toEqual(weights(100));
  });

  it('names the lock setting when the lock cannot be taken', async () => {
    const lock = path.join(dir, 'missing-folder', 'balancer');
    const error = await failureOf(router({ lock }).apply(stateOn(100), stateOn(0)));
    expect(error.message).toMatch(/^router\.lock: cannot take the lock \S+missing-folder\/\.balancer\.lock: ENOENT.*nothing was changed\.$/);
    expect(await calls()).toEqual([]);
  });

  it('puts the previous state back when switch fails halfway, reporting its stderr clipped and without secrets', async () => {
    await control('switch-to-0-100.fails', `upstream API said: token ${SECRET} may not do this ${'x'.repeat(5000)}\n`);
    const error = await failureOf(router().apply(stateOn(100), stateOn(0)));
    expect(error).toBeInstanceOf(ReleaseError);
    expect(error.message).toMatch(/^router\.switch: \S+ exited with code 3:\nupstream API said: token \*\*\* may not do this x+… \(\d+ characters in all\)/);
    expect(error.message).not.toContain(SECRET);
    expect(error.message.length).toBeLessThan(2500);
    expect(error.message).toMatch(/The previous state is back: router\.read reports blue 100% \/ green 0%\.$/);
    expect((await balancer()).weights).toEqual(weights(100));
    // The switch back is told what the balancer held after the failure, as read.
    const [, , , back] = await calls();
    expect(await modes()).toEqual(['read', 'switch', 'read', 'switch', 'read']);
    expect(back?.env).toMatchObject({ CUTOVER_TARGET_BLUE: '100', CUTOVER_EXPECTED_BLUE: '0', CUTOVER_EXPECTED_GREEN: '100' });
  });

  it('puts the previous state back when switch exits 0 but leaves other weights', async () => {
    await control('switch-to-0-100.sets', JSON.stringify(weights(50)));
    const error = await failureOf(router().apply(stateOn(100), stateOn(0)));
    expect(error.message).toMatch(/router\.switch exited 0, but router\.read now reports blue 50% \/ green 50%, not blue 0% \/ green 100%/);
    expect(error.message).toMatch(/The previous state is back/);
    expect((await balancer()).weights).toEqual(weights(100));
    expect((await calls())[3]?.env).toMatchObject({ CUTOVER_EXPECTED_BLUE: '50', CUTOVER_TARGET_BLUE: '100' });
  });

  it('puts the previous state back when answers through the balancer never come from the new state', async () => {
    await control('data-plane-stuck', '');
    await setBalancer(100, 100);
    const error = await failureOf(router({ probe }).apply(stateOn(100), stateOn(0)));
    expect(error.message).toMatch(/did not serve the new state at http:\/\/127\.0\.0\.1:\d+\/ within 1000ms; last answer: HTTP 200 from blue/);
    expect(error.message).toContain(`The previous state is back: router.read reports blue 100% / green 0% and answers at ${probe} confirm it.`);
    expect((await balancer()).weights).toEqual(weights(100));
  });

  it('reports both failures when switching back fails too', async () => {
    await control('switch-to-0-100.fails', 'quota exceeded\n');
    await control('switch-to-100-0.fails', 'still no quota\n');
    const error = await failureOf(router().apply(stateOn(100), stateOn(0)));
    expect(error.message).toMatch(/router\.switch: \S+ exited with code 3:\nquota exceeded\nSwitching back to blue 100% \/ green 0% failed too: router\.switch \(back to the previous state\): \S+ exited with code 3:\nstill no quota/);
    expect(error.message).toMatch(/may hold neither state/);
  });

  it('refuses a read that prints anything but the weights, naming the command, what it printed and the shape expected', async () => {
    const shape = /It must print one JSON object on stdout, like \{"weights": \{"blue": 100, "green": 0\}\}, with whole percents for blue and green that sum to 100; logs go to stderr\./;
    const cases: [string, RegExp][] = [
      ['connecting...\n{"weights":{"blue":100,"green":0}}', /printed "connecting\.\.\.\\n\{\\"weights\\".*": not JSON \(/],
      ['{"weights":{"blue":60,"green":30}}', /: weights: the weights must sum to 100\./],
      ['{"blue":100,"green":0}', /: weights: Invalid input: expected object, received undefined; the output: Unrecognized keys: "blue", "green"\./],
      ['{"weights":{"blue":"100","green":0}}', /weights\.blue: Invalid input: expected number, received string/],
      [`${SECRET} ${'y'.repeat(1000)}`, /printed "\*\*\* y+… \(\d+ characters in all\)": not JSON/],
      ['', /printed nothing: not JSON/]
    ];
    for (const [printed, problem] of cases) {
      await control('read-prints', printed);
      const error = await failureOf(router().read());
      expect(error).toBeInstanceOf(ReleaseError);
      expect(error.message).toMatch(new RegExp(`^router\\.read: ${process.execPath.replace(/[/.]/g, '\\$&')} printed `));
      expect(error.message).toMatch(problem);
      expect(error.message).toMatch(shape);
      expect(error.message).not.toContain(SECRET);
      expect(error.message.length).toBeLessThan(800);
    }
  });

  it('passes argument values literally, with no shell to run what they contain', async () => {
    const hostile = [
      `a; touch ${path.join(dir, 'pwned-semicolon')}`,
      `$(touch ${path.join(dir, 'pwned-subshell')})`,
      `\`touch ${path.join(dir, 'pwned-backtick')}\``,
      `"double" 'single' && touch ${path.join(dir, 'pwned-and')}`,
      `line one\ntouch ${path.join(dir, 'pwned-newline')}`,
      '$CUTOVER_TARGET_BLUE *'
    ];
    await router({ read: fake('read', ...hostile), switch: fake('switch', ...hostile) }).apply(stateOn(100), stateOn(0));
    const recorded = await calls();
    expect(recorded.map(call => call.mode)).toEqual(['read', 'switch', 'read']);
    for (const call of recorded) expect(call.args).toEqual(hostile);
    expect((await readdir(dir)).filter(name => name.startsWith('pwned'))).toEqual([]);
    expect((await balancer()).weights).toEqual(weights(0));
  });

  it('re-applying the state the balancer reports runs no switch without a probe', async () => {
    await router().apply(stateOn(100), stateOn(100));
    expect(await modes()).toEqual(['read']);
  });

  it('re-applying with a probe finishes a switch whose weights were set but are not served yet', async () => {
    await setBalancer(0, 100);
    await router({ probe }).apply(stateOn(0), stateOn(0));
    expect(await modes()).toEqual(['read', 'switch', 'read']);
    expect((await balancer()).serving).toEqual(weights(0));
  });

  it('init sets the weights whatever the balancer held, telling the script no expected state', async () => {
    await setBalancer(50);
    await router({ probe }).initialize(stateOn(0));
    expect(await balancer()).toEqual({ weights: weights(0), serving: weights(0) });
    expect(await modes()).toEqual(['switch', 'read']);
    const env = (await calls())[0]?.env ?? {};
    expect(Object.keys(env).filter(name => name.startsWith('CUTOVER_EXPECTED_'))).toEqual([]);
    expect(env.CUTOVER_TARGET_JSON).toBe('{"weights":{"blue":0,"green":100}}');
  });

  it('does not undo a switch command that cannot start, since nothing ran', async () => {
    const error = await failureOf(router({ switch: ['./no-such-lb-cli', 'set'] }).apply(stateOn(100), stateOn(0)));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/router\.switch: command not found: "\.\/no-such-lb-cli"/);
    expect(await modes()).toEqual(['read']);
  });

  describe('drain', () => {
    it('without an in-flight command, waits the drain time', async () => {
      const started = Date.now();
      const report = await router({ drain: { time: '150ms' } }).drain('blue');
      expect(report).toEqual({ color: 'blue', method: 'time', waitedMs: 150, remaining: null, closed: 0 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(await calls()).toEqual([]);
    });

    it('with an in-flight command, polls it until the color has nothing in flight', async () => {
      await control('in-flight-blue', '3');
      const report = await router({ 'in-flight': fake('in-flight'), drain: { interval: '10ms' } }).drain('blue');
      expect(report).toMatchObject({ color: 'blue', method: 'counter', remaining: 0, closed: 0 });
      const polls = await calls();
      expect(polls.map(call => call.mode)).toEqual(['in-flight', 'in-flight', 'in-flight', 'in-flight']);
      expect(polls[0]?.env).toMatchObject({ CUTOVER_DRAIN_COLOR: 'blue', CUTOVER_DRAIN_UPSTREAM: endpoints.blue });
    });

    it('closes what is still open after close-after, with the close command', async () => {
      await control('in-flight-green', '2');
      await control('held-open', '');
      const drainer = router({ 'in-flight': fake('in-flight'), close: fake('close'), drain: { interval: '10ms', 'close-after': '50ms', timeout: '10s' } });
      const report = await drainer.drain('green');
      expect(report).toMatchObject({ color: 'green', method: 'counter', remaining: 0, closed: 2 });
      expect((await modes()).filter(mode => mode === 'close')).toEqual(['close']);
      expect(report.waitedMs).toBeGreaterThanOrEqual(50);
    });

    it('refuses an in-flight command that prints something other than a count', async () => {
      await control('in-flight-prints', 'about 3');
      const error = await failureOf(router({ 'in-flight': fake('in-flight') }).drain('blue'));
      expect(error.message).toMatch(/^router\.in-flight: \S+ printed "about 3"; expected one whole number on stdout \(for blue\), like 0 or 12; logs go to stderr\.$/);
    });
  });

  describe('settings', () => {
    const parse = (extra: Record<string, unknown>) => commandOptionsSchema.safeParse({ kind: 'command', read: ['lbctl', 'get'], switch: ['lbctl', 'set'], ...extra });
    const problems = (extra: Record<string, unknown>) => {
      const result = parse(extra);
      return result.success ? [] : result.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`);
    };

    it('refuses a command written as one string, which a shell would have to split', () => {
      expect(problems({ switch: 'lbctl set --blue $CUTOVER_TARGET_BLUE' })).toEqual([
        expect.stringMatching(/^switch: expected a list of arguments, like \[nginx, -s, reload\]; a single string is refused so that no shell parses it/)
      ]);
    });

    it('refuses close settings that would be silently ignored', () => {
      expect(problems({ close: ['lbctl', 'close'], drain: { 'close-after': '30s' } })).toEqual(['close: runs only while draining by router.in-flight; add an in-flight command, or remove close']);
      expect(problems({ 'in-flight': ['lbctl', 'count'], close: ['lbctl', 'close'] })).toEqual(['close: runs once router.drain.close-after has passed; set it (e.g. close-after: 30s), or remove close']);
      expect(problems({ 'in-flight': ['lbctl', 'count'], drain: { 'close-after': '30s' } })).toEqual([
        'drain.close-after: this router closes connections with router.close; add a close command, or remove close-after'
      ]);
    });

    it('has no ssh setting: the commands reach the balancer themselves', () => {
      expect(problems({ ssh: { host: 'lb1', user: 'deploy', key: 'env:KEY', 'known-hosts': 'env:KH' } })).toEqual([': Unrecognized key: "ssh"']);
    });
  });

  it('leaves no lock behind', async () => {
    await router().apply(stateOn(100), stateOn(0));
    expect(existsSync(path.join(dir, '.balancer.lock'))).toBe(false);
  });
});
