import { access } from 'node:fs/promises';
import type { Address } from 'viem';
import type { ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { contractOf, deployImplementation, deployProxy, upgradeDirectly, type ProxyFixture } from '../../src/demo/evm-fixtures.js';
import { create2Address } from '../../src/adapters/evm/create2.js';
import type { CliRun } from '../support/cli.js';
import {
  describeWithAnvil,
  evmRelease,
  expectSignerHidden,
  FAMILY,
  hasCode,
  implementationBehind,
  nonceOf,
  PROXY_KINDS,
  succeeded,
  useEvmBench,
  type EvmRelease
} from '../support/evm.js';

const VERSION = 'function version() view returns (string)';
/** Each kind's layout-breaking V2s, and what the refusal must say: the variable, its slot and offset. */
const UNSAFE: Record<ProxyKind, [string, RegExp][]> = {
  uups: [
    ['VaultV2Inserted', /inserted `inserted` \(uint256\) at slot 0, offset 0/],
    ['VaultV2Retyped', /retyped `value` from uint256 to uint128 at slot 0, offset 0/]
  ],
  transparent: [['CounterV2Retyped', /retyped `count` from uint256 to uint128 at slot 0, offset 0/]],
  beacon: [['CounterV2Retyped', /retyped `count` from uint256 to uint128 at slot 0, offset 0/]]
};

describe.each(PROXY_KINDS)('refusals for a %s proxy through the CLI', kind => {
  const family = FAMILY[kind];

  describeWithAnvil('on anvil', () => {
    const bench = useEvmBench();
    const signer = () => bench.chain.account as Address;

    /**
     * Runs deploy after a snapshot, and checks that it failed having sent
     * nothing: the signer's nonce is unchanged, the candidate's CREATE2 address
     * holds no code, and the proxy still runs its implementation.
     */
    const refusedDeploy = async (fixture: ProxyFixture, release: EvmRelease, contract: string, exitCode = 1): Promise<CliRun> => {
      await succeeded(release.step('snapshot'));
      const candidate = (await release.record()).snapshot.snapshot.router.state.endpoints.green as Address;
      expect(candidate).toBe(create2Address(contractOf(bench.build, contract).bytecode, release.salt));
      const nonce = await nonceOf(bench.chain, signer());
      const deploy = await release.step('deploy');
      expect(deploy.code).toBe(exitCode);
      expect(await nonceOf(bench.chain, signer())).toBe(nonce);
      expect(await hasCode(bench.chain, candidate)).toBe(false);
      expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);
      expectSignerHidden(deploy.out, deploy.err);
      return deploy;
    };

    it.each(UNSAFE[kind])('refuses %s, an unsafe storage layout, naming the variable, its slot and offset', async (contract, names) => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const release = await evmRelease(bench, fixture, { implementation: { contract } });
      const deploy = await refusedDeploy(fixture, release, contract);
      expect(deploy.err).toMatch(new RegExp(`upgrade from \\S*${family}V1 to \\S*${contract} is not safe; nothing was sent`));
      expect(deploy.err).toMatch(names);
    });

    it('refuses a reference build that is not the code live behind the proxy, before any transaction', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const release = await evmRelease(bench, fixture, { reference: { build: bench.buildInfo, contract: `${family}V2Reverting` } });
      // Bad input (exit 2): the config must change.
      const deploy = await refusedDeploy(fixture, release, `${family}V2`, 2);
      expect((await release.record()).snapshot.snapshot.versions).toEqual({ blue: null, green: `${family}V2` });
      expect(deploy.err).toMatch(new RegExp(`router\\.reference: \\S*${family}V2Reverting from \\S+ is not the code live at ${fixture.implementation} \\(.+\\)\\. Point router\\.reference at the build of the implementation the proxy uses now\\.`));
    });

    it('refuses a smoke call that answers other than expected, before any transaction', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const release = await evmRelease(bench, fixture, { smoke: [{ call: VERSION, expect: '3' }] });
      const deploy = await refusedDeploy(fixture, release, `${family}V2`);
      expect(deploy.err).toMatch(/1 of 1 smoke calls failed through 0x[0-9a-fA-F]{40} as if upgraded to 0x[0-9a-fA-F]{40}/);
      expect(deploy.err).toContain(`${VERSION}: got 2, expected 3`);
    });

    it('refuses an implementation whose smoke call reverts, before any transaction', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const contract = `${family}V2Reverting`;
      const release = await evmRelease(bench, fixture, { implementation: { contract }, smoke: [{ call: VERSION, expect: '2' }] });
      const deploy = await refusedDeploy(fixture, release, contract);
      expect(deploy.err).toMatch(/1 of 1 smoke calls failed/);
      expect(deploy.err).toContain(`${VERSION}: VersionUnavailable()`);
    });

    it('refuses promote and rollback after someone else upgraded the proxy, sending nothing', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const release = await evmRelease(bench, fixture);
      await succeeded(release.step('snapshot'));
      await succeeded(release.step('deploy'));
      const elsewhere = await deployImplementation(bench.anvil.url, bench.build, `${family}V2`);
      await upgradeDirectly(bench.anvil.url, fixture, elsewhere);
      const nonce = await nonceOf(bench.chain, signer());
      for (const step of ['promote', 'rollback']) {
        const run = await release.step(step);
        expect(run.code).toBe(1);
        expect(run.err).toContain(`${step}: the router changed since the snapshot, so this release will not touch it.`);
        expect(run.err).toContain(`at ${elsewhere}`);
        expectSignerHidden(run.out, run.err);
      }
      expect(await nonceOf(bench.chain, signer())).toBe(nonce);
      expect(await implementationBehind(bench.chain, fixture)).toBe(elsewhere);
      expect((await release.record()).phase).toBe('deployed');
    });

    if (kind === 'uups') {
      it('refuses to roll back to code that cannot read what the new version may have written, sending nothing', async () => {
        const fixture = await deployProxy(bench.anvil.url, bench.build, kind, { implementation: 'ModalVaultV1' });
        const release = await evmRelease(bench, fixture, { implementation: { contract: 'ModalVaultV2' }, reference: { build: bench.buildInfo, contract: 'ModalVaultV1' } });
        for (const step of ['snapshot', 'deploy', 'promote']) await succeeded(release.step(step));
        const upgraded = await implementationBehind(bench.chain, fixture);
        const nonce = await nonceOf(bench.chain, signer());

        const rollback = await release.step('rollback');
        expect(rollback.code).toBe(1);
        expect(rollback.err).toMatch(/rollback refused: \S*ModalVaultV2 changed storage in a way \S*ModalVaultV1 cannot read:\n {2}retyped `mode` from enum \S+ to enum \S+ at slot 2, offset 0: incompatible \(enum members\)/);
        expect(rollback.err).toContain('Rolling back restores code, not state. Fix forward with a new implementation instead.');
        expect(await nonceOf(bench.chain, signer())).toBe(nonce);
        expect(await implementationBehind(bench.chain, fixture)).toBe(upgraded);
        expect((await release.record()).phase).toBe('promoted');
      });
    }

    if (kind === 'beacon') {
      it('refuses an initializer for a beacon at snapshot, not at promote after a deploy', async () => {
        const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
        const release = await evmRelease(bench, fixture, { initializer: { call: 'function initializeV2(uint256 initialStep)', args: [1] } });
        const snapshot = await release.step('snapshot');
        expect(snapshot.code).toBe(2);
        expect(snapshot.err).toMatch(/router\.initializer.*a beacon upgrade \(UpgradeableBeacon\.upgradeTo\) cannot run an initializer/);
        await expect(access(release.recordFile)).rejects.toThrow(/ENOENT/);
      });
    }

    it('refuses a node on another chain than router.chain-id, writing no record', async () => {
      const fixture = await deployProxy(bench.anvil.url, bench.build, kind);
      const configured = bench.anvil.chainId + 1;
      const release = await evmRelease(bench, fixture, { 'chain-id': configured });
      const snapshot = await release.step('snapshot');
      // Bad input: the config or the RPC URL must change, and nothing was touched.
      expect(snapshot.code).toBe(2);
      expect(snapshot.err).toContain(
        `router.chain-id: expected chain ${configured}, but the RPC endpoint of router.rpc serves chain ${bench.anvil.chainId}. Point router.rpc at chain ${configured}, or set router.chain-id to ${bench.anvil.chainId} if that is the chain you mean.`
      );
      expect(snapshot.err).not.toContain(bench.anvil.url);
      await expect(access(release.recordFile)).rejects.toThrow(/ENOENT/);
    });
  });
});
