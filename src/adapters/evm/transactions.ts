import { BaseError, decodeErrorResult, getAddress, type Abi, ExecutionRevertedError, isHex, parseAbi, size, slice, TransactionReceiptNotFoundError, type Address, type Hex, type TransactionReceipt } from 'viem';
import { formatDuration } from '../../shared/duration.js';
import { BadInputError, ReleaseError } from '../../shared/errors.js';
import { poll } from '../../shared/io/wait.js';
import { ChainStalledError, MIN_BLOCK_STALL_MS, watchBlocks, type BlockStall, type BlockWatch } from './block-stall.js';
import type { Chain } from './chain.js';
import { confirmationsFor, type Confirmations } from './confirmations.js';
import type { Call } from './upgrade-call.js';

export interface SendOptions {
  /** Blocks to wait for on top of the one that includes the transaction; by default 0 on a dev chain, 1 elsewhere (confirmationsFor). */
  confirmations?: number;
  /** How long a wait may see no new block before it fails, saying the chain does not mine on its own; derived from the chain's blocks when absent (watchBlocks). */
  blockStallMs?: number;
  /** The config fields that set confirmations and the stall time, named in messages. */
  fields?: { confirmations: string; blockStall: string };
  /** How long sending and then mining and confirming may take, together; no bound when absent. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The config field that holds the signer's key, named when there is none. */
  signerField?: string;
  /** Hears what the wait is for, once mined and at each new block while confirmations are due. */
  onWait?: (message: string) => void;
  /** An ABI whose custom errors name a revert (the new implementation's, whose initializer an upgrade runs). */
  errors?: Abi;
  /** Told the hash as soon as the node took the transaction, before the wait: a record of it lets a re-run find it. */
  onSent?: (hash: Hex) => Promise<void>;
}

/** A contract creation: init code (creation code and constructor arguments) sent to no one. */
export interface Creation {
  to: null;
  data: Hex;
  value: bigint;
}

export interface Sent {
  hash: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  gasUsed: bigint;
  /** The contract a creation made; null for a call. */
  contractAddress: Address | null;
}

/**
 * Sends `call` from the chain's signer and returns once it is mined and
 * `confirmations` more blocks are on top. A revert, before sending (gas
 * estimation) or on chain, is a ReleaseError with the decoded reason, and so
 * is a transaction not confirmed within `timeoutMs`, counted from the call:
 * sending (each of its RPC requests bounded by the chain's request timeout)
 * takes from the same budget. So is a wait that sees no new block for the
 * stall time: the chain does not mine on its own. A transaction a
 * reorganization drops is waited for until then, or until `signal` aborts.
 */
export async function sendCall(chain: Chain, call: Call | Creation, options: SendOptions): Promise<Sent> {
  const account = chain.wallet?.account;
  if (!chain.wallet || !account) {
    const field = options.signerField ?? 'the signer key';
    throw new BadInputError(`${field}: sending ${describeCall(call)} needs a signer, and none is set. Set ${field} from a secret, or propose the call to a Safe instead.`);
  }
  options.signal?.throwIfAborted();
  const deadline = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  let hash: Hex;
  try {
    hash = await chain.wallet.sendTransaction({ account, chain: chain.wallet.chain, to: call.to, data: call.data, value: call.value });
  } catch (error) {
    // A cancelled job, not a refusal: whether the transaction went out is for the re-run to read from the chain.
    options.signal?.throwIfAborted();
    throw new ReleaseError(`${describeCall(call)} was not sent: ${revertReason(error, options.errors) ?? shortMessage(error)}`);
  }
  options.onWait?.(`sent transaction ${hash} (${describeCall(call)})`);
  await options.onSent?.(hash);
  return settled(chain, hash, call, account.address, options, deadline);
}

/**
 * Waits for a transaction sent earlier (by a run that stopped before it was
 * mined) as sendCall waits for its own, with the same deadline and refusals.
 */
export function waitForSent(chain: Chain, hash: Hex, call: Call | Creation, from: Address, options: SendOptions): Promise<Sent> {
  return settled(chain, hash, call, from, options, options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs));
}

async function settled(chain: Chain, hash: Hex, call: Call | Creation, from: Address, options: SendOptions, deadline: AbortSignal | undefined): Promise<Sent> {
  const receipt = await confirmedWithin(chain, hash, call, options, deadline);
  if (receipt.status === 'reverted') {
    throw new ReleaseError(`${describeCall(call)} reverted in block ${receipt.blockNumber} (transaction ${hash}): ${await replayReason(chain, call, from, receipt, options.errors)}`);
  }
  const { blockNumber, blockHash, gasUsed, contractAddress } = receipt;
  return { hash, blockNumber, blockHash, gasUsed, contractAddress: contractAddress ? getAddress(contractAddress) : null };
}

/**
 * Waits until the chain is at `height` or above and returns its height; at
 * once when it already is. `onWait` hears each new height while waiting;
 * `watch` hears every height polled, and ends the wait when the chain stalls.
 */
