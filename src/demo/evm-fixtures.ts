import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPublicClient, encodeDeployData, encodeFunctionData, http, parseAbi, type Abi, type AbiFunction, type Address, type Hex } from 'viem';
import { connectChain, type Chain } from '../adapters/evm/chain.js';
import { EIP1967_SLOTS, addressInSlot } from '../adapters/evm/eip1967.js';
import { type ProxyKind } from '../adapters/evm/proxy-kinds.js';
import { sendCall, type Sent } from '../adapters/evm/transactions.js';
import { ANVIL_KEYS } from './anvil-server.js';
import { EVM_SOURCES } from './evm-contracts.js';
import { compileSolidity, type BuildInfo } from './solidity.js';

export interface ProxyFixture {
  kind: ProxyKind;
  proxy: Address;
  implementation: Address;
  /** The ProxyAdmin contract a transparent proxy creates; null for the other kinds. */
  admin: Address | null;
  beacon: Address | null;
  owner: Address;
  ownerKey: Hex;
}

/** What deployProxy initializes: Vault-shaped `initialize(owner, value)` and Counter-shaped `initialize(start)`. */
export const VAULT_INITIAL_VALUE = 41n;
export const COUNTER_INITIAL_COUNT = 5n;

const POLLING_MS = 50;

let compiled: Promise<BuildInfo> | undefined;

