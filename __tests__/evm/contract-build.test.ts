import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadInputError } from '../../src/shared/errors.js';
import { loadContractBuild } from '../../src/adapters/evm/contract-build.js';
import { compileSolidity, type BuildInfo } from '../support/evm.js';

const SOURCES = {
  'contracts/Box.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
contract Box is UUPSUpgradeable {
  uint256 public value;
  function initialize(uint256 v) external { value = v; }
  function _authorizeUpgrade(address) internal override {}
}
interface IBox { function value() external view returns (uint256); }`,
  'contracts/legacy/Box.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
contract Box { uint256 public value; }`,
  'contracts/Linked.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
library MathLib { function twice(uint256 x) public pure returns (uint256) { return 2 * x; } }
contract UsesLib { function f(uint256 x) external pure returns (uint256) { return MathLib.twice(x); } }`
};

type Json = Record<string, unknown>;
const FIELD = 'router.evmProxy.next.build';

describe('loadContractBuild', () => {
  let dir: string;
  let build: BuildInfo;
  const write = async (name: string, content: unknown) => {
    const file = join(dir, name);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, JSON.stringify(content));
    return file;
  };
  /** The build with one part of the compiler output taken out, as when outputSelection did not ask for it. */
  const without = (strip: (output: { contracts: Record<string, Record<string, Json>>; sources: Record<string, Json> }, input: { sources: Record<string, Json> }) => void) => {
    const copy = JSON.parse(JSON.stringify(build)) as BuildInfo;
    strip(copy.output as never, copy.input as never);
    return copy;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-build-'));
    build = await compileSolidity(SOURCES);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a Hardhat build-info file', async () => {
    const file = await write('hardhat/artifacts/build-info/0a1b.json', { _format: 'hh-sol-build-info-1', id: '0a1b', solcLongVersion: '0.8.28+commit.7893614a', ...build });
    const box = await loadContractBuild(file, 'contracts/Box.sol:Box', FIELD);
    expect(box).toMatchObject({ contract: 'contracts/Box.sol:Box', name: 'Box', file, solcVersion: '0.8.28', hasStorageLayout: true });
    expect(box.abi.map(item => ('name' in item ? item.name : item.type))).toContain('upgradeToAndCall');
    // The creation code carries the runtime code it deploys.
    expect(box.deployedBytecode).toMatch(/^0x6080/);
    expect(box.bytecode).toMatch(/^0x60/);
    expect(box.bytecode.length).toBeGreaterThan(box.deployedBytecode.length);
    expect(box.bytecode).toContain(box.deployedBytecode.slice(2));
    // UUPSUpgradeable's `__self` is the one immutable, read three times.
    const references = Object.values(box.immutableReferences);
    expect(references).toHaveLength(1);
    expect(references[0]?.every(r => r.length === 32 && r.start > 0)).toBe(true);
    expect(Object.keys(box.input.sources)).toContain('@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol');
    expect(box.output.sources['contracts/Box.sol']?.ast).toBeDefined();
  });

  it('picks the newest build-info holding the contract from a directory', async () => {
    const older = await write('dir/build-info/older.json', build);
    const newer = await write('dir/build-info/newer.json', build);
    const unrelated = without(output => delete output.contracts['contracts/Box.sol']);
    await write('dir/build-info/unrelated.json', unrelated);
    await write('dir/build-info/notes.json', { hello: 'not a build' });
    const day = 24 * 3600;
    const now = Date.now() / 1000;
    await utimes(older, now - 2 * day, now - 2 * day);
    await utimes(newer, now - day, now - day);
    await utimes(join(dir, 'dir/build-info/unrelated.json'), now, now);
    expect((await loadContractBuild(join(dir, 'dir/build-info'), 'contracts/Box.sol:Box', FIELD)).file).toBe(newer);
    await utimes(older, now, now);
    expect((await loadContractBuild(join(dir, 'dir/build-info'), 'contracts/Box.sol:Box', FIELD)).file).toBe(older);
    await expect(loadContractBuild(join(dir, 'dir/build-info'), 'Nowhere', FIELD)).rejects.toThrow(/has 3 build-info files, none with contract Nowhere/);
    await mkdir(join(dir, 'empty'));
    await expect(loadContractBuild(join(dir, 'empty'), 'Box', FIELD)).rejects.toThrow(/holds no build-info file[\s\S]*forge build --build-info/);
  });

  it('reads a Foundry build-info file, which may carry only solcLongVersion', async () => {
    const foundry = { id: 'c0ffee', _format: 'ethers-rs-sol-build-info-1', solcLongVersion: '0.8.28+commit.7893614a', input: build.input, output: build.output };
    const file = await write('foundry/out/build-info/c0ffee.json', foundry);
    const box = await loadContractBuild(file, 'contracts/Box.sol:Box', FIELD);
    expect(box.solcVersion).toBe('0.8.28');
    expect(box.contract).toBe('contracts/Box.sol:Box');
  });

  it('reads a standard-JSON input and output pair with the compiler version', async () => {
    const file = await write('solc/box.json', { input: build.input, output: build.output, solcVersion: '0.8.28' });
    expect((await loadContractBuild(file, 'UsesLib', FIELD).catch(e => e)).message).toMatch(/libraries contracts\/Linked\.sol:MathLib linked, and cutover does not link libraries/);
    const legacy = await loadContractBuild(file, 'contracts/legacy/Box.sol:Box', FIELD);
    expect(legacy.immutableReferences).toEqual({});
    const unversioned = await write('solc/unversioned.json', { input: build.input, output: build.output });
    await expect(loadContractBuild(unversioned, 'Box', FIELD)).rejects.toThrow(/does not say which compiler made it\. Add "solcVersion"/);
  });

  it('asks for path:Name when a name is ambiguous, and lists the contracts when it is unknown', async () => {
    const file = await write('names.json', build);
    const ambiguous = await loadContractBuild(file, 'Box', FIELD).catch(e => e);
    expect(ambiguous).toBeInstanceOf(BadInputError);
    expect(ambiguous.message).toBe(`${FIELD}: Box is ambiguous in ${file}: contracts/Box.sol:Box, contracts/legacy/Box.sol:Box. Name it as path:Name.`);
    await expect(loadContractBuild(file, 'Crate', FIELD)).rejects.toThrow(/has no contract Crate\. It has: .*contracts\/Linked\.sol:UsesLib/);
    await expect(loadContractBuild(file, 'IBox', FIELD)).rejects.toThrow(/contracts\/Box\.sol:IBox in .* has no bytecode: it is abstract or an interface/);
    await expect(loadContractBuild(join(dir, 'missing.json'), 'Box', FIELD)).rejects.toThrow(`${FIELD}: ${join(dir, 'missing.json')} does not exist`);
  });

  it('refuses per-contract artifacts with how to produce a whole build', async () => {
    const box = build.output.contracts?.['contracts/Box.sol']?.['Box'] as { abi: unknown; evm: { bytecode: Json; deployedBytecode: Json } };
    const hardhat = await write('hardhat/artifacts/contracts/Box.sol/Box.json', {
      _format: 'hh-sol-artifact-1',
      contractName: 'Box',
      sourceName: 'contracts/Box.sol',
      abi: box.abi,
      bytecode: `0x${box.evm.bytecode.object}`,
      deployedBytecode: `0x${box.evm.deployedBytecode.object}`,
      linkReferences: {},
      deployedLinkReferences: {}
    });
    const foundry = await write('foundry/out/Box.sol/Box.json', { abi: box.abi, bytecode: box.evm.bytecode, deployedBytecode: box.evm.deployedBytecode, methodIdentifiers: {} });
    // Each names the setting of the tool that wrote it.
    for (const [file, fix] of [
      [hardhat, 'Hardhat: add settings: { outputSelection: { "*": { "*": ["storageLayout"] } } } to solidity in hardhat.config'],
      [foundry, 'Foundry: add build_info = true and extra_output = ["storageLayout"] to [profile.default] in foundry.toml']
    ] as const) {
      const error = await loadContractBuild(file, 'Box', FIELD).catch(e => e);
      expect(error).toBeInstanceOf(BadInputError);
      expect(error.message).toContain(`${FIELD}: ${file} is a per-contract artifact (abi and bytecode), not a whole build`);
      expect(error.message).toContain(fix);
    }
    const bare = await write('foundry/out/build-info/bare.json', { id: 'bare', source_id_to_path: { 0: 'src/Box.sol' }, language: 'Solidity' });
    await expect(loadContractBuild(bare, 'Box', FIELD)).rejects.toThrow(/is a build-info file without the compiler input and output/);
  });

  it('refuses a build without what the upgrade checks read, naming the field, the file, the contract and what to add', async () => {
    const cases: [string, Parameters<typeof without>[0], RegExp][] = [
      ['no-layout', output => Object.values(output.contracts).forEach(cs => Object.values(cs).forEach(c => delete c.storageLayout)), /lacks storageLayout for contracts\/Box\.sol:Box/],
      ['no-ast', output => Object.values(output.sources).forEach(s => delete s.ast), /lacks ast \(file level, outputSelection ""\) for contracts\/Box\.sol:Box/],
      ['no-links', output => delete (output.contracts['contracts/Box.sol']?.['Box']?.evm as { bytecode: Json }).bytecode.linkReferences, /lacks evm\.bytecode\.linkReferences for/],
      ['no-immutables', output => delete (output.contracts['contracts/Box.sol']?.['Box']?.evm as { deployedBytecode: Json }).deployedBytecode.immutableReferences, /lacks evm\.deployedBytecode\.immutableReferences for/],
      ['no-content', (_, input) => delete input.sources['@openzeppelin/contracts/interfaces/draft-IERC1822.sol']?.content, /input has no content for @openzeppelin\/contracts\/interfaces\/draft-IERC1822\.sol/]
    ];
    for (const [name, strip, expected] of cases) {
      const file = await write(`partial/${name}.json`, without(strip));
      const error = await loadContractBuild(file, 'contracts/Box.sol:Box', FIELD).catch(e => e);
      expect(error).toBeInstanceOf(BadInputError);
      expect(error.message).toMatch(expected);
      expect(error.message.startsWith(`${FIELD}: ${file}`)).toBe(true);
    }
    // Another contract missing its layout only marks the build; the contract asked for has its own.
    const partly = await write('partial/other-layout.json', without(output => delete output.contracts['contracts/legacy/Box.sol']?.['Box']?.storageLayout));
    expect((await loadContractBuild(partly, 'contracts/Box.sol:Box', FIELD)).hasStorageLayout).toBe(false);
  });
});
