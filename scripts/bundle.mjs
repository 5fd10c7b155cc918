// Builds the TypeScript, then one self-contained bundle per entry point:
// dist/<step>/index.js for each action, dist/main for the root action, dist/cli for `npx cutover`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const ENTRIES = { snapshot: 'actions/snapshot', deploy: 'actions/deploy', promote: 'actions/promote', rollback: 'actions/rollback', main: 'actions/main', cli: 'cli/index' };

function run(argv) {
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync('lib', { recursive: true, force: true });
run(['npx', 'tsc', '-p', 'tsconfig.build.json']);
rmSync('dist', { recursive: true, force: true });
for (const [name, entry] of Object.entries(ENTRIES)) {
  run(['npx', 'ncc', 'build', `lib/${entry}.js`, '-o', `dist/${name}`, '--license', 'licenses.txt', '--quiet', '--target', 'es2022']);
  // ncc names ESM output index.mjs; the package is "type": "module", so index.js is ESM too.
  if (existsSync(`dist/${name}/index.mjs`)) renameSync(`dist/${name}/index.mjs`, `dist/${name}/index.js`);
}
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