/** Compiles EVM_SOURCES once per process (other processes read compileSolidity's disk cache): solc takes seconds, and every test and demo step wants the same build. */
export function compileEvmFixtures(): Promise<BuildInfo> {
  compiled ??= compileSolidity(EVM_SOURCES).catch(error => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}

interface CompiledContract {
  abi: Abi;
  evm: { bytecode: { object: string }; deployedBytecode: { object: string } };
}

/** A contract of the build by name (`VaultV1`) or by `file:name` when two sources define the same name. */
export function contractOf(build: BuildInfo, name: string): { abi: Abi; bytecode: Hex; deployedBytecode: Hex } {
  const [file, contract] = name.includes(':') ? (name.split(':', 2) as [string, string]) : [undefined, name];
  const found = Object.entries(build.output.contracts ?? {})
    .filter(([source]) => file === undefined || source === file)
    .flatMap(([source, contracts]) => (contracts[contract] ? [{ source, compiled: contracts[contract] as CompiledContract }] : []));
  if (found.length === 0) throw new Error(`contract ${name} is not in the build: use one of ${contractNames(build).join(', ')}`);
  if (found.length > 1) throw new Error(`contract ${name} is ambiguous: name it as ${found.map(f => `${f.source}:${contract}`).join(' or ')}`);
  const { compiled: one } = found[0] as { compiled: CompiledContract };
  return { abi: one.abi, bytecode: `0x${one.evm.bytecode.object}`, deployedBytecode: `0x${one.evm.deployedBytecode.object}` };
}

function contractNames(build: BuildInfo): string[] {
  return [...new Set(Object.values(build.output.contracts ?? {}).flatMap(contracts => Object.keys(contracts)))].sort();
}

/** The chain at `rpcUrl`, whichever it is, with `key`'s account as its signer. */
async function connect(rpcUrl: string, key: Hex): Promise<Chain> {
  const chainId = await createPublicClient({ transport: http(rpcUrl) }).getChainId();
  return connectChain({ rpcUrl, chainId, privateKey: key, pollingMs: POLLING_MS }, { rpc: 'the fixtures chain', chainId: 'its chain id', privateKey: 'the fixtures key' });
}

/** Sends a transaction with the adapter's sendCall, saying what it was for when it fails: its message names the call only by selector. */
async function transact(chain: Chain, what: string, call: Parameters<typeof sendCall>[1], errors?: Abi): Promise<Sent> {
  try {
    return await sendCall(chain, call, { errors, confirmations: 0 });
  } catch (error) {
    throw new Error(`${what} failed: ${(error as Error).message}`, { cause: error });
  }
}

async function deploy(chain: Chain, build: BuildInfo, name: string, args: readonly unknown[] = []): Promise<Address> {
  const { abi, bytecode } = contractOf(build, name);
  const sent = await transact(chain, `deploying ${name}`, { to: null, data: encodeDeployData({ abi, bytecode, args }), value: 0n }, abi);
  if (!sent.contractAddress) throw new Error(`deploying ${name} created no contract (transaction ${sent.hash})`);
  return sent.contractAddress;
}

/** Deploys one contract of the build with a plain CREATE; the key defaults to anvil's first account. */
export async function deployImplementation(rpcUrl: string, build: BuildInfo, name: string, key: Hex = ANVIL_KEYS[0]): Promise<Address> {
  return deploy(await connect(rpcUrl, key), build, name);
}

/** `initialize(...)` call data for a Vault- or Counter-shaped contract (OZ v5 proxies refuse empty init data). */
function initializeCall(build: BuildInfo, name: string, owner: Address): Hex {
  const { abi } = contractOf(build, name);
  const initialize = abi.find((item): item is AbiFunction => item.type === 'function' && item.name === 'initialize');
  const types = initialize?.inputs.map(input => input.type).join(',');
  if (types === 'address,uint256') return encodeFunctionData({ abi, functionName: 'initialize', args: [owner, VAULT_INITIAL_VALUE] });
  if (types === 'uint256') return encodeFunctionData({ abi, functionName: 'initialize', args: [COUNTER_INITIAL_COUNT] });
  throw new Error(`${name} has no initialize(address,uint256) or initialize(uint256) for deployProxy to call`);
}

/** The ProxyAdmin a transparent proxy created in its constructor, as it records it in the EIP-1967 admin slot. */
async function proxyAdminOf(chain: Chain, proxy: Address): Promise<Address> {
  const admin = addressInSlot((await chain.client.getStorageAt({ address: proxy, slot: EIP1967_SLOTS.admin })) ?? '0x');
  if (!admin) throw new Error(`transparent proxy ${proxy} has an empty EIP-1967 admin slot`);
  return admin;
}

/**
 * Deploys an implementation behind a new proxy of the kind asked for, owned by
 * ownerKey's account: UUPS (ERC1967Proxy), transparent (its constructor creates
 * the ProxyAdmin) or beacon (UpgradeableBeacon + BeaconProxy).
 */
export async function deployProxy(
  rpcUrl: string,
  build: BuildInfo,
  kind: ProxyKind,
  options: { implementation?: string; ownerKey?: Hex } = {}
): Promise<ProxyFixture> {
  const ownerKey = options.ownerKey ?? ANVIL_KEYS[0];
  const name = options.implementation ?? (kind === 'uups' ? 'VaultV1' : 'CounterV1');
  const chain = await connect(rpcUrl, ownerKey);
  const owner = chain.account as Address;
  const data = initializeCall(build, name, owner);
  const implementation = await deploy(chain, build, name);
  const fixture = { kind, implementation, owner, ownerKey, admin: null, beacon: null };
  switch (kind) {
    case 'uups':
      return { ...fixture, proxy: await deploy(chain, build, 'ERC1967Proxy', [implementation, data]) };
    case 'transparent': {
      const proxy = await deploy(chain, build, 'TransparentUpgradeableProxy', [implementation, owner, data]);
      return { ...fixture, proxy, admin: await proxyAdminOf(chain, proxy) };
    }
    case 'beacon': {
      const beacon = await deploy(chain, build, 'UpgradeableBeacon', [implementation, owner]);
      return { ...fixture, proxy: await deploy(chain, build, 'BeaconProxy', [beacon, data]), beacon };
    }
  }
}

// With OpenZeppelin's errors, so that a refused upgrade says why.
const UPGRADE_ABI = parseAbi([
  'function upgradeToAndCall(address newImplementation, bytes data) payable',
  'function upgradeAndCall(address proxy, address implementation, bytes data) payable',
  'function upgradeTo(address newImplementation)',
  'error OwnableUnauthorizedAccount(address account)',
  'error ERC1967InvalidImplementation(address implementation)',
  'error UUPSUnsupportedProxiableUUID(bytes32 slot)',
  'error BeaconInvalidImplementation(address implementation)'
]);

/**
 * Upgrades the proxy the way its owner would without cutover, and returns the
 * transaction hash: tests use it to change the chain behind a snapshot's back.
 */
export async function upgradeDirectly(rpcUrl: string, fixture: ProxyFixture, newImplementation: Address): Promise<Hex> {
  const call = (to: Address | null, data: Hex) => {
    if (!to) throw new Error(`${fixture.kind} proxy ${fixture.proxy} has no ${fixture.kind === 'beacon' ? 'beacon' : 'ProxyAdmin'} in its fixture`);
    return { to, data, value: 0n };
  };
  const upgrade = () => {
    switch (fixture.kind) {
      case 'uups':
        return call(fixture.proxy, encodeFunctionData({ abi: UPGRADE_ABI, functionName: 'upgradeToAndCall', args: [newImplementation, '0x'] }));
      case 'transparent':
        return call(fixture.admin, encodeFunctionData({ abi: UPGRADE_ABI, functionName: 'upgradeAndCall', args: [fixture.proxy, newImplementation, '0x'] }));
      case 'beacon':
        return call(fixture.beacon, encodeFunctionData({ abi: UPGRADE_ABI, functionName: 'upgradeTo', args: [newImplementation] }));
    }
  };
  const sent = await transact(await connect(rpcUrl, fixture.ownerKey), `upgrading ${fixture.kind} proxy ${fixture.proxy}`, upgrade(), UPGRADE_ABI);
  return sent.hash;
}

/**
 * Writes the build as Hardhat keeps it in artifacts/build-info, the format
 * upgrade-safety tools read, to `<dir>/<id>.json`; returns the file's path.
 */
export async function writeBuildInfo(build: BuildInfo, dir: string): Promise<string> {
  // BuildInfo keeps only the short version; the long one (with the commit) is informational for Hardhat.
  const head = { _format: 'hh-sol-build-info-1', solcVersion: build.solcVersion, solcLongVersion: build.solcVersion, input: build.input };
  const id = createHash('md5').update(JSON.stringify(head)).digest('hex');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${id}.json`);
  await writeFile(file, JSON.stringify({ ...head, id, output: build.output }));
  return file;
}
