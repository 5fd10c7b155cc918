import { concat, getContractAddress, size, type Address, type Hex } from 'viem';
import { BadInputError, ReleaseError } from '../core/errors.js';
import type { Chain } from './chain.js';
import { sendCall, type SendOptions } from './transactions.js';

/**
 * Arachnid's deterministic deployment proxy: the same address on anvil and
 * most public chains. Called with salt ++ init code, it CREATE2s the contract
 * and reverts when that fails.
 */
export const DETERMINISTIC_DEPLOYER: Address = '0x4e59b44847b379578588920ca78fbf26c0b4956c';

/** Where the deployer puts `initCode` with `salt`: the same on every chain, before anything is sent. */
export function create2Address(initCode: Hex, salt: Hex): Address {
  if (size(salt) !== 32) throw new BadInputError(`CREATE2 salt ${salt}: expected 32 bytes, got ${size(salt)}. Pad it to 32 bytes (64 hex digits).`);
  return getContractAddress({ opcode: 'CREATE2', from: DETERMINISTIC_DEPLOYER, salt, bytecode: initCode });
}

/**
 * Deploys `initCode` at its CREATE2 address. When code is already there (a
 * rerun, or someone deployed the same bytes) it sends nothing: hash is null.
 */
export async function deployCreate2(chain: Chain, initCode: Hex, salt: Hex, options: SendOptions): Promise<{ address: Address; hash: Hex | null }> {
  const address = create2Address(initCode, salt);
  if (await hasCode(chain, address)) return { address, hash: null };
  if (!(await hasCode(chain, DETERMINISTIC_DEPLOYER))) {
    throw new ReleaseError(
      `chain ${chain.chainId} has no deterministic deployment proxy at ${DETERMINISTIC_DEPLOYER}, which deploys implementations with CREATE2. Deploy it there first (github.com/Arachnid/deterministic-deployment-proxy), or deploy the implementation yourself and give its address.`
    );
  }
  const sent = await sendCall(chain, { to: DETERMINISTIC_DEPLOYER, data: concat([salt, initCode]), value: 0n }, options);
  if (!(await hasCode(chain, address))) throw new ReleaseError(`the CREATE2 deployment in transaction ${sent.hash} left no code at ${address}: the constructor returned empty code.`);
  return { address, hash: sent.hash };
}

async function hasCode(chain: Chain, address: Address): Promise<boolean> {
  const code = await chain.client.getCode({ address });
  return code !== undefined && size(code) > 0;
}
