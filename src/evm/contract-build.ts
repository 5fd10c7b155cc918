import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SolcInput, SolcOutput } from '@openzeppelin/upgrades-core';
import type { Abi, Hex } from 'viem';
import { BadInputError } from '../core/errors.js';

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

interface WholeBuild {
  file: string;
  solcVersion: string;
  input: SolcInput;
  output: SolcOutput;
}

const OUTPUT_SELECTION = `outputSelection {"*": {"*": ["abi", "evm.bytecode.object", "evm.bytecode.linkReferences", "evm.deployedBytecode", "storageLayout"], "": ["ast"]}}`;
const HOW_TO_BUILD =
  'Hardhat: point at artifacts/build-info (with storageLayout in outputSelection, which @openzeppelin/hardhat-upgrades adds); ' +
  'Foundry: run `forge build --build-info --extra-output storageLayout` and point at out/build-info; ' +
  `solc: standard JSON with ${OUTPUT_SELECTION}, saved as {"solcVersion", "input", "output"}`;

/**
 * Reads `contract` ("Name" or "path/File.sol:Name") from a whole compiler run:
 * a Hardhat or Foundry build-info file, a directory of them (the newest file
 * holding the contract wins), or a {solcVersion, input, output} standard-JSON
 * pair. Refuses, naming `field`, per-contract artifacts, builds missing what
 * the upgrade checks read, and bytecode with unlinked libraries.
 */
export async function loadContractBuild(file: string, contract: string, field: string): Promise<ContractBuild> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new BadInputError(`${field}: ${file} does not exist. Point it at a build-info file or directory (${HOW_TO_BUILD}).`);
  const build = info.isDirectory() ? await newestBuildWith(file, contract, field) : wholeBuild(await readJson(file, field), file, field);
  return contractFrom(build, contract, field);
}

async function readJson(file: string, field: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInputError(`${field}: ${file} is not JSON (${(error as Error).message}). Point it at a build-info file or directory (${HOW_TO_BUILD}).`);
  }
}

async function newestBuildWith(dir: string, contract: string, field: string): Promise<WholeBuild> {
  // Hardhat 3 keeps the output beside the input in *.output.json; those halves are not builds on their own.
  const names = (await readdir(dir)).filter(name => name.endsWith('.json') && !name.endsWith('.output.json'));
  const holding: { build: WholeBuild; mtimeMs: number }[] = [];
  let builds = 0;
  for (const name of names) {
    const file = join(dir, name);
    let build: WholeBuild;
    try {
      build = wholeBuild(await readJson(file, field), file, field);
    } catch {
      continue;
    }
    builds++;
    if (candidates(build, contract).length > 0) holding.push({ build, mtimeMs: (await stat(file)).mtimeMs });
  }
  if (holding.length === 0) {
    const found = builds === 0 ? `holds no build-info file (${names.length} JSON files read)` : `has ${builds} build-info files, none with contract ${contract}`;
    throw new BadInputError(`${field}: ${dir} ${found}. Compile the contract and point at its build-info (${HOW_TO_BUILD}).`);
  }
  holding.sort((a, b) => b.mtimeMs - a.mtimeMs || a.build.file.localeCompare(b.build.file));
  return (holding[0] as { build: WholeBuild }).build;
}

/** The shapes of a whole build: Hardhat {solcVersion, input, output}, Foundry's with solcLongVersion, a standard-JSON pair. */
function wholeBuild(json: unknown, file: string, field: string): WholeBuild {
  const value = (json ?? {}) as Record<string, unknown>;
  const { input, output } = value as { input?: SolcInput; output?: SolcOutput };
  if (typeof input !== 'object' || typeof output !== 'object' || input === null || output === null) {
    const what =
      'abi' in value && ('bytecode' in value || 'deployedBytecode' in value)
        ? 'a per-contract artifact (abi and bytecode), not a whole build'
        : '_format' in value || 'source_id_to_path' in value
          ? 'a build-info file without the compiler input and output'
          : 'not a build-info file (no compiler input and output)';
    throw new BadInputError(`${field}: ${file} is ${what}; upgrade checks need every source's AST and storage layout. ${HOW_TO_BUILD}.`);
  }
  const version = typeof value.solcVersion === 'string' ? value.solcVersion : typeof value.solcLongVersion === 'string' ? value.solcLongVersion : null;
  if (!version) throw new BadInputError(`${field}: ${file} does not say which compiler made it. Add "solcVersion": "0.8.28" (the version solc reported) beside input and output.`);
  return { file, solcVersion: version.replace(/\+.*$/, ''), input, output };
}

function candidates(build: WholeBuild, contract: string): string[] {
  const colon = contract.lastIndexOf(':');
  const [path, name] = colon < 0 ? [null, contract] : [contract.slice(0, colon), contract.slice(colon + 1)];
  return Object.entries(build.output.contracts ?? {})
    .filter(([source, contracts]) => (path === null || source === path) && name in contracts)
    .map(([source]) => `${source}:${name}`);
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
    throw new BadInputError(`${field}: ${file} lacks ${missing.join(', ')} for ${qualified}. Compile with ${OUTPUT_SELECTION} (${HOW_TO_BUILD}).`);
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
