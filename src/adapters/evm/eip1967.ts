import { getAddress, keccak256, toHex, type Address, type Hex } from 'viem';


/** EIP-1967: bytes32(uint256(keccak256(label)) - 1), a slot no Solidity layout can reach by accident. */
function slotOf(label: string): Hex {
  return toHex(BigInt(keccak256(toHex(label))) - 1n, { size: 32 });
}

/** The storage slots an EIP-1967 proxy keeps its implementation, admin and beacon in. */
export const EIP1967_SLOTS = {
  implementation: slotOf('eip1967.proxy.implementation'),
  admin: slotOf('eip1967.proxy.admin'),
  beacon: slotOf('eip1967.proxy.beacon')
} as const;

const ADDRESS_BITS = (1n << 160n) - 1n;

/** The address a storage word holds (its low 20 bytes), checksummed; null for an empty slot. */
export function addressInSlot(word: Hex): Address | null {
  const value = BigInt(word === '0x' ? 0 : word);
  if (value === 0n) return null;
  return getAddress(toHex(value & ADDRESS_BITS, { size: 20 }));
}
