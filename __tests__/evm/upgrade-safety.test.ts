import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { BadInputError } from '../../src/shared/errors.js';
import { loadContractBuild, type ContractBuild } from '../../src/adapters/evm/contract-build.js';
import { checkRollback, checkUpgrade, layoutDiff } from '../../src/adapters/evm/upgrade-safety.js';
import { compileSolidity } from '../support/evm.js';

const HEADER = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {OwnableUpgradeable} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
`;

/** A UUPS box; the variables are on lines 8 and on, so upgrades-core's file:line are predictable. */
function box(name: string, variables: string, body = `  function initialize(uint256 v) public initializer { __Ownable_init(msg.sender); value = uint128(v); }`): string {
  return `${HEADER}
contract ${name} is Initializable, UUPSUpgradeable, OwnableUpgradeable {
${variables}
  /// @custom:oz-upgrades-unsafe-allow constructor
  constructor() { _disableInitializers(); }
${body}
  function _authorizeUpgrade(address) internal override onlyOwner {}
}`;
}

// ERC-7201 slot of "cutover.box": keccak256(abi.encode(uint256(keccak256("cutover.box")) - 1)) & ~bytes32(uint256(0xff)).
const BOX_NAMESPACE = '0x54f2a699dcebc1afe288e45d48749d8201c229fe5c0b9bf2c501824b8232e000';
function namespaced(name: string, members: string): string {
  return `${HEADER}
contract ${name} is Initializable, UUPSUpgradeable, OwnableUpgradeable {
  /// @custom:storage-location erc7201:cutover.box
  struct BoxStorage { ${members} }
  bytes32 private constant BOX = ${BOX_NAMESPACE};
  /// @custom:oz-upgrades-unsafe-allow constructor
  constructor() { _disableInitializers(); }
  function initialize() public initializer { __Ownable_init(msg.sender); }
  function _authorizeUpgrade(address) internal override onlyOwner {}
}`;
}

/** What every move of an upgrade says after where it went: why it is refused, and what to do. */
const MOVED = 'incompatible, its data stays where it was and the new code would read something else in its place; keep the variables in their order and add new ones after all existing ones, or in a storage gap';

const SOURCES = {
  'contracts/BoxV1.sol': box('BoxV1', '  uint256 public value;\n  address public operator;'),
  'contracts/BoxV2.sol': box('BoxV2', '  uint256 public value;\n  address public operator;\n  uint256 public fee;'),
  'contracts/BoxV2Inserted.sol': box('BoxV2Inserted', '  uint256 public inserted;\n  uint256 public value;\n  address public operator;'),
  'contracts/BoxV2Retyped.sol': box('BoxV2Retyped', '  uint128 public value;\n  address public operator;'),
  'contracts/BoxV2Swapped.sol': box('BoxV2Swapped', '  address public operator;\n  uint256 public value;'),
  'contracts/BoxV2Numbered.sol': box('BoxV2Numbered', '  uint256 public value;\n  uint160 public operator;'),
  'contracts/BoxV2NumberedAnnotated.sol': box('BoxV2NumberedAnnotated', '  uint256 public value;\n  /// @custom:oz-retyped-from address\n  uint160 public operator;'),
  'contracts/PackedV1.sol': box('PackedV1', '  uint128 public value;\n  uint128 public limit;'),
  'contracts/PackedV2.sol': box('PackedV2', '  uint256 public value;\n  uint128 public limit;'),
  'contracts/PackedV2Annotated.sol': box('PackedV2Annotated', '  /// @custom:oz-retyped-from uint128\n  uint256 public value;\n  uint128 public limit;'),
  'contracts/BoxV2NoInit.sol': box('BoxV2NoInit', '  uint256 public value;\n  address public operator;', ''),
  'contracts/BoxV2Unsafe.sol': `${HEADER}
contract BoxV2Unsafe is Initializable, UUPSUpgradeable, OwnableUpgradeable {
  uint256 public value;
  address public operator;
  uint256 public limit = 5;
  uint256 public immutable cap;
  constructor() { cap = 7; }
  function initialize(uint256 v) public initializer { __Ownable_init(msg.sender); value = v; }
  function kill() external { selfdestruct(payable(msg.sender)); }
  function run(address target, bytes calldata data) external returns (bytes memory out) { (, out) = target.delegatecall(data); }
  function _authorizeUpgrade(address) internal override onlyOwner {}
}`,
  'contracts/Plain.sol': `${HEADER}
