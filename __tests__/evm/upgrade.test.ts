import { encodeFunctionData, parseAbi, toFunctionSelector, type Address } from 'viem';
import { contractOf, deployImplementation, VAULT_INITIAL_VALUE } from '../../src/demo/evm-fixtures.js';
import { EIP1967_SLOTS, type ProxyKind } from '../../src/core/eip1967.js';
import { BadInputError } from '../../src/core/errors.js';
import type { Chain } from '../../src/evm/chain.js';
import { readProxy } from '../../src/evm/proxy-state.js';
import { simulateUpgraded } from '../../src/evm/smoke.js';
import { sendCall } from '../../src/evm/transactions.js';
import { upgradeCall } from '../../src/evm/upgrade-call.js';
import { describeWithAnvil, FAMILY, PROXY_KINDS, useEvmBench, useProxyOfEachKind, type BuildInfo, type LocalAnvil } from '../support/evm.js';

const ABI = parseAbi([
  'function version() view returns (string)',
  'function fee() view returns (uint256)',
  'function step() view returns (uint256)',
  'function initializeV2(uint256)'
]);
const VERSION = 'function version() view returns (string)';

describeWithAnvil('upgrades: simulate, then send', () => {
  const bench = useEvmBench();
  let anvil: LocalAnvil;
  let build: BuildInfo;
  let chain: Chain;
  const proxies = useProxyOfEachKind(bench);

  beforeAll(() => ({ anvil, build, chain } = bench));

  const version = (address: Address) => chain.client.readContract({ address, abi: ABI, functionName: 'version' });
  const state = (kind: ProxyKind) => readProxy(chain, proxies[kind].proxy, kind, 'router.proxy');

  it.each(PROXY_KINDS)('simulates a %s proxy on the new implementation while the chain still runs the old one', async kind => {
    const v2 = await deployImplementation(anvil.url, build, `${FAMILY[kind]}V2`);
    const results = await simulateUpgraded(chain, await state(kind), { address: v2 }, [{ call: VERSION, expect: '2' }, { call: VERSION }]);
    expect(results).toEqual([
      { call: VERSION, ok: true, actual: '2', expected: '2' },
      { call: VERSION, ok: true, actual: '2', expected: null }
    ]);
    expect(await version(proxies[kind].proxy)).toBe('1');
    if (kind === 'beacon') expect(await chain.client.getCode({ address: proxies.beacon.beacon as Address })).not.toMatch(/^0x73/);
  });

  it.each(PROXY_KINDS)('reports the revert of a %s proxy on a reverting implementation', async kind => {
    const reverting = await deployImplementation(anvil.url, build, `${FAMILY[kind]}V2Reverting`);
    const [result] = await simulateUpgraded(chain, await state(kind), { address: reverting }, [{ call: VERSION, expect: '2' }]);
    expect(result).toEqual({ call: VERSION, ok: false, actual: null, expected: '2', error: expect.stringContaining(`custom error ${toFunctionSelector('error VersionUnavailable()')}`) });
    // With the implementation's ABI, its own errors have names.
    const [named] = await simulateUpgraded(chain, await state(kind), { address: reverting, abi: contractOf(build, `${FAMILY[kind]}V2Reverting`).abi }, [{ call: VERSION }]);
    expect(named?.error).toBe('VersionUnavailable()');
  });

  it('compares values in a normalized form and keeps the proxy storage', async () => {
    const v2 = await deployImplementation(anvil.url, build, 'VaultV2');
    const owner = proxies.uups.owner;
    const results = await simulateUpgraded(chain, await state('uups'), { address: v2 }, [
      { call: 'function value() view returns (uint256)', expect: Number(VAULT_INITIAL_VALUE) },
      { call: 'function owner() view returns (address)', expect: owner.toLowerCase() },
      { call: 'function balances(address) view returns (uint256)', args: [owner], expect: 0n },
      { call: 'function fee() view returns (uint256)', expect: '7' },
      { call: 'function proxiableUUID() view returns (bytes32)', from: owner }
    ]);
    expect(results.map(r => [r.ok, r.actual])).toEqual([
      [true, '41'],
      [true, owner.toLowerCase()],
      [true, '0'],
      [false, '0'],
      // UUPSUpgradeable refuses proxiableUUID through a proxy: a revert the known OZ errors name.
      [false, null]
    ]);
    expect(results[4]?.error).toBe('UUPSUnauthorizedCallContext()');
  });

  it('refuses a smoke call that is not a function signature, or args that do not fit', async () => {
    const current = await state('uups');
    await expect(simulateUpgraded(chain, current, { address: current.implementation }, [{ call: 'version()' }])).rejects.toThrow(BadInputError);
    await expect(simulateUpgraded(chain, current, { address: current.implementation }, [{ call: 'event Upgraded(address)' }])).rejects.toThrow(/an ABI event, not a function/);
    await expect(simulateUpgraded(chain, current, { address: current.implementation }, [{ call: 'function balances(address) view returns (uint256)', args: [] }])).rejects.toThrow(/do not fit the function/);
  });

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
