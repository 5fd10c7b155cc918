import type { Chain } from './chain.js';

/** The chain's usual block interval comes from the gaps between its last this many blocks. */
const SAMPLE_BLOCKS = 8;
/**
 * A chain mines on its own when most gaps are within this share of their median (Ethereum: 12s, now and then
 * 24s for a missed slot). A chain that mines on transactions has its blocks at the pace of its transactions:
 * bursts and pauses, with no usual interval.
 */
const REGULAR_SPREAD = 0.25;
/** Usual intervals with no block before the chain is called stalled: Ethereum misses a slot now and then, rarely four in a row. */
const STALL_INTERVALS = 5;
/** Never less: a load-balanced RPC endpoint can answer from a node some seconds behind the others. */
export const MIN_BLOCK_STALL_MS = 10_000;

/** What a wait saw when no block came. */
export interface BlockStall {
  /** The height that did not change. */
  height: bigint;
  /** How long it saw that height. */
  quietMs: number;
  /** The stall time it gave up at. */
  stallMs: number;
  /** Whether the stall time was derived from the chain's recent blocks rather than configured. */
  derived: boolean;
}

/** No new block for the stall time; the waiter says what that means for its transaction. */
export class ChainStalledError extends Error {
  constructor(readonly stall: BlockStall) {
    super(`no new block after block ${stall.height} for ${Math.round(stall.quietMs)} ms`);
    this.name = 'ChainStalledError';
  }
}

export interface BlockWatch {
  /** Takes the chain's height now; throws a ChainStalledError when it has not moved for the stall time. */
  saw(height: bigint): Promise<void>;
}

/**
 * Watches the heights a wait polls. The stall time is `stallMs` when
 * configured, else stallTimeOf the chain, read once the height first fails
 * to move (a chain that moves at every poll costs no extra request).
 */
export function watchBlocks(chain: Chain, stallMs?: number): BlockWatch {
  let limit: Promise<number> | undefined;
  let last: bigint | null = null;
  let since = 0;
  return {
    async saw(height) {
      if (height !== last) {
        last = height;
        since = performance.now();
        return;
      }
      const ms = await (limit ??= stallMs === undefined ? stallTimeOf(chain, height) : Promise.resolve(stallMs));
      const quietMs = performance.now() - since;
      if (quietMs >= ms) throw new ChainStalledError({ height, quietMs, stallMs: ms, derived: stallMs === undefined });
    }
  };
}

/**
 * The stall time a chain at `height` gets unless one is configured: five of its usual block intervals, and
 * MIN_BLOCK_STALL_MS when that is less or the chain has no usual interval (it mines on transactions).
 */
export async function stallTimeOf(chain: Chain, height: bigint): Promise<number> {
  const first = height > BigInt(SAMPLE_BLOCKS - 1) ? height - BigInt(SAMPLE_BLOCKS - 1) : 0n;
  const numbers = Array.from({ length: Number(height - first) + 1 }, (_, i) => first + BigInt(i));
  const times = (await Promise.all(numbers.map(blockNumber => chain.client.getBlock({ blockNumber })))).map(block => Number(block.timestamp));
  const interval = usualInterval(times.slice(1).map((time, i) => time - (times[i] as number)));
  return Math.max(MIN_BLOCK_STALL_MS, STALL_INTERVALS * (interval ?? 0) * 1000);
}

/** The median gap in seconds when most gaps are near it; null when they are not, or there are none. */
function usualInterval(gaps: number[]): number | null {
  if (gaps.length === 0) return null;
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] as number;
  const near = gaps.filter(gap => Math.abs(gap - median) <= REGULAR_SPREAD * median).length;
  return near * 2 > gaps.length ? median : null;
}
