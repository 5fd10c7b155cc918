import { spawn } from 'node:child_process';
import path from 'node:path';
import { describeWithNginx } from '../support/servers.js';

/** Runs `cutover demo` from the committed CLI bundle, as `npx cutover demo` does. */
async function demo(router: string): Promise<{ code: number; out: string; figures: Record<string, unknown> }> {
  const child = spawn(process.execPath, [path.resolve('dist/cli/index.js'), 'demo', '--router', router, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', chunk => (out += String(chunk)));
  child.stderr.resume();
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? 1)));
  return { code, out, figures: JSON.parse(out.slice(out.indexOf('{'))) };
}

function expectCleanRelease(run: Awaited<ReturnType<typeof demo>>) {
  expect(run.out).toMatch(/^failed requests: 0 \(non-2xx: 0, connection errors: 0\)$/m);
  expect(run.code).toBe(0);
  const byColor = run.figures.byColor as Record<string, number>;
  // Traffic really moved: both versions answered during the release, and nothing else did.
  expect(Object.keys(byColor).sort()).toEqual(['blue', 'green']);
  expect(run.figures.requests).toBe((byColor.blue ?? 0) + (byColor.green ?? 0));
  expect(Object.keys(run.figures.phases as object)).toEqual(['snapshot', 'deploy', 'expand', 'migrate', 'promote', 'rollback', 'promote again', 'contract']);
}

describe('cutover demo', () => {
  it('releases through the in-process proxy with no failed request', async () => {
    const run = await demo('proxy');
    expect(run.out).toMatch(/router in-process proxy \(http-proxy-3\), for demos and tests only/);
    expectCleanRelease(run);
  });
});

describeWithNginx('cutover demo with nginx', () => {
  it('releases through nginx, reloading on each switch, with no failed request', async () => {
    const run = await demo('nginx');
    expect(run.out).toMatch(/router nginx/);
    expectCleanRelease(run);
  });
});
