// Builds the TypeScript, then one self-contained bundle, dist/cutover/index.js, that every
// action and the CLI load. dist/<step>/index.js, dist/main/index.js and dist/cli/index.js are
// two-line entries that pick what to run, so the code ships once, not once per step.
//
// Packages that load wasm and data files beside their own code (PGlite, the PostgreSQL parser)
// stay outside the bundle: their runtime files are copied to dist/node_modules, where Node
// resolves them from dist/cutover/.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VENDORED = {
  '@electric-sql/pglite': file => file === 'package.json' || file === 'LICENSE' || /^dist\/(fs\/)?[^/]+\.(js|cjs|wasm|data)$/.test(file),
  'libpg-query': file => file === 'package.json' || file === 'LICENSE' || /^wasm\/[^/]+\.(js|cjs|wasm)$/.test(file),
  '@pgsql/types': file => file === 'package.json' || file === 'LICENSE' || /^(esm\/)?[^/]+\.js$/.test(file)
};

function run(argv) {
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function filesUnder(root, dir = '') {
  return readdirSync(path.join(root, dir)).flatMap(name => {
    const file = path.posix.join(dir, name);
    return statSync(path.join(root, file)).isDirectory() ? filesUnder(root, file) : [file];
  });
}

function vendor(name, keep) {
  const from = path.join('node_modules', name);
  for (const file of filesUnder(from).filter(keep)) {
    const to = path.join('dist/node_modules', name, file);
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(path.join(from, file), to);
  }
}

function entry(file, lines, { executable = false } = {}) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  if (executable) chmodSync(file, 0o755);
}

rmSync('lib', { recursive: true, force: true });
run(['npx', 'tsc', '-p', 'tsconfig.build.json']);
rmSync('dist', { recursive: true, force: true });

const externals = Object.keys(VENDORED).flatMap(name => ['-e', name]);
run(['npx', 'ncc', 'build', 'lib/src/entry.js', '-o', 'dist/cutover', '--license', 'licenses.txt', '--quiet', '--target', 'es2022', ...externals]);
// ncc names ESM output index.mjs; the package is "type": "module", so index.js is ESM too.
if (existsSync('dist/cutover/index.mjs')) renameSync('dist/cutover/index.mjs', 'dist/cutover/index.js');
// ssh2's pure-JS poly1305 (emscripten) reads __dirname at load time, which an ES module lacks; it may sit in
// the main file or in a chunk that a router kind loads lazily, so every one of them gets it.
const DIRNAME = "import { dirname as __cutoverDirname } from 'node:path';\nimport { fileURLToPath as __cutoverFileUrl } from 'node:url';\nconst __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));\n";
for (const file of readdirSync('dist/cutover').filter(name => /^(\d+\.)?index\.js$/.test(name))) {
  const target = path.join('dist/cutover', file);
  writeFileSync(target, DIRNAME + readFileSync(target, 'utf8'));
}
// ssh2 ships a Windows helper for the Pageant agent; cutover authenticates with a key only, so no binary is committed.
rmSync('dist/cutover/pagent.exe', { force: true });
for (const [name, keep] of Object.entries(VENDORED)) vendor(name, keep);

const { ACTION_RUNTIME, POST_STEPS, STEPS } = await import(path.resolve('lib/src/steps/options.js'));
// An action entry checks the Node it runs on before loading the bundle, so an older Node gets a clear
// error instead of whatever the bundle would stumble on first. The CLI runs on any Node the package allows.
const actionEntry = (name, call) => [
  `if (Number(process.versions.node.split('.')[0]) < ${ACTION_RUNTIME.major}) {`,
  `  process.stdout.write(\`::error::cutover ${name} runs on Node ${ACTION_RUNTIME.major} (its action.yml says using: ${ACTION_RUNTIME.using}), but this is Node \${process.version}. Use a runner that supports ${ACTION_RUNTIME.using} actions, or run 'npx cutover' on the Node you have.\\n\`);`,
  '  process.exit(1);',
  '}',
  `const cutover = await import('../cutover/index.js');`,
  `await cutover.${call};`
];
for (const step of STEPS) {
  entry(`dist/${step}/index.js`, actionEntry(step, `runAction('${step}')`));
  if (POST_STEPS.includes(step)) entry(`dist/${step}/post.js`, actionEntry(`${step} (post)`, `runPost('${step}')`));
}
entry('dist/prepare/index.js', actionEntry('prepare', 'runPrepare()'));
entry('dist/main/index.js', actionEntry('(root action)', 'runRootAction()'));
entry('dist/main/post.js', actionEntry('(root action, post)', 'runRootPost()'));
entry('dist/cli/index.js', ['#!/usr/bin/env node', `import { runCli } from '../cutover/index.js';`, 'process.exitCode = await runCli();'], {
  executable: true
});
