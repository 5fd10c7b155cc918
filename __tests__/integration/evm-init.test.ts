import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { getContractAddress, type Address, type Hex, type WalletClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import type { ProxyFixture } from '../../src/demo/evm-fixtures.js';
import { loadContractBuild } from '../../src/adapters/evm/contract-build.js';
import { create2Address, deployCreate2 } from '../../src/adapters/evm/create2.js';
import { proxyInitCode } from '../../src/adapters/evm/proxy-contracts.js';
import { readProxy } from '../../src/adapters/evm/proxy-state.js';
import { signatureCallData } from '../../src/adapters/evm/signature-call.js';
import { cli } from '../support/cli.js';
import { ANVIL_KEYS, describeWithAnvil, evmRelease, expectSignerHidden, FAMILY, hasCode, nonceOf, PROXY_KINDS, succeeded, useEvmBench, type EvmBench } from '../support/evm.js';

const VAULT_INIT = 'function initialize(address owner, uint256 initialValue)';
const COUNTER_INIT = 'function initialize(uint256 start)';
const STRANGER = privateKeyToAccount(ANVIL_KEYS[1]).address;

/** A release folder whose cutover.yml names no proxy yet, and `cutover evm init` run in it. */
async function fromNothing(bench: EvmBench, kind: ProxyKind) {
  const release = await evmRelease(bench, { kind } as ProxyFixture, { proxy: undefined });
  const record = path.join(release.dir, 'init.json');
  const init = (...args: string[]) => cli(['evm', 'init', '--config', release.config, '--record', record, ...args], release.env);
  return { release, record, init };
}

/** The initializer flags of the fixtures' V1 of each kind, owned by `owner`. */
function initializer(kind: ProxyKind, owner: Address): string[] {
  return FAMILY[kind] === 'Vault' ? ['--call', VAULT_INIT, '--args', JSON.stringify([owner, 41])] : ['--call', COUNTER_INIT, '--args', '[5]'];
}

describeWithAnvil('cutover evm init: the first proxy of a contract, then releases from it', () => {
  const bench = useEvmBench();
  const signer = () => bench.chain.account as Address;

  it.each(PROXY_KINDS)('deploys a %s proxy with its initializer, and a release then upgrades and rolls it back through the CLI', async (kind: ProxyKind) => {
    const { release, record, init } = await fromNothing(bench, kind);
    const outputs = await succeeded(init(...initializer(kind, signer()), '--json'));
    const proxy = outputs.proxy as Address;
    const state = await readProxy(bench.chain, proxy, kind, 'proxy');
    expect(state.implementation).toBe(outputs.implementation);
    expect(state.upgrader).toBe(signer());
    expect(outputs.upgrader).toBe(signer());
    const reference = await loadContractBuild(bench.buildInfo, `${FAMILY[kind]}V1`, 'router.reference');
    expect(outputs.implementation).toBe(create2Address(reference.bytecode, release.salt));
    expect(JSON.parse(await readFile(record, 'utf8'))).toMatchObject({ chain_id: bench.anvil.chainId, proxy_kind: kind, proxy: { address: proxy } });

    await release.configure({ proxy });
    for (const step of ['snapshot', 'deploy', 'promote']) await succeeded(release.step(step, '--json'));
    const upgraded = await readProxy(bench.chain, proxy, kind, 'proxy');
    expect(upgraded.implementation).not.toBe(outputs.implementation);
    await succeeded(release.step('rollback', '--json'));
    expect((await readProxy(bench.chain, proxy, kind, 'proxy')).implementation).toBe(outputs.implementation);
  });

  it('runs from the committed CLI bundle, which carries the proxy contracts', async () => {
    const { release, record } = await fromNothing(bench, 'beacon');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.resolve('dist/cli/index.js'), 'evm', 'init', '--config', release.config, '--record', record, ...initializer('beacon', signer()), '--json'],
      { env: { ...process.env, ...release.env }, timeout: 60_000 }
    );
    const outputs = JSON.parse(stdout) as Record<string, Address>;
    expect((await readProxy(bench.chain, outputs.proxy as Address, 'beacon', 'proxy')).beacon).toBe(outputs.beacon);
  });

  it('sends nothing on a second run: the record names the proxy, which is there', async () => {
    const { init } = await fromNothing(bench, 'uups');
    const first = await succeeded(init(...initializer('uups', signer()), '--json'));
    const nonce = await nonceOf(bench.chain, signer());
    const second = await succeeded(init(...initializer('uups', signer()), '--json'));
    expect(second.proxy).toBe(first.proxy);
    expect(await nonceOf(bench.chain, signer())).toBe(nonce);
  });

  it('waits for a proxy deployment a stopped run left pending, and sends no second one', async () => {
    const { release, record, init } = await fromNothing(bench, 'uups');
    const build = await loadContractBuild(bench.buildInfo, 'VaultV1', 'router.reference');
    const implementation = (await deployCreate2(bench.chain, build.bytecode, release.salt, { confirmations: 0 })).address;
    const data = proxyInitCode('erc1967Proxy', [implementation, signatureCallData({ call: VAULT_INIT, args: [signer(), 41] }, { call: 'call', args: 'args' })]);
    await bench.anvil.rpc('evm_setAutomine', [false]);
    let hash: Hex;
    try {
      const wallet = bench.chain.wallet as WalletClient;
      const nonce = await nonceOf(bench.chain, signer());
      hash = await wallet.sendTransaction({ account: wallet.account ?? null, chain: wallet.chain, to: null, data });
      const address = getContractAddress({ from: signer(), nonce: BigInt(nonce) });
      await writeFile(record, JSON.stringify({ chain_id: bench.anvil.chainId, proxy_kind: 'uups', implementation: { address: implementation, tx: null }, beacon: null, proxy: { address, tx: hash } }));
      const running = init(...initializer('uups', signer()), '--json');
      await bench.anvil.rpc('anvil_mine', ['0x1']);
      const outputs = await succeeded(running);
      expect(outputs.proxy).toBe(address);
      expect(await nonceOf(bench.chain, signer())).toBe(nonce + 1);
    } finally {
      await bench.anvil.rpc('evm_setAutomine', [true]);
    }
  });

  it('refuses, sending nothing, a UUPS initializer that gives the upgrade right to another account', async () => {
    const { init } = await fromNothing(bench, 'uups');
    const nonce = await nonceOf(bench.chain, signer());
    const run = await init(...initializer('uups', STRANGER));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`then an upgrade by ${signer()} through`);
    expect(run.err).toContain(`reverts with OwnableUnauthorizedAccount(${signer()}) in a simulation; nothing was sent. A UUPS proxy's upgrade right is what its initializer gives: pass ${signer()} as the owner in --args`);
    expect(await nonceOf(bench.chain, signer())).toBe(nonce);
    expectSignerHidden(run.out, run.err);
  });

  it('refuses, sending nothing, an initializer that reverts, naming the error', async () => {
    const { init } = await fromNothing(bench, 'uups');
    const nonce = await nonceOf(bench.chain, signer());
    const run = await init(...initializer('uups', '0x0000000000000000000000000000000000000000'));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`creating the uups proxy with initialize from ${signer()} reverts with OwnableInvalidOwner(0x0000000000000000000000000000000000000000) in a simulation; nothing was sent.`);
    expect(await nonceOf(bench.chain, signer())).toBe(nonce);
  });

  it('gives a transparent proxy\'s ProxyAdmin to --owner, and refuses when the signer would then not upgrade it', async () => {
    const { init } = await fromNothing(bench, 'transparent');
    const nonce = await nonceOf(bench.chain, signer());
    const run = await init(...initializer('transparent', signer()), '--owner', STRANGER);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`reverts with OwnableUnauthorizedAccount(${signer()}) in a simulation; nothing was sent. The ProxyAdmin is owned by --owner (now ${STRANGER}): make it ${signer()}`);
    expect(await nonceOf(bench.chain, signer())).toBe(nonce);
  });

  it('refuses bad input before anything is sent: no initializer for a contract that has one, a proxy already set, a UUPS --owner', async () => {
    const { release, init } = await fromNothing(bench, 'uups');
    const nonce = await nonceOf(bench.chain, signer());
    const bare = await init();
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/--call: \S*VaultV1 has initialize, and a proxy deployed without calling it can be initialized by whoever calls first/);
    const owner = await init(...initializer('uups', signer()), '--owner', STRANGER);
    expect(owner.code).toBe(2);
    expect(owner.err).toContain('--owner: a UUPS proxy has no separate owner contract');
    const args = await init('--call', VAULT_INIT, '--args', '{"owner": 1}');
    expect(args.code).toBe(2);
    expect(args.err).toContain('--args: expected a JSON array');
    await release.configure({ proxy: STRANGER });
    const set = await init(...initializer('uups', signer()));
    expect(set.code).toBe(2);
    expect(set.err).toContain(`router.proxy: ${STRANGER} has no code on chain ${bench.anvil.chainId}, and cutover evm init deploys a new proxy. Remove router.proxy`);
    expect(await nonceOf(bench.chain, signer())).toBe(nonce);
    expect(await hasCode(bench.chain, STRANGER)).toBe(false);
  });

  it('tells a release step without router.proxy to run cutover evm init', async () => {
    const { release } = await fromNothing(bench, 'uups');
    const snapshot = await release.step('snapshot');
    expect(snapshot.code).toBe(2);
    expect(snapshot.err).toContain('router.proxy: required, the address of the proxy to release. For a contract that has no proxy yet, run cutover evm init');
  });
});
