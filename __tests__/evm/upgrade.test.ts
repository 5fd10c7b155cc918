import { encodeFunctionData, parseAbi, type Address } from 'viem';
import { deployImplementation } from '../../src/demo/evm-fixtures.js';
import { EIP1967_SLOTS } from '../../src/adapters/evm/eip1967.js';
import { type ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { BadInputError } from '../../src/shared/errors.js';
import type { Chain } from '../../src/adapters/evm/chain.js';
import { readProxy } from '../../src/adapters/evm/proxy-state.js';
import { sendCall } from '../../src/adapters/evm/transactions.js';
import { upgradeCall } from '../../src/adapters/evm/upgrade-call.js';
import { describeWithAnvil, FAMILY, PROXY_KINDS, useEvmBench, useProxyOfEachKind, type BuildInfo, type LocalAnvil } from '../support/evm.js';

const ABI = parseAbi([
  'function version() view returns (string)',
  'function fee() view returns (uint256)',
  'function step() view returns (uint256)',
  'function initializeV2(uint256)'
]);

describeWithAnvil('upgrades: sent', () => {
  const bench = useEvmBench();
  let anvil: LocalAnvil;
  let build: BuildInfo;
  let chain: Chain;
  const proxies = useProxyOfEachKind(bench);

  beforeAll(() => ({ anvil, build, chain } = bench));

  const version = (address: Address) => chain.client.readContract({ address, abi: ABI, functionName: 'version' });
  const state = (kind: ProxyKind) => readProxy(chain, proxies[kind].proxy, kind, 'router.proxy');

  it.each(PROXY_KINDS)('upgrades a %s proxy with one sent call', async kind => {
    const v2 = await deployImplementation(anvil.url, build, `${FAMILY[kind]}V2`);
    const before = await state(kind);
    const initializer = kind === 'beacon' ? '0x' : encodeFunctionData({ abi: ABI, functionName: 'initializeV2', args: [7n] });
    const call = upgradeCall(before, v2, initializer);
    expect(call.to).toBe({ uups: before.proxy, transparent: before.admin, beacon: before.beacon }[kind]);
    const sent = await sendCall(chain, call, { confirmations: 0 });
    expect(sent.blockNumber).toBeGreaterThan(before.block.number);
    expect(await version(proxies[kind].proxy)).toBe('2');
    const after = await state(kind);
    expect(after.implementation).toBe(v2);
    if (kind === 'uups') expect(await chain.client.readContract({ address: before.proxy, abi: ABI, functionName: 'fee' })).toBe(7n);
    if (kind === 'transparent') expect(await chain.client.readContract({ address: before.proxy, abi: ABI, functionName: 'step' })).toBe(7n);
    if (kind !== 'beacon') expect((await chain.client.getStorageAt({ address: before.proxy, slot: EIP1967_SLOTS.implementation }))?.toLowerCase()).toContain(v2.slice(2).toLowerCase());
  });

  it('refuses call data on a beacon upgrade: a beacon cannot run an initializer', async () => {
    const current = await state('beacon');
    const data = encodeFunctionData({ abi: ABI, functionName: 'initializeV2', args: [1n] });
    expect(() => upgradeCall(current, current.implementation, data)).toThrow(BadInputError);
    expect(() => upgradeCall(current, current.implementation, data)).toThrow(
      new RegExp(`^beacon proxy ${current.proxy}: an initializer call \\(selector ${data.slice(0, 10)}\\) was given with the upgrade, but a beacon upgrade .*cannot run one\\. .*call the initializer through the proxy in a separate transaction\\.$`)
    );
  });
});
