import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keccak256, parseAbiItem, toHex, type AbiFunction, type Address, type Hex } from 'viem';
import { stringify } from 'yaml';
import type { ProxyKind } from '../adapters/evm/proxy-kinds.js';
import { connectChain, type Chain } from '../adapters/evm/chain.js';
import { create2Address } from '../adapters/evm/create2.js';
import { readProxy } from '../adapters/evm/proxy-state.js';
import type { StepName } from '../steps/options.js';
import { runStep, type FrontEnd } from '../app/run.js';
import type { ReleaseRecord } from '../adapters/store/release-store.js';
import { ANVIL_KEYS, startAnvil } from './anvil-server.js';
import { COUNTER_INITIAL_COUNT, VAULT_INITIAL_VALUE, compileEvmFixtures, contractOf, deployProxy, writeBuildInfo } from './evm-fixtures.js';

export interface EvmDemoOptions {
  write: (text: string) => void;
  /** How the steps log and where they find their environment: the CLI's. */
  frontEnd: FrontEnd;
  kind?: ProxyKind;
}

/** What one step did on chain: the block it acted at (snapshot, or a step that sent nothing) or the block its last transaction landed in. */
export interface EvmDemoStep {
  step: string;
  block: number;
  blockHash: Hex;
  transactions: Hex[];
}

export interface EvmDemoFigures {
  kind: ProxyKind;
  proxy: Address;
  implementation: { before: Address; after: Address };
  steps: EvmDemoStep[];
  /** Read through the proxy after the release, by function name. */
  reads: Record<string, string>;
}

/** The contracts of a release of one kind: a V1 behind the proxy, a V2 that appends storage and has an initializer. */
interface DemoRelease {
  service: string;
  reference: string;
  candidate: string;
  /** Set by V1's initialize when the proxy was deployed; the same value read after the upgrades shows the state survived. */
  kept: { call: string; value: bigint };
  /** V2's initializer, sent with the first promote, and the getter of what it sets. */
  initializer: { call: string; args: [number]; getter: string };
}

const VAULT: DemoRelease = {
  service: 'vault',
  reference: 'VaultV1',
  candidate: 'VaultV2',
  kept: { call: 'function value() view returns (uint256)', value: VAULT_INITIAL_VALUE },
  initializer: { call: 'function initializeV2(uint256 initialFee)', args: [25], getter: 'function fee() view returns (uint256)' }
};

const COUNTER: DemoRelease = {
  service: 'counter',
  reference: 'CounterV1',
  candidate: 'CounterV2',
  kept: { call: 'function count() view returns (uint256)', value: COUNTER_INITIAL_COUNT },
  initializer: { call: 'function initializeV2(uint256 initialStep)', args: [3], getter: 'function step() view returns (uint256)' }
};

const VERSION_CALL = 'function version() view returns (string)';

// The step environment holds the values; the config only names them, as a real one would.
const RPC_ENV = 'CUTOVER_DEMO_RPC_URL';
const SIGNER_ENV = 'CUTOVER_DEMO_SIGNER_KEY';

const STEPS: [string, StepName][] = [
  ['snapshot', 'snapshot'],
  ['deploy', 'deploy'],
  ['promote', 'promote'],
  ['rollback', 'rollback'],
  ['promote again', 'promote']
];

/**
 * A whole contract release on a local anvil chain: a proxy of the kind asked
 * for, live on V1, released to V2 by the real steps (snapshot, deploy,
 * promote, rollback, promote again) with the evm-proxy router in send mode.
 * Each step reports the block it acted at and the transactions it sent.
 */
