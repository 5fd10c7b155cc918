import { createPublicClient, http, toHex, type PublicClient } from 'viem';
import { deployImplementation, deployProxy } from '../../src/demo/evm-fixtures.js';
import type { ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import { connectChain, type Chain } from '../../src/adapters/evm/chain.js';
import { checkProxiable, readProxy } from '../../src/adapters/evm/proxy-state.js';
import { ANVIL_KEYS, describeWithAnvil, PROXY_KINDS, useEvmBench, useProxyOfEachKind, type BuildInfo, type LocalAnvil } from '../support/evm.js';

const FIELD = 'router.proxy';

describeWithAnvil('readProxy and checkProxiable', () => {
  const bench = useEvmBench();
  let anvil: LocalAnvil;
  let build: BuildInfo;
  let chain: Chain;
  const proxies = useProxyOfEachKind(bench);

  beforeAll(() => ({ anvil, build, chain } = bench));

  const refusal = async (proxy: `0x${string}`, kind: ProxyKind): Promise<string> => {
    const error = await readProxy(chain, proxy, kind, FIELD).catch(e => e);
    expect(error).toBeInstanceOf(BadInputError);
    return error.message;
  };

  it.each(PROXY_KINDS)('reads a %s proxy, its upgrader and the block it read at', async kind => {
    const fixture = proxies[kind];
    const state = await readProxy(chain, fixture.proxy, kind, FIELD);
    expect(state).toEqual({
      proxy: fixture.proxy,
      kind,
      implementation: fixture.implementation,
      admin: fixture.admin,
      beacon: fixture.beacon,
      upgrader: fixture.owner,
      block: { number: await chain.client.getBlockNumber({ cacheTime: 0 }), hash: expect.stringMatching(/^0x[0-9a-f]{64}$/) }
    });
    expect((await chain.client.getBlock({ blockNumber: state.block.number })).hash).toBe(state.block.hash);
  });

  it('reads everything at the one block it reports, though the chain moves on', async () => {
    const requests: { method: string; params: unknown[] }[] = [];
    const watched: Chain = {
      ...chain,
      client: createPublicClient({ transport: http(anvil.url, { onFetchRequest: (_request, init) => void requests.push(JSON.parse(String(init.body))) }) }) as PublicClient
    };
    for (const kind of PROXY_KINDS) {
      requests.length = 0;
      const state = await readProxy(watched, proxies[kind].proxy, kind, FIELD);
      const reads = requests.filter(request => request.method !== 'eth_getBlockByNumber');
      expect(reads.map(read => read.method).sort()).toEqual([...(kind === 'beacon' ? ['eth_call'] : []), 'eth_call', 'eth_getCode', 'eth_getStorageAt', 'eth_getStorageAt', 'eth_getStorageAt']);
      for (const read of reads) expect(read.params.at(-1)).toBe(toHex(state.block.number));
      await anvil.rpc('evm_mine');
    }
  });

  it('refuses an address with no code', async () => {
    const eoa = (await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId, privateKey: ANVIL_KEYS[2] }, { rpc: 'r', chainId: 'c' })).account as `0x${string}`;
    expect(await refusal(eoa, 'uups')).toMatch(new RegExp(`^router\\.proxy: ${eoa} has no code at block \\d+ of chain 31337\\. Check the address and the chain\\.$`));
  });

  it('refuses a contract with an empty implementation slot: not an EIP-1967 proxy', async () => {
    expect(await refusal(proxies.uups.implementation, 'uups')).toMatch(/^router\.proxy: 0x\w+ is not an EIP-1967 proxy: its implementation slot is empty at block/);
    expect(await refusal(proxies.uups.implementation, 'beacon')).toMatch(/is not an EIP-1967 proxy: its beacon and implementation slots are empty/);
  });

  it('refuses a transparent proxy without an admin, saying it looks like UUPS', async () => {
    expect(await refusal(proxies.uups.proxy, 'transparent')).toMatch(
      new RegExp(`^router\\.proxy: ${proxies.uups.proxy} has no admin in its admin slot \\(implementation ${proxies.uups.implementation}\\): it is not a transparent proxy .*Set the proxy kind to uups\\.$`)
    );
  });

  it('refuses a beacon proxy without a beacon, saying what its slots hold', async () => {
    expect(await refusal(proxies.uups.proxy, 'beacon')).toMatch(`is not a beacon proxy: its beacon slot is empty and its implementation slot holds ${proxies.uups.implementation}`);
    expect(await refusal(proxies.transparent.proxy, 'beacon')).toMatch(/Set the proxy kind to transparent\.$/);
  });

  it('refuses a proxy configured as the wrong kind', async () => {
    expect(await refusal(proxies.beacon.proxy, 'uups')).toMatch(
      new RegExp(`^router\\.proxy: ${proxies.beacon.proxy} is a beacon proxy \\(its beacon slot holds ${proxies.beacon.beacon}, its implementation slot is empty\\), not uups .*Set the proxy kind to beacon\\.$`)
    );
    expect(await refusal(proxies.beacon.proxy, 'transparent')).toMatch(/is a beacon proxy .*not transparent/);
    expect(await refusal(proxies.transparent.proxy, 'uups')).toMatch(`is a transparent proxy (its admin slot holds ProxyAdmin ${proxies.transparent.admin}), not uups`);
  });

  it('refuses a beacon that does not answer implementation()', async () => {
    const beacon = proxies.beacon.beacon as `0x${string}`;
    const code = await chain.client.getCode({ address: beacon });
    await anvil.rpc('anvil_setCode', [beacon, '0x00']);
    try {
      expect(await refusal(proxies.beacon.proxy, 'beacon')).toMatch(`names beacon ${beacon} in its beacon slot, which does not answer implementation()`);
    } finally {
      await anvil.rpc('anvil_setCode', [beacon, code]);
    }
  });

  it('reports no upgrader when owner() does not answer', async () => {
    // CounterV1 is not UUPS and has no owner(): ERC1967Proxy accepts it, and nobody can upgrade it.
    const counter = await deployProxy(anvil.url, build, 'uups', { implementation: 'CounterV1' });
    const state = await readProxy(chain, counter.proxy, 'uups', FIELD);
    expect(state.upgrader).toBeNull();
  });

  it('accepts a UUPS implementation and refuses one that would brick the proxy', async () => {
    await expect(checkProxiable(chain, await deployImplementation(anvil.url, build, 'VaultV2'))).resolves.toBeUndefined();
    const notUups = await deployImplementation(anvil.url, build, 'VaultV2NotUUPS');
    const error = await checkProxiable(chain, notUups).catch(e => e);
    expect(error).toBeInstanceOf(ReleaseError);
    expect(error.message).toMatch(new RegExp(`^implementation ${notUups} is not UUPS-proxiable: proxiableUUID\\(\\) does not answer .*would brick the proxy`));
    await expect(checkProxiable(chain, proxies.transparent.admin as `0x${string}`)).rejects.toThrow(/does not answer/);
  });
});
