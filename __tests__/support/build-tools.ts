import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EVM_SOURCES } from '../../src/demo/evm-contracts.js';
import type { BuildInfo } from '../../src/demo/solidity.js';
import { requireServer } from './servers.js';

/**
 * Foundry and Hardhat 2 projects of the demo contracts, compiled by the real
 * tools in a temporary folder and offline: both run the solc-js of the `solc`
 * npm package instead of downloading a compiler.
 */

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPOSITORY = path.resolve(HERE, '../..');
const TOOLS_INSTALL = 'npm install --save-dev @foundry-rs/forge-linux-amd64@1.7.1 hardhat@2';

function resolved(name: string): string | null {
  try {
    const file = require.resolve(name);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

const forgeBinary = process.platform === 'linux' && process.arch === 'x64' ? resolved('@foundry-rs/forge-linux-amd64/bin/forge') : null;
const hardhatCli = resolved('hardhat/internal/cli/cli.js');
export const describeWithBuildTools = requireServer('forge and hardhat', forgeBinary !== null && hardhatCli !== null, TOOLS_INSTALL) ? describe : describe.skip;

export type BuildTool = 'forge' | 'hardhat';

/** A compiled project: `outputDir` is what a user points router.*.build at (out/ or artifacts/). */
export interface ToolBuild {
  project: string;
  outputDir: string;
  /** The one build-info file the compile wrote, as read from disk; null when it wrote no whole build. */
  buildInfo: BuildInfo | null;
}

/** Where each tool keeps the sources and what it writes. */
const LAYOUT: Record<BuildTool, { sources: string; output: string }> = {
  forge: { sources: 'src', output: 'out' },
  hardhat: { sources: 'contracts', output: 'artifacts' }
};

/** The path a tool names a demo source by, as users write it in `path/File.sol:Name`. */
export function sourcePath(tool: BuildTool, file: keyof typeof EVM_SOURCES): string {
  return `${LAYOUT[tool].sources}/${file}`;
}

/**
 * Writes the demo contracts as a project of `tool` in `project` and compiles it.
 * `storageLayout: false` leaves out the one setting each tool needs for cutover;
 * `buildInfo: false` (forge only) also leaves out build_info = true.
 */
export async function compileWithTool(tool: BuildTool, project: string, options: { storageLayout?: boolean; buildInfo?: boolean } = {}): Promise<ToolBuild> {
  const { storageLayout = true, buildInfo = true } = options;
  const { sources, output } = LAYOUT[tool];
  await mkdir(path.join(project, sources), { recursive: true });
  for (const [file, content] of Object.entries(EVM_SOURCES)) await writeFile(path.join(project, sources, file), content);
  // @openzeppelin imports resolve from node_modules, as in a project that installed them from npm.
  await symlink(path.join(REPOSITORY, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  if (tool === 'forge') await forge(project, storageLayout, buildInfo);
  else await hardhat(project, storageLayout);
  const outputDir = path.join(project, output);
  const infos = await readdir(path.join(outputDir, 'build-info')).catch(() => []);
  if (infos.length > 1) throw new Error(`${tool} wrote ${infos.length} build-info files: ${infos.join(', ')}`);
  const info = infos[0] === undefined ? null : (JSON.parse(await readFile(path.join(outputDir, 'build-info', infos[0]), 'utf8')) as Partial<BuildInfo>);
  // forge without build_info = true writes one anyway, with neither input nor output.
  return { project, outputDir, buildInfo: info?.output ? (info as BuildInfo) : null };
}

/** Where compiles by the tools are kept, beside compileSolidity's: node_modules is git-ignored. */
const TOOL_CACHE = path.join(REPOSITORY, 'node_modules', '.cache', 'cutover-solc', 'tools');
const SOLC_VERSION = (require('solc/package.json') as { version: string }).version;

/**
 * The `solc` program forge runs: solc-js through solcjs-as-solc.mjs, with each
 * standard-JSON compile kept by a hash of solc-js's version and the whole
 * input (forge sends every source's content, and the settings), since solc-js
 * takes seconds and every forge build here compiles the same sources. An entry
 * is written under a temporary name and renamed, so a parallel build never
 * reads half of one; one that does not parse is compiled again.
 */
const CACHING_SOLC = `import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const [solcjs, cache, version] = JSON.parse(process.env.CUTOVER_CACHING_SOLC);
const args = process.argv.slice(2);
const input = args.includes('--standard-json') ? readFileSync(0) : null;
const file = input && path.join(cache, createHash('sha256').update(version).update('\\0').update(input).digest('hex') + '.json');
let output = null;
try {
  output = file && readFileSync(file);
  JSON.parse(output);
} catch {
  output = null;
}
if (!output) {
  const run = spawnSync(process.execPath, [solcjs, ...args], { input: input ?? '', stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
  output = run.stdout;
  process.exitCode = run.status ?? 1;
  if (file && run.status === 0) {
    const temporary = file + '.' + process.pid + '.' + randomBytes(4).toString('hex') + '.tmp';
    try {
      mkdirSync(cache, { recursive: true });
      writeFileSync(temporary, output);
      renameSync(temporary, file);
    } catch {}
  }
}
process.stdout.write(output);
`;

async function forge(project: string, storageLayout: boolean, buildInfo: boolean): Promise<void> {
  // forge runs `solc` as a program: a wrapper that starts the caching solc with this node.
  const solc = path.join(project, 'solcjs');
  await writeFile(path.join(project, 'caching-solc.mjs'), CACHING_SOLC);
  await writeFile(solc, `#!/bin/sh\nexec '${process.execPath}' '${path.join(project, 'caching-solc.mjs')}' "$@"\n`);
  await chmod(solc, 0o755);
  const settings = [
    'src = "src"',
    'out = "out"',
    'libs = ["node_modules"]',
    'remappings = ["@openzeppelin/=node_modules/@openzeppelin/"]',
    'auto_detect_remappings = false',
    'offline = true',
    `solc = "${solc}"`,
    ...(buildInfo ? ['build_info = true'] : []),
    ...(storageLayout ? ['extra_output = ["storageLayout"]'] : [])
  ];
  await writeFile(path.join(project, 'foundry.toml'), `[profile.default]\n${settings.join('\n')}\n`);
  const cachingSolc = JSON.stringify([path.join(HERE, 'solcjs-as-solc.mjs'), TOOL_CACHE, SOLC_VERSION]);
  await run(forgeBinary as string, ['build', '--root', project], { cwd: project, env: { ...process.env, FOUNDRY_DISABLE_NIGHTLY_WARNING: '1', CUTOVER_CACHING_SOLC: cachingSolc } });
}

async function hardhat(project: string, storageLayout: boolean): Promise<void> {
  // Hardhat's documented hook for a compiler of one's own: the solc-js of the solc npm package, so nothing is
  // downloaded. Its compiles are kept as forge's are (CACHING_SOLC), by a hash of the version and the whole input.
  const config = `const { subtask } = require('hardhat/config');
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, TASK_COMPILE_SOLIDITY_RUN_SOLCJS } = require('hardhat/builtin-tasks/task-names');
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const solc = require('solc');
const longVersion = solc.version().replace('.Emscripten.clang', '');
subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args, hre, runSuper) =>
  args.solcVersion === longVersion.replace(/\\+.*/, '')
    ? { compilerPath: require.resolve('solc/soljson.js'), isSolcJs: true, version: args.solcVersion, longVersion }
    : runSuper()
);
subtask(TASK_COMPILE_SOLIDITY_RUN_SOLCJS, async (args, hre, runSuper) => {
  const file = path.join(${JSON.stringify(TOOL_CACHE)}, createHash('sha256').update(longVersion).update('\\0').update(JSON.stringify(args.input)).digest('hex') + '.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {}
  const output = await runSuper();
  const temporary = file + '.' + process.pid + '.' + randomBytes(4).toString('hex') + '.tmp';
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(output));
    fs.renameSync(temporary, file);
  } catch {}
  return output;
});
module.exports = {
  solidity: {
    version: '0.8.28',
    settings: ${storageLayout ? `{ outputSelection: { '*': { '*': ['storageLayout'] } } }` : '{}'}
  }
};
`;
  await writeFile(path.join(project, 'hardhat.config.js'), config);
  await run(process.execPath, [hardhatCli as string, 'compile'], { cwd: project, env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true' } });
}
