import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeFunctionData, encodeFunctionData, parseAbi, parseAbiItem, type Address, type Hex, type WalletClient } from 'viem';
import { main } from '../../src/cli/main.js';
import type { ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { contractOf, deployImplementation, deployProxy, type ProxyFixture } from '../../src/demo/evm-fixtures.js';
import { create2Address, DETERMINISTIC_DEPLOYER } from '../../src/adapters/evm/create2.js';
import { sleep } from '../../src/shared/io/wait.js';
import { cli, type CliRun } from '../support/cli.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import {
  describeWithAnvil,
  evmRelease,
  expectSignerHidden,
  FAMILY,
  hasCode,
  implementationBehind,
  PROXY_KINDS,
  succeeded,
  useEvmBench,
  type EvmRelease
} from '../support/evm.js';

const ABI = parseAbi([
  'function version() view returns (string)',
  'function value() view returns (uint256)',
  'function setValue(uint256)',
  'function count() view returns (uint256)',
  'function increment()',
  'function fee() view returns (uint256)',
  'function step() view returns (uint256)',
  'function initializeV2(uint256)',
  'function upgradeToAndCall(address newImplementation, bytes data) payable',
  'function upgradeAndCall(address proxy, address implementation, bytes data) payable',
  'function upgradeTo(address newImplementation)'
]);
const INITIALIZED_EVENT = parseAbiItem('event Initialized(uint64 version)');
const VERSION = 'function version() view returns (string)';
/** What each kind's V2 initializer sets (Vault's fee, Counter's step); a beacon upgrade cannot run one. */
const INITIALIZED = 25n;
const INITIALIZER: Record<ProxyKind, string | null> = { uups: 'function initializeV2(uint256 initialFee)', transparent: 'function initializeV2(uint256 initialStep)', beacon: null };
/** A variable only V2 has, and one V1 already had. */
const V2_ONLY = { Vault: 'fee', Counter: 'step' } as const;
const STATE = { Vault: 'value', Counter: 'count' } as const;

/** Polls `condition` until it holds; the test's timeout bounds it. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(10);
}

/** A step started and not awaited, whose log can be watched while it runs. */
function startStep(release: EvmRelease, name: string): { log: () => string; finished: () => boolean; done: Promise<CliRun> } {
  let out = '';
  let err = '';
  let finished = false;
  const done = main([name, '--config', release.config, '--snapshot-file', release.recordFile, '--json'], {
    out: text => (out += text),
    err: text => (err += text),
    env: release.env,
    self: [process.execPath, 'dist/cli/index.js']
  }).then(code => {
    finished = true;
    return { code, out, err };
  });
  return { log: () => err, finished: () => finished, done };
}

/** The upgrade transaction of a proxy of this kind, as its owner would send it by hand. */
function upgradeOf(fixture: ProxyFixture, implementation: Address, data: Hex): { to: Address; data: Hex } {
  switch (fixture.kind) {
    case 'uups':
      return { to: fixture.proxy, data: encodeFunctionData({ abi: ABI, functionName: 'upgradeToAndCall', args: [implementation, data] }) };
    case 'transparent':
      return { to: fixture.admin as Address, data: encodeFunctionData({ abi: ABI, functionName: 'upgradeAndCall', args: [fixture.proxy, implementation, data] }) };
    case 'beacon':
      return { to: fixture.beacon as Address, data: encodeFunctionData({ abi: ABI, functionName: 'upgradeTo', args: [implementation] }) };
  }
}

