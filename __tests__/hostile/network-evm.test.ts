import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Hex } from 'viem';
import { ReleaseError } from '../../src/shared/errors.js';
import { connectChain, type ChainSettings } from '../../src/adapters/evm/chain.js';
import { sendCall } from '../../src/adapters/evm/transactions.js';
import { startHostileServer, type HostileServer } from '../support/hostile-http.js';

/** Room for a loaded two-core machine on top of a deadline; far below the ~40 s viem's defaults give a trickling node. */
const MARGIN_MS = 3000;
const FIELDS = { rpc: 'router.rpc', chainId: 'router.chain-id', privateKey: 'router.signer' };
/** anvil's first account: a key with nothing on any real chain. */
const KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const CHAIN_ONE = { kind: 'fixed', status: 200, body: '{"jsonrpc":"2.0","id":1,"result":"0x1"}', headers: { 'Content-Type': 'application/json' } } as const;

async function timed<T>(work: Promise<T>): Promise<{ value: T | Error; ms: number }> {
  const started = performance.now();
  const value = await work.catch((error: unknown) => error as Error);
  return { value, ms: performance.now() - started };
}

describe('EVM RPC against a hostile JSON-RPC endpoint', () => {
  let server: HostileServer;
  const settings = (path: string, extra: Partial<ChainSettings> = {}): ChainSettings => ({
    rpcUrl: `http://user:rpc-secret@127.0.0.1:${server.port}${path}?apikey=abc123`,
    chainId: 1,
    requestTimeoutMs: 1000,
    ...extra
  });

  beforeAll(async () => {
    server = await startHostileServer({
      '/trickle': { kind: 'trickle-body', everyMs: 100, body: '{"jsonrpc":"2.0","id":1,"result":"0x1"', contentType: 'application/json' },
      '/silent': { kind: 'never-answer' }
    });
  });
  afterAll(() => server.stop());

  it('gives up on a trickling endpoint within twice the request timeout, naming the field and not the URL', async () => {
    const { value, ms } = await timed(connectChain(settings('/trickle'), FIELDS));
    expect(ms).toBeLessThan(2 * 1000 + MARGIN_MS);
    expect(value).toBeInstanceOf(ReleaseError);
    expect((value as Error).message).toMatch(/^router\.rpc: the RPC endpoint does not answer eth_chainId \(The request took too long to respond/);
    expect((value as Error).message).not.toMatch(/rpc-secret|abc123|127\.0\.0\.1/);
  });

  it('ends a chain read at once when the step is cancelled', async () => {
    const controller = new AbortController();
    server.on('/reads', CHAIN_ONE);
    const chain = await connectChain(settings('/reads', { signal: controller.signal, requestTimeoutMs: 60_000 }), FIELDS);
    server.on('/reads', { kind: 'never-answer' });
    setTimeout(() => controller.abort(), 200);
    const { value, ms } = await timed(chain.client.getBlockNumber({ cacheTime: 0 }));
    expect(ms).toBeLessThan(200 + MARGIN_MS);
    // The platform's AbortError: from another realm under jest, so by name rather than instanceof.
    expect((value as Error).name).toBe('AbortError');
  });

  it('ends sendCall at once when the step is cancelled while the node trickles', async () => {
    const controller = new AbortController();
    server.on('/send', CHAIN_ONE);
    const chain = await connectChain(settings('/send', { signal: controller.signal, privateKey: KEY, requestTimeoutMs: 60_000 }), FIELDS);
    server.on('/send', { kind: 'trickle-body', everyMs: 100, body: '{"jsonrpc":"2.0"', contentType: 'application/json' });
    setTimeout(() => controller.abort(), 200);
    const call = { to: '0x000000000000000000000000000000000000dEaD' as const, data: '0x' as const, value: 0n };
    const { value, ms } = await timed(sendCall(chain, call, { confirmations: 0, timeoutMs: 600_000, signal: controller.signal }));
    expect(ms).toBeLessThan(200 + MARGIN_MS);
    // The platform's AbortError: from another realm under jest, so by name rather than instanceof.
    expect((value as Error).name).toBe('AbortError');
  });
});