export async function runEvmDemo(options: EvmDemoOptions): Promise<{ text: string; figures: EvmDemoFigures }> {
  const kind = options.kind ?? 'uups';
  const release = kind === 'uups' ? VAULT : COUNTER;
  // A beacon's upgradeTo carries no call, so the router refuses an initializer for a beacon proxy.
  const initializer = kind === 'beacon' ? null : release.initializer;
  requireCompiler();
  const log = (line: string) => options.write(`${line}\n`);
  const dir = await mkdtemp(path.join(tmpdir(), 'cutover-demo-evm-'));
  const anvil = await startAnvil().catch(async error => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  try {
    log(`anvil: local chain ${anvil.chainId}, pid ${anvil.pid}`);
    const build = await compileEvmFixtures();
    log(`compiled the fixture contracts with solc ${build.solcVersion}`);
    const fixture = await deployProxy(anvil.url, build, kind, { implementation: release.reference });
    const salt = keccak256(toHex('cutover demo'));
    const candidate = create2Address(contractOf(build, release.candidate).bytecode, salt);
    log(`${kind} proxy ${fixture.proxy} delegates to ${release.reference} at ${fixture.implementation}; ${release.candidate} goes to ${candidate} (CREATE2)`);

    await writeBuildInfo(build, path.join(dir, 'build-info'));
    const configFile = path.join(dir, 'cutover.yml');
    await writeFile(configFile, stringify(configOf(release, initializer, kind, anvil.chainId, fixture.proxy, salt)));

    const recordFile = path.join(dir, `${release.service}.json`);
    const frontEnd: FrontEnd = {
      ...options.frontEnd,
      env: { ...options.frontEnd.env, [RPC_ENV]: anvil.url, [SIGNER_ENV]: ANVIL_KEYS[0] },
      defaultSnapshotFile: () => recordFile
    };
    const chain = await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId }, { rpc: 'anvil', chainId: 'anvil chain id' });
    const steps: EvmDemoStep[] = [];
    const sent = new Set<string>();
    for (const [label, step] of STEPS) {
      await runStep(step, { config: configFile }, frontEnd);
      const record = JSON.parse(await readFile(recordFile, 'utf8')) as ReleaseRecord;
      // Matched by hash, so that "promote again" does not claim the first promote's upgrade.
      const entries = (record.journal ?? []).filter(entry => entry.tx !== null && !sent.has(entry.tx));
      for (const entry of entries) sent.add(entry.tx as string);
      const block = await actedAt(chain, step === 'snapshot' ? record.snapshot.snapshot.router.observed : undefined, entries.at(-1)?.block ?? null);
      const done: EvmDemoStep = { step: label, ...block, transactions: entries.map(entry => entry.tx as Hex) };
      steps.push(done);
      log(stepLine(done));
    }

    const after = await readProxy(chain, fixture.proxy, kind, 'the demo proxy');
    const reads: Record<string, string> = {};
    for (const call of [VERSION_CALL, release.kept.call, ...(initializer ? [initializer.getter] : [])]) {
      const fn = functionOf(call);
      reads[fn.name] = String(await chain.client.readContract({ address: fixture.proxy, abi: [fn], functionName: fn.name }));
    }
    const figures: EvmDemoFigures = { kind, proxy: fixture.proxy, implementation: { before: fixture.implementation, after: after.implementation }, steps, reads };
    return { text: render(figures, release, initializer), figures };
  } finally {
    await anvil.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** solc and OpenZeppelin's sources are devDependencies: an installed cutover has none of them. */
function requireCompiler(): void {
  const require = createRequire(import.meta.url);
  const missing = ['solc', '@openzeppelin/contracts/package.json', '@openzeppelin/contracts-upgradeable/package.json']
    .filter(name => {
      try {
        require.resolve(name);
        return false;
      } catch {
        return true;
      }
    })
    .map(name => name.replace(/\/package\.json$/, ''));
  if (missing.length) {
    throw new Error(
      `cutover demo evm compiles its contracts with solc and OpenZeppelin's sources, which are devDependencies of cutover and not installed here (missing: ${missing.join(', ')}). Run it from a checkout of cutover after npm ci.`
    );
  }
}

function configOf(release: DemoRelease, initializer: DemoRelease['initializer'] | null, kind: ProxyKind, chainId: number, proxy: Address, salt: Hex) {
  return {
    service: release.service,
    environment: 'demo',
    router: {
      kind: 'evm-proxy',
      rpc: `env:${RPC_ENV}`,
      'chain-id': chainId,
      proxy,
      'proxy-kind': kind,
      mode: 'send',
      signer: `env:${SIGNER_ENV}`,
      implementation: { build: 'build-info', contract: release.candidate, salt },
      reference: { build: 'build-info', contract: release.reference },
      ...(initializer ? { initializer: { call: initializer.call, args: initializer.args } } : {}),
      smoke: [
        { call: VERSION_CALL, expect: '2' },
        { call: release.kept.call, expect: Number(release.kept.value) }
      ],
      // anvil mines one block per transaction and none in between: a confirmation block would never come.
      confirmations: 0,
      'poll-interval': '50ms'
    }
  };
}

/** The snapshot's observed block, else the block of the step's last transaction, else the latest: where a step that sent nothing looked. */
async function actedAt(chain: Chain, observed: Record<string, unknown> | undefined, txBlock: number | null): Promise<{ block: number; blockHash: Hex }> {
  if (observed) return { block: Number(observed.block_number), blockHash: observed.block_hash as Hex };
  const block = await chain.client.getBlock(txBlock === null ? { blockTag: 'latest' } : { blockNumber: BigInt(txBlock) });
  return { block: Number(block.number), blockHash: block.hash };
}

function stepLine(step: EvmDemoStep): string {
  const sent = step.transactions.length ? step.transactions.map(hash => `tx ${hash}`).join(', ') : 'no transaction';
  return `${step.step.padEnd(14)} block ${String(step.block).padEnd(4)} ${step.blockHash}  ${sent}`;
}

function functionOf(signature: string): AbiFunction {
  return parseAbiItem(signature) as AbiFunction;
}

function render(figures: EvmDemoFigures, release: DemoRelease, initializer: DemoRelease['initializer'] | null): string {
  const kept = functionOf(release.kept.call).name;
  const reads = [`version() = ${figures.reads.version}`, `${kept}() = ${figures.reads[kept]} (set by ${release.reference}'s initialize: state survived)`];
  if (initializer) {
    const getter = functionOf(initializer.getter).name;
    reads.push(`${getter}() = ${figures.reads[getter]} (set by ${functionOf(initializer.call).name} with the first promote only)`);
  }
  return [
    '',
    `cutover demo evm: ${figures.kind} proxy ${figures.proxy} on a local anvil chain`,
    '',
    ...figures.steps.map(stepLine),
    '',
    `the proxy delegates to ${figures.implementation.after} (${release.candidate}; it delegated to ${release.reference} at ${figures.implementation.before})`,
    `read through it: ${reads.join(', ')}`,
    ''
  ].join('\n');
}
