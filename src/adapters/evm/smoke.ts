import { decodeFunctionResult, type Address, type Hex } from 'viem';
import { signatureCallData, signatureFunction } from './signature-call.js';

/** A call through the proxy after the upgrade, in the release simulation (src/adapters/evm/release-simulation.ts), whose answer is checked. */
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

/** Where a smoke call's signature and args came from, for messages. */
function fieldsOf(smokeCall: SmokeCall) {
  const name = `router.smoke call ${JSON.stringify(smokeCall.call)}`;
  return { call: name, args: `${name} args` };
}

/** The call data of a smoke call; a signature that is not a function, or args that do not fit it, are bad input. */
export function smokeCallData(smokeCall: SmokeCall): Hex {
  return signatureCallData({ call: smokeCall.call, args: smokeCall.args ?? [] }, fieldsOf(smokeCall));
}

/** What a smoke call answered (its return data, or why it reverted), judged against what it expects. */
export function smokeResult(smokeCall: SmokeCall, answer: { returned: Hex } | { error: string }): SmokeResult {
  const fn = signatureFunction({ call: smokeCall.call, args: [] }, fieldsOf(smokeCall));
  const expected = smokeCall.expect === undefined ? null : normalized(smokeCall.expect);
  const result = { call: smokeCall.call, expected };
  if ('error' in answer) return { ...result, ok: false, actual: null, error: answer.error };
  let actual: string | null;
  try {
    actual = fn.outputs.length === 0 ? null : normalized(decodeFunctionResult({ abi: [fn], functionName: fn.name, data: answer.returned }));
  } catch (error) {
    return { ...result, ok: false, actual: null, error: `the answer does not decode as the function's outputs: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}` };
  }
  return { ...result, ok: expected === null || actual === expected, actual };
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
