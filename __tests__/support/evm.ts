import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAbi, type Address, type Hex } from 'viem';
import { addressInSlot, EIP1967_SLOTS } from '../../src/adapters/evm/eip1967.js';
import { PROXY_KINDS, type ProxyKind } from '../../src/adapters/evm/proxy-kinds.js';
import { ANVIL_INSTALL, ANVIL_KEYS, findAnvil, startAnvil, type LocalAnvil } from '../../src/demo/anvil-server.js';
import { compileEvmFixtures, deployProxy, writeBuildInfo, type ProxyFixture } from '../../src/demo/evm-fixtures.js';
import type { BuildInfo } from '../../src/demo/solidity.js';
import { connectChain, type Chain } from '../../src/adapters/evm/chain.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { cli, type CliRun } from './cli.js';
import { requireServer, tempDir } from './servers.js';

export { startAnvil, ANVIL_KEYS, type LocalAnvil } from '../../src/demo/anvil-server.js';
export { compileSolidity, type BuildInfo } from '../../src/demo/solidity.js';
export { PROXY_KINDS } from '../../src/adapters/evm/proxy-kinds.js';

export const anvilBinary = findAnvil();
export const describeWithAnvil = requireServer('anvil', anvilBinary !== null, ANVIL_INSTALL) ? describe : describe.skip;

/** The contract family each kind's fixture runs: a UUPS Vault, and a Counter behind the upgrade logic of the other two. */
export const FAMILY: Record<ProxyKind, 'Vault' | 'Counter'> = { uups: 'Vault', transparent: 'Counter', beacon: 'Counter' };
/** Field names for connectChain's messages, as the router's config names them. */
export const CHAIN_FIELDS = { rpc: 'router.rpc', chainId: 'router.chain-id' };

/** One anvil, the compiled fixtures and their build-info file, shared by the tests of a describe block. */
export interface EvmBench {
  anvil: LocalAnvil;
  build: BuildInfo;
  /** Connected with ANVIL_KEYS[0], the account fixtures deploy and own proxies with. */
  chain: Chain;
  /** The fixtures' Hardhat build-info file, for router.implementation.build and router.reference.build. */
  buildInfo: string;
  /** A temporary folder, removed in afterAll. */
  dir: string;
}

/**
 * Starts anvil and compiles the fixtures (once per process) in beforeAll, and
 * stops anvil in afterAll. The returned object is filled in by beforeAll, so
 * read its fields inside tests and hooks only.
 */
export function useEvmBench(options: { chainId?: number; blockTime?: number } = {}): EvmBench {
  const bench = {} as EvmBench;
  let removeDir: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const [anvil, build, temp] = await Promise.all([startAnvil(options), compileEvmFixtures(), tempDir()]);
    removeDir = temp.remove;
    Object.assign(bench, {
      anvil,
      build,
      dir: temp.dir,
      chain: await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId, privateKey: ANVIL_KEYS[0] }, CHAIN_FIELDS),
      buildInfo: await writeBuildInfo(build, path.join(temp.dir, 'build-info'))
    });
  });
  afterAll(async () => {
    await bench.anvil?.stop();
    await removeDir?.();
  });
  return bench;
}

/** One proxy of every kind, deployed on the bench in beforeAll (after the bench's own); read it inside tests only. */
export function useProxyOfEachKind(bench: EvmBench): Record<ProxyKind, ProxyFixture> {
  const proxies = {} as Record<ProxyKind, ProxyFixture>;
  beforeAll(async () => {
    for (const kind of PROXY_KINDS) proxies[kind] = await deployProxy(bench.anvil.url, bench.build, kind);
  });
  return proxies;
}

/** The signer a release uses in send mode: the fixtures' owner, so that its upgrades are authorized. */
export const SIGNER_KEY: Hex = ANVIL_KEYS[0];

/** One release of one proxy through the real CLI, in a folder of its own: config, record, proposal. */
export interface EvmRelease {
  dir: string;
  config: string;
  /** The release record (--snapshot-file). */
  recordFile: string;
  /** The CREATE2 salt of this release's candidate. */
  salt: Hex;
  /** The step environment: RPC_URL and DEPLOYER_KEY, which the config names as env: references. */
  env: NodeJS.ProcessEnv;
  /** Rewrites cutover.yml with these router settings over the defaults (implementation's merged in); an undefined value removes a setting. */
  configure(router?: Record<string, unknown>): Promise<void>;
  step(name: string, ...args: string[]): Promise<CliRun>;
  record(): Promise<ReleaseRecord>;
}

