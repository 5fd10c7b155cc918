/**
 * Chain ids of local development nodes, which by default mine a block only
 * when a transaction arrives: a confirmation there waits for a block that
 * never comes, so they wait for none unless the config says otherwise.
 */
const DEV_CHAINS: ReadonlyMap<number, string> = new Map([
  // The default of anvil and of Hardhat Network (`hardhat node`): both automine, one block per transaction.
  [31337, 'anvil or Hardhat Network'],
  // The default of Ganache, and of geth --dev, whose default --dev.period 0 mines only on a pending transaction.
  [1337, 'Ganache or geth --dev']
]);

/** Blocks on top of the one with the transaction, off a dev chain: a reorganization of one block is common. */
const PUBLIC_CHAIN_CONFIRMATIONS = 1;

export interface Confirmations {
  count: number;
  /** Why a default applies, for the log (`the default on chain 1337, a dev chain: …`); null when configured. */
  defaultReason: string | null;
}

/** The confirmations a transaction waits for: the configured count, else 0 on a dev chain and 1 elsewhere. */
export function confirmationsFor(chainId: number, configured: number | undefined): Confirmations {
  if (configured !== undefined) return { count: configured, defaultReason: null };
  const dev = DEV_CHAINS.get(chainId);
  return dev === undefined
    ? { count: PUBLIC_CHAIN_CONFIRMATIONS, defaultReason: `the default on chain ${chainId}` }
    : { count: 0, defaultReason: `the default on chain ${chainId}, a dev chain (${dev}) that mines only on transactions unless given a block time` };
}