export async function waitForBlock(chain: Chain, height: bigint, options: { signal?: AbortSignal; onWait?: (current: bigint) => void; watch?: BlockWatch } = {}): Promise<bigint> {
  let reported: bigint | null = null;
  const heightNow = async () => {
    const current = await chain.client.getBlockNumber({ cacheTime: 0 });
    if (current < height) {
      if (current !== reported) options.onWait?.(current);
      reported = current;
      await options.watch?.saw(current);
    }
    return current;
  };
  // No deadline of its own: the signal ends the wait, and the watch a chain that stalls.
  const { result } = await poll(heightNow, { what: `block ${height}`, done: current => current >= height, timeoutMs: Infinity, intervalMs: chain.client.pollingInterval, signal: options.signal });
  return result;
}

/** The confirmed receipt, or a ReleaseError naming the transaction once `timeoutMs` is over: a node that stopped mining would otherwise hold the step forever. */
async function confirmedWithin(chain: Chain, hash: Hex, call: Call | Creation, options: SendOptions, deadline: AbortSignal | undefined): Promise<TransactionReceipt> {
  const confirmations = confirmationsFor(chain.chainId, options.confirmations);
  if (deadline === undefined || options.timeoutMs === undefined) return confirmedReceipt(chain, hash, call, confirmations, options);
  try {
    return await confirmedReceipt(chain, hash, call, confirmations, { ...options, signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline });
  } catch (error) {
    if (!deadline.aborted || options.signal?.aborted) throw error;
    const waitedFor = confirmations.count > 0 ? `mined and confirmed by ${confirmations.count} more block(s)` : 'mined';
    throw new ReleaseError(
      `transaction ${hash} (${describeCall(call)}) was not ${waitedFor} within ${formatDuration(options.timeoutMs)}. It may still be mined: check it on a block explorer, then run the step again; a re-run reads the chain first, so it does not send the change twice.`
    );
  }
}

type Fields = NonNullable<SendOptions['fields']>;
const DEFAULT_FIELDS: Fields = { confirmations: 'confirmations', blockStall: 'block-stall' };

async function confirmedReceipt(chain: Chain, hash: Hex, call: Call | Creation, { count, defaultReason }: Confirmations, options: SendOptions): Promise<TransactionReceipt> {
  const { signal, onWait, fields = DEFAULT_FIELDS } = options;
  const why = defaultReason ? `, ${defaultReason}; ${fields.confirmations} sets it` : '';
  const watch = watchBlocks(chain, options.blockStallMs);
  for (;;) {
    const receipt = await minedReceipt(chain, hash, watch, signal).catch(error => {
      throw error instanceof ChainStalledError ? notMined(hash, call, error.stall, fields) : error;
    });
    if (receipt.status === 'reverted') return receipt;
    if (count <= 0) {
      if (defaultReason) onWait?.(`transaction ${hash} is in block ${receipt.blockNumber}; no confirmations to wait for (0${why})`);
      return receipt;
    }
    const height = receipt.blockNumber + BigInt(count);
    onWait?.(`transaction ${hash} is in block ${receipt.blockNumber}; waiting for block ${height} (${count} confirmation(s)${why})`);
    await waitForBlock(chain, height, { signal, watch, onWait: now => onWait?.(`  block ${now}, waiting for ${height}`) }).catch(error => {
      throw error instanceof ChainStalledError ? unconfirmed(hash, call, receipt.blockNumber, count, error.stall, fields) : error;
    });
    const settled = await findReceipt(chain, hash);
    if (settled?.blockHash === receipt.blockHash) return settled;
    // A reorganization moved or dropped the transaction: wait for it to be mined again.
  }
}

async function minedReceipt(chain: Chain, hash: Hex, watch: BlockWatch, signal: AbortSignal | undefined): Promise<TransactionReceipt> {
  const receipt = async () => {
    const found = await findReceipt(chain, hash);
    if (!found) await watch.saw(await chain.client.getBlockNumber({ cacheTime: 0 }));
    return found;
  };
  const { result } = await poll(receipt, { what: `transaction ${hash} to be mined`, done: found => found !== null, timeoutMs: Infinity, intervalMs: chain.client.pollingInterval, signal });
  return result as TransactionReceipt;
}

/** How long no block came, and the setting for a chain that is only slow. */
function stallFacts(stall: BlockStall, fields: Fields): { quiet: string; ifSlow: string } {
  const source = stall.derived ? `five of its usual block intervals, at least ${formatDuration(MIN_BLOCK_STALL_MS)}` : 'as configured';
  return {
    quiet: `no new block came after block ${stall.height} for ${formatDuration(stall.quietMs)}`,
    ifSlow: `if the chain is only slow, raise ${fields.blockStall} (now ${formatDuration(stall.stallMs)}: ${source})`
  };
}

/**
 * Mined, so its change is in effect at the chain's head: not unchanged. A re-run finds the change on chain and
 * goes on without sending it again, which is what resumable says.
 */
