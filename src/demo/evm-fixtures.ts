import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  getAddress,
  http,
  parseAbi,
  type Abi,
  type AbiFunction,
  type Address,
  type Hash,
  type Hex,
  type PublicClient
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { EIP1967_SLOTS, addressInSlot, type ProxyKind } from '../adapters/evm/eip1967.js';
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

async function connect(rpcUrl: string, key: Hex) {
  const id = await createPublicClient({ transport: http(rpcUrl) }).getChainId();
  const chain = defineChain({ id, name: `chain ${id}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
  const account = privateKeyToAccount(key);
  const publicClient = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: POLLING_MS }) as PublicClient;
  const walletClient = createWalletClient({ chain, account, transport: http(rpcUrl), pollingInterval: POLLING_MS });
  return { publicClient, walletClient, account };
}

type Connection = Awaited<ReturnType<typeof connect>>;

/** viem's short message plus the decoded revert, e.g. `OwnableUnauthorizedAccount(0x…)`, without its dump of the calldata. */
function failure(error: unknown): string {
  if (!(error instanceof BaseError)) return error instanceof Error ? error.message : String(error);
  const revert = error.walk(cause => cause instanceof ContractFunctionRevertedError);
  if (!(revert instanceof ContractFunctionRevertedError)) return error.shortMessage;
  const decoded = revert.data ? `${revert.data.errorName}(${(revert.data.args ?? []).map(String).join(', ')})` : revert.reason;
  return decoded ? `${error.shortMessage} ${decoded}` : error.shortMessage;
}

/** Sends a transaction and waits for it to succeed. */
async function transact(connection: Connection, what: string, send: () => Promise<Hash>) {
  let hash: Hash;
  try {
    hash = await send();
  } catch (error) {
    throw new Error(`${what} failed: ${failure(error)}`, { cause: error });
  }
  const receipt = await connection.publicClient.waitForTransactionReceipt({ hash, pollingInterval: POLLING_MS });
  if (receipt.status !== 'success') throw new Error(`${what} reverted in transaction ${hash}`);
  return receipt;
}

async function deploy(connection: Connection, build: BuildInfo, name: string, args: readonly unknown[] = []): Promise<Address> {
  const { abi, bytecode } = contractOf(build, name);
  const receipt = await transact(connection, `deploying ${name}`, () => connection.walletClient.deployContract({ abi, bytecode, args }));
  if (!receipt.contractAddress) throw new Error(`deploying ${name} created no contract (transaction ${receipt.transactionHash})`);
  return getAddress(receipt.contractAddress);
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
async function proxyAdminOf(publicClient: PublicClient, proxy: Address): Promise<Address> {
  const admin = addressInSlot((await publicClient.getStorageAt({ address: proxy, slot: EIP1967_SLOTS.admin })) ?? '0x');
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
  const connection = await connect(rpcUrl, ownerKey);
  const owner = connection.account.address;
  const data = initializeCall(build, name, owner);
  const implementation = await deploy(connection, build, name);
  const fixture = { kind, implementation, owner, ownerKey, admin: null, beacon: null };
  switch (kind) {
    case 'uups':
      return { ...fixture, proxy: await deploy(connection, build, 'ERC1967Proxy', [implementation, data]) };
    case 'transparent': {
      const proxy = await deploy(connection, build, 'TransparentUpgradeableProxy', [implementation, owner, data]);
      return { ...fixture, proxy, admin: await proxyAdminOf(connection.publicClient, proxy) };
    }
    case 'beacon': {
      const beacon = await deploy(connection, build, 'UpgradeableBeacon', [implementation, owner]);
      return { ...fixture, proxy: await deploy(connection, build, 'BeaconProxy', [beacon, data]), beacon };
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
  const connection = await connect(rpcUrl, fixture.ownerKey);
  const { walletClient } = connection;
  const receipt = await transact(connection, `upgrading ${fixture.kind} proxy ${fixture.proxy}`, () => {
    switch (fixture.kind) {
      case 'uups':
        return walletClient.writeContract({ address: fixture.proxy, abi: UPGRADE_ABI, functionName: 'upgradeToAndCall', args: [newImplementation, '0x'] });
      case 'transparent':
        if (!fixture.admin) throw new Error(`transparent proxy ${fixture.proxy} has no ProxyAdmin in its fixture`);
        return walletClient.writeContract({ address: fixture.admin, abi: UPGRADE_ABI, functionName: 'upgradeAndCall', args: [fixture.proxy, newImplementation, '0x'] });
      case 'beacon':
        if (!fixture.beacon) throw new Error(`beacon proxy ${fixture.proxy} has no beacon in its fixture`);
        return walletClient.writeContract({ address: fixture.beacon, abi: UPGRADE_ABI, functionName: 'upgradeTo', args: [newImplementation] });
    }
  });
  return receipt.transactionHash;
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
