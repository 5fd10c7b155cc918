import { decodeFunctionResult, encodeFunctionData, RawContractError, type Abi, type Address, type Hex, type StateOverride } from 'viem';
import { ReleaseError } from '../../shared/errors.js';
import type { Chain } from './chain.js';
import { PROBE_ABI, PROBE_CODE } from './release-probe.js';
import { smokeCallData, smokeResult, type SmokeCall, type SmokeResult } from './smoke.js';
import { revertReason } from './transactions.js';
import type { Call } from './upgrade-call.js';

/** Everything a release will send, and the way back, as one simulation runs them. */
export interface ReleaseCalls {
  /** The account that really sends the upgrade (the signer, or the Safe in propose mode). */
  sender: Address;
  /** The upgrade promote sends or proposes, its initializer data included. */
  forward: Call;
  /** Calls through the proxy once it is upgraded, each on its own: one's effects never reach the next. */
  smoke: SmokeCall[];
  proxy: Address;
  /** The upgrade rollback would send: back to the live implementation, with no call data. */
  back: Call;
  /** Code that is not on chain yet: the candidate's, at its CREATE2 address, before it is deployed. */
  undeployed?: { address: Address; code: Hex };
  /** ABIs whose custom errors name a revert: the candidate's and the live implementation's. */
  errors: Abi;
  blockNumber: bigint;
}

export type CallOutcome = { ok: true } | { ok: false; reason: string };

export interface ReleaseSimulation {
  forward: CallOutcome;
  smoke: SmokeResult[];
  back: CallOutcome;
}

/**
 * Runs the upgrade, then the smoke calls, then the upgrade back, in this order
 * and in one eth_call at `blockNumber`, sending nothing: a state override puts
 * the ReleaseProbe at the sender's address (and at each smoke call's own
 * `from`), so every call has the msg.sender it will really have. Each call's
 * outcome is returned, a revert decoded with `errors`; later calls run after a
 * failed one too, on the state it left.
 */
export async function simulateRelease(chain: Chain, calls: ReleaseCalls): Promise<ReleaseSimulation> {
  const { sender } = calls;
  const smokeSenders = calls.smoke.map(smoke => smoke.from ?? sender);
  const steps = [
    { to: calls.forward.to, data: calls.forward.data, isolatedFrom: ZERO },
    ...calls.smoke.map((smoke, index) => ({ to: calls.proxy, data: smokeCallData(smoke), isolatedFrom: smokeSenders[index] as Address })),
    { to: calls.back.to, data: calls.back.data, isolatedFrom: ZERO }
  ];
  const outcomes = await runProbe(chain, { sender, steps, others: smokeSenders, ...(calls.undeployed ? { code: [calls.undeployed] } : {}), blockNumber: calls.blockNumber });
  const outcome = (index: number): CallOutcome => {
    const { ok, data } = outcomes[index] as ProbeOutcome;
    return ok ? { ok: true } : { ok: false, reason: reasonOf(data, calls.errors) };
  };
  return {
    forward: outcome(0),
    smoke: calls.smoke.map((smoke, index) => {
      const { ok, data } = outcomes[index + 1] as ProbeOutcome;
      return smokeResult(smoke, ok ? { returned: data } : { error: reasonOf(data, calls.errors) });
    }),
    back: outcome(steps.length - 1)
  };
}

/** One step of a probe run: a call from the sender (isolatedFrom zero) or from another account with its effects undone, or a creation (to zero). */
export interface ProbeStep {
  to: Address;
  data: Hex;
  isolatedFrom: Address;
}

export interface ProbeOutcome {
  ok: boolean;
  /** What the call returned or reverted with; for a creation, the created address abi-encoded. */
  data: Hex;
}

/**
 * Runs `steps` in one eth_call at `blockNumber`, sending nothing: the
 * ReleaseProbe's code stands at `sender` and at each of `others`, and `code` at
 * addresses that have none yet on chain.
 */
export async function runProbe(
  chain: Chain,
  run: { sender: Address; steps: ProbeStep[]; others?: Address[]; code?: { address: Address; code: Hex }[]; blockNumber?: bigint }
): Promise<ProbeOutcome[]> {
  const { sender } = run;
  const stateOverride: StateOverride = [...new Set([sender, ...(run.others ?? [])])].map(address => ({ address, code: PROBE_CODE }));
  stateOverride.push(...(run.code ?? []));
  let returned: Hex;
  try {
    ({ data: returned = '0x' } = await chain.client.call({
      to: sender,
      data: encodeFunctionData({ abi: PROBE_ABI, functionName: 'run', args: [run.steps] }),
      ...(run.blockNumber === undefined ? {} : { blockNumber: run.blockNumber }),
      stateOverride
    }));
  } catch (error) {
    const said = revertReason(error) ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    throw new ReleaseError(`simulating the calls from ${sender} failed: ${said}. The RPC endpoint must answer eth_call with a state override. Nothing was sent.`, 'unchanged');
  }
  const [ok, data] = decodeFunctionResult({ abi: PROBE_ABI, functionName: 'run', data: returned });
  return ok.map((succeeded, index) => ({ ok: succeeded, data: data[index] as Hex }));
}

export const ZERO: Address = '0x0000000000000000000000000000000000000000';

/** Why a call reverted, from its revert data. */
export function reasonOf(data: Hex, errors: Abi): string {
  return revertReason(new RawContractError({ data }), errors) ?? 'reverted without a reason';
}