function unconfirmed(hash: Hex, call: Call | Creation, block: bigint, count: number, stall: BlockStall, fields: Fields): ReleaseError {
  const { quiet, ifSlow } = stallFacts(stall, fields);
  return new ReleaseError(
    `transaction ${hash} (${describeCall(call)}) is in block ${block}, and its change is in effect on the chain as of that block, but it has no confirmation: ${quiet}, ` +
      `while ${count} confirmation(s) were due. The chain seems to mine only on demand (like anvil or Hardhat without a block time). ` +
      `Run the step again: it reads the chain first, finds the change there and goes on without sending it twice. ` +
      `Set ${fields.confirmations}: 0 for such a chain, or start it with a block time (anvil --block-time 1); ${ifSlow}.`,
    'resumable'
  );
}

/** Sent and not mined: whether it will be decides what the step changed, so no cause is given. */
function notMined(hash: Hex, call: Call | Creation, stall: BlockStall, fields: Fields): ReleaseError {
  const { quiet, ifSlow } = stallFacts(stall, fields);
  return new ReleaseError(
    `transaction ${hash} (${describeCall(call)}) was sent and is not mined: ${quiet}. The chain seems not to mine at all (like anvil with automine off and no block time). ` +
      `It may still be mined once a block comes: check it, then run the step again; a re-run reads the chain first, so it does not send the change twice. ` +
      `Start the chain with a block time (anvil --block-time 1) or automine; ${ifSlow}.`
  );
}

async function findReceipt(chain: Chain, hash: Hex): Promise<TransactionReceipt | null> {
  try {
    return await chain.client.getTransactionReceipt({ hash });
  } catch (error) {
    if (error instanceof TransactionReceiptNotFoundError) return null;
    throw error;
  }
}

/**
 * A receipt says only that the transaction reverted: run the call again at
 * the end of its block, which holds whatever state change beat it, for the reason.
 */
async function replayReason(chain: Chain, call: Call | Creation, from: Address, receipt: TransactionReceipt, errors: Abi | undefined): Promise<string> {
  try {
    await chain.client.call({ account: from, to: call.to ?? undefined, data: call.data, value: call.value, blockNumber: receipt.blockNumber });
  } catch (error) {
    return revertReason(error, errors) ?? shortMessage(error);
  }
  return `no reason: the call succeeds when replayed at block ${receipt.blockNumber}, so it likely ran out of gas (it used ${receipt.gasUsed})`;
}

/** Errors an upgrade can hit in OpenZeppelin v5 proxies, beacons and upgradeable contracts, decoded by name. */
const KNOWN_ERRORS = parseAbi([
  'error OwnableUnauthorizedAccount(address account)',
  'error OwnableInvalidOwner(address owner)',
  'error ERC1967InvalidImplementation(address implementation)',
  'error ERC1967InvalidAdmin(address admin)',
  'error ERC1967InvalidBeacon(address beacon)',
  'error ERC1967NonPayable()',
  'error ERC1967ProxyUninitialized()',
  'error UUPSUnauthorizedCallContext()',
  'error UUPSUnsupportedProxiableUUID(bytes32 slot)',
  'error BeaconInvalidImplementation(address implementation)',
  'error ProxyDeniedAdminAccess()',
  'error InvalidInitialization()',
  'error NotInitializing()',
  'error AddressEmptyCode(address target)',
  'error FailedCall()'
]);

/**
 * Why a call reverted, decoded from the revert data viem carries in the error's
 * cause chain: `Error(string)` as its text, an error OpenZeppelin's contracts or
 * `abi` declare as `Name(args)`, any other as its selector. Null when the error is not a revert.
 */
export function revertReason(error: unknown, abi: Abi = []): string | null {
  if (!(error instanceof BaseError)) return null;
  const carrier = error.walk(e => isHex((e as { data?: unknown }).data)) as { data: Hex } | null;
  if (!carrier) return error.walk(e => e instanceof ExecutionRevertedError) ? 'reverted without a reason' : null;
  const data = carrier.data;
  if (size(data) < 4) return 'reverted without a reason';
  try {
    // viem adds Error(string) and Panic(uint256) to the ABI it decodes with, but not to the result's type.
    const decoded = decodeErrorResult({ abi: [...KNOWN_ERRORS, ...abi.filter(item => item.type === 'error')], data }) as { errorName: string; args?: readonly unknown[] };
    if (decoded.errorName === 'Error') return String(decoded.args?.[0]);
    return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`;
  } catch {
    return `custom error ${slice(data, 0, 4)} (not one cutover knows; look the selector up in the contract's ABI)`;
  }
}

/** viem's one-line summary: its full message carries the whole call data, and the RPC URL. */
function shortMessage(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}

/** A call named by target and selector, never by its (possibly huge) call data. */
function describeCall(call: Call | Creation): string {
  if (call.to === null) return `the contract creation (${size(call.data)} bytes of init code)`;
  return size(call.data) >= 4 ? `the call ${slice(call.data, 0, 4)} to ${call.to}` : `the transaction to ${call.to}`;
}