contract Plain is Initializable {
  uint256 public value;
  function initialize() public initializer {}
}`,
  'contracts/NsV1.sol': namespaced('NsV1', 'uint256 value; address operator;'),
  'contracts/NsV2.sol': namespaced('NsV2', 'bool paused; uint256 value; address operator;'),
  'contracts/NsV3.sol': namespaced('NsV3', 'uint256 value; address operator; uint256 fee;'),
  // Releases the layout check accepts whose rollback is a different question.
  'contracts/BoxV2Renamed.sol': box('BoxV2Renamed', '  /// @custom:oz-renamed-from value\n  uint256 public amount;\n  address public operator;', `  function initialize(uint256 v) public initializer { __Ownable_init(msg.sender); amount = v; }`),
  'contracts/GapV1.sol': box('GapV1', '  uint256 public value;\n  uint256[49] private __gap;', `  function initialize(uint256 v) public initializer { __Ownable_init(msg.sender); value = v; }`),
  'contracts/GapV2.sol': box('GapV2', '  uint256 public value;\n  uint256 public fee;\n  uint256[48] private __gap;', `  function initialize(uint256 v) public initializer { __Ownable_init(msg.sender); value = v; }`),
  'contracts/ModeV1.sol': box('ModeV1', '  enum Mode { Open, Closed }\n  Mode public mode;', `  function initialize(uint256) public initializer { __Ownable_init(msg.sender); }`),
  'contracts/ModeV2.sol': box('ModeV2', '  enum Mode { Open, Closed, Paused }\n  Mode public mode;', `  function initialize(uint256) public initializer { __Ownable_init(msg.sender); }`)
};

describe('upgrade safety checks (upgrades-core)', () => {
  let dir: string;
  const builds: Record<string, ContractBuild> = {};
  const load = (name: keyof typeof builds) => builds[name] as ContractBuild;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cutover-safety-'));
    const file = join(dir, 'build-info.json');
    await writeFile(file, JSON.stringify(await compileSolidity(SOURCES)));
    for (const name of ['BoxV1', 'BoxV2', 'BoxV2Inserted', 'BoxV2Retyped', 'BoxV2Swapped', 'BoxV2Numbered', 'BoxV2NumberedAnnotated', 'PackedV1', 'PackedV2', 'PackedV2Annotated', 'BoxV2NoInit', 'BoxV2Unsafe', 'Plain', 'NsV1', 'NsV2', 'NsV3', 'BoxV2Renamed', 'GapV1', 'GapV2', 'ModeV1', 'ModeV2']) {
      builds[name] = await loadContractBuild(file, name, `contracts.${name}`);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts an upgrade that appends a variable, and lists it for the summary', async () => {
    const report = await checkUpgrade(load('BoxV1'), load('BoxV2'), 'uups');
    expect(report).toEqual({ ok: true, layout: [], code: [], explanation: '' });
    expect(layoutDiff(load('BoxV1'), load('BoxV2'))).toEqual(['+ fee uint256 slot 2']);
  });

  it('refuses a variable inserted before the existing ones, naming it, its slot and offset, and the variables it shifts', async () => {
    const report = await checkUpgrade(load('BoxV1'), load('BoxV2Inserted'), 'uups');
    expect(report.ok).toBe(false);
    expect(report.code).toEqual([]);
    expect(report.layout[0]).toEqual({
      kind: 'insert',
      variable: 'inserted',
      type: 'uint256',
      slot: '0',
      offset: 0,
      message: expect.stringMatching(/^inserted `inserted` \(uint256\) at slot 0, offset 0: new variables go after all existing ones/)
    });
    // Each shifted variable is one move that names what shifted it, not a delete and an insert.
    expect(report.layout.slice(1)).toEqual([
      {
        kind: 'move',
        variable: 'value',
        type: 'uint256',
        slot: '1',
        offset: 0,
        message: `moved \`value\` (uint256) from slot 0, offset 0 to slot 1, offset 0, shifted by inserted \`inserted\`: ${MOVED}`
      },
      {
        kind: 'move',
        variable: 'operator',
        type: 'address',
        slot: '2',
        offset: 0,
        message: `moved \`operator\` (address) from slot 1, offset 0 to slot 2, offset 0, shifted by inserted \`inserted\`: ${MOVED}`
      }
    ]);
    expect(report.explanation).toContain('contracts/BoxV2Inserted.sol:8: Inserted `inserted`');
    expect(layoutDiff(load('BoxV1'), load('BoxV2Inserted'))).toEqual(['+ inserted uint256 slot 0', '~ value uint256 slot 0 -> slot 1', '~ operator address slot 1 -> slot 2']);
  });

  it('refuses a retyped variable, naming both types, the slot and the offset', async () => {
    const report = await checkUpgrade(load('BoxV1'), load('BoxV2Retyped'), 'transparent');
    expect(report.ok).toBe(false);
    expect(report.layout).toEqual([
      {
        kind: 'typechange',
        variable: 'value',
        type: 'uint128',
        slot: '0',
        offset: 0,
        message:
          'retyped `value` from uint256 to uint128 at slot 0, offset 0: incompatible, it takes 16 bytes instead of 32, so it would read only part of the stored value, and no annotation makes a change of size safe; keep uint256, or add a new variable after all existing ones'
      }
    ]);
    expect(report.explanation).toContain('Bad upgrade from uint256 to uint128');
    expect(layoutDiff(load('BoxV1'), load('BoxV2Retyped'))).toEqual(['~ value uint256 -> uint128 slot 0']);
  });

  it('refuses to roll back after a retype, and allows it after an append', async () => {
    const afterRetype = await checkRollback(load('BoxV2Retyped'), load('BoxV1'));
    expect(afterRetype.ok).toBe(false);
    expect(afterRetype.layout).toEqual([expect.objectContaining({ kind: 'typechange', variable: 'value', slot: '0', offset: 0 })]);
    expect(afterRetype.explanation).toContain('Bad upgrade from uint128 to uint256');

    // The old code never reads `fee`: what the new version appended is no reason to stay.
    expect(await checkRollback(load('BoxV2'), load('BoxV1'))).toEqual({ ok: true, layout: [], code: [], explanation: '' });
    // But a variable the new version inserted in front moves everything the old code reads.
    const afterInsert = await checkRollback(load('BoxV2Inserted'), load('BoxV1'));
    expect(afterInsert.ok).toBe(false);
    expect(afterInsert.layout[0]).toEqual(expect.objectContaining({ kind: 'delete', variable: 'inserted', slot: '0', offset: 0 }));
    // Going back, the move says what the old code would meet, without advice about code that is already written.
    expect(afterInsert.layout[1]?.message).toBe(
      'moved `value` (uint256) from slot 1, offset 0 to slot 0, offset 0, shifted by deleted `inserted`: incompatible, its data stays where it was and the old code would read something else in its place'
    );
  });

  it('reports unsafe code in the new version with its kind and file:line, and lets unsafeAllow accept it quietly', async () => {
    const report = await checkUpgrade(load('BoxV1'), load('BoxV2Unsafe'), 'uups');
    expect(report.ok).toBe(false);
    expect(report.layout).toEqual([]);
    const where = Object.fromEntries(report.code.map(p => [p.kind, p.where]));
    expect(where).toEqual({
      'state-variable-assignment': 'contracts/BoxV2Unsafe.sol:10',
      'state-variable-immutable': 'contracts/BoxV2Unsafe.sol:11',
      constructor: 'contracts/BoxV2Unsafe.sol:12',
      selfdestruct: 'contracts/BoxV2Unsafe.sol:14',
      delegatecall: 'contracts/BoxV2Unsafe.sol:15'
    });
    expect(report.code.find(p => p.kind === 'selfdestruct')?.message).toMatch(/^Use of selfdestruct is not allowed: https:\/\/zpl\.in\//);
    expect(report.explanation).toContain('contracts/BoxV2Unsafe.sol:15: Use of delegatecall is not allowed');

    const printed = jest.spyOn(console, 'error');
    try {
      const allowed = await checkUpgrade(load('BoxV1'), load('BoxV2Unsafe'), 'uups', {
        unsafeAllow: ['state-variable-assignment', 'state-variable-immutable', 'constructor', 'selfdestruct', 'delegatecall']
      });
      expect(allowed.ok).toBe(true);
      expect(allowed.code).toEqual([]);
      expect(allowed.explanation).toMatch(/Potentially unsafe deployment of contracts\/BoxV2Unsafe\.sol:BoxV2Unsafe[\s\S]*selfdestruct/);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
    await expect(checkUpgrade(load('BoxV1'), load('BoxV2'), 'uups', { unsafeAllow: ['selfdestruc'] })).rejects.toThrow(BadInputError);
    await expect(checkUpgrade(load('BoxV1'), load('BoxV2'), 'uups', { unsafeAllow: ['selfdestruc'] })).rejects.toThrow(/unknown check "selfdestruc"\. Known checks: .*selfdestruct/);
  });

  it('reports a new version without an initializer', async () => {
    const report = await checkUpgrade(load('BoxV1'), load('BoxV2NoInit'), 'uups');
    expect(report.ok).toBe(false);
    expect(report.code).toEqual([{ kind: 'missing-initializer', where: 'contracts/BoxV2NoInit.sol:7', message: expect.stringMatching(/^Missing initializer: Define an initializer function/) }]);
  });

  it('requires an upgrade function in the implementation only for a UUPS proxy', async () => {
    const asUups = await checkUpgrade(load('Plain'), load('Plain'), 'uups');
    expect(asUups.ok).toBe(false);
    expect(asUups.code).toEqual([expect.objectContaining({ kind: 'missing-public-upgradeto', where: 'contracts/Plain.sol:7' })]);
    expect((await checkUpgrade(load('Plain'), load('Plain'), 'transparent')).ok).toBe(true);
    expect((await checkUpgrade(load('Plain'), load('Plain'), 'beacon')).ok).toBe(true);
    expect((await checkUpgrade(load('BoxV1'), load('BoxV1'), 'uups')).ok).toBe(true);
  });

  it('locates a change in ERC-7201 namespaced storage at its absolute slot', async () => {
    const report = await checkUpgrade(load('NsV1'), load('NsV2'), 'uups');
    expect(report.ok).toBe(false);
    expect(report.layout[0]).toEqual({
      kind: 'insert',
      variable: 'paused',
      type: 'bool',
      slot: BOX_NAMESPACE,
      offset: 0,
      message: `inserted \`paused\` (bool) at slot ${BOX_NAMESPACE}, offset 0 (member slot 0 of namespace erc7201:cutover.box): new members go at the end of the struct`
    });
    expect(report.layout[1]).toEqual(
      expect.objectContaining({ kind: 'move', variable: 'value', slot: `${BOX_NAMESPACE.slice(0, -1)}1`, offset: 0, message: expect.stringMatching(/shifted by inserted `paused`: .*; keep the members of the struct in their order and add new ones at its end$/) })
    );

    expect((await checkUpgrade(load('NsV1'), load('NsV3'), 'uups')).ok).toBe(true);
    expect((await checkRollback(load('NsV3'), load('NsV1'))).ok).toBe(true);
    const back = await checkRollback(load('NsV2'), load('NsV1'));
    expect(back.ok).toBe(false);
    expect(back.layout[0]).toEqual(expect.objectContaining({ kind: 'delete', variable: 'paused', slot: BOX_NAMESPACE }));
  });

  it('still sees a namespaced change without slots when no solc-js of the build\'s version is installed', async () => {
    const unknownCompiler = (build: ContractBuild): ContractBuild => ({ ...build, solcVersion: '0.8.99' });
    const report = await checkUpgrade(unknownCompiler(load('NsV1')), unknownCompiler(load('NsV2')), 'uups');
    expect(report.ok).toBe(false);
    expect(report.layout[0]).toEqual({
      kind: 'insert',
      variable: 'paused',
      type: 'bool',
      message: 'inserted `paused` (bool) at an unknown slot in namespace erc7201:cutover.box (laying out namespaces needs solc-js 0.8.99 installed): new members go at the end of the struct'
    });
  });

  it('allows rolling back a rename and a variable taken from a storage gap, which the old code reads alike or never', async () => {
    for (const [previous, next] of [
      ['BoxV1', 'BoxV2Renamed'],
      ['GapV1', 'GapV2']
    ] as const) {
      expect((await checkUpgrade(load(previous), load(next), 'uups')).ok).toBe(true);
      expect(await checkRollback(load(next), load(previous))).toEqual({ ok: true, layout: [], code: [], explanation: '' });
    }
  });

  it('refuses rolling back an enum that gained a member: the old code cannot read the new value', async () => {
    expect((await checkUpgrade(load('ModeV1'), load('ModeV2'), 'uups')).ok).toBe(true);
    const back = await checkRollback(load('ModeV2'), load('ModeV1'));
    expect(back.ok).toBe(false);
    expect(back.layout).toEqual([expect.objectContaining({ kind: 'typechange', variable: 'mode', slot: '0', offset: 0, message: expect.stringContaining('(enum members)') })]);
  });

  it('reports two swapped variables as two moves, not as deleted and inserted, and diffs them as moves', async () => {
    const report = await checkUpgrade(load('BoxV1'), load('BoxV2Swapped'), 'uups');
    expect(report.ok).toBe(false);
    expect(report.layout).toEqual([
      { kind: 'move', variable: 'value', type: 'uint256', slot: '1', offset: 0, message: `moved \`value\` (uint256) from slot 0, offset 0 to slot 1, offset 0: ${MOVED}` },
      { kind: 'move', variable: 'operator', type: 'address', slot: '0', offset: 0, message: `moved \`operator\` (address) from slot 1, offset 0 to slot 0, offset 0: ${MOVED}` }
    ]);
    expect(layoutDiff(load('BoxV1'), load('BoxV2Swapped'))).toEqual(['~ operator address slot 1 -> slot 0', '~ value uint256 slot 0 -> slot 1']);
    const back = await checkRollback(load('BoxV2Swapped'), load('BoxV1'));
    expect(back.layout.map(change => change.kind)).toEqual(['move', 'move']);
  });

  it('suggests @custom:oz-retyped-from for a retype of the same size in place, and accepts it annotated, both ways', async () => {
    const report = await checkUpgrade(load('BoxV1'), load('BoxV2Numbered'), 'uups');
    expect(report.ok).toBe(false);
    expect(report.layout).toEqual([
      {
        kind: 'typechange',
        variable: 'operator',
        type: 'uint160',
        slot: '1',
        offset: 0,
        message: 'retyped `operator` from address to uint160 at slot 1, offset 0: incompatible as written, the same 20 bytes read as another type; if this is intended, annotate it with /// @custom:oz-retyped-from address'
      }
    ]);

    expect(await checkUpgrade(load('BoxV1'), load('BoxV2NumberedAnnotated'), 'uups')).toEqual({ ok: true, layout: [], code: [], explanation: '' });
    expect(layoutDiff(load('BoxV1'), load('BoxV2NumberedAnnotated'))).toEqual(['~ operator address -> uint160 slot 1']);
    // The old code reads the same 20 bytes as its own address: the declared retype is no reason to stay.
    expect(await checkRollback(load('BoxV2NumberedAnnotated'), load('BoxV1'))).toEqual({ ok: true, layout: [], code: [], explanation: '' });
  });

  it('refuses a retype that changes the size, annotated or not, saying which packed neighbour it covers and that the neighbour moved', async () => {
    for (const next of ['PackedV2', 'PackedV2Annotated'] as const) {
      const report = await checkUpgrade(load('PackedV1'), load(next), 'uups');
      expect(report.ok).toBe(false);
      expect(report.layout.map(change => change.message)).toEqual([
        'retyped `value` from uint128 to uint256 at slot 0, offset 0: incompatible, it takes 32 bytes instead of 16, so it would also cover `limit` (slot 0, offset 16), and no annotation makes a change of size safe; keep uint128, or add a new variable after all existing ones',
        `moved \`limit\` (uint128) from slot 0, offset 16 to slot 1, offset 0, shifted by \`value\` grown from uint128 to uint256: ${MOVED}`
      ]);
      expect(layoutDiff(load('PackedV1'), load(next))).toEqual(['~ value uint128 -> uint256 slot 0', '~ limit uint128 slot 0 offset 16 -> slot 1 offset 0']);
    }
  });

  it('diffs a variable renamed in place as a rename', () => {
    expect(layoutDiff(load('BoxV1'), load('BoxV2Renamed'))).toEqual(['~ value -> amount uint256 slot 0']);
  });
});