/**
 * A release of `fixture`'s proxy in send mode, upgrading it from the V1 of its
 * family to `${family}V2` (or `router.implementation.contract`), with no
 * confirmations (anvil mines only on transactions) and a salt of its own, so
 * that the candidate's CREATE2 address is new to the chain.
 */
export async function evmRelease(bench: EvmBench, fixture: ProxyFixture, router: Record<string, unknown> = {}): Promise<EvmRelease> {
  const dir = await mkdtemp(path.join(bench.dir, 'release-'));
  const config = path.join(dir, 'cutover.yml');
  const recordFile = path.join(dir, 'release.json');
  const env = { RPC_URL: bench.anvil.url, DEPLOYER_KEY: SIGNER_KEY };
  const family = FAMILY[fixture.kind];
  const salt: Hex = `0x${randomBytes(32).toString('hex')}`;
  const configure = async ({ implementation, ...overrides }: Record<string, unknown> = {}) => {
    const settings = {
      kind: 'evm-proxy',
      rpc: 'env:RPC_URL',
      'chain-id': bench.anvil.chainId,
      proxy: fixture.proxy,
      'proxy-kind': fixture.kind,
      signer: 'env:DEPLOYER_KEY',
      implementation: { build: bench.buildInfo, contract: `${family}V2`, salt, ...(implementation as object | undefined) },
      reference: { build: bench.buildInfo, contract: `${family}V1` },
      confirmations: 0,
      'poll-interval': '20ms',
      ...overrides
    };
    // JSON is YAML, and needs no quoting rules.
    await writeFile(config, JSON.stringify({ service: family.toLowerCase(), environment: 'test', router: settings }, null, 2));
  };
  await configure(router);
  return {
    dir,
    config,
    recordFile,
    salt,
    env,
    configure,
    step: (name, ...args) => cli([name, '--config', config, '--snapshot-file', recordFile, ...args], env),
    record: async () => JSON.parse(await readFile(recordFile, 'utf8')) as ReleaseRecord
  };
}

/** Transactions the account has sent, pending ones included: unchanged means nothing was sent from it. */
export function nonceOf(chain: Chain, account: Address): Promise<number> {
  return chain.client.getTransactionCount({ address: account, blockTag: 'pending' });
}

/** Whether any code is deployed at `address`. */
export async function hasCode(chain: Chain, address: Address): Promise<boolean> {
  const code = await chain.client.getCode({ address });
  return code !== undefined && code !== '0x';
}

const BEACON_ABI = parseAbi(['function implementation() view returns (address)']);

/** What the proxy delegates to, read straight from the chain: its EIP-1967 implementation slot, or its beacon's implementation(). */
export async function implementationBehind(chain: Chain, fixture: ProxyFixture, blockNumber?: bigint): Promise<Address | null> {
  const at = blockNumber === undefined ? {} : { blockNumber };
  if (fixture.kind === 'beacon') return chain.client.readContract({ address: fixture.beacon as Address, abi: BEACON_ABI, functionName: 'implementation', ...at });
  return addressInSlot((await chain.client.getStorageAt({ address: fixture.proxy, slot: EIP1967_SLOTS.implementation, ...at })) ?? '0x');
}

/** Fails when the signer's private key shows in any of `texts` (output, a record file), with or without its 0x. */
export function expectSignerHidden(...texts: string[]): void {
  for (const text of texts) expect(text.toLowerCase()).not.toContain(SIGNER_KEY.slice(2).toLowerCase());
}

/** The outputs of a step run with --json that must succeed; otherwise fails with what it printed. */
export async function succeeded(run: Promise<CliRun>): Promise<Record<string, string>> {
  const { code, out, err } = await run;
  if (code !== 0) throw new Error(`the step exited with ${code}:\n${err}`);
  return out.trimStart().startsWith('{') ? (JSON.parse(out) as Record<string, string>) : {};
}
