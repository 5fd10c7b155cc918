// Runs the benchmarks under bench/: all of them, or the ones named (`npm run bench -- switch`).
// Each prints its figures and writes bench-results/<name>.json as {"figures": {...}}.
// `--quick` (`npm run bench -- --quick [name...]`) passes BENCH_QUICK=1: one short round at the smallest
// sizes that still run every code path, a few seconds each, so CI can tell that the benchmarks still work.
// Benchmarks never fail on their figures, only when they cannot start or they crash.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync('bench').filter(f => f.endsWith('.mjs')).map(f => f.replace(/\.mjs$/, ''));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter(arg => arg !== '--quick');
for (const name of wanted) {
  if (name.startsWith('-')) {
    console.error(`unknown option ${name}; usage: npm run bench -- [--quick] [name...]`);
    process.exit(2);
  }
  if (!all.includes(name)) {
    console.error(`no benchmark named ${name}; there are: ${all.join(', ')}`);
    process.exit(2);
  }
}
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench ${name}${quick ? ' (quick)' : ''}`);
  const started = performance.now();
  const env = quick ? { ...process.env, BENCH_QUICK: '1' } : process.env;
  const run = spawnSync(process.execPath, [`bench/${name}.mjs`], { stdio: 'inherit', env });
  const took = `${((performance.now() - started) / 1000).toFixed(1)}s`;
  if (run.status !== 0) {
    failed++;
    console.error(`bench ${name} failed (${run.signal ? `signal ${run.signal}` : `exit code ${run.status}`}) after ${took}`);
  } else console.log(`bench ${name} done in ${took}`);
}
process.exit(failed ? 1 : 0);
