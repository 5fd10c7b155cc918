import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

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

// The worker: solc-js is synchronous and takes seconds, which would stall every server a test or the demo runs in this process.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { readFileSync } = require('node:fs');
const requireFrom = createRequire(workerData.base);
const solc = requireFrom('solc');
const imported = {};
const output = JSON.parse(solc.compile(JSON.stringify(workerData.input), {
  import: p => {
    try {
      const content = readFileSync(requireFrom.resolve(p), 'utf8');
      imported[p] = { content };
      return { contents: content };
    } catch (error) {
      return { error: 'not found: ' + p };
    }
  }
}));
parentPort.postMessage({ output, imported, version: solc.version() });
`;

/**
 * Compiles Solidity sources with the solc-js from npm (imports such as
 * `@openzeppelin/contracts/...` resolve from node_modules), in a worker thread.
 * Fails with the compiler's messages on any error.
 */
export async function compileSolidity(sources: Record<string, string>, options: { optimizer?: boolean; evmVersion?: string } = {}): Promise<BuildInfo> {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('solc');
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
  const result = await new Promise<{ output: SolcOutput; imported: Record<string, { content: string }>; version: string }>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { input, base: import.meta.url } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', code => code !== 0 && reject(new Error(`solc worker exited with code ${code}`)));
  });
  const errors = (result.output.errors ?? []).filter(e => e.severity === 'error');
  if (errors.length) throw new Error(`solc failed:\n${errors.map(e => e.formattedMessage).join('\n')}`);
  // The checks decode source positions, so the input must carry every source the compiler read, imports too.
  input.sources = { ...input.sources, ...result.imported };
  return { solcVersion: result.version.replace(/\+.*$/, ''), input, output: result.output };
}

