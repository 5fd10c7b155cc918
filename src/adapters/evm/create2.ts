import { BaseError, concat, decodeErrorResult, getContractAddress, isHex, numberToHex, parseAbiItem, RawContractError, size, toFunctionSelector, type Address, type Hex } from 'viem';
import { BadInputError, ReleaseError } from '../../shared/errors.js';
import type { Chain } from './chain.js';
import { revertReason, sendCall, type SendOptions } from './transactions.js';

/**
 * Arachnid's deterministic deployment proxy: the same address on anvil and
 * most public chains. Called with salt ++ init code, it CREATE2s the contract
 * and reverts when that fails.
 */
export const DETERMINISTIC_DEPLOYER: Address = '0x4e59b44847b379578588920ca78fbf26c0b4956c';

/** Where the deployer puts `initCode` with `salt`: the same on every chain, before anything is sent. */
export function create2Address(initCode: Hex, salt: Hex): Address {
  if (size(salt) !== 32) throw new BadInputError(`CREATE2 salt ${salt}: expected 32 bytes, got ${size(salt)}. Pad it to 32 bytes (64 hex digits).`);
  return getContractAddress({ opcode: 'CREATE2', from: DETERMINISTIC_DEPLOYER, salt, bytecode: initCode });
}

/**
 * Deploys `initCode` at its CREATE2 address. When code is already there (a
 * rerun, or someone deployed the same bytes) it sends nothing: hash is null.
 */
export async function deployCreate2(chain: Chain, initCode: Hex, salt: Hex, options: SendOptions): Promise<{ address: Address; hash: Hex | null }> {
  const address = create2Address(initCode, salt);
  if (await hasCode(chain, address)) return { address, hash: null };
  await requireDeployer(chain);
  const sent = await sendCall(chain, { to: DETERMINISTIC_DEPLOYER, data: concat([salt, initCode]), value: 0n }, options);
  if (!(await hasCode(chain, address))) throw new ReleaseError(`the CREATE2 deployment in transaction ${sent.hash} left no code at ${address}: the constructor returned empty code.`);
  return { address, hash: sent.hash };
}

/**
 * The runtime code deployCreate2 would leave at create2Address(initCode, salt),
 * constructor run and immutables set (OZ's UUPSUpgradeable keeps its own
 * address in one), without sending anything: an eth_call to the deployer with
 * its code replaced, for that call only, by CREATE2_PROBE. The created address
 * is the real one because CREATE2 depends only on the deployer's address, the
 * salt and the init code. Code already there is returned as it is. A constructor
 * that reverts, or code the chain refuses, is a ReleaseError with the reason.
 */
export async function simulateCreate2(chain: Chain, initCode: Hex, salt: Hex, blockNumber?: bigint): Promise<Hex> {
  const address = create2Address(initCode, salt);
  const at = blockNumber === undefined ? {} : { blockNumber };
  const existing = await chain.client.getCode({ address, ...at });
  if (existing !== undefined && size(existing) > 0) return existing;
  await requireDeployer(chain, blockNumber);
  let code: Hex | undefined;
  try {
    // From the signer, so that tx.origin in a constructor is the one the deployment will have.
    ({ data: code } = await chain.client.call({
      account: chain.account ?? undefined,
      to: DETERMINISTIC_DEPLOYER,
      data: concat([salt, initCode]),
      stateOverride: [{ address: DETERMINISTIC_DEPLOYER, code: CREATE2_PROBE }],
      ...at
    }));
  } catch (error) {
    throw new ReleaseError(creationFailure(error, address));
  }
  if (code === undefined || size(code) === 0) throw new ReleaseError(`deploying at ${address} would leave no code there: the constructor returns empty code. Nothing was sent.`);
  return code;
}

async function requireDeployer(chain: Chain, blockNumber?: bigint): Promise<void> {
  if (await hasCode(chain, DETERMINISTIC_DEPLOYER, blockNumber)) return;
  throw new ReleaseError(
    `chain ${chain.chainId} has no deterministic deployment proxy at ${DETERMINISTIC_DEPLOYER}, which deploys implementations with CREATE2. Deploy it there first (github.com/Arachnid/deterministic-deployment-proxy), or deploy the implementation yourself and give its address.`
  );
}

