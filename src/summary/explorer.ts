const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;

export interface ExplorerLinks {
  /** The explorer's page of an address, or null without an explorer or for anything but an address. */
  address(a: string): string | null;
  /** The explorer's page of a transaction, or null without an explorer or for anything but a 32-byte hash. */
  tx(h: string): string | null;
}

/**
 * Links to a block explorer (`router.explorer`, like https://etherscan.io) in
 * the Etherscan layout that Blockscout and the others share. Only well-formed
 * addresses and hashes get a link, so text from a chain never shapes a URL.
 */
export function explorerLinks(base: string | undefined): ExplorerLinks {
  const root = base?.replace(/\/+$/, '');
  const link = (pattern: RegExp, path: string) => (value: string) => (root && pattern.test(value) ? `${root}/${path}/${value}` : null);
  return { address: link(ADDRESS, 'address'), tx: link(HASH, 'tx') };
}

/** An address or a hash as `0x1234…abcd`, short enough for a table; any other text unchanged. */
export function shortHex(value: string): string {
  return ADDRESS.test(value) || HASH.test(value) ? `${value.slice(0, 6)}…${value.slice(-4)}` : value;
}
