// Runs the benchmarks under bench/: all of them, or the ones named (`npm run bench -- switch`).
// Each prints its figures and writes bench-results/<name>.json as {"figures": {...}}.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync('bench').filter(f => f.endsWith('.mjs')).map(f => f.replace(/\.mjs$/, ''));
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!all.includes(name)) {
    console.error(`no benchmark named ${name}; there are: ${all.join(', ')}`);
    process.exit(2);
  }
}
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench ${name}`);
  const run = spawnSync(process.execPath, [`bench/${name}.mjs`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
