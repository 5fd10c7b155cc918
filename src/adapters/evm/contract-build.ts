import { stat } from 'node:fs/promises';
import type { SolcInput, SolcOutput } from '@openzeppelin/upgrades-core';
import type { Abi, Hex } from 'viem';
import { BadInputError } from '../../shared/errors.js';
import { buildInfoDir, HOW_TO_BUILD, readBuildDir, readBuildFile } from './build-files.js';
import type { WholeBuild } from './build-format.js';

export type { SolcInput, SolcOutput };

export type ImmutableReferences = Record<string, { start: number; length: number }[]>;

/** One contract of a whole compiler run: what deploying it, matching its code on chain and checking an upgrade to it need. */
export interface ContractBuild {
  /** Fully qualified: "path/File.sol:Name". */
  contract: string;
  name: string;
  /** The build-info file it was read from. */
  file: string;
  solcVersion: string;
  input: SolcInput;
  /** The whole compiler output: upgrades-core reads every source's AST, not only this contract's. */
  output: SolcOutput;
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  immutableReferences: ImmutableReferences;
  /** Every contract of the build carries a storage layout (this one always does, or it is refused). */
  hasStorageLayout: boolean;
}

/** What solc writes for one contract, as far as cutover reads it; any part may be missing when outputSelection left it out. */
interface ContractOutput {
  abi?: Abi;
  evm?: {
    bytecode?: { object?: string; linkReferences?: Record<string, Record<string, unknown[]>> };
    deployedBytecode?: { object?: string; immutableReferences?: ImmutableReferences };
  };
  storageLayout?: unknown;
}

/**
 * Reads `contract` ("Name" or "path/File.sol:Name") from a whole compiler run:
 * a Foundry, Hardhat 2 or Hardhat 3 build-info file, a folder of them (or the
 * out/ or artifacts/ folder holding one; the newest file holding the contract
 * wins), or a {solcVersion, input, output} standard-JSON pair. Refuses, naming
 * `field`, per-contract artifacts, builds missing what the upgrade checks read
 * (with the setting of the tool that made them), and unlinked libraries.
 */
export async function loadContractBuild(file: string, contract: string, field: string): Promise<ContractBuild> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new BadInputError(`${field}: ${file} does not exist. Point it at a build-info file or directory. ${HOW_TO_BUILD}`);
  const build = info.isDirectory() ? await newestBuildWith(await buildInfoDir(file), contract, field) : await readBuildFile(file, field);
  return contractFrom(build, contract, field);
}

async function newestBuildWith(dir: string, contract: string, field: string): Promise<WholeBuild> {
  const { builds, files, why } = await readBuildDir(dir, field);
  const holding = builds.filter(({ build }) => candidates(build, contract).length > 0);
  if (holding.length === 0) {
    const found = builds.length === 0 ? `holds no build-info file with the compiler input and output (${files} JSON files read)` : `has ${builds.length} build-info files, none with contract ${contract}`;
    throw new BadInputError(`${field}: ${dir} ${found}. Compile the contract and point at its build-info. ${why}`);
  }
  holding.sort((a, b) => b.mtimeMs - a.mtimeMs || a.build.file.localeCompare(b.build.file));
  return (holding[0] as { build: WholeBuild }).build;
}

function candidates(build: WholeBuild, contract: string): string[] {
  const colon = contract.lastIndexOf(':');
  const [path, name] = colon < 0 ? [null, contract] : [contract.slice(0, colon), contract.slice(colon + 1)];
  const source = path === null ? null : (build.sourceNames?.[path] ?? path);
  return Object.entries(build.output.contracts ?? {})
    .filter(([compiled, contracts]) => (source === null || compiled === source) && name in contracts)
    .map(([compiled]) => `${compiled}:${name}`);
}

function contractFrom(build: WholeBuild, contract: string, field: string): ContractBuild {
  const { file, input, output } = build;
  const found = candidates(build, contract);
  if (found.length > 1) throw new BadInputError(`${field}: ${contract} is ambiguous in ${file}: ${found.join(', ')}. Name it as path:Name.`);
  const qualified = found[0];
  if (qualified === undefined) {
    const known = Object.entries(output.contracts ?? {}).flatMap(([source, contracts]) => Object.keys(contracts).map(name => `${source}:${name}`));
    const shown = known.length > 20 ? `${known.slice(0, 20).join(', ')} and ${known.length - 20} more` : known.join(', ');
    throw new BadInputError(`${field}: ${file} has no contract ${contract}. It has: ${shown || 'none'}.`);
  }
  const colon = qualified.lastIndexOf(':');
  const source = qualified.slice(0, colon);
  const name = qualified.slice(colon + 1);
  const entry = output.contracts[source]?.[name] as ContractOutput;
  const bytecode = entry.evm?.bytecode;
  const deployed = entry.evm?.deployedBytecode;

  const missing = [
    entry.abi === undefined && 'abi',
    bytecode?.object === undefined && 'evm.bytecode.object',
    bytecode?.linkReferences === undefined && 'evm.bytecode.linkReferences',
    deployed?.object === undefined && 'evm.deployedBytecode.object',
    deployed?.immutableReferences === undefined && 'evm.deployedBytecode.immutableReferences',
    entry.storageLayout === undefined && 'storageLayout',
    Object.values(output.sources ?? {}).some(s => !s.ast) && 'ast (file level, outputSelection "")'
  ].filter(m => m !== false);
  if (missing.length > 0) {
    throw new BadInputError(`${field}: ${file} lacks ${missing.join(', ')} for ${qualified}. ${build.format.fix}`);
  }
  // upgrades-core decodes source positions from the input, so it needs every source the compiler read, imports too.
  const contentless = Object.keys(output.sources ?? {}).filter(s => typeof input.sources?.[s]?.content !== 'string');
  if (contentless.length > 0) {
    const shown = contentless.slice(0, 5).join(', ') + (contentless.length > 5 ? ` and ${contentless.length - 5} more` : '');
    throw new BadInputError(`${field}: ${file}'s input has no content for ${shown}. Put every source the compiler read in input.sources with its content (imports too, not urls).`);
  }
  if (!bytecode?.object) throw new BadInputError(`${field}: ${qualified} in ${file} has no bytecode: it is abstract or an interface. Name the contract that is deployed.`);
  if (/__\$[0-9a-fA-F]{34}\$__/.test(bytecode.object)) {
    const libraries = Object.entries(bytecode.linkReferences ?? {}).flatMap(([path, libs]) => Object.keys(libs).map(lib => `${path}:${lib}`));
    throw new BadInputError(
      `${field}: ${qualified} in ${file} needs the libraries ${libraries.join(', ')} linked, and cutover does not link libraries. Make their functions internal, or deploy them and compile with settings.libraries.`
    );
  }
  const everyLayout = Object.values(output.contracts).every(contracts => Object.values(contracts).every(c => c.storageLayout !== undefined));
  return {
    contract: qualified,
    name,
    file,
    solcVersion: build.solcVersion,
    input,
    output,
    abi: entry.abi as Abi,
    bytecode: `0x${bytecode.object}`,
    deployedBytecode: `0x${deployed?.object ?? ''}`,
    immutableReferences: deployed?.immutableReferences ?? {},
    hasStorageLayout: everyLayout
  };
}
