import { parseAbiItem, type Address, type Hex } from 'viem';
import type { Chain } from './chain.js';

/** Emitted by every EIP-1967 proxy on an upgrade, and by an UpgradeableBeacon. */
const UPGRADED = parseAbiItem('event Upgraded(address indexed implementation)');

/** Providers cap the range of one eth_getLogs; this many blocks fits the common limits. */
export const LOG_WINDOW = 5_000n;

export interface PastUpgrade {
  tx: Hex;
  block: bigint;
}

/**
 * The first upgrade of `emitter` (the proxy, or its beacon) to `implementation`
 * in blocks `fromBlock` onwards, read from the chain's own logs; null when
 * there was none. The chain, not a file, then says whether a release's
 * initializer already ran: a record lost, or a step run in another job, cannot
 * make it run twice.
 */
export async function firstUpgradeTo(chain: Chain, emitter: Address, implementation: Address, fromBlock: bigint, window = LOG_WINDOW): Promise<PastUpgrade | null> {
  const latest = await chain.client.getBlockNumber({ cacheTime: 0 });
  for (let start = fromBlock; start <= latest; start += window) {
    const end = start + window - 1n < latest ? start + window - 1n : latest;
    const logs = await chain.client.getLogs({ address: emitter, event: UPGRADED, args: { implementation }, fromBlock: start, toBlock: end });
    const first = logs.find(log => log.transactionHash !== null && log.blockNumber !== null);
    if (first) return { tx: first.transactionHash as Hex, block: first.blockNumber as bigint };
  }
  return null;
}
