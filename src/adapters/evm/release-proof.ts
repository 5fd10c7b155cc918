import type { Abi, Address, Hex } from 'viem';
import { ReleaseError } from '../../shared/errors.js';
import type { Chain } from './chain.js';
import type { ProxyState } from './proxy-state.js';
import { simulateRelease } from './release-simulation.js';
import type { SmokeCall, SmokeResult } from './smoke.js';
import { upgradeCall, type Call } from './upgrade-call.js';

export interface ReleaseProof {
  /** The proxy as read now: the live implementation is the way back. */
  proxy: ProxyState;
  /** Who sends the upgrade, and the rollback after it. */
  sender: Address;
  /** The upgrade promote sends or proposes, and the initializer it runs (its signature), if any. */
  upgrade: { call: Call; initializer: string | null };
  candidate: { address: Address; contract: string; undeployedCode?: Hex };
  smoke: SmokeCall[];
  /** The candidate's and the live implementation's ABIs, whose custom errors name a revert. */
  errors: Abi;
  /** router.allow.no-rollback: why this release gives up the way back, when it does. */
  noRollback?: string;
  /** Hears each smoke call's result. */
  onSmoke?: (result: SmokeResult) => void;
}

/**
 * Proves, by simulation from the real sender, that the upgrade succeeds, that
 * the smoke calls answer as expected after it, and that the upgrade back (what
 * rollback sends) still succeeds then. Refuses, with cause `unchanged`, naming
 * the call, the revert and the sender, unless the way back alone fails and the
 * release declared router.allow.no-rollback. Returns lines for the deploy checks.
 */
export async function proveRelease(chain: Chain, proof: ReleaseProof): Promise<string[]> {
  const { proxy, sender, upgrade, candidate } = proof;
  const live = proxy.implementation;
  const back = upgradeCall(proxy, live, '0x');
  const simulated = await simulateRelease(chain, {
    sender,
    forward: upgrade.call,
    smoke: proof.smoke,
    proxy: proxy.proxy,
    back,
    ...(candidate.undeployedCode ? { undeployed: { address: candidate.address, code: candidate.undeployedCode } } : {}),
    errors: proof.errors,
    blockNumber: proxy.block.number
  });
  const forward = `the upgrade to ${candidate.address}${upgrade.initializer ? ` with ${upgrade.initializer}` : ''}`;
  if (!simulated.forward.ok) {
    throw new ReleaseError(
      `${forward} (a call to ${upgrade.call.to}) from ${sender} reverts with ${simulated.forward.reason} at block ${proxy.block.number}; nothing was sent. ` +
        `Promote would fail the same way: ${upgrade.initializer ? `fix the initializer in ${candidate.contract} or router.initializer.args, or ` : ''}make sure ${sender} may upgrade through ${upgrade.call.to}.`,
      'unchanged'
    );
  }
  for (const result of simulated.smoke) proof.onSmoke?.(result);
  const problems: string[] = [];
  const failed = simulated.smoke.filter(result => !result.ok);
  if (failed.length) {
    problems.push(
      `${failed.length} of ${simulated.smoke.length} smoke calls failed through ${proxy.proxy} as if upgraded to ${candidate.address}:\n${failed
        .map(r => `  ${r.call}: ${r.error ?? `got ${r.actual}, expected ${r.expected}`}`)
        .join('\n')}`
    );
  }
  const backFails = simulated.back.ok ? null : `the upgrade back to ${live} (a call to ${back.to}) from ${sender} reverts with ${simulated.back.reason} after ${forward}`;
  if (backFails && proof.noRollback === undefined) {
    problems.push(
      `${backFails}: rollback could not undo this release. Keep the right to upgrade with ${sender} in ${candidate.contract} (its initializer and its upgrade authorization), ` +
        'or, if this release gives up the way back on purpose, say why in router.allow.no-rollback.'
    );
  }
  if (problems.length) throw new ReleaseError(`${problems.join('\n')}\nNothing was sent.`, 'unchanged');

  const checks = [`${forward} succeeds from ${sender} in a simulation at block ${proxy.block.number}`];
  if (simulated.smoke.length) checks.push(`${simulated.smoke.length} smoke call(s) answered as expected through the proxy after it`);
  if (proof.noRollback === undefined) checks.push(`the upgrade back to ${live} (what rollback sends) succeeds from ${sender} after it`);
  else if (backFails) checks.push(`${backFails}: accepted by router.allow.no-rollback ("${proof.noRollback}"); rollback will refuse`);
  else checks.push(`router.allow.no-rollback ("${proof.noRollback}"): the upgrade back to ${live} would succeed, but rollback will refuse as declared`);
  return checks;
}
