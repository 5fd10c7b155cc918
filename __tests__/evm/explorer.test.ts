import { explorerLinks, shortHex } from '../../src/summary/explorer.js';

const ADDRESS = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const HASH = `0x${'ab'.repeat(31)}cd`;

describe('block explorer links', () => {
  it('links addresses and transactions under the base, whose trailing slash does not double', () => {
    for (const base of ['https://sepolia.etherscan.io', 'https://sepolia.etherscan.io/']) {
      const links = explorerLinks(base);
      expect(links.address(ADDRESS)).toBe(`https://sepolia.etherscan.io/address/${ADDRESS}`);
      expect(links.tx(HASH)).toBe(`https://sepolia.etherscan.io/tx/${HASH}`);
    }
  });

  it('gives no link without an explorer', () => {
    const links = explorerLinks(undefined);
    expect([links.address(ADDRESS), links.tx(HASH)]).toEqual([null, null]);
  });

  it('links only a well-formed address or hash, so that other text never shapes a URL', () => {
    const links = explorerLinks('https://etherscan.io');
    expect(links.address(HASH)).toBeNull();
    expect(links.tx(ADDRESS)).toBeNull();
    expect(links.address(`${ADDRESS})](javascript:alert(1)`)).toBeNull();
    expect(links.tx('../../admin')).toBeNull();
  });

  it('shortens addresses and hashes, and leaves other text as it is', () => {
    expect(shortHex(ADDRESS)).toBe('0x5FbD…0aa3');
    expect(shortHex(HASH)).toBe('0xabab…abcd');
    for (const text of ['0x', '0x1234', 'green', `${ADDRESS}00`, '12345']) expect(shortHex(text)).toBe(text);
  });
});
