import { parseAbi, type Address } from 'viem';
import { ReleaseError } from '../../src/shared/errors.js';
import { deployImplementation, deployProxy } from '../../src/demo/evm-fixtures.js';
import { MIN_BLOCK_STALL_MS, stallTimeOf } from '../../src/adapters/evm/block-stall.js';
import { readProxy } from '../../src/adapters/evm/proxy-state.js';
import { sendCall } from '../../src/adapters/evm/transactions.js';
import { upgradeCall } from '../../src/adapters/evm/upgrade-call.js';
import type { CliRun } from '../support/cli.js';
import { describeWithAnvil, evmRelease, hasCode, implementationBehind, succeeded, useEvmBench, type EvmBench } from '../support/evm.js';

const VERSION = parseAbi(['function version() view returns (string)']);
/** Far below the 10-minute transaction timeout a stalled wait used to run into, with room for a loaded machine. */
const CLEAR_WITHIN_MS = 20_000;
/** What the router's settings tell sendCall to name. */
const FIELDS = { confirmations: 'router.confirmations', blockStall: 'router.block-stall' };

async function timed(run: Promise<CliRun>): Promise<CliRun & { ms: number }> {
  const started = performance.now();
  const result = await run;
  return { ...result, ms: performance.now() - started };
}

/** A UUPS upgrade of a fresh Vault proxy to VaultV2, as sendCall gets it. */
async function vaultUpgrade(bench: EvmBench) {
  const vault = await deployProxy(bench.anvil.url, bench.build, 'uups');
  const proxy = await readProxy(bench.chain, vault.proxy, 'uups', 'router.proxy');
  return { vault, call: upgradeCall(proxy, await deployImplementation(bench.anvil.url, bench.build, 'VaultV2'), '0x') };
}

const versionOf = (bench: EvmBench, proxy: Address) => bench.chain.client.readContract({ address: proxy, abi: VERSION, functionName: 'version' });

describeWithAnvil('waiting on a chain that mines only on transactions, with a public chain id', () => {
  const bench = useEvmBench({ chainId: 11155111 });

  it('fails deploy and promote within seconds, saying the change is in effect and which setting fixes it; a re-run goes on from there', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { confirmations: 1 });
    await succeeded(release.step('snapshot', '--json'));

    const deploy = await timed(release.step('deploy', '--json'));
    expect(deploy.code).toBe(1);
    expect(deploy.ms).toBeLessThan(CLEAR_WITHIN_MS);
    expect(deploy.err).toMatch(
      /transaction 0x[0-9a-f]{64} \(.*\) is in block (\d+), and its change is in effect on the chain as of that block, but it has no confirmation: no new block came after block \1 for \d+(\.\d)?s, while 1 confirmation\(s\) were due\. The chain seems to mine only on demand \(like anvil or Hardhat without a block time\)\. Run the step again: .* Set router\.confirmations: 0 for such a chain, or start it with a block time \(anvil --block-time 1\); if the chain is only slow, raise router\.block-stall \(now 10s: five of its usual block intervals, at least 10s\)\./
    );
    expect(JSON.parse(deploy.out)).toMatchObject({ 'failure-cause': 'resumable' });
    const candidate = (await release.record()).snapshot.snapshot.router.state.endpoints.green as Address;
    expect(await hasCode(bench.chain, candidate)).toBe(true);
    // What the message says: running deploy again goes on, sending nothing more.
    await succeeded(release.step('deploy', '--json'));

    // With confirmations left to the chain: 1 on chain 11155111, and said so before the wait.
    await release.configure({ confirmations: undefined });
    const promote = await timed(release.step('promote', '--json'));
    expect(promote.code).toBe(1);
    expect(promote.ms).toBeLessThan(CLEAR_WITHIN_MS);
    expect(promote.err).toMatch(/; waiting for block \d+ \(1 confirmation\(s\), the default on chain 11155111; router\.confirmations sets it\)/);
    expect(promote.err).toMatch(/its change is in effect on the chain as of that block, but it has no confirmation: .*Set router\.confirmations: 0 for such a chain/);
    expect(await implementationBehind(bench.chain, fixture)).toBe(candidate);
    // The advice after it agrees: the upgrade moved traffic.
    expect(JSON.parse(promote.out)).toEqual({ 'failure-cause': 'resumable', next: 'Traffic is at blue 0% / green 100%. Run promote again: it resumes where it stopped.' });
    await succeeded(release.step('promote', '--json'));
    expect((await release.record()).phase).toBe('promoted');
  });

  it('ends a wait for router.at-block on a chain that makes no blocks, sending nothing', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture);
    await succeeded(release.step('snapshot', '--json'));
    await succeeded(release.step('deploy', '--json'));
    const height = await bench.chain.client.getBlockNumber({ cacheTime: 0 });
    await release.configure({ 'at-block': Number(height) + 1000, 'block-stall': '1s' });
    const promote = await timed(release.step('promote', '--json'));
    expect(promote.code).toBe(1);
    expect(promote.ms).toBeLessThan(CLEAR_WITHIN_MS);
    expect(promote.err).toMatch(new RegExp(`router\\.at-block: waiting for block ${height + 1000n}, but no new block came after block ${height} for [\\d.]+s: .*Nothing was sent\\.`));
    expect(JSON.parse(promote.out)).toMatchObject({ 'failure-cause': 'unchanged' });
    expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);
  });

  it('fails a transaction that is never mined once no block came for the stall time, with no cause: it may still be mined', async () => {
    const { vault, call } = await vaultUpgrade(bench);
    await bench.anvil.rpc('evm_setAutomine', [false]);
    try {
      const error = await sendCall(bench.chain, call, { blockStallMs: 300, timeoutMs: 60_000, fields: FIELDS }).catch(e => e);
      expect(error).toBeInstanceOf(ReleaseError);
      expect(error.failureCause).toBeUndefined();
      expect(error.message).toMatch(
        /^transaction (0x[0-9a-f]{64}) \(the call 0x4f1ef286 to 0x[0-9a-fA-F]{40}\) was sent and is not mined: no new block came after block \d+ for \d+ms\. The chain seems not to mine at all .* It may still be mined once a block comes: .* raise router\.block-stall \(now 300ms: as configured\)\.$/
      );
      expect(await versionOf(bench, vault.proxy)).toBe('1');
      await bench.anvil.rpc('evm_mine');
      expect(await versionOf(bench, vault.proxy)).toBe('2');
    } finally {
      await bench.anvil.rpc('evm_setAutomine', [true]);
    }
  });

  it('derives the stall time from the usual block interval: five of them, at least the minimum, which a chain without one gets', async () => {
    const height = async () => bench.chain.client.getBlockNumber({ cacheTime: 0 });
    // Blocks in a burst, as a chain that mines on transactions makes them.
    await bench.anvil.rpc('anvil_mine', ['0x8', '0x0']);
    expect(await stallTimeOf(bench.chain, await height())).toBe(MIN_BLOCK_STALL_MS);
    // Mostly 12 s apart, as on Ethereum, with one missed slot.
    await bench.anvil.rpc('anvil_mine', ['0x5', '0xc']);
    await bench.anvil.rpc('anvil_mine', ['0x1', '0x18']);
    await bench.anvil.rpc('anvil_mine', ['0x2', '0xc']);
    expect(await stallTimeOf(bench.chain, await height())).toBe(60_000);
    // At the pace of someone sending transactions by hand: no usual interval.
    for (const seconds of [40, 300, 7, 90, 1, 1200, 15, 60]) await bench.anvil.rpc('anvil_mine', ['0x1', `0x${seconds.toString(16)}`]);
    expect(await stallTimeOf(bench.chain, await height())).toBe(MIN_BLOCK_STALL_MS);
  });
});

