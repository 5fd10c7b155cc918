import { encodeFunctionData, parseAbi, size, slice, type Address, type Hex } from 'viem';
import { BadInputError, ReleaseError } from '../../shared/errors.js';
import { decodeCall, type DecodedCall } from './decoded-call.js';
import type { ProxyState } from './proxy-state.js';

/** One transaction to send or to propose: where, with what call data, and how much ether. */
export interface Call {
  to: Address;
  data: Hex;
  value: bigint;
}

// The OpenZeppelin v5 upgrade entry points; v5 dropped the data-less upgradeTo on proxies and ProxyAdmin.
const UPGRADE_ABI = parseAbi([
  'function upgradeToAndCall(address newImplementation, bytes data) payable',
  'function upgradeAndCall(address proxy, address implementation, bytes data) payable',
  'function upgradeTo(address newImplementation)'
]);

/**
 * The one transaction that points `state`'s proxy at `implementation`, running
 * `data` (an initializer call, or 0x) in the proxy's context where the kind allows it.
 */
export function upgradeCall(state: Pick<ProxyState, 'kind' | 'proxy' | 'admin' | 'beacon'>, implementation: Address, data: Hex): Call {
  switch (state.kind) {
    case 'uups':
      return { to: state.proxy, data: encodeFunctionData({ abi: UPGRADE_ABI, functionName: 'upgradeToAndCall', args: [implementation, data] }), value: 0n };
    case 'transparent':
      if (!state.admin) throw new ReleaseError(`transparent proxy ${state.proxy} has no ProxyAdmin in its admin slot, so nothing can upgrade it.`);
      return { to: state.admin, data: encodeFunctionData({ abi: UPGRADE_ABI, functionName: 'upgradeAndCall', args: [state.proxy, implementation, data] }), value: 0n };
    case 'beacon':
      if (size(data) > 0) {
        throw new BadInputError(
          `beacon proxy ${state.proxy}: an initializer call (selector ${slice(data, 0, Math.min(4, size(data)))}) was given with the upgrade, but a beacon upgrade (UpgradeableBeacon.upgradeTo) cannot run one. Upgrade without call data, then call the initializer through the proxy in a separate transaction.`
        );
      }
      if (!state.beacon) throw new ReleaseError(`beacon proxy ${state.proxy} has no beacon in its beacon slot, so nothing can upgrade it.`);
      return { to: state.beacon, data: encodeFunctionData({ abi: UPGRADE_ABI, functionName: 'upgradeTo', args: [implementation] }), value: 0n };
  }
}

/** What an upgrade call from `upgradeCall` does, read back from its data. */
export function decodeUpgradeCall(call: Call): DecodedCall {
  return decodeCall(UPGRADE_ABI, call.data);
}
