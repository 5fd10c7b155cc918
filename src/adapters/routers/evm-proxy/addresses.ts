import { getAddress, isAddress, type Address } from 'viem';
import { BadInputError } from '../../../shared/errors.js';
import type { EvmProxyOptions } from './options.js';

/** One address of the config, checksum-checked (EIP-55) and checksummed. */
function checked(field: string, value: string): Address {
  if (isAddress(value, { strict: true })) return getAddress(value);
  throw new BadInputError(`${field}: ${value} has mixed case that is not its EIP-55 checksum, so it may hold a typo. Copy the address again, or write it all in lower case.`);
}

/**
 * The router's settings with every address checked against its checksum and
 * written checksummed. The config schema checks only their form, so that
 * loading cutover.yml needs no chain library; the router checks them as it loads, before it reads the chain.
 */
export function withCheckedAddresses(options: EvmProxyOptions): EvmProxyOptions {
  const { implementation } = options;
  return {
    ...options,
    ...(options.proxy === undefined ? {} : { proxy: checked('router.proxy', options.proxy) }),
    ...(options.safe === undefined ? {} : { safe: checked('router.safe', options.safe) }),
    implementation: { ...implementation, ...(implementation.address === undefined ? {} : { address: checked('router.implementation.address', implementation.address) }) },
    smoke: options.smoke.map((smoke, index) => (smoke.from === undefined ? smoke : { ...smoke, from: checked(`router.smoke[${index}].from`, smoke.from) }))
  };
}