/** Whether any code is at `address`, at `blockNumber` or the latest block. */
export async function hasCode(chain: Chain, address: Address, blockNumber?: bigint): Promise<boolean> {
  const code = await chain.client.getCode({ address, ...(blockNumber === undefined ? {} : { blockNumber }) });
  return code !== undefined && size(code) > 0;
}

/** What CREATE2_PROBE reverts with, and only when the creation failed: the constructor's revert data, if any. */
const CREATION_FAILED_SIGNATURE = 'error CreationFailed(bytes revertData)';
const CREATION_FAILED = parseAbiItem(CREATION_FAILED_SIGNATURE);

/**
 * The program that stands in for the deployer during a simulation. Calldata is
 * what the deployer takes, salt (32 bytes) ++ init code. Each step: the
 * instruction, then the stack after it (top first) or why. PUSH1 0 rather than
 * PUSH0 keeps it valid on chains before Shanghai.
 */
const CREATE2_PROBE_STEPS: [instruction: string, why: string][] = [
  // Copy the init code to memory[0, n).
  ['CALLDATASIZE', '[calldatasize]'],
  ['PUSH1 0x20', '[32, calldatasize]'],
  ['SWAP1', '[calldatasize, 32]'],
  ['SUB', '[n]: the init code is everything after the salt'],
  ['DUP1', '[n, n]'],
  ['PUSH1 0x20', '[32, n, n]'],
  ['PUSH1 0x00', '[0, 32, n, n]'],
  ['CALLDATACOPY', '[n]: memory[0, n) = calldata[32, 32 + n)'],
  // CREATE2 it from this address with the salt: the address the real deployer would create.
  ['PUSH1 0x00', '[0, n]'],
  ['CALLDATALOAD', '[salt, n]'],
  ['SWAP1', '[n, salt]'],
  ['PUSH1 0x00', '[0, n, salt]: memory offset'],
  ['PUSH1 0x00', '[0, 0, n, salt]: value'],
  ['CREATE2', '[created]: 0 when the constructor reverted or its code was refused'],
  ['DUP1', '[created, created]'],
  ['PUSH1 @created', '[created-label, created, created]'],
  ['JUMPI', '[created]: jump when the creation worked'],
  // Failed: revert with CreationFailed(revertData), revertData = the constructor's own revert data (the return data now).
  [`PUSH4 ${toFunctionSelector(CREATION_FAILED_SIGNATURE)}`, '[selector, 0]'],
  ['PUSH1 0xe0', '[224, selector, 0]'],
  ['SHL', '[selector << 224, 0]'],
  ['PUSH1 0x00', '[0, selector << 224, 0]'],
  ['MSTORE', '[0]: memory[0, 4) = selector'],
  ['PUSH1 0x20', '[32, 0]'],
  ['PUSH1 0x04', '[4, 32, 0]'],
  ['MSTORE', '[0]: memory[4, 36) = 32, where the bytes start after the selector'],
  ['RETURNDATASIZE', '[len, 0]'],
  ['PUSH1 0x24', '[36, len, 0]'],
  ['MSTORE', '[0]: memory[36, 68) = len'],
  ['RETURNDATASIZE', '[len, 0]'],
  ['PUSH1 0x00', '[0, len, 0]'],
  ['PUSH1 0x44', '[68, 0, len, 0]'],
  ['RETURNDATACOPY', '[0]: memory[68, 68 + len) = the constructor\'s revert data'],
  ['PUSH1 0x00', '[0, 0]'],
  ['RETURNDATASIZE', '[len, 0, 0]'],
  ['PUSH1 0x44', '[68, len, 0, 0]'],
  ['ADD', '[68 + len, 0, 0]'],
  ['MSTORE', '[0]: zero the ABI padding, where memory still holds init code'],
  ['PUSH1 0x1f', '[31, 0]'],
  ['RETURNDATASIZE', '[len, 31, 0]'],
  ['ADD', '[len + 31, 0]'],
  ['PUSH1 0x1f', '[31, len + 31, 0]'],
  ['NOT', '[~31, len + 31, 0]'],
  ['AND', '[len rounded up to 32 bytes, 0]'],
  ['PUSH1 0x44', '[68, padded, 0]'],
  ['ADD', '[68 + padded, 0]'],
  ['PUSH1 0x00', '[0, 68 + padded, 0]'],
  ['REVERT', 'revert with memory[0, 68 + padded)'],
  // Created: return its runtime code.
  ['JUMPDEST @created', '[created]'],
  ['DUP1', '[created, created]'],
  ['EXTCODESIZE', '[codesize, created]'],
  ['DUP1', '[codesize, codesize, created]'],
  ['PUSH1 0x00', '[0, codesize, codesize, created]: offset in the code'],
  ['PUSH1 0x00', '[0, 0, codesize, codesize, created]: memory offset'],
  ['DUP5', '[created, 0, 0, codesize, codesize, created]'],
  ['EXTCODECOPY', '[codesize, created]: memory[0, codesize) = the runtime code'],
  ['PUSH1 0x00', '[0, codesize, created]'],
  ['RETURN', 'return memory[0, codesize)']
];

