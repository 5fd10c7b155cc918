import type { SolcInput, SolcOutput } from '@openzeppelin/upgrades-core';
import { BadInputError } from '../../shared/errors.js';

/** A parsed build file, before its format is known. */
export type BuildJson = Record<string, unknown>;

/** One whole compiler run, as read from a build tool's file. */
export interface WholeBuild {
  file: string;
  format: BuildFormat;
  solcVersion: string;
  input: SolcInput;
  output: SolcOutput;
  /** Source paths as users write them, to the compiler's source names, where a tool renames them (Hardhat 3: project/…). */
  sourceNames?: Record<string, string>;
}

/** How one tool keeps a compiler run, and what to set in it so the run carries what cutover reads. */
export interface BuildFormat {
  recognizes(json: BuildJson): boolean;
  read(json: BuildJson, file: string, field: string): Promise<WholeBuild>;
  /** The setting that adds the storage layout (and with it all cutover reads) to the tool's builds. */
  fix: string;
}

export const FULL_OUTPUT_SELECTION = `outputSelection {"*": {"*": ["abi", "evm.bytecode.object", "evm.bytecode.linkReferences", "evm.deployedBytecode", "storageLayout"], "": ["ast"]}}`;

/** The standard-JSON input and output of a build file, refused with the tool's fix when either is missing. */
function compilerRun(json: BuildJson, file: string, field: string, format: BuildFormat): { input: SolcInput; output: SolcOutput } {
  const { input, output } = json as { input?: SolcInput; output?: SolcOutput };
  if (typeof input !== 'object' || typeof output !== 'object' || input === null || output === null) {
    throw new BadInputError(`${field}: ${file} is a build-info file without the compiler input and output; upgrade checks need every source's AST and storage layout. ${format.fix}`);
  }
  return { input, output };
}

/** The compiler version a build file names ("0.8.28", from "0.8.28+commit.7893614a" too). */
function compilerVersion(json: BuildJson, file: string, field: string): string {
  const version = typeof json.solcVersion === 'string' ? json.solcVersion : typeof json.solcLongVersion === 'string' ? json.solcLongVersion : null;
  if (!version) throw new BadInputError(`${field}: ${file} does not say which compiler made it. Add "solcVersion": "0.8.28" (the version solc reported) beside input and output.`);
  return version.replace(/\+.*$/, '');
}

/** A build file holding input, output and compiler version side by side, as every format but Hardhat 3's does. */
export async function wholeBuild(json: BuildJson, file: string, field: string, format: BuildFormat): Promise<WholeBuild> {
  return { file, format, ...compilerRun(json, file, field, format), solcVersion: compilerVersion(json, file, field) };
}
