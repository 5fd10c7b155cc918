import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTestClient, createWalletClient, getAddress, http, parseAbi, type Address, type Hex, type WalletClient } from 'viem';
import type { ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { deployImplementation, deployProxy } from '../../src/demo/evm-fixtures.js';
import type { PlannedCall } from '../../src/core/planned-call.js';
import { describeWithAnvil, evmRelease, hasCode, implementationBehind, PROXY_KINDS, succeeded, useEvmBench } from '../support/evm.js';

/** Each kind's V2 initializer as configured, and the argument a reviewer should read; a beacon upgrade runs none. */
const INITIALIZER: Record<ProxyKind, { call: string; name: string } | null> = {
  uups: { call: 'function initializeV2(uint256 initialFee)', name: 'initialFee' },
  transparent: { call: 'function initializeV2(uint256 initialStep)', name: 'initialStep' },
  beacon: null
};
/** The Safe named in propose mode: an account with no key, which anvil lets the test send from; deploy simulates the upgrade from it. */
const SAFE = getAddress(`0x${'5afe'.repeat(10)}`);
const OWNABLE = parseAbi(['function transferOwnership(address newOwner)']);

describeWithAnvil('the upgrade call a deploy plans', () => {
  const bench = useEvmBench();

  it.each(PROXY_KINDS)('is, for a %s proxy, decoded at deploy and byte for byte the transaction promote sends', async kind => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
    const initializer = INITIALIZER[kind];
    const release = await evmRelease(bench, fixture, initializer ? { initializer: { call: initializer.call, args: [25] } } : {});
    await succeeded(release.step('snapshot'));
    await succeeded(release.step('deploy'));
    const candidate = (await release.record()).snapshot.snapshot.router.state.endpoints.green as Address;
    const planned = (await release.record()).prepared?.call as PlannedCall;

    const inner = initializer ? planned.initializer : null;
    const expected: Record<ProxyKind, Pick<PlannedCall, 'to' | 'function' | 'args'>> = {
      uups: {
        to: fixture.proxy,
        function: 'upgradeToAndCall',
        args: [
          { name: 'newImplementation', type: 'address', value: candidate },
          { name: 'data', type: 'bytes', value: expect.stringMatching(/^0x[0-9a-f]{72}$/) }
        ]
      },
      transparent: {
        to: fixture.admin as Address,
        function: 'upgradeAndCall',
        args: [
          { name: 'proxy', type: 'address', value: fixture.proxy },
          { name: 'implementation', type: 'address', value: candidate },
          { name: 'data', type: 'bytes', value: expect.stringMatching(/^0x[0-9a-f]{72}$/) }
        ]
      },
      beacon: { to: fixture.beacon as Address, function: 'upgradeTo', args: [{ name: 'newImplementation', type: 'address', value: candidate }] }
    };
    expect(planned).toEqual({ ...expected[kind], from: fixture.owner, mode: 'send', initializer: inner, data: expect.stringMatching(/^0x[0-9a-f]+$/) });
    if (initializer) expect(inner).toEqual({ signature: 'initializeV2(uint256)', args: [{ name: initializer.name, type: 'uint256', value: '25' }] });
    else expect(planned.initializer).toBeNull();

    await succeeded(release.step('promote'));
    const record = await release.record();
    const upgrade = record.journal?.find(entry => entry.action === 'upgrade');
    const sent = await bench.chain.client.getTransaction({ hash: upgrade?.tx as Hex });
    expect({ to: sent.to && getAddress(sent.to), from: getAddress(sent.from), data: sent.input }).toEqual({ to: planned.to, from: planned.from, data: planned.data });
    // Later steps keep the plan in the record they rewrite.
    expect(record.prepared?.call).toEqual(planned);
  });

  it('refuses, at deploy and before deploying anything, an initializer whose arguments do not fit', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { initializer: { call: INITIALIZER.uups?.call, args: ['many'] } });
    await succeeded(release.step('snapshot'));
    const candidate = (await release.record()).snapshot.snapshot.router.state.endpoints.green as Address;
    const deploy = await release.step('deploy');
    expect(deploy.code).not.toBe(0);
    expect(deploy.err).toMatch(/router\.initializer\.args: \["many"\] do not fit function initializeV2\(uint256 initialFee\)/);
    expect(await hasCode(bench.chain, candidate)).toBe(false);
  });

  it('is what a proposal holds, from the Safe, and the proposal says where it is and what to run once executed', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'transparent');
    const wallet = bench.chain.wallet as WalletClient;
    // The Safe holds the upgrade right: deploy simulates the upgrade, and the way back, from it.
    const handover = await wallet.writeContract({ account: wallet.account ?? null, chain: wallet.chain, address: fixture.admin as Address, abi: OWNABLE, functionName: 'transferOwnership', args: [SAFE] });
    await bench.chain.client.waitForTransactionReceipt({ hash: handover, pollingInterval: 20 });
    // Without a signer nothing is deployed either: the new implementation is already on chain.
    const implementation = await deployImplementation(bench.anvil.url, bench.build, 'CounterV2');
    const release = await evmRelease(bench, fixture, { mode: 'propose', signer: undefined, safe: SAFE, implementation: { address: implementation }, initializer: { call: 'function initializeV2(uint256 initialStep)', args: [25] } });
    await succeeded(release.step('snapshot'));
    await succeeded(release.step('deploy'));
    const planned = (await release.record()).prepared?.call as PlannedCall;
    expect(planned).toMatchObject({ to: fixture.admin, from: SAFE, mode: 'propose', function: 'upgradeAndCall' });
    expect((await release.record()).prepared?.checks).toContain(`the upgrade back to ${fixture.implementation} (what rollback sends) succeeds from ${SAFE} after it`);

    const promote = await release.step('promote', '--json');
    const proposal = path.join(release.dir, 'cutover-proposal.json');
    const batch = JSON.parse(await readFile(proposal, 'utf8'));
    expect(batch.transactions).toEqual([{ to: planned.to, value: '0', data: planned.data, contractMethod: null, contractInputsValues: null }]);
    const said = (await release.record()).history.at(-1)?.detail ?? '';
    expect(promote.err).toContain(said);
    expect(said).toContain(`Safe Transaction Builder batch to ${proposal}; nothing was sent.`);
    expect(said).toMatch(/Once the Safe executed it, run promote again: it finds the upgrade on chain and records the promote as done\./);
    expect(said).toContain(`Until then the proxy still delegates to ${fixture.implementation}, so rollback has nothing to undo (it is a no-op)`);

    // As said: a rollback before the Safe executes it changes nothing.
    expect(await succeeded(release.step('rollback', '--json'))).toMatchObject({ 'live-color': 'blue' });
    expect((await release.record()).history.at(-1)).toMatchObject({ step: 'rollback', outcome: 'already-done' });
    expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);

    // As said: once the Safe executed it (here anvil sends the batch as the Safe), promote records it.
    const anvil = createTestClient({ mode: 'anvil', transport: http(bench.anvil.url) });
    await anvil.impersonateAccount({ address: SAFE });
    await anvil.setBalance({ address: SAFE, value: 10n ** 18n });
    const hash = await createWalletClient({ account: SAFE, chain: wallet.chain, transport: http(bench.anvil.url) }).sendTransaction({ chain: wallet.chain, to: batch.transactions[0].to, data: batch.transactions[0].data });
    await bench.chain.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    expect(await succeeded(release.step('promote', '--json'))).toMatchObject({ 'live-color': 'green' });
    expect((await release.record()).phase).toBe('promoted');
  });
});
