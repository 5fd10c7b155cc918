import { createRequire } from 'node:module';
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
 * Fails with the compiler's messages on any error.
 */
export async function compileSolidity(sources: Record<string, string>, options: { optimizer?: boolean; evmVersion?: string } = {}): Promise<BuildInfo> {
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
  const result = await compileInWorker<SolcOutput>(solc, input, import.meta.url);
  const errors = compileErrors(result.output);
  if (errors.length) throw new Error(`solc failed:\n${errors.join('\n')}`);
  // The checks decode source positions, so the input must carry every source the compiler read, imports too.
  input.sources = { ...input.sources, ...result.imported };
  return { solcVersion: result.version.replace(/\+.*$/, ''), input, output: result.output };
}

