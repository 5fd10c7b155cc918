import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadInputError } from '../../src/shared/errors.js';
import { compileSolidity, type BuildInfo } from '../../src/demo/solidity.js';
import { loadContractBuild } from '../../src/adapters/evm/contract-build.js';
import { compileWithTool, describeWithBuildTools } from '../support/build-tools.js';
import { BOX_SOURCE } from '../support/evm-sources.js';

const FIELD = 'router.implementation';

// Hardhat 3 names project sources project/<path> in the compiler input; users still write <path>.
const BOX = {
  'project/contracts/Box.sol': BOX_SOURCE
};

/**
 * Hardhat 3's split build-info, laid out as its published types describe it
 * (SolidityBuildInfo and SolidityBuildInfoOutput): Hardhat 3 itself is not
 * installed here, so the pair is written from a solc-js compile.
 */
async function writeHardhat3Build(artifacts: string, build: BuildInfo, id: string): Promise<string> {
  const dir = join(artifacts, 'build-info');
  await mkdir(dir, { recursive: true });
  const input = join(dir, `${id}.json`);
  await writeFile(
    input,
    JSON.stringify({
      _format: 'hh3-sol-build-info-1',
      id,
      solcVersion: build.solcVersion,
      solcLongVersion: `${build.solcVersion}+commit.7893614a`,
      userSourceNameMap: { 'contracts/Box.sol': 'project/contracts/Box.sol' },
      input: build.input
    })
  );
  await writeFile(join(dir, `${id}.output.json`), JSON.stringify({ _format: 'hh3-sol-build-info-output-1', id, output: build.output }));
  return input;
}

describe('Hardhat 3 builds', () => {
  let dir: string;
  let build: BuildInfo;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-hh3-'));
    build = await compileSolidity(BOX);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the input and output halves from artifacts/, with the contract named by its project path or its name', async () => {
    const artifacts = join(dir, 'whole/artifacts');
    const input = await writeHardhat3Build(artifacts, build, 'solc-0_8_28-aa11');
    for (const contract of ['contracts/Box.sol:Box', 'Box']) {
      const box = await loadContractBuild(artifacts, contract, FIELD);
      expect(box).toMatchObject({ contract: 'project/contracts/Box.sol:Box', name: 'Box', file: input, solcVersion: '0.8.28', hasStorageLayout: true });
      expect(box.deployedBytecode).toMatch(/^0x6080/);
    }
  });

  it('refuses an input half without its output, and an output without the storage layout, with the setting to add', async () => {
    const alone = join(dir, 'alone/artifacts');
    const input = await writeHardhat3Build(alone, build, 'bb22');
    await rm(join(alone, 'build-info/bb22.output.json'));
    const missing = await loadContractBuild(input, 'Box', FIELD).catch(e => e);
    expect(missing).toBeInstanceOf(BadInputError);
    expect(missing.message).toBe(`${FIELD}: ${input} is Hardhat 3's build input, and ${join(alone, 'build-info/bb22.output.json')} with its output is missing or not JSON. Compile again and point at artifacts/.`);

    const bare = JSON.parse(JSON.stringify(build)) as BuildInfo;
    for (const contracts of Object.values(bare.output.contracts ?? {})) for (const contract of Object.values(contracts)) delete (contract as { storageLayout?: unknown }).storageLayout;
    const artifacts = join(dir, 'bare/artifacts');
    const file = await writeHardhat3Build(artifacts, bare, 'cc33');
    await expect(loadContractBuild(artifacts, 'contracts/Box.sol:Box', FIELD)).rejects.toThrow(
      `${FIELD}: ${file} lacks storageLayout for project/contracts/Box.sol:Box. Hardhat: add settings: { outputSelection: { "*": { "*": ["storageLayout"] } } } to solidity in hardhat.config`
    );
  });
});

describeWithBuildTools('a forge build without build_info', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-forge-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is refused with the foundry.toml settings to add', async () => {
    const { outputDir } = await compileWithTool('forge', dir, { buildInfo: false, storageLayout: false });
    const error = await loadContractBuild(outputDir, 'VaultV2', FIELD).catch(e => e);
    expect(error).toBeInstanceOf(BadInputError);
    // forge still writes out/build-info/<id>.json, with the source ids only.
    expect(error.message).toBe(
      `${FIELD}: ${join(outputDir, 'build-info')} holds no build-info file with the compiler input and output (1 JSON files read). Compile the contract and point at its build-info. ` +
        'Foundry: add build_info = true and extra_output = ["storageLayout"] to [profile.default] in foundry.toml (or run forge build --build-info --extra-output storageLayout), build again and point at out/.'
    );
  });
});
