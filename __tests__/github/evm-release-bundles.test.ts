import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Address, Hex } from 'viem';
import { deployImplementation, deployProxy, type ProxyFixture } from '../../src/demo/evm-fixtures.js';
import { shortHex } from '../../src/summary/explorer.js';
import { describeBundles, runBundle, runnerFor, TEST_TOKEN as TOKEN } from '../support/action-bundle.js';
import { describeWithAnvil, evmRelease, implementationBehind, nonceOf, SIGNER_KEY, useEvmBench, type EvmRelease } from '../support/evm.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { keepSummary } from '../support/summary.js';

const SHA = 'b'.repeat(40);
const INITIALIZER = { call: 'function initializeV2(uint256 initialFee)', args: [25] };

(describeBundles === describe ? describeWithAnvil : describe.skip)('a contract proxy released by the step bundles, with GitHub deployments, approvals and summaries', () => {
  const bench = useEvmBench();
  let github: FakeGitHub;
  let fixture: ProxyFixture;
  let release: EvmRelease;

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.setEnvironment('test', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    fixture = await deployProxy(bench.anvil.url, bench.build, 'uups');
    release = await evmRelease(bench, fixture, { initializer: INITIALIZER, smoke: [{ call: 'function version() view returns (string)', expect: '2' }] });
  });
  afterEach(async () => {
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  const env = () => runnerFor(github, { sha: SHA, workspace: release.dir, env: release.env });
  const job = (name: string) => path.join(release.dir, `job-${name}`);
  const summaryOf = (name: string) => readFile(path.join(job(name), 'summary.md'), 'utf8');
  const hashes = (text: string) => [...new Set(text.match(/0x[0-9a-f]{64}/g) ?? [])];

  it('deploys, gates the upgrade on an approval in another job, and shows addresses, layout diff and transactions', async () => {
    const snapshot = await runBundle('snapshot', { config: release.config }, job('prepare'), env());
    expect(snapshot.code).toBe(0);
    const id = Number(snapshot.outputs['deployment-id']);
    const candidate = JSON.parse(snapshot.outputs.snapshot as string).snapshot.router.state.endpoints.green as Address;
    expect((await runBundle('deploy', { config: release.config }, job('prepare'), env())).code).toBe(0);

    // What reviewers read before they approve: both addresses, the layout diff, the checks and the deploy transaction.
    const prepared = await summaryOf('prepare');
    await keepSummary('evm-review-page', prepared);
    // One review page, by deploy: the exact upgrade call approving will send, the initializer's risk, then the facts.
    expect(prepared.split('\n').filter(line => line.startsWith('## '))).toEqual(['## vault VaultV1 (blue, live) → VaultV2 (green)']);
    expect(prepared).toMatch(new RegExp(`1\\. Send from \`0x[0-9a-fA-F]{40}\`: \`upgradeToAndCall\\(newImplementation = ${candidate}, data = initializeV2\\(initialFee = 25\\)\\)\` to \`${fixture.proxy}\`\\.`, 'i'));
    expect(prepared).toMatch(/- ⚠ the upgrade runs an initializer: a rollback points the proxy back, but does not undo what the initializer wrote/);
    expect(prepared).toContain('| blue | live | `VaultV1` | 100% | unknown |');
    expect(prepared).toContain('### Contract proxy');
    expect(prepared).toContain(`| blue | live | \`${shortHex(fixture.implementation)}\` |`);
    expect(prepared).toContain(`| green | idle | \`${shortHex(candidate)}\` |`);
    expect(prepared).toMatch(/```diff\n\+ fee uint256 slot \d+\n```/);
    expect(prepared).toMatch(/smoke call\(s\) answered as expected/);
    expect(prepared).not.toMatch(/mermaid/);
    const [deployTx] = hashes(/^- deploy deploy transaction: .*$/m.exec(prepared)?.[0] ?? '');
    expect((await bench.chain.client.getTransactionReceipt({ hash: deployTx as Hex })).status).toBe('success');

    // The promote job has only the digest.
    const inputs = { config: release.config, digest: snapshot.outputs.digest as string };
    const unapproved = await runBundle('promote', inputs, job('promote'), env());
    expect(unapproved.code).toBe(1);
    expect(unapproved.stdout).toMatch(/::error::No reviewer approved the promotion to test/);
    expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);

    github.addApproval(7, { environment: 'test', state: 'approved', user: 'reviewer', comment: 'layout diff checked' });
    const promote = await runBundle('promote', inputs, job('promote'), env());
    expect(promote.code).toBe(0);
    expect(promote.outputs['live-color']).toBe('green');
    expect(await implementationBehind(bench.chain, fixture)).toBe(candidate);
    // The job's second page (the first is the attempt without approval).
    const promoted = (await summaryOf('promote')).split(/^(?=## )/m).at(-1) ?? '';
    await keepSummary('evm-promote', promoted);
    // The colors as the proxy points now, and the upgrade with its full hash in the details.
    expect(promoted.split('\n')[0]).toBe('## vault VaultV1 (blue) → VaultV2 (green, live)');
    expect(promoted).toContain('| green | live | `VaultV2` | 100% | unknown |');
    expect(promoted).not.toMatch(/mermaid/);
    const upgradeRow = promoted.split('\n').find(line => line.startsWith('| promote | upgrade |')) ?? '';
    expect(upgradeRow).toContain('with function initializeV2(uint256 initialFee)');
    const upgradeLine = /^- promote upgrade transaction: .*$/m.exec(promoted)?.[0] ?? '';
    expect(upgradeLine).toContain(`(target \`${candidate}\`)`);
    const [upgradeTx] = hashes(upgradeLine);
    const upgrade = await bench.chain.client.getTransaction({ hash: upgradeTx as Hex });
    expect(upgrade.to?.toLowerCase()).toBe(fixture.proxy.toLowerCase());

    const rollback = await runBundle('rollback', inputs, job('rollback'), env());
    expect(rollback.code).toBe(0);
    expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);
    expect(github.statuses(id).map(s => `${s.state} ${s.description}`)).toEqual(
      expect.arrayContaining(['in_progress cutover deploy: done', 'success cutover promote: done; approved by reviewer', 'inactive cutover rollback: done; rolled back'])
    );

    const written = [...(await Promise.all(['prepare', 'promote', 'rollback'].map(summaryOf))), ...[snapshot, unapproved, promote, rollback].map(run => run.stdout.replace(/::add-mask::.*\n/g, ''))];
    for (const text of written) {
      expect(text).not.toContain(TOKEN);
      expect(text.toLowerCase()).not.toContain(SIGNER_KEY.slice(2).toLowerCase());
      expect(text).not.toContain(bench.anvil.url);
    }
  });

  it('leaves the deployment pending while a proposal waits for the Safe, and sends nothing', async () => {
    const v2 = await deployImplementation(bench.anvil.url, bench.build, 'VaultV2');
    await release.configure({ initializer: INITIALIZER, mode: 'propose', signer: undefined, implementation: { build: bench.buildInfo, contract: 'VaultV2', address: v2 } });
    const snapshot = await runBundle('snapshot', { config: release.config }, job('prepare'), env());
    expect(snapshot.code).toBe(0);
    const id = Number(snapshot.outputs['deployment-id']);
    expect((await runBundle('deploy', { config: release.config }, job('prepare'), env())).code).toBe(0);
    github.addApproval(7, { environment: 'test', state: 'approved', user: 'reviewer', comment: '' });
    const nonce = await nonceOf(bench.chain, fixture.owner);

    const promote = await runBundle('promote', { config: release.config, digest: snapshot.outputs.digest as string }, job('promote'), env());
    expect({ code: promote.code, out: promote.code === 0 ? '' : promote.stdout }).toEqual({ code: 0, out: '' });
    expect(promote.outputs.proposal).toBe(path.join(release.dir, 'cutover-proposal.json'));
    expect(promote.outputs['live-color']).toBe('blue');
    const batch = JSON.parse(await readFile(promote.outputs.proposal as string, 'utf8')) as { chainId: string; transactions: { to: string }[] };
    expect(batch.transactions.map(t => t.to.toLowerCase())).toEqual([fixture.proxy.toLowerCase()]);
    expect(await implementationBehind(bench.chain, fixture)).toBe(fixture.implementation);
    expect(await nonceOf(bench.chain, fixture.owner)).toBe(nonce);
    expect(github.statuses(id).at(-1)).toMatchObject({ state: 'pending', description: 'cutover promote: proposed; written to cutover-proposal.json; run promote again once the Safe executed it' });
    const proposed = await summaryOf('promote');
    await keepSummary('evm-proposal', proposed);
    expect(proposed).toMatch(/^\*\*cutover promote\*\* in `test`: 📝 proposed, waiting for its signers; nothing changed yet$/m);
    expect(proposed).toContain('| promote | propose | not sent | — | with function initializeV2(uint256 initialFee) |');
    // Where the proposal is and what to do once the Safe executed it; the colors are still as before.
    expect(proposed).toContain(`The proposal is in \`${promote.outputs.proposal}\` on the runner`);
    expect(proposed).toContain('Once the Safe\'s owners executed it, run promote again');
    expect(proposed).toContain('| blue | live | `VaultV1` | 100% | unknown |');
  });
});
