// The service the self-test workflow releases: blue 1.0.0 and green 2.0.0 sample apps behind cutover's
// in-process test proxy, all on 127.0.0.1, with blue live. Writes <dir>/cutover.yml and <dir>/url (the proxy's
// address), then <dir>/ready, and serves until it is stopped. Needs `npm run build` first (it runs lib/).
//   node scripts/self-test-stack.mjs <dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../lib/src/cli/main.js';
import { startProxyServer } from '../lib/src/demo/proxy-server.js';
import { serveSampleApp } from '../lib/src/demo/sample-app.js';
import { freePort } from '../lib/src/shared/io/ports.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/self-test-stack.mjs <dir>');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const apps = {};
for (const [color, version] of [['blue', '1.0.0'], ['green', '2.0.0']]) {
  const port = await freePort();
  await serveSampleApp({ port, version, color });
  apps[color] = `127.0.0.1:${port}`;
}
const proxy = await startProxyServer(await freePort(), await freePort());
const config = path.join(dir, 'cutover.yml');
writeFileSync(
  config,
  [
    'service: self-test',
    'environment: self-test',
    'colors:',
    ...Object.entries(apps).map(([color, upstream]) => `  ${color}: { upstream: ${upstream}, health: http://${upstream}/healthz, version: http://${upstream}/version }`),
    `router: { kind: proxy, admin: ${proxy.admin}, probe: ${proxy.url} }`,
    'health: { timeout: 30s, interval: 100ms }',
    ''
  ].join('\n')
);
const terminal = { out: text => process.stdout.write(text), err: text => process.stderr.write(text), env: process.env, self: [process.execPath, 'dist/cli/index.js'] };
const init = await main(['init', '--live', 'blue', '--config', config], terminal);
if (init !== 0) process.exit(init);
writeFileSync(path.join(dir, 'url'), `${proxy.url}\n`);
writeFileSync(path.join(dir, 'ready'), '');
console.log(`serving: proxy ${proxy.url}, blue ${apps.blue}, green ${apps.green}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));
