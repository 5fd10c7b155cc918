import { readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { freePort } from '../../src/shared/io/ports.js';
import { poll } from '../../src/shared/io/wait.js';
import { describeBundles, runBundle, runnerFor, TEST_TOKEN, type ActionRun } from '../support/action-bundle.js';
import { cli } from '../support/cli.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { proxySetup } from '../support/proxy-setup.js';
import { startUpstreams, tempDir } from '../support/servers.js';
import { colorsServed } from '../support/traffic.js';
import { CONTROL_OR_ESCAPE, foreignCommandLines, foreignCommands, HOSTILE, hostileSetup } from './outside-text-fixtures.js';

const SHA = 'c'.repeat(40);
const FAKE_LB = path.resolve('__tests__', 'fixtures', 'command-router', 'fake-lb.mjs');
const PROMETHEUS_TOKEN = 'prom-5ecret-token-value';

describeBundles('outside text from each remaining source, through the bundled actions as the runner runs them', () => {
  let github: FakeGitHub;
  /** Whatever a test started, stopped in reverse order whether it passed or not. */
  let stops: (() => Promise<unknown>)[];
  beforeEach(async () => {
    stops = [];
    github = await startFakeGitHub();
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
  });
  afterEach(async () => {
    for (const stop of stops.reverse()) await stop();
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  /**
   * The runner sees only commands cutover wrote (no hostile line, no mask of anything but the
   * secrets), no line starts with `::` unless cutover wrote it, and the log, the outputs and the job
   * summary hold nothing a terminal or the runner would act on.
   */
  async function onlyCutoverCommands(run: ActionRun, job: string, secrets: readonly string[] = [TEST_TOKEN]): Promise<ActionRun> {
    expect(foreignCommands(run.stdout, secrets)).toEqual([]);
    expect(foreignCommandLines(run.stdout, secrets)).toEqual([]);
    expect(run.stdout).not.toMatch(CONTROL_OR_ESCAPE);
    for (const value of Object.values(run.outputs)) expect(value).not.toMatch(CONTROL_OR_ESCAPE);
    expect(await readFile(path.join(job, 'summary.md'), 'utf8')).not.toMatch(CONTROL_OR_ESCAPE);
    return run;
  }

  it('the command router: what read and switch print, and a failing switch quoted in the error, stay text', async () => {
    const { dir, remove } = await tempDir();
    stops.push(remove);
    const apps = await startUpstreams();
    stops.push(apps.stop);
    // The fake balancer behind a wrapper that prints hostile lines on stderr, and on stdout too where cutover only shows it.
    const balancerFile = path.join(dir, 'lb.json');
    await writeFile(balancerFile, JSON.stringify({ weights: { blue: 100, green: 0 }, serving: { blue: 100, green: 0 } }));
    const wrapper = path.join(dir, 'hostile-lb.mjs');
    await writeFile(
      wrapper,
      `import { spawnSync } from 'node:child_process';
const text = ${JSON.stringify(HOSTILE.routerOutput)};
process.stderr.write(text + '\\n');
if (process.argv[2] !== 'read') process.stdout.write(text + '\\n');
const done = spawnSync(process.execPath, [${JSON.stringify(FAKE_LB)}, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(done.status ?? 1);
`
    );
    const lb = (mode: string) => JSON.stringify([process.execPath, wrapper, mode, balancerFile]);
    const config = path.join(dir, 'cutover.yml');
    await writeFile(
      config,
      `service: shop
colors:
  blue:  { upstream: ${apps.blue}, health: http://${apps.blue}/healthz }
  green: { upstream: ${apps.green}, health: http://${apps.green}/healthz }
router: { kind: command, read: ${lb('read')}, switch: ${lb('switch')}, lock: ${path.join(dir, 'balancer')}, timeout: 10s, drain: { time: 0s } }
health: { timeout: 3s, interval: 50ms, max-interval: 500ms }
`
    );
    expect((await cli(['init', '--live', 'blue', '--config', config])).code).toBe(0);
    const runner = runnerFor(github, { sha: SHA, workspace: dir });
    const job = path.join(dir, 'job');
    const promote = () => runBundle('promote', { 'require-approval': 'false' }, job, runner);
    const weights = async () => (JSON.parse(await readFile(balancerFile, 'utf8')) as { weights: unknown }).weights;
    const control = (name: string) => path.join(dir, name);

    expect((await onlyCutoverCommands(await runBundle('snapshot', {}, job, runner), job)).code).toBe(0);
    expect((await onlyCutoverCommands(await runBundle('deploy', {}, job, runner), job)).code).toBe(0);

    // read prints hostile lines where its JSON should be: refused, quoted escaped, nothing changed.
    await writeFile(control('read-prints'), HOSTILE.routerOutput);
    const unreadable = await onlyCutoverCommands(await promote(), job);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toMatch(/^::error::router\.read: .* printed "::add-mask::pwned-router\\n::set-output .*: not JSON/m);
    expect(await weights()).toEqual({ blue: 100, green: 0 });
    await rm(control('read-prints'));

    // switch fails with hostile stderr: its last lines are in the error, as data; the balancer is put back.
    await writeFile(control('switch-to-0-100.fails'), HOSTILE.switchFailure);
    const failed = await onlyCutoverCommands(await promote(), job);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^::error::router\.switch: .* exited with code 3:%0A.*::add-mask::pwned-switch-failure%0A.*The previous state is back/m);
    expect(failed.stdout).toContain('  | ::set-output name=live-color::pwned-router\n');
    expect(await weights()).toEqual({ blue: 100, green: 0 });
    await rm(control('switch-to-0-100.fails'));

    const promoted = await onlyCutoverCommands(await promote(), job);
    expect(promoted.code).toBe(0);
    expect(promoted.stdout).toContain('  | waiting\\r::stop-commands::pwned-router\n');
    expect(promoted.outputs['live-color']).toBe('green');
    expect(await weights()).toEqual({ blue: 0, green: 100 });
  });

  it('an approval issue: a hostile login and comment, denying and then approving, stay text in the log, the error, the outputs and the summary', async () => {
    github.addTeamMember('octo-org', 'release-team', HOSTILE.approverLogin);
    const setup = await proxySetup();
    stops.push(setup.stop);
    const runner = runnerFor(github, { sha: SHA, workspace: setup.dir });
    const job = path.join(setup.dir, 'job');
    expect((await runBundle('snapshot', {}, job, runner)).code).toBe(0);
    expect((await runBundle('deploy', {}, job, runner)).code).toBe(0);

    /**
     * Promote by issue; once the issue is open, a stranger and then the hostile team member answer it. The reason
     * is the rest of the answer's first line, so the hostile lines are on it too, joined by spaces (a carriage return
     * there would make it no answer at all).
     */
    const promoteAnswering = async (issue: number, answer: string) => {
      const run = runBundle('promote', { approval: 'issue', approvers: 'octo-org/release-team', 'approval-timeout': '10s' }, job, runner);
      await poll(async () => github.issue(issue), { what: `approval issue #${issue}`, done: found => found !== undefined, timeoutMs: 15_000, intervalMs: 50 });
      github.addComment(issue, { user: 'stranger', body: `/approve ${HOSTILE.approvalReason}` });
      github.addComment(issue, { user: HOSTILE.approverLogin, body: `${answer} ${HOSTILE.approvalReason.replace(/[\r\n]/g, ' ')}\n${HOSTILE.approvalReason}` });
      return onlyCutoverCommands(await run, job);
    };

    const denied = await promoteAnswering(1, '/deny');
    expect(denied.code).toBe(1);
    expect(denied.stdout).toMatch(/^::error::promotion not approved on .*: denied by lead\\n::add-mask::pwned-login\\r::warning::pwned-login\./m);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });

    const approved = await promoteAnswering(2, '/approve');
    expect(approved.code).toBe(0);
    const [approver] = JSON.parse(approved.outputs.approvers as string) as { user: string; comment: string }[];
    expect(approver?.user).toBe('lead\\n::add-mask::pwned-login\\r::warning::pwned-login');
    expect(approver?.comment).toMatch(/^::add-mask::pwned-approval ::set-output name=live-color::pwned-approval .* \\u202epwned-approval \\u0007bell$/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });
  });

  it('Prometheus during a canary: a query error, an error body and label values, and a reviewer comment, stay one line of text in the verdicts, the rollback error and the summary', async () => {
    // A Prometheus API whose answers for the new color, interval by interval (two queries each), are a refusal with a
    // hostile error, a hostile body that is not JSON, then two series with hostile labels.
    let greenQueries = 0;
    const prometheus = http.createServer((request, response) => {
      const query = new URL(request.url ?? '/', 'http://x').searchParams.get('query') ?? '';
      const answer = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.headers.authorization !== PROMETHEUS_TOKEN) return answer(401, { status: 'error', errorType: 'unauthorized', error: 'no token' });
      if (!query.includes('"green"')) return answer(200, { status: 'success', data: { resultType: 'scalar', result: [Date.now() / 1000, '100'] } });
      if (++greenQueries <= 2) return answer(422, { status: 'error', errorType: 'bad_data', error: HOSTILE.prometheusError });
      if (greenQueries <= 4) return response.writeHead(502, { 'content-type': 'text/plain' }).end(HOSTILE.errorBody);
      const series = (instance: string) => ({ metric: { __name__: 'http_requests_total', instance, job: HOSTILE.prometheusLabel }, value: [Date.now() / 1000, '1'] });
      return answer(200, { status: 'success', data: { resultType: 'vector', result: [series('a'), series('b')] } });
    });
    const port = await freePort();
    await new Promise<void>(resolve => prometheus.listen(port, '127.0.0.1', resolve));
    stops.push(() => new Promise(resolve => prometheus.close(resolve)));

    const setup = await proxySetup(`traffic: { steps: [50, 100], pause: 5s }
analysis:
  interval: 300ms
  inconclusive: fail
  failures-allowed: 2
  sources:
    prom:
      kind: prometheus
      url: http://127.0.0.1:${port}
      headers: { Authorization: env:PROM_TOKEN }
      queries:
        requests: sum(http_requests_total{color="$color"})
        errors: sum(http_requests_total{color="$color",code="500"})
  checks:
    - { name: errors, metric: error-rate, max: 1% }
`);
    stops.push(setup.stop);
    github.setEnvironment('production', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    const runner = runnerFor(github, { sha: SHA, workspace: setup.dir, env: { PROM_TOKEN: PROMETHEUS_TOKEN } });
    const job = path.join(setup.dir, 'job');
    const secrets = [TEST_TOKEN, PROMETHEUS_TOKEN];
    expect((await runBundle('snapshot', {}, job, runner)).code).toBe(0);
    expect((await runBundle('deploy', {}, job, runner)).code).toBe(0);
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: HOSTILE.approvalReason });

    const promote = await onlyCutoverCommands(await runBundle('promote', {}, job, runner), job, secrets);
    expect(promote.code).toBe(1);
    expect(promote.stdout).toContain('approved by reviewer ("::add-mask::pwned-approval\\n::set-output name=live-color::pwned-approval\\n');
    expect(promote.stdout).toMatch(/^ {2}errors inconclusive: .*\(HTTP 422, bad_data\): ::add-mask::pwned-prometheus-error\\n::set-output /m);
    expect(promote.stdout).toMatch(/^ {2}errors inconclusive: .*with HTTP 502 and no JSON: ::add-mask::pwned-error-body\\n::set-output .*\(\d+ more characters cut\)\)$/m);
    expect(promote.stdout).toMatch(/^ {2}errors inconclusive: .*returned 2 series \(http_requests_total\{instance="a",job="::add-mask::pwned-prometheus-label\\n/m);
    expect(promote.stdout).toMatch(/^::error::step 1 \(50%25\) failed .*Traffic was rolled back automatically/m);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  it('an error body: a health URL answering 500 with hostile text until the deadline fails deploy without echoing it', async () => {
    const setup = await hostileSetup();
    stops.push(setup.stop);
    setup.hostile.bodies['/healthz'] = HOSTILE.errorBody;
    setup.hostile.statuses['/healthz'] = 500;
    const runner = runnerFor(github, { sha: SHA, workspace: setup.dir });
    const job = path.join(setup.dir, 'job');
    expect((await runBundle('snapshot', {}, job, runner)).code).toBe(0);

    const deploy = await onlyCutoverCommands(await runBundle('deploy', { 'health-timeout': '1s' }, job, runner), job);
    expect(deploy.code).toBe(1);
    expect(deploy.stdout).toMatch(/^::error::green did not become healthy at .* within 1s \(\d+ attempts; last: HTTP 500; expected HTTP 200/m);
    expect(deploy.stdout).not.toContain('pwned-error-body');
    expect(deploy.outputs).toEqual({ 'failure-cause': 'unchanged' });
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });
});
