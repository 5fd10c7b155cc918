import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { parseAbi, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { contractOf, deployProxy } from '../../src/demo/evm-fixtures.js';
import { create2Address } from '../../src/adapters/evm/create2.js';
import { compileWithTool, describeWithBuildTools, sourcePath, type BuildTool, type ToolBuild } from '../support/build-tools.js';
import { describeWithAnvil, evmRelease, hasCode, implementationBehind, nonceOf, SIGNER_KEY, succeeded, useEvmBench, type BuildInfo } from '../support/evm.js';

const ABI = parseAbi(['function version() view returns (string)', 'function value() view returns (uint256)', 'function fee() view returns (uint256)']);
const SIGNER = privateKeyToAccount(SIGNER_KEY).address;

/** The setting each tool's refusal must name, exactly as it goes in the tool's config. */
const LAYOUT_SETTING: Record<BuildTool, RegExp> = {
  forge: /add build_info = true and extra_output = \["storageLayout"\] to \[profile\.default\] in foundry\.toml/,
  hardhat: /add settings: \{ outputSelection: \{ "\*": \{ "\*": \["storageLayout"\] \} \} \} to solidity in hardhat\.config/
};

describeWithBuildTools.each(['forge', 'hardhat'] as const)('a %s build of the demo contracts, as the tool writes it', tool => {
  describeWithAnvil('on anvil, through the CLI', () => {
    const bench = useEvmBench();
    let built: ToolBuild;
    const project = async (name: string) => mkdtemp(path.join(bench.dir, `${tool}-${name}-`));

    beforeAll(async () => {
      built = await compileWithTool(tool, await project('full'));
    });

    it('releases VaultV2 from the tool\'s output folder: snapshot, deploy, promote and rollback', async () => {
      // The live proxy runs the tool's VaultV1, so the reference build matches the code on chain.
      const build = built.buildInfo as BuildInfo;
      const fixture = await deployProxy(bench.anvil.url, build, 'uups');
      const release = await evmRelease(bench, fixture, {
        // One contract named with its path, one by name alone.
        implementation: { build: built.outputDir, contract: `${sourcePath(tool, 'Vault.sol')}:VaultV2` },
        reference: { build: built.outputDir, contract: 'VaultV1' },
        initializer: { call: 'function initializeV2(uint256 initialFee)', args: [25] },
        smoke: [{ call: 'function version() view returns (string)', expect: '2' }]
      });
      const read = (name: 'version' | 'value' | 'fee') => bench.chain.client.readContract({ address: fixture.proxy, abi: ABI, functionName: name });

      await succeeded(release.step('snapshot'));
      const candidate = (await release.record()).snapshot.snapshot.router.state.endpoints.green as Address;
      expect(candidate).toBe(create2Address(contractOf(build, 'VaultV2').bytecode, release.salt));

      await succeeded(release.step('deploy'));
      expect(await hasCode(bench.chain, candidate)).toBe(true);
      expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);

      expect(await succeeded(release.step('promote', '--json'))).toMatchObject({ 'live-color': 'green' });
      expect(await implementationBehind(bench.chain, fixture)).toBe(candidate);
      expect([await read('version'), await read('fee'), await read('value')]).toEqual(['2', 25n, 41n]);

      expect(await succeeded(release.step('rollback', '--json'))).toMatchObject({ 'live-color': 'blue' });
      expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);
      expect([await read('version'), await read('value')]).toEqual(['1', 41n]);
    });

    it('refuses a build without the storage layout, naming the setting to add, and sends nothing', async () => {
      const fixture = await deployProxy(bench.anvil.url, built.buildInfo as BuildInfo, 'uups');
      const bare = await compileWithTool(tool, await project('bare'), { storageLayout: false });
      const release = await evmRelease(bench, fixture, {
        implementation: { build: bare.outputDir, contract: 'VaultV2' },
        reference: { build: built.outputDir, contract: 'VaultV1' }
      });
      const nonce = await nonceOf(bench.chain, SIGNER);
      // The snapshot already reads the candidate's build, so the release stops before it starts.
      const snapshot = await release.step('snapshot');
      expect(snapshot.code).toBe(2);
      expect(snapshot.err).toContain(`router.implementation: ${path.join(bare.outputDir, 'build-info')}${path.sep}`);
      expect(snapshot.err).toMatch(/lacks storageLayout for \S+:VaultV2\./);
      expect(snapshot.err).toMatch(LAYOUT_SETTING[tool]);
      expect(await nonceOf(bench.chain, SIGNER)).toBe(nonce);
      expect(existsSync(release.recordFile)).toBe(false);
    });
  });
});
