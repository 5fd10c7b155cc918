import { concat, decodeFunctionResult, encodeFunctionData, pad, parseAbiItem, type Abi, type AbiFunction, type Address, type Hex, type StateOverride } from 'viem';
import { EIP1967_SLOTS } from '../core/eip1967.js';
import { BadInputError } from '../core/errors.js';
import type { Chain } from './chain.js';
import type { ProxyState } from './proxy-state.js';
import { revertReason } from './transactions.js';

export interface SmokeCall {
  /** Human-readable ABI, e.g. "function version() view returns (string)". */
  call: string;
  args?: unknown[];
  /** The value the call must return; without it, the call must only not revert. */
  expect?: unknown;
  from?: Address;
}

export interface SmokeResult {
  call: string;
  ok: boolean;
  actual: string | null;
  expected: string | null;
  error?: string;
}

/** The implementation the smoke calls run on. */
export interface SmokeTarget {
  address: Address;
  /** Its runtime code (from simulateCreate2), put at `address` for the calls: it need not be deployed yet. */
  code?: Hex;
  /** Its ABI, whose custom errors then name a revert. */
  abi?: Abi;
}

/**
 * Runs `calls` through the proxy at the state's block as if the proxy already
 * pointed at the target, with an eth_call state override: nothing is sent,
 * and the proxy's own storage answers, as it would after the upgrade.
 */
export async function simulateUpgraded(chain: Chain, state: ProxyState, target: SmokeTarget, calls: SmokeCall[]): Promise<SmokeResult[]> {
  const stateOverride: StateOverride = [...pointedAt(state, target.address), ...(target.code === undefined ? [] : [{ address: target.address, code: target.code }])];
  return Promise.all(calls.map(call => smoke(chain, state, stateOverride, call, target.abi)));
}

function pointedAt(state: ProxyState, implementation: Address): StateOverride {
  if (state.kind !== 'beacon') return [{ address: state.proxy, stateDiff: [{ slot: EIP1967_SLOTS.implementation, value: pad(implementation, { size: 32 }) }] }];
  // OZ's BeaconProxy keeps its beacon in an immutable and asks it for implementation() on every call,
  // so the beacon is what to override, and a beacon that answers `implementation` to any call will do:
  //   73 <20 bytes>  PUSH20 implementation
  //   60 00          PUSH1 0
  //   52             MSTORE       memory[0..32) = the address as a left-padded ABI word
  //   60 20          PUSH1 32
  //   60 00          PUSH1 0
  //   f3             RETURN       memory[0..32)
  // PUSH1 0 rather than PUSH0 keeps it valid on chains before Shanghai.
  if (!state.beacon) throw new BadInputError(`beacon proxy ${state.proxy} has no beacon to simulate an upgrade through.`);
  return [{ address: state.beacon, code: concat(['0x73', implementation, '0x60005260206000f3']) }];
}

async function smoke(chain: Chain, state: ProxyState, stateOverride: StateOverride, smokeCall: SmokeCall, abi: Abi | undefined): Promise<SmokeResult> {
  const fn = functionOf(smokeCall.call);
  let data: Hex;
  try {
    data = encodeFunctionData({ abi: [fn], functionName: fn.name, args: smokeCall.args ?? [] });
  } catch (error) {
    throw new BadInputError(`smoke call "${smokeCall.call}": its args ${normalized(smokeCall.args ?? [])} do not fit the function (${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}).`);
  }
  const expected = smokeCall.expect === undefined ? null : normalized(smokeCall.expect);
  const result = { call: smokeCall.call, expected };
  let returned: Hex | undefined;
  try {
    ({ data: returned } = await chain.client.call({ account: smokeCall.from, to: state.proxy, data, blockNumber: state.block.number, stateOverride }));
  } catch (error) {
    const reason = revertReason(error, abi);
    if (reason === null) throw error;
    return { ...result, ok: false, actual: null, error: reason };
  }
  let actual: string | null;
  try {
    actual = fn.outputs.length === 0 ? null : normalized(decodeFunctionResult({ abi: [fn], functionName: fn.name, data: returned ?? '0x' }));
  } catch (error) {
    return { ...result, ok: false, actual: null, error: `the answer does not decode as the function's outputs: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}` };
  }
  return { ...result, ok: expected === null || actual === expected, actual };
}

function functionOf(signature: string): AbiFunction {
  let item;
  try {
    item = parseAbiItem(signature);
  } catch (error) {
    throw new BadInputError(`smoke call "${signature}": not a human-readable ABI function (${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}). Write it like "function version() view returns (string)".`);
  }
  if (item.type !== 'function') throw new BadInputError(`smoke call "${signature}": an ABI ${item.type}, not a function. Write it like "function version() view returns (string)".`);
  return item;
}

/**
 * One string per value, so that what a config expects compares with what the
 * chain returns: numbers and bigints as decimals, hex (addresses) in lower
 * case, strings as they are, arrays and tuples as JSON of the same.
 */
function normalized(value: unknown): string {
  const plain = canonical(value);
  return typeof plain === 'string' ? plain : JSON.stringify(plain);
}

function canonical(value: unknown): unknown {
  if (typeof value === 'bigint' || typeof value === 'number') return value.toString();
  if (typeof value === 'string') return /^0x[0-9a-fA-F]*$/.test(value) ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]));
  return value ?? null;
}