/** The opcodes CREATE2_PROBE_STEPS use (numbers from the Ethereum yellow paper). */
const OPCODES: Record<string, number> = {
  ADD: 0x01, SUB: 0x03, AND: 0x16, NOT: 0x19, SHL: 0x1b,
  CALLDATALOAD: 0x35, CALLDATASIZE: 0x36, CALLDATACOPY: 0x37, EXTCODESIZE: 0x3b, EXTCODECOPY: 0x3c, RETURNDATASIZE: 0x3d, RETURNDATACOPY: 0x3e,
  MSTORE: 0x52, JUMPI: 0x57, JUMPDEST: 0x5b, PUSH1: 0x60, PUSH4: 0x63, DUP1: 0x80, DUP5: 0x84, SWAP1: 0x90,
  CREATE2: 0xf5, RETURN: 0xf3, REVERT: 0xfd
};

/**
 * Assembles steps to bytecode. `PUSHn 0x…` pushes a constant, `PUSHn @label`
 * the offset of `JUMPDEST @label`: offsets are known before the bytes, since
 * each instruction's size is fixed by its name.
 */
function assemble(steps: [instruction: string, why: string][]): Hex {
  const parsed = steps.map(([instruction]) => {
    const [name = '', operand] = instruction.split(' ');
    const opcode = OPCODES[name];
    if (opcode === undefined) throw new Error(`assembler: unknown instruction ${instruction}`);
    const width = name.startsWith('PUSH') ? Number(name.slice(4)) : 0;
    return { name, opcode, operand, width };
  });
  const labels = new Map<string, number>();
  let offset = 0;
  for (const step of parsed) {
    if (step.name === 'JUMPDEST' && step.operand) labels.set(step.operand, offset);
    offset += 1 + step.width;
  }
  return concat(
    parsed.map(({ opcode, operand, width }) => {
      if (width === 0) return numberToHex(opcode, { size: 1 });
      const value = operand?.startsWith('@') ? labels.get(operand) : Number(operand);
      if (value === undefined || Number.isNaN(value)) throw new Error(`assembler: bad operand ${operand}`);
      return concat([numberToHex(opcode, { size: 1 }), numberToHex(value, { size: width })]);
    })
  );
}

const CREATE2_PROBE = assemble(CREATE2_PROBE_STEPS);

/** Why the simulated creation failed: the constructor's revert decoded like any call's, or what the node said. */
function creationFailure(error: unknown, address: Address): string {
  const nothingSent = 'Nothing was sent.';
  const revertData = probeRevertData(error);
  if (revertData === null) {
    const said = revertReason(error) ?? (error instanceof BaseError ? error.shortMessage : String(error));
    return `simulating the CREATE2 deployment at ${address} failed: ${said}. The RPC endpoint must answer eth_call with a state override. ${nothingSent}`;
  }
  if (size(revertData) === 0) {
    return `deploying at ${address} would fail: the constructor reverts without a reason or runs out of gas, or the chain refuses the code it returns (over 24576 bytes, or starting with 0xef). ${nothingSent}`;
  }
  return `deploying at ${address} would fail: the constructor reverts with ${revertReason(new RawContractError({ data: revertData }))}. ${nothingSent}`;
}

/** The constructor's revert data when the error is CREATE2_PROBE's CreationFailed; null for any other failure. */
function probeRevertData(error: unknown): Hex | null {
  if (!(error instanceof BaseError)) return null;
  const carrier = error.walk(e => isHex((e as { data?: unknown }).data)) as { data: Hex } | null;
  if (!carrier) return null;
  try {
    return decodeErrorResult({ abi: [CREATION_FAILED], data: carrier.data }).args[0];
  } catch {
    return null;
  }
}
