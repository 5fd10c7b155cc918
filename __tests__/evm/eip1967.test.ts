import { addressInSlot, EIP1967_SLOTS } from '../../src/adapters/evm/eip1967.js';
import { PROXY_KINDS } from '../../src/adapters/evm/proxy-kinds.js';

describe('EIP-1967 slots', () => {
  it('computes the slots the standard publishes', () => {
    // Typed in from eips.ethereum.org/EIPS/eip-1967, so the computation is checked against the text.
    expect(EIP1967_SLOTS).toEqual({
      implementation: '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
      admin: '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103',
      beacon: '0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50'
    });
    expect(PROXY_KINDS).toEqual(['uups', 'transparent', 'beacon']);
  });

  it('reads a checksummed address from the low 20 bytes of a word, and nothing from an empty slot', () => {
    expect(addressInSlot('0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266')).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(addressInSlot(`0x${'0'.repeat(64)}`)).toBeNull();
    expect(addressInSlot('0x')).toBeNull();
    expect(addressInSlot('0x01')).toBe('0x0000000000000000000000000000000000000001');
  });
});
