import { encodeFunctionData, pad, parseAbi, toFunctionSelector, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { BadInputError } from '../../src/shared/errors.js';
import { contractOf, deployImplementation, deployProxy, VAULT_INITIAL_VALUE } from '../../src/demo/evm-fixtures.js';
import { compileSolidity } from '../../src/demo/solidity.js';
import { create2Address, simulateCreate2 } from '../../src/adapters/evm/create2.js';
import { readProxy, type ProxyState } from '../../src/adapters/evm/proxy-state.js';
import { PROBE_CODE, PROBE_SETTINGS, PROBE_SOURCE } from '../../src/adapters/evm/release-probe.js';
import { simulateRelease, type ReleaseCalls } from '../../src/adapters/evm/release-simulation.js';
import { upgradeCall } from '../../src/adapters/evm/upgrade-call.js';
import { ANVIL_KEYS, describeWithAnvil, FAMILY, hasCode, nonceOf, PROXY_KINDS, useEvmBench, useProxyOfEachKind } from '../support/evm.js';

const VERSION = 'function version() view returns (string)';
const INITIALIZE_V2 = parseAbi(['function initializeV2(uint256)']);
const SALT = pad('0x51a', { size: 32 });
const STRANGER = privateKeyToAccount(ANVIL_KEYS[1]).address;

it('runs the probe built from its source, as its comment says', async () => {
  const build = await compileSolidity({ 'ReleaseProbe.sol': PROBE_SOURCE }, PROBE_SETTINGS);
  expect(contractOf(build, 'ReleaseProbe').deployedBytecode).toBe(PROBE_CODE);
});

describeWithAnvil('the release simulation: upgrade, smoke calls, upgrade back, in one eth_call from the real sender', () => {
  const bench = useEvmBench();
  const proxies = useProxyOfEachKind(bench);
  const owner = () => proxies.uups.owner;

  const state = (kind: ProxyKind) => readProxy(bench.chain, proxies[kind].proxy, kind, 'router.proxy');
  /** The calls of a release of `proxy` to `candidate`, from the fixtures' owner, with nothing deployed unless said. */
  const release = (proxy: ProxyState, candidate: Address, settings: Partial<ReleaseCalls> & { data?: Hex } = {}): ReleaseCalls => ({
    sender: owner(),
    forward: upgradeCall(proxy, candidate, settings.data ?? '0x'),
    smoke: [],
    proxy: proxy.proxy,
    back: upgradeCall(proxy, proxy.implementation, '0x'),
    errors: [],
    blockNumber: proxy.block.number,
    ...settings
  });
  const undeployed = async (name: string) => {
    const { bytecode } = contractOf(bench.build, name);
    return { address: create2Address(bytecode, SALT), code: await simulateCreate2(bench.chain, bytecode, SALT) };
  };

  it.each(PROXY_KINDS)('upgrades a %s proxy to code not deployed yet, answers through it, and upgrades back, sending nothing', async kind => {
    const candidate = await undeployed(`${FAMILY[kind]}V2`);
    const proxy = await state(kind);
    const nonce = await nonceOf(bench.chain, owner());
    const simulated = await simulateRelease(bench.chain, release(proxy, candidate.address, { undeployed: candidate, smoke: [{ call: VERSION, expect: '2' }, { call: VERSION }] }));
    expect(simulated).toEqual({
      forward: { ok: true },
      smoke: [
        { call: VERSION, ok: true, actual: '2', expected: '2' },
        { call: VERSION, ok: true, actual: '2', expected: null }
      ],
      back: { ok: true }
    });
    // Without the candidate's code, the upgrade itself refuses an address with no code.
    const bare = await simulateRelease(bench.chain, release(proxy, candidate.address));
    expect(bare.forward.ok).toBe(false);
    if (kind === 'beacon') expect(bare.forward).toEqual({ ok: false, reason: `BeaconInvalidImplementation(${candidate.address})` });
    expect(await hasCode(bench.chain, candidate.address)).toBe(false);
    expect((await state(kind)).implementation).toBe(proxy.implementation);
    expect(await nonceOf(bench.chain, owner())).toBe(nonce);
  });

  it.each(PROXY_KINDS)('runs the %s upgrade as its sender: one that does not own the upgrade right is named in the revert', async kind => {
    const candidate = await undeployed(`${FAMILY[kind]}V2`);
    const simulated = await simulateRelease(bench.chain, release(await state(kind), candidate.address, { undeployed: candidate, sender: STRANGER }));
    expect(simulated.forward).toEqual({ ok: false, reason: `OwnableUnauthorizedAccount(${STRANGER})` });
  });

  it('runs the initializer before the smoke calls, and each smoke call on its own, from its own account', async () => {
    const v2 = await deployImplementation(bench.anvil.url, bench.build, 'VaultV2');
    const proxy = await state('uups');
    const data = encodeFunctionData({ abi: INITIALIZE_V2, functionName: 'initializeV2', args: [7n] });
    const smoke = [
      { call: 'function fee() view returns (uint256)', expect: '7' },
      { call: 'function value() view returns (uint256)', expect: Number(VAULT_INITIAL_VALUE) },
      { call: 'function owner() view returns (address)', expect: owner().toLowerCase() },
      { call: 'function balances(address) view returns (uint256)', args: [owner()], expect: 0n },
      // Runs, and is undone before the next call: value stays 41 below, and the upgrade back still succeeds.
      { call: 'function setValue(uint256)', args: [1n] },
      { call: 'function value() view returns (uint256)', expect: '41' },
      // From another account: the owner-only setter refuses it by its address.
      { call: 'function setValue(uint256)', args: [1n], from: STRANGER },
      { call: 'function fee() view returns (uint256)', expect: '8' }
    ];
    const simulated = await simulateRelease(bench.chain, release(proxy, v2, { data, smoke }));
    expect(simulated.forward).toEqual({ ok: true });
    expect(simulated.smoke.map(result => [result.ok, result.actual, result.error])).toEqual([
      [true, '7', undefined],
      [true, '41', undefined],
      [true, owner().toLowerCase(), undefined],
      [true, '0', undefined],
      [true, null, undefined],
      [true, '41', undefined],
      [false, null, `OwnableUnauthorizedAccount(${STRANGER})`],
      [false, '7', undefined]
    ]);
    expect(simulated.back).toEqual({ ok: true });
  });

  it('names a revert by the custom errors it is given, and by selector without them', async () => {
    const [reverting, badInit] = [await deployImplementation(bench.anvil.url, bench.build, 'VaultV2Reverting'), await deployImplementation(bench.anvil.url, bench.build, 'VaultV2BadInit')];
    // Read after the deployments: the simulation runs at the block the proxy was read at.
    const proxy = await state('uups');
    const [anonymous] = (await simulateRelease(bench.chain, release(proxy, reverting, { smoke: [{ call: VERSION }] }))).smoke;
    expect(anonymous?.error).toContain(`custom error ${toFunctionSelector('error VersionUnavailable()')}`);
    const [named] = (await simulateRelease(bench.chain, release(proxy, reverting, { smoke: [{ call: VERSION }], errors: contractOf(bench.build, 'VaultV2Reverting').abi }))).smoke;
    expect(named?.error).toBe('VersionUnavailable()');

    const data = encodeFunctionData({ abi: INITIALIZE_V2, functionName: 'initializeV2', args: [1000n] });
    const refused = await simulateRelease(bench.chain, release(proxy, badInit, { data, errors: contractOf(bench.build, 'VaultV2BadInit').abi }));
    expect(refused.forward).toEqual({ ok: false, reason: 'FeeTooHigh(1000, 100)' });
  });

  it('finds the way back gone when the initializer gives the upgrade right away', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const lockout = await deployImplementation(bench.anvil.url, bench.build, 'VaultV2Lockout');
    const proxy = await readProxy(bench.chain, fixture.proxy, 'uups', 'router.proxy');
    const data = encodeFunctionData({ abi: INITIALIZE_V2, functionName: 'initializeV2', args: [1n] });
    const simulated = await simulateRelease(bench.chain, release(proxy, lockout, { data, smoke: [{ call: VERSION, expect: '2' }] }));
    expect(simulated).toEqual({ forward: { ok: true }, smoke: [{ call: VERSION, ok: true, actual: '2', expected: '2' }], back: { ok: false, reason: `OwnableUnauthorizedAccount(${owner()})` } });
  });

  it('refuses a smoke call that is not a function signature, or args that do not fit, as bad input', async () => {
    const proxy = await state('uups');
    const calls = (call: string, args?: unknown[]) => release(proxy, proxy.implementation, { smoke: [{ call, ...(args ? { args } : {}) }] });
    await expect(simulateRelease(bench.chain, calls('version()'))).rejects.toThrow(BadInputError);
    await expect(simulateRelease(bench.chain, calls('event Upgraded(address)'))).rejects.toThrow(/an ABI event, not a function/);
    await expect(simulateRelease(bench.chain, calls('function balances(address) view returns (uint256)', []))).rejects.toThrow(/args: \[\] do not fit function balances/);
  });
});
