import { parseAbi, type Address, type WalletClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { deployProxy, type ProxyFixture } from '../../src/demo/evm-fixtures.js';
import type { CliRun } from '../support/cli.js';
import { ANVIL_KEYS, describeWithAnvil, evmRelease, expectSignerHidden, hasCode, implementationBehind, nonceOf, PROXY_KINDS, succeeded, useEvmBench, type EvmRelease } from '../support/evm.js';

const INITIALIZE_V2 = 'function initializeV2(uint256 initialFee)';
const OWNABLE = parseAbi(['function transferOwnership(address newOwner)']);
const STRANGER = privateKeyToAccount(ANVIL_KEYS[1]).address;
const REASON = 'V2 hands the upgrade right to no one: the vault is final';

describeWithAnvil('the way back, proven before the way forward, through the CLI', () => {
  const bench = useEvmBench();
  const signer = () => bench.chain.account as Address;
  const candidateOf = async (release: EvmRelease) => (await release.record()).snapshot.snapshot.router.state.endpoints.green as Address;

  /** Runs `step` with --json and checks that it refused with `cause`, having sent nothing and left the proxy where it was. */
  const refused = async (fixture: ProxyFixture, release: EvmRelease, step: string, cause: string): Promise<CliRun> => {
    const before = await implementationBehind(bench.chain, fixture);
    const nonce = await nonceOf(bench.chain, signer());
    const run = await release.step(step, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ 'failure-cause': cause });
    expect(await nonceOf(bench.chain, signer())).toBe(nonce);
    expect(await implementationBehind(bench.chain, fixture)).toBe(before);
    expectSignerHidden(run.out, run.err);
    return run;
  };

  it('refuses at deploy a V2 whose initializer gives the upgrade right away, naming the revert and the account, deploying nothing', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { implementation: { contract: 'VaultV2Lockout' }, initializer: { call: INITIALIZE_V2, args: [1] } });
    await succeeded(release.step('snapshot'));
    const deploy = await refused(fixture, release, 'deploy', 'unchanged');
    expect(deploy.err).toContain(
      `the upgrade back to ${fixture.implementation} (a call to ${fixture.proxy}) from ${signer()} reverts with OwnableUnauthorizedAccount(${signer()}) after the upgrade to ${await candidateOf(release)} with ${INITIALIZE_V2}: rollback could not undo this release.`
    );
    expect(deploy.err).toMatch(/or, if this release gives up the way back on purpose, say why in router\.allow\.no-rollback\.\nNothing was sent\./);
    expect(await hasCode(bench.chain, await candidateOf(release))).toBe(false);
  });

  it('with router.allow.no-rollback, deploys and promotes such a V2, records why, and rollback then refuses up front', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { implementation: { contract: 'VaultV2Lockout' }, initializer: { call: INITIALIZE_V2, args: [1] }, allow: { 'no-rollback': REASON } });
    for (const step of ['snapshot', 'deploy']) await succeeded(release.step(step));
    const candidate = await candidateOf(release);
    const prepared = (await release.record()).prepared;
    expect(prepared?.no_rollback).toBe(REASON);
    expect(prepared?.checks).toContain(
      `the upgrade back to ${fixture.implementation} (a call to ${fixture.proxy}) from ${signer()} reverts with OwnableUnauthorizedAccount(${signer()}) after the upgrade to ${candidate} with ${INITIALIZE_V2}: accepted by router.allow.no-rollback ("${REASON}"); rollback will refuse`
    );
    await succeeded(release.step('promote'));
    expect(await implementationBehind(bench.chain, fixture)).toBe(candidate);

    const rollback = await refused(fixture, release, 'rollback', 'fix-forward');
    expect(rollback.err).toContain(`rollback refused: this release gave up the way back when it was deployed, with router.allow.no-rollback: "${REASON}". Nothing was touched: ${candidate} stays live.`);
    const record = await release.record();
    expect(record.phase).toBe('promoted');
    expect(record.prepared?.no_rollback).toBe(REASON);
  });

  it('refuses an empty no-rollback reason before anything, naming the field', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { allow: { 'no-rollback': '  ' } });
    const snapshot = await release.step('snapshot');
    expect(snapshot.code).toBe(2);
    expect(snapshot.err).toMatch(/router\.allow\.no-rollback.*give the reason this release gives up the way back/);
  });

  it('refuses at deploy an initializer that reverts, naming its custom error with its arguments', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { implementation: { contract: 'VaultV2BadInit' }, initializer: { call: INITIALIZE_V2, args: [1000] } });
    await succeeded(release.step('snapshot'));
    const deploy = await refused(fixture, release, 'deploy', 'unchanged');
    expect(deploy.err).toContain(
      `the upgrade to ${await candidateOf(release)} with ${INITIALIZE_V2} (a call to ${fixture.proxy}) from ${signer()} reverts with FeeTooHigh(1000, 100) at block`
    );
    expect(deploy.err).toMatch(/nothing was sent\. Promote would fail the same way: fix the initializer in \S*VaultV2BadInit or router\.initializer\.args/);
    expect(await hasCode(bench.chain, await candidateOf(release))).toBe(false);
  });

  it('refuses at deploy a smoke call that reverts only once the initializer ran', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const status = 'function status() view returns (string)';
    const release = await evmRelease(bench, fixture, { implementation: { contract: 'VaultV2Paused' }, initializer: { call: INITIALIZE_V2, args: [1] }, smoke: [{ call: status, expect: 'open' }] });
    await succeeded(release.step('snapshot'));
    const deploy = await refused(fixture, release, 'deploy', 'unchanged');
    expect(deploy.err).toContain(`1 of 1 smoke calls failed through ${fixture.proxy} as if upgraded to ${await candidateOf(release)}:\n  ${status}: Paused()`);
  });

  it('refuses at deploy a transparent proxy whose ProxyAdmin the signer does not own, naming the account', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'transparent', { ownerKey: ANVIL_KEYS[1] });
    const release = await evmRelease(bench, fixture);
    await succeeded(release.step('snapshot'));
    const deploy = await refused(fixture, release, 'deploy', 'unchanged');
    expect(deploy.err).toContain(`the upgrade to ${await candidateOf(release)} (a call to ${fixture.admin}) from ${signer()} reverts with OwnableUnauthorizedAccount(${signer()})`);
    expect(deploy.err).toContain(`make sure ${signer()} may upgrade through ${fixture.admin}.`);
  });

  /** The contract whose owner may upgrade the proxy: the proxy itself, its ProxyAdmin, or its beacon. */
  const upgrader = (fixture: ProxyFixture): Address => ({ uups: fixture.proxy, transparent: fixture.admin, beacon: fixture.beacon })[fixture.kind] as Address;

  it.each(PROXY_KINDS)('proves it again right before promote: a %s proxy whose upgrade right moved after deploy is refused, sending nothing', async (kind: ProxyKind) => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
    const release = await evmRelease(bench, fixture);
    for (const step of ['snapshot', 'deploy']) await succeeded(release.step(step));
    const wallet = bench.chain.wallet as WalletClient;
    const hash = await wallet.writeContract({ account: wallet.account ?? null, chain: wallet.chain, address: upgrader(fixture), abi: OWNABLE, functionName: 'transferOwnership', args: [STRANGER] });
    await bench.chain.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });

    const promote = await refused(fixture, release, 'promote', 'unchanged');
    expect(promote.err).toContain(`the upgrade to ${await candidateOf(release)} (a call to ${upgrader(fixture)}) from ${signer()} reverts with OwnableUnauthorizedAccount(${signer()})`);
    expect((await release.record()).phase).toBe('deployed');
  });
});
