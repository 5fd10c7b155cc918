import { createPublicClient, custom, type Address, type Hex } from 'viem';
import type { Chain } from '../../src/adapters/evm/chain.js';
import { deployImplementation, deployProxy, upgradeDirectly } from '../../src/demo/evm-fixtures.js';
import { firstUpgradeTo } from '../../src/adapters/evm/upgrade-history.js';
import { describeWithAnvil, FAMILY, PROXY_KINDS, useEvmBench } from '../support/evm.js';

describeWithAnvil('upgrades read back from the chain (Upgraded events)', () => {
  const bench = useEvmBench();

  it.each(PROXY_KINDS)('finds the first upgrade of a %s proxy to an implementation, only from the block asked for', async kind => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
    const emitter = (kind === 'beacon' ? fixture.beacon : fixture.proxy) as Address;
    const from = await bench.chain.client.getBlockNumber({ cacheTime: 0 });
    const v2 = await deployImplementation(bench.anvil.url, bench.build, `${FAMILY[kind]}V2`);
    expect(await firstUpgradeTo(bench.chain, emitter, v2, from)).toBeNull();

    const first = await upgradeDirectly(bench.anvil.url, fixture, v2);
    await upgradeDirectly(bench.anvil.url, fixture, fixture.implementation);
    await upgradeDirectly(bench.anvil.url, fixture, v2);
    const found = await firstUpgradeTo(bench.chain, emitter, v2, from);
    const receipt = await bench.chain.client.getTransactionReceipt({ hash: first });
    expect(found).toEqual({ tx: first, block: receipt.blockNumber });

    // Upgrades before the block asked for do not count; nor do upgrades to another implementation.
    expect(await firstUpgradeTo(bench.chain, emitter, v2, receipt.blockNumber + 1n)).toMatchObject({ tx: expect.not.stringMatching(first) });
    const latest = await bench.chain.client.getBlockNumber({ cacheTime: 0 });
    expect(await firstUpgradeTo(bench.chain, emitter, v2, latest + 1n)).toBeNull();
    const other = await deployImplementation(bench.anvil.url, bench.build, `${FAMILY[kind]}V2`);
    expect(await firstUpgradeTo(bench.chain, emitter, other, from)).toBeNull();
  });

  it('searches a long range in windows a provider accepts, and finds an upgrade far past the first window', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const from = await bench.chain.client.getBlockNumber({ cacheTime: 0 });
    await bench.anvil.rpc('anvil_mine', ['0xfa']); // 250 blocks: five windows of 50
    const v2 = await deployImplementation(bench.anvil.url, bench.build, 'VaultV2');
    const tx = await upgradeDirectly(bench.anvil.url, fixture, v2);
    // A provider that, like many hosted ones, refuses eth_getLogs over more than 50 blocks.
    const capped = createPublicClient({
      transport: custom({
        request: async ({ method, params }: { method: string; params: [{ fromBlock: Hex; toBlock: Hex }] }) => {
          if (method === 'eth_getLogs' && BigInt(params[0].toBlock) - BigInt(params[0].fromBlock) >= 50n) throw new Error('query exceeds max block range 50');
          return bench.anvil.rpc(method, params);
        }
      })
    });
    const found = await firstUpgradeTo({ ...bench.chain, client: capped as Chain['client'] }, fixture.proxy, v2, from, 50n);
    expect(found?.tx).toBe(tx);
    expect(found && found.block - from).toBeGreaterThan(250n);
  });
});
