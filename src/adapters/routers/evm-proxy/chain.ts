import type { Hex } from 'viem';
import type { Secrets } from '../../../shared/secrets.js';
import type { Logger } from '../../../shared/logging/logger.js';
import { connectChain, type Chain } from '../../evm/chain.js';
import type { SendOptions } from '../../evm/transactions.js';
import type { EvmProxyOptions } from './options.js';

/** How the router's transactions are sent and waited for, from its settings; the wait is logged. */
export function sendOptionsOf(options: EvmProxyOptions, logger: Logger): SendOptions {
  return {
    confirmations: options.confirmations,
    blockStallMs: options['block-stall'],
    timeoutMs: options.timeout,
    signerField: 'router.signer',
    fields: { confirmations: 'router.confirmations', blockStall: 'router.block-stall' },
    onWait: line => logger.info(line)
  };
}

/** The chain the router's settings name, checked to be that chain, with the signer's key when it sends. */
export function connectRouterChain(options: EvmProxyOptions, secrets: Secrets, signal?: AbortSignal, signer = options.mode === 'send'): Promise<Chain> {
  return connectChain(
    {
      rpcUrl: secrets.resolve('router.rpc', options.rpc),
      chainId: options['chain-id'],
      ...(signer && options.signer ? { privateKey: secrets.resolve('router.signer', options.signer) as Hex } : {}),
      ...(options['poll-interval'] !== undefined ? { pollingMs: options['poll-interval'] } : {}),
      ...(signal ? { signal } : {})
    },
    { rpc: 'router.rpc', chainId: 'router.chain-id', privateKey: 'router.signer' }
  );
}