describeWithAnvil('waiting on a dev chain (31337)', () => {
  const bench = useEvmBench();

  it('waits for no confirmation by default, and says so: a release goes through on automine', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { confirmations: undefined });
    await succeeded(release.step('snapshot', '--json'));
    const deploy = await timed(release.step('deploy', '--json'));
    expect(deploy.code).toBe(0);
    expect(deploy.err).toMatch(/transaction 0x[0-9a-f]{64} is in block \d+; no confirmations to wait for \(0, the default on chain 31337, a dev chain \(anvil or Hardhat Network\) that mines only on transactions unless given a block time; router\.confirmations sets it\)/);
    await succeeded(release.step('promote', '--json'));
    expect(await versionOf(bench, fixture.proxy)).toBe('2');
  });

  it('still waits for confirmations set explicitly', async () => {
    const { call } = await vaultUpgrade(bench);
    const error = await sendCall(bench.chain, call, { confirmations: 1, blockStallMs: 300, fields: FIELDS }).catch(e => e);
    expect(error).toBeInstanceOf(ReleaseError);
    expect(error.failureCause).toBe('resumable');
    expect(error.message).toMatch(/while 1 confirmation\(s\) were due/);
  });
});

describeWithAnvil('waiting on a chain with a block time', () => {
  const bench = useEvmBench({ blockTime: 1 });

  it('releases with confirmations 2: blocks come on their own', async () => {
    const fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    const release = await evmRelease(bench, fixture, { confirmations: 2 });
    await succeeded(release.step('snapshot', '--json'));
    await succeeded(release.step('deploy', '--json'));
    const promote = await release.step('promote', '--json');
    expect(promote.code).toBe(0);
    expect(promote.err).toMatch(/; waiting for block (\d+) \(2 confirmation\(s\)\)\n/);
    const upgrade = (await release.record()).journal?.find(entry => entry.action === 'upgrade');
    expect(await bench.chain.client.getBlockNumber({ cacheTime: 0 })).toBeGreaterThanOrEqual(BigInt(upgrade?.block as number) + 2n);
    expect(await versionOf(bench, fixture.proxy)).toBe('2');
  });
});
