import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeBundles, runBundle, runnerFor } from '../support/action-bundle.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { startRig, type NginxRig } from '../routers/nginx-setup.js';
import { describeWithNginx } from '../support/servers.js';

/**
 * Records every module the bundle loads (its lazily loaded chunks are files of their own) in the file
 * `initialize` is given: a loader hook, registered with --import before the action's entry runs.
 */
const HOOK = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  appendFileSync(log, url + '\\n');
  return next(url, context);
}
`;

const REGISTER = (hook: string, log: string) => `
import { register } from 'node:module';
register(${JSON.stringify(hook)}, { data: { log: ${JSON.stringify(log)} } });
`;

/** What each chunk of dist/cutover holds, read from the module paths the bundler keeps in it. */
async function chunksLoaded(log: string): Promise<{ file: string; text: string }[]> {
  const urls = (await readFile(log, 'utf8')).split('\n').filter(url => /\/dist\/cutover\/[^/]+\.js$/.test(url));
  return Promise.all([...new Set(urls)].map(async url => ({ file: path.basename(url), text: await readFile(new URL(url), 'utf8') })));
}

const withBoth = describeWithNginx === describe ? describeBundles : describe.skip;

withBoth('the bundle loads a router kind only when a step uses it', () => {
  let github: FakeGitHub;
  let rig: NginxRig;
  beforeAll(async () => {
    [github, rig] = await Promise.all([startFakeGitHub(), startRig()]);
    github.setRun(7, { head_sha: 'f'.repeat(40), actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
  });
  afterAll(async () => {
    await rig?.stop();
    await github?.stop();
  });

  it('an nginx snapshot loads the nginx router, and no chain library, contract tooling or demo', async () => {
    await rig.router().initialize(rig.state(100));
    const workspace = path.join(path.dirname(rig.nginx.routerFile), 'workspace');
    await mkdir(workspace, { recursive: true });
    const config = path.join(workspace, 'cutover.yml');
    const { nginx, apps } = rig;
    await writeFile(
      config,
      JSON.stringify({
        service: 'shop',
        environment: 'staging',
        router: { kind: 'nginx', file: nginx.routerFile, probe: nginx.url, test: nginx.test, reload: nginx.reload },
        colors: { blue: { upstream: apps.blue, health: `http://${apps.blue}/healthz` }, green: { upstream: apps.green, health: `http://${apps.green}/healthz` } }
      })
    );
    const log = path.join(workspace, 'loaded.log');
    const register = path.join(workspace, 'register.mjs');
    await writeFile(log, '');
    await writeFile(register, REGISTER(`data:text/javascript,${encodeURIComponent(HOOK)}`, log));
    const runner = runnerFor(github, { workspace, env: { NODE_OPTIONS: `--import=${pathToFileURL(register).href}` } });

    const snapshot = await runBundle('snapshot', { config }, path.join(workspace, 'job'), runner);
    expect(snapshot.stdout).not.toMatch(/::error::/);
    expect(snapshot.code).toBe(0);

    const chunks = await chunksLoaded(log);
    // The hook saw the lazily loaded nginx router, so an absence below is one.
    expect(chunks.some(chunk => chunk.text.includes('lib/src/adapters/routers/nginx/router.js'))).toBe(true);
    // The config schema names the proxy kinds (adapters/evm/proxy-kinds.js, a list of words); nothing else of the chain code may load.
    const unwanted = [/node_modules\/(viem|ox|@noble|@openzeppelin)\//, /lib\/src\/adapters\/evm\/(?!proxy-kinds\.js)/, /lib\/src\/adapters\/routers\/evm-proxy\/router\.js/, /lib\/src\/demo\//];
    const found = chunks.flatMap(chunk => unwanted.filter(pattern => pattern.test(chunk.text)).map(pattern => `${chunk.file} holds ${pattern.source}`));
    expect(found).toEqual([]);
  });
});
