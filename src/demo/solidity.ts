import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileErrors, compileInWorker } from '../adapters/evm/solc-worker.js';

/**
 * A compile as Hardhat keeps it in artifacts/build-info: the compiler version,
 * the standard-JSON input (with every source's content, imports included) and
 * its output. It is what upgrade-safety checks need.
 */
export interface BuildInfo {
  solcVersion: string;
  input: SolcInput;
  output: SolcOutput;
}

export interface SolcInput {
  language: 'Solidity';
  sources: Record<string, { content: string }>;
  settings: Record<string, unknown>;
}

export interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  sources?: Record<string, unknown>;
  contracts?: Record<string, Record<string, unknown>>;
}

export const SOLC_INSTALL = 'npm install --save-dev solc@0.8.28 @openzeppelin/contracts@5.7.0 @openzeppelin/contracts-upgradeable@5.7.0';

/** Everything upgrade-safety checks and deployment read: the AST, full bytecode with link and immutable references, and the storage layout. */
export const FULL_OUTPUT_SELECTION = {
  '*': {
    '*': ['abi', 'evm.bytecode.object', 'evm.bytecode.linkReferences', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences', 'evm.methodIdentifiers', 'storageLayout'],
    '': ['ast']
  }
};

/**
 * Compiles Solidity sources with the solc-js from npm (imports such as
 * `@openzeppelin/contracts/...` resolve from node_modules), in a worker thread.
 * Fails with the compiler's messages on any error. A build is kept on disk
 * (see `cache`), since solc-js takes seconds and the same sources come back.
 */
export async function compileSolidity(
  sources: Record<string, string>,
  options: {
    optimizer?: boolean;
    evmVersion?: string;
    /** The folder builds are kept in: by default node_modules/.cache/cutover-solc beside solc; false for none. */
    cache?: string | false;
  } = {}
): Promise<BuildInfo> {
  const require = createRequire(import.meta.url);
  let solc: string;
  try {
    solc = require.resolve('solc');
  } catch {
    throw new Error(`solc is not installed: ${SOLC_INSTALL}`);
  }
  const input: SolcInput = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([file, content]) => [file, { content }])),
    settings: {
      optimizer: { enabled: options.optimizer ?? false, runs: 200 },
      evmVersion: options.evmVersion ?? 'cancun',
      outputSelection: FULL_OUTPUT_SELECTION
    }
  };
  const cache = options.cache ?? defaultCache(solc);
  const file = cache === false ? null : path.join(cache, `${cacheKey(solcPackageVersion(require), input)}.json`);
  const kept = file && (await readCached(file, Object.keys(input.sources), require));
  if (kept) return kept;
  const result = await compileInWorker<SolcOutput>(solc, input, import.meta.url);
  const errors = compileErrors(result.output);
  if (errors.length) throw new Error(`solc failed:\n${errors.join('\n')}`);
  // The checks decode source positions, so the input must carry every source the compiler read, imports too.
  input.sources = { ...input.sources, ...result.imported };
  const build: BuildInfo = { solcVersion: result.version.replace(/\+.*$/, ''), input, output: result.output };
  if (file) await writeCached(file, build);
  return build;
}

function solcPackageVersion(require: NodeJS.Require): string {
  return (require('solc/package.json') as { version: string }).version;
}

/** node_modules/.cache/cutover-solc in the node_modules solc was found in, where tools keep their caches. */
function defaultCache(solc: string): string | false {
  const at = solc.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  return at === -1 ? false : path.join(solc.slice(0, at), 'node_modules', '.cache', 'cutover-solc');
}

/**
 * The compiler's version and its whole input, settings included. Imports are
 * not in the input yet: a kept build is checked against them when read.
 */
function cacheKey(solcVersion: string, input: SolcInput): string {
  return createHash('sha256').update(JSON.stringify({ solcVersion, input })).digest('hex');
}

/**
 * The kept build, or null when there is none, it cannot be read, or a source it
 * imported reads differently now (a dependency was upgraded): then it is compiled again.
 */
async function readCached(file: string, given: string[], require: NodeJS.Require): Promise<BuildInfo | null> {
  try {
    const build = JSON.parse(await readFile(file, 'utf8')) as BuildInfo;
    if (typeof build.solcVersion !== 'string' || typeof build.output?.contracts !== 'object') return null;
    for (const [imported, { content }] of Object.entries(build.input.sources)) {
      // Resolved as the compiler's import callback resolves them (solc-worker.ts).
      if (!given.includes(imported) && (await readFile(require.resolve(imported), 'utf8')) !== content) return null;
    }
    return build;
  } catch {
    return null;
  }
}

/**
 * Keeps the build, written whole under a temporary name and then renamed, so a
 * parallel reader never sees half of it. A folder that cannot be written (an
 * installed bundle's) only means no cache.
 */
async function writeCached(file: string, build: BuildInfo): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, JSON.stringify(build));
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
