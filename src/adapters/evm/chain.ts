import { BaseError, createPublicClient, createWalletClient, defineChain, http, type Address, type Hex, type PublicClient, type WalletClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { BadInputError, ReleaseError } from '../../shared/errors.js';

export interface ChainSettings {
  rpcUrl: string;
  chainId: number;
  /** The signer; without it the chain is read-only (upgrades go out as Safe proposals). */
  privateKey?: Hex;
  /** How often to poll for receipts and blocks; 50 ms on a loopback node (anvil mines at once), 1 s elsewhere to spare rate-limited RPCs. */
  pollingMs?: number;
  /** The whole of one RPC request, body included, however slowly the node answers; RPC_REQUEST_MS by default. */
  requestTimeoutMs?: number;
  /** The step's: every RPC request of this chain ends at once when it aborts (a cancelled job). */
  signal?: AbortSignal;
}

export const RPC_REQUEST_MS = 10_000;
/**
 * One more try after a failed request (a dropped connection, a rate limit):
 * more would multiply the wait on a node that trickles, since a timed-out
 * request is retried too. So a read ends within twice the request timeout.
 */
const RPC_RETRIES = 1;
/** Far above any answer cutover asks for (a receipt, a block number, a storage slot, an event page). */
const MAX_RPC_ANSWER_BYTES = 8 * 1024 * 1024;

export interface Chain {
  client: PublicClient;
  wallet: WalletClient | null;
  account: Address | null;
  chainId: number;
}

/** The config fields the settings came from, for error messages. */
export interface ChainFields {
  rpc: string;
  chainId: string;
  privateKey?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function defaultPolling(rpcUrl: string): number {
  try {
    return LOOPBACK.has(new URL(rpcUrl).hostname) ? 50 : 1000;
  } catch {
    return 1000;
  }
}

/**
 * Clients for one chain, after checking that the RPC endpoint answers and
 * serves the chain the config names: a wrong chain would send an upgrade
 * somewhere nobody meant. Messages never show the URL, which may carry an API key.
 */
export async function connectChain(settings: ChainSettings, fields: ChainFields): Promise<Chain> {
  const chain = defineChain({
    id: settings.chainId,
    name: `chain ${settings.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [settings.rpcUrl] } }
  });
  const pollingInterval = settings.pollingMs ?? defaultPolling(settings.rpcUrl);
  const transport = http(settings.rpcUrl, {
    timeout: settings.requestTimeoutMs ?? RPC_REQUEST_MS,
    retryCount: RPC_RETRIES,
    maxResponseBodySize: MAX_RPC_ANSWER_BYTES,
    ...(settings.signal ? { fetchOptions: { signal: settings.signal } } : {})
  });
  const client = createPublicClient({ chain, transport, pollingInterval }) as PublicClient;
  let actual: number;
  try {
    actual = await client.getChainId();
  } catch (error) {
    if (settings.signal?.aborted) throw error;
    // Not bad input as such: a node that is down for a moment answers again later.
    throw new ReleaseError(
      `${fields.rpc}: the RPC endpoint does not answer eth_chainId (${describeRpcFailure(error)}). Check the URL, its API key and the network; the URL is not shown because it may carry a key.`
    );
  }
  if (actual !== settings.chainId) {
    throw new BadInputError(
      `${fields.chainId}: expected chain ${settings.chainId}, but the RPC endpoint of ${fields.rpc} serves chain ${actual}. Point ${fields.rpc} at chain ${settings.chainId}, or set ${fields.chainId} to ${actual} if that is the chain you mean.`
    );
  }
  if (settings.privateKey === undefined) return { client, wallet: null, account: null, chainId: actual };
  const account = signer(settings.privateKey, fields.privateKey ?? 'the private key');
  const wallet = createWalletClient({ chain, account, transport, pollingInterval }) as WalletClient;
  return { client, wallet, account: account.address, chainId: actual };
}

function signer(privateKey: Hex, field: string) {
  try {
    return privateKeyToAccount(privateKey);
  } catch {
    // The library's message may quote the key; say only what shape is expected.
    throw new BadInputError(`${field}: not a valid private key (expected 0x and 64 hex digits; the value is not shown). Set it to the deployer's key, from a secret.`);
  }
}

/** Why an RPC request failed, without viem's full message: that one quotes the URL. */
function describeRpcFailure(error: unknown): string {
  if (!(error instanceof BaseError)) return error instanceof Error ? error.name : 'unknown error';
  const status = (error.walk(e => typeof (e as { status?: unknown }).status === 'number') as { status?: number } | null)?.status;
  const code = (error.walk(e => typeof (e as { code?: unknown }).code === 'string') as { code?: string } | null)?.code;
  return [error.shortMessage.replace(/\.$/, ''), status && `HTTP ${status}`, code].filter(Boolean).join(', ');
}