describe.each(PROXY_KINDS)('a release of a %s proxy through the CLI', kind => {
  const family = FAMILY[kind];
  const initializer = INITIALIZER[kind];
  const initializerSetting = initializer ? { initializer: { call: initializer, args: [Number(INITIALIZED)] } } : {};
  const initializerData = initializer ? encodeFunctionData({ abi: ABI, functionName: 'initializeV2', args: [INITIALIZED] }) : '0x';

  describeWithAnvil('on anvil', () => {
    const bench = useEvmBench();

    const height = () => bench.chain.client.getBlockNumber({ cacheTime: 0 });
    const read = (fixture: ProxyFixture, name: 'version' | 'fee' | 'step' | 'value' | 'count') => bench.chain.client.readContract({ address: fixture.proxy, abi: ABI, functionName: name });
    /** Sends as the fixtures' owner (ANVIL_KEYS[0]) and waits for success. */
    const transact = async (to: Address, data: Hex) => {
      const wallet = bench.chain.wallet as WalletClient;
      const hash = await wallet.sendTransaction({ account: wallet.account ?? null, chain: wallet.chain, to, data });
      expect((await bench.chain.client.waitForTransactionReceipt({ hash, pollingInterval: 20 })).status).toBe('success');
    };
    /** Changes the proxy's state as a user would: Vault's owner sets value, anyone increments a Counter. */
    const writeState = async (fixture: ProxyFixture) => {
      const data = family === 'Vault' ? encodeFunctionData({ abi: ABI, functionName: 'setValue', args: [((await read(fixture, 'value')) as bigint) + 36n] }) : encodeFunctionData({ abi: ABI, functionName: 'increment' });
      await transact(fixture.proxy, data);
      return read(fixture, STATE[family]);
    };

    it('promotes a safe upgrade, rolls it back with state intact, and promotes again without a second initializer', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const written = await writeState(fixture);
      const release = await evmRelease(bench, fixture, {
        ...initializerSetting,
        // Answered by V2 against the state written above, before the upgrade.
        smoke: [{ call: VERSION, expect: '2' }, { call: `function ${STATE[family]}() view returns (uint256)`, expect: String(written) }]
      });
      const runs: CliRun[] = [];
      const step = async (name: string) => {
        const run = release.step(name, '--json');
        runs.push(await run);
        return succeeded(run);
      };

      expect(await step('snapshot')).toMatchObject({ 'live-color': 'blue', 'idle-color': 'green' });
      // The live implementation is named because its code is the reference build's.
      expect((await release.record()).snapshot.snapshot.versions).toEqual({ blue: `${family}V1`, green: `${family}V2` });
      const { endpoints } = (await release.record()).snapshot.snapshot.router.state;
      const candidate = endpoints.green as Address;
      expect(endpoints.blue).toBe(fixture.implementation);
      expect(candidate).toBe(create2Address(contractOf(bench.build, `${family}V2`).bytecode, release.salt));
      expect(await hasCode(bench.chain, candidate)).toBe(false);

      await step('deploy');
      expect(await hasCode(bench.chain, candidate)).toBe(true);
      expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);

      expect(await step('promote')).toMatchObject({ 'live-color': 'green' });
      expect(await implementationBehind(bench.chain, fixture)).toBe(candidate);
      expect(await read(fixture, 'version')).toBe('2');
      expect(await read(fixture, V2_ONLY[family])).toBe(initializer ? INITIALIZED : 0n);
      expect(await read(fixture, STATE[family])).toBe(written);
      const writtenUnderV2 = await writeState(fixture);

      expect(await step('rollback')).toMatchObject({ 'live-color': 'blue' });
      expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);
      expect(await read(fixture, 'version')).toBe('1');
      expect(await read(fixture, STATE[family])).toBe(writtenUnderV2);
      await expect(read(fixture, V2_ONLY[family])).rejects.toThrow(/reverted/);

      expect(await step('promote')).toMatchObject({ 'live-color': 'green' });
      expect(await implementationBehind(bench.chain, fixture)).toBe(candidate);
      expect(await read(fixture, V2_ONLY[family])).toBe(initializer ? INITIALIZED : 0n);
      expect(await read(fixture, STATE[family])).toBe(writtenUnderV2);

      const record = await release.record();
      expect(record.phase).toBe('promoted');
      const journal = record.journal ?? [];
      expect(journal.map(entry => [entry.step, entry.action, entry.implementation, entry.initializer])).toEqual([
        ['deploy', 'deploy', candidate, null],
        ['promote', 'upgrade', candidate, initializer],
        ['rollback', 'upgrade', fixture.implementation, null],
        ['promote', 'upgrade', candidate, null]
      ]);
      const sent = [
        { to: DETERMINISTIC_DEPLOYER, data: null },
        upgradeOf(fixture, candidate, initializerData),
        upgradeOf(fixture, fixture.implementation, '0x'),
        upgradeOf(fixture, candidate, '0x')
      ];
      for (const [index, entry] of journal.entries()) {
        const hash = entry.tx as Hex;
        const receipt = await bench.chain.client.getTransactionReceipt({ hash });
        expect({ status: receipt.status, block: Number(receipt.blockNumber), from: receipt.from }).toEqual({ status: 'success', block: entry.block, from: bench.chain.account?.toLowerCase() });
        const tx = await bench.chain.client.getTransaction({ hash });
        expect(tx.to?.toLowerCase()).toBe(sent[index]?.to.toLowerCase());
        if (sent[index]?.data) expect(tx.input).toBe(sent[index]?.data);
      }
      if (initializer) {
        // The roll-forward's upgrade carries no call data, and the initializer ran once: V1's initialize and V2's, one event each.
        const again = decodeFunctionData({ abi: ABI, data: (await bench.chain.client.getTransaction({ hash: journal[3]?.tx as Hex })).input });
        expect(again.args?.at(-1)).toBe('0x');
      }
      const initialized = await bench.chain.client.getLogs({ address: fixture.proxy, event: INITIALIZED_EVENT, fromBlock: 0n });
      expect(initialized.map(log => log.args.version)).toEqual(initializer ? [1n, 2n] : [1n]);
      expectSignerHidden(...runs.flatMap(run => [run.out, run.err]), await readFile(release.recordFile, 'utf8'));
    });

    if (initializer) {
      it('sends no second initializer from a job that has only the snapshot: the chain shows the release already upgraded', async () => {
        const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
        const release = await evmRelease(bench, fixture, initializerSetting);
        const { snapshot } = await succeeded(release.step('snapshot', '--json'));
        for (const name of ['deploy', 'promote', 'rollback']) await succeeded(release.step(name));

        const elsewhere = path.join(release.dir, 'another-job.json');
        const run = await cli(['promote', '--config', release.config, '--snapshot', snapshot as string, '--snapshot-file', elsewhere, '--json'], release.env);
        expect({ code: run.code, err: run.code === 0 ? '' : run.err }).toEqual({ code: 0, err: '' });
        expect(run.err).toMatch(/the initializer \(function initializeV2\(uint256 \w+\)\) ran with this release's first upgrade to 0x[0-9a-fA-F]{40} \(transaction 0x[0-9a-f]{64}, block \d+\); a roll-forward sends none/);
        const upgrade = (JSON.parse(await readFile(elsewhere, 'utf8')) as ReleaseRecord).journal?.at(-1);
        expect(upgrade).toMatchObject({ action: 'upgrade', initializer: null, data: '0x' });
        const sent = decodeFunctionData({ abi: ABI, data: (await bench.chain.client.getTransaction({ hash: upgrade?.tx as Hex })).input });
        expect(sent.args?.at(-1)).toBe('0x');
        const initialized = await bench.chain.client.getLogs({ address: fixture.proxy, event: INITIALIZED_EVENT, fromBlock: 0n });
        expect(initialized.map(log => log.args.version)).toEqual([1n, 2n]);
        expect(await read(fixture, V2_ONLY[family])).toBe(INITIALIZED);
      });
    }

    it('waits for router.at-block before sending the upgrade', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const release = await evmRelease(bench, fixture);
      await succeeded(release.step('snapshot'));
      await succeeded(release.step('deploy'));
      const atBlock = (await height()) + 3n;
      await release.configure({ 'at-block': Number(atBlock) });

      const promote = startStep(release, 'promote');
      await until(() => promote.log().includes(`waiting for block ${atBlock}`) || promote.finished());
      // Only this loop mines: the chain stays below at-block until it says so.
      for (let now = await height(); now < atBlock; now = await height()) {
        expect(await implementationBehind(bench.chain, fixture, now)).toBe(fixture.implementation);
        await bench.anvil.rpc('evm_mine');
      }
      const run = await promote.done;
      expect({ code: run.code, err: run.code === 0 ? '' : run.err }).toEqual({ code: 0, err: '' });
      const upgrade = (await release.record()).journal?.at(-1);
      expect(upgrade?.action).toBe('upgrade');
      const receipt = await bench.chain.client.getTransactionReceipt({ hash: upgrade?.tx as Hex });
      expect(receipt.blockNumber).toBeGreaterThanOrEqual(atBlock);
      expect(await implementationBehind(bench.chain, fixture)).toBe(upgrade?.implementation);
    });

    it('proposes the upgrade to a Safe, sending nothing, and records the promote once the Safe executed it', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const implementation = await deployImplementation(bench.anvil.url, bench.build, `${family}V2`);
      const release = await evmRelease(bench, fixture, {
        mode: 'propose',
        signer: undefined,
        implementation: { address: implementation },
        ...initializerSetting
      });
      await succeeded(release.step('snapshot'));
      const before = await height();
      await succeeded(release.step('deploy'));

      const proposed = await succeeded(release.step('promote', '--json'));
      expect(proposed.proposal).toBe(path.join(release.dir, 'cutover-proposal.json'));
      expect(await height()).toBe(before);
      expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);
      const batch = JSON.parse(await readFile(proposed.proposal as string, 'utf8'));
      const upgrade = upgradeOf(fixture, implementation, initializerData);
      expect(batch.chainId).toBe(String(bench.anvil.chainId));
      expect(batch.transactions).toEqual([{ to: upgrade.to, value: '0', data: upgrade.data, contractMethod: null, contractInputsValues: null }]);
      let record = await release.record();
      expect(record.phase).toBe('deployed');
      expect(record.history.at(-1)).toMatchObject({ step: 'promote', outcome: 'proposed' });
      expect(record.journal?.at(-1)).toMatchObject({ action: 'propose', implementation, tx: null });

      // The Safe's owners execute the batch: here, the owner itself.
      await transact(batch.transactions[0].to, batch.transactions[0].data);
      expect(await succeeded(release.step('promote', '--json'))).toMatchObject({ 'live-color': 'green' });
      record = await release.record();
      expect(record.phase).toBe('promoted');
      expect(record.history.at(-1)).toMatchObject({ step: 'promote', outcome: expect.stringMatching(/^(done|already-done)$/) });
      expect(await read(fixture, V2_ONLY[family])).toBe(initializer ? INITIALIZED : 0n);
    });
  });
});
