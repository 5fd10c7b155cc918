import { BaseError, ContractFunctionRevertedError, ContractFunctionZeroDataError, parseAbi, size, type Address, type Hex } from 'viem';
import { addressInSlot, EIP1967_SLOTS } from './eip1967.js';
import { type ProxyKind } from './proxy-kinds.js';
import { BadInputError, ReleaseError } from '../../shared/errors.js';
import type { Chain } from './chain.js';

/** What a proxy points at, and who may change that, all read at one block. */
export interface ProxyState {
  proxy: Address;
  kind: ProxyKind;
  implementation: Address;
  admin: Address | null;
  beacon: Address | null;
  /** The account allowed to upgrade: owner() of the proxy (uups), of the ProxyAdmin (transparent), of the beacon (beacon); null if none answers. */
  upgrader: Address | null;
  block: { number: bigint; hash: Hex };
}

const ABI = parseAbi([
  'function owner() view returns (address)',
  'function implementation() view returns (address)',
  'function proxiableUUID() view returns (bytes32)'
]);

/**
 * Reads the proxy at the latest block, every value at that same block so they
 * agree with each other. Refuses, naming `field`, when the address holds no
 * proxy of `kind`, and says what it found instead.
 */
export async function readProxy(chain: Chain, proxy: Address, kind: ProxyKind, field: string): Promise<ProxyState> {
  const { client } = chain;
  const latest = await client.getBlock({ blockTag: 'latest' });
  const blockNumber = latest.number;
  const block = { number: blockNumber, hash: latest.hash };
  const refuse = (found: string, fix: string) => new BadInputError(`${field}: ${proxy} ${found} at block ${blockNumber} of chain ${chain.chainId}. ${fix}`);
  const code = await client.getCode({ address: proxy, blockNumber });
  if (!code || size(code) === 0) throw refuse('has no code', 'Check the address and the chain.');
  const slot = async (name: keyof typeof EIP1967_SLOTS) => addressInSlot((await client.getStorageAt({ address: proxy, slot: EIP1967_SLOTS[name], blockNumber })) ?? '0x');
  const [implementation, admin, beacon] = await Promise.all([slot('implementation'), slot('admin'), slot('beacon')]);
  const owner = (contract: Address) => answerOrNull(client.readContract({ address: contract, abi: ABI, functionName: 'owner', blockNumber }));

  if (kind === 'beacon') {
    if (!beacon) {
      throw implementation
        ? refuse(`is not a beacon proxy: its beacon slot is empty and its implementation slot holds ${implementation}`, `Set the proxy kind to ${admin ? 'transparent' : 'uups'}.`)
        : refuse('is not an EIP-1967 proxy: its beacon and implementation slots are empty', 'Point it at the BeaconProxy, not at the beacon or the implementation.');
    }
    const fromBeacon = await answerOrNull(client.readContract({ address: beacon, abi: ABI, functionName: 'implementation', blockNumber }));
    if (!fromBeacon) throw refuse(`names beacon ${beacon} in its beacon slot, which does not answer implementation()`, 'Check that the beacon is an UpgradeableBeacon on this chain.');
    return { proxy, kind, implementation: fromBeacon, admin, beacon, upgrader: await owner(beacon), block };
  }
  if (!implementation) {
    throw beacon
      ? refuse(`is a beacon proxy (its beacon slot holds ${beacon}, its implementation slot is empty), not ${kind}`, 'Set the proxy kind to beacon.')
      : refuse('is not an EIP-1967 proxy: its implementation slot is empty', 'Point it at the proxy, not at an implementation.');
  }
  if (kind === 'transparent') {
    if (!admin) throw refuse(`has no admin in its admin slot (implementation ${implementation}): it is not a transparent proxy`, 'Set the proxy kind to uups.');
    return { proxy, kind, implementation, admin, beacon, upgrader: await owner(admin), block };
  }
  if (admin) throw refuse(`is a transparent proxy (its admin slot holds ProxyAdmin ${admin}), not uups`, 'Set the proxy kind to transparent.');
  return { proxy, kind, implementation, admin, beacon, upgrader: await owner(proxy), block };
}

/**
 * Refuses a UUPS implementation that does not answer proxiableUUID() with the
 * implementation slot: without UUPS upgrade code, the proxy could never be upgraded again.
 */
export async function checkProxiable(chain: Chain, implementation: Address, code?: Hex): Promise<void> {
  // With `code`, the implementation answers from that code, deployed or not (a CREATE2 deploy still to come).
  const override = code ? { stateOverride: [{ address: implementation, code }] } : {};
  const uuid = await answerOrNull(chain.client.readContract({ address: implementation, abi: ABI, functionName: 'proxiableUUID', ...override }));
  if (uuid?.toLowerCase() === EIP1967_SLOTS.implementation) return;
  const found = uuid ? `answers ${uuid}` : 'does not answer (it reverts, or has no such function)';
  throw new ReleaseError(
    `implementation ${implementation} is not UUPS-proxiable: proxiableUUID() ${found}, where ${EIP1967_SLOTS.implementation} (the EIP-1967 implementation slot) is expected. Upgrading a UUPS proxy to it would brick the proxy: the new code would have no way to upgrade it again. Build it on UUPSUpgradeable.`
  );
}

/** The value a view call returns; null when the contract reverts or has no such function (or no code), since "nobody answers" is an answer. */
async function answerOrNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BaseError && error.walk(e => e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError)) return null;
    throw error;
  }
}
