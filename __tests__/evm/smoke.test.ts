import { pad, parseAbi, type Address, type Hex } from 'viem';
import { compileEvmFixtures, contractOf, deployProxy, type ProxyFixture } from '../../src/demo/evm-fixtures.js';
import type { ProxyKind } from '../../src/core/eip1967.js';
import { connectChain, type Chain } from '../../src/evm/chain.js';
import { create2Address, simulateCreate2 } from '../../src/evm/create2.js';
import { readProxy } from '../../src/evm/proxy-state.js';
import { simulateUpgraded } from '../../src/evm/smoke.js';
import { ANVIL_KEYS, describeWithAnvil, startAnvil, type BuildInfo, type LocalAnvil } from '../support/evm.js';

const VERSION = 'function version() view returns (string)';
const KINDS = ['uups', 'transparent', 'beacon'] as const;
/** The V2 each kind's fixture upgrades to. */
const CANDIDATE: Record<ProxyKind, string> = { uups: 'VaultV2', transparent: 'CounterV2', beacon: 'CounterV2' };
const SALT = pad('0x5e0', { size: 32 });

describeWithAnvil('smoke calls against a candidate that is not deployed yet', () => {
  let anvil: LocalAnvil;
  let build: BuildInfo;
  let chain: Chain;
  const proxies = {} as Record<ProxyKind, ProxyFixture>;

  beforeAll(async () => {
    [anvil, build] = await Promise.all([startAnvil(), compileEvmFixtures()]);
    chain = await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId, privateKey: ANVIL_KEYS[0] }, { rpc: 'router.rpc', chainId: 'router.chain-id' });
    for (const kind of KINDS) proxies[kind] = await deployProxy(anvil.url, build, kind);
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  const state = (kind: ProxyKind) => readProxy(chain, proxies[kind].proxy, kind, 'router.proxy');
  const candidate = async (name: string): Promise<{ address: Address; code: Hex }> => {
    const { bytecode } = contractOf(build, name);
    return { address: create2Address(bytecode, SALT), code: await simulateCreate2(chain, bytecode, SALT) };
  };

  it.each(KINDS)('answers through a %s proxy from the simulated code, while nothing is at its address', async kind => {
    const { address, code } = await candidate(CANDIDATE[kind]);
    expect(await chain.client.getCode({ address })).toBeUndefined();
    const current = await state(kind);
    expect(await simulateUpgraded(chain, current, { address, code }, [{ call: VERSION, expect: '2' }])).toEqual([{ call: VERSION, ok: true, actual: '2', expected: '2' }]);
    // Without the code, the proxy would delegate to an empty address: nothing to answer with.
    const [bare] = await simulateUpgraded(chain, current, { address }, [{ call: VERSION, expect: '2' }]);
    expect(bare?.ok).toBe(false);
    const version = parseAbi([VERSION]);
    expect(await chain.client.readContract({ address: proxies[kind].proxy, abi: version, functionName: 'version' })).toBe('1');
  });

  it('runs a UUPS upgrade through the proxy as the owner would: the simulated code carries its real address in its immutable', async () => {
    const { address, code } = await candidate('VaultV2');
    const current = await state('uups');
    const upgrade = { call: 'function upgradeToAndCall(address newImplementation, bytes data) payable', args: [address, '0x'], from: proxies.uups.owner };
    expect(await simulateUpgraded(chain, current, { address, code }, [upgrade])).toEqual([{ call: upgrade.call, ok: true, actual: null, expected: null }]);
    // The build's code has zeros where the constructor writes address(this): UUPSUpgradeable refuses to be called that way.
    const [unconstructed] = await simulateUpgraded(chain, current, { address, code: contractOf(build, 'VaultV2').deployedBytecode }, [upgrade]);
    expect(unconstructed).toMatchObject({ ok: false, error: 'UUPSUnauthorizedCallContext()' });
    expect((await state('uups')).implementation).toBe(current.implementation);
  });
});
