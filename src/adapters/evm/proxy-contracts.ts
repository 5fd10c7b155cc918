import erc1967Proxy from '@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/ERC1967/ERC1967Proxy.sol/ERC1967Proxy.json' with { type: 'json' };
import beaconProxy from '@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/beacon/BeaconProxy.sol/BeaconProxy.json' with { type: 'json' };
import upgradeableBeacon from '@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/beacon/UpgradeableBeacon.sol/UpgradeableBeacon.json' with { type: 'json' };
import transparentProxy from '@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/transparent/TransparentUpgradeableProxy.sol/TransparentUpgradeableProxy.json' with { type: 'json' };
import { encodeDeployData, parseAbi, type Address, type Hex } from 'viem';

/**
 * OpenZeppelin Contracts v5's proxies, compiled as OpenZeppelin's upgrade
 * plugins deploy them (the artifacts upgrades-core ships): the same bytes, so
 * block explorers recognize and verify them.
 */
const ARTIFACTS = { erc1967Proxy, transparentProxy, upgradeableBeacon, beaconProxy };

type ProxyContract = keyof typeof ARTIFACTS;

/** The constructors, by the artifacts' own signatures. */
const CONSTRUCTORS = {
  erc1967Proxy: parseAbi(['constructor(address implementation, bytes _data) payable']),
  transparentProxy: parseAbi(['constructor(address _logic, address initialOwner, bytes _data) payable']),
  upgradeableBeacon: parseAbi(['constructor(address implementation_, address initialOwner)']),
  beaconProxy: parseAbi(['constructor(address beacon, bytes data) payable'])
};

/** Errors the proxies' constructors raise, to name a refused deployment. */
export const PROXY_ERRORS = parseAbi([
  'error ERC1967InvalidImplementation(address implementation)',
  'error ERC1967InvalidAdmin(address admin)',
  'error ERC1967InvalidBeacon(address beacon)',
  'error ERC1967NonPayable()',
  'error BeaconInvalidImplementation(address implementation)',
  'error OwnableInvalidOwner(address owner)',
  'error AddressEmptyCode(address target)',
  'error FailedCall()'
]);

/** Init code for one of the proxy contracts: its creation code with the constructor arguments. */
export function proxyInitCode(contract: 'erc1967Proxy', args: readonly [Address, Hex]): Hex;
export function proxyInitCode(contract: 'transparentProxy', args: readonly [Address, Address, Hex]): Hex;
export function proxyInitCode(contract: 'upgradeableBeacon', args: readonly [Address, Address]): Hex;
export function proxyInitCode(contract: 'beaconProxy', args: readonly [Address, Hex]): Hex;
export function proxyInitCode(contract: ProxyContract, args: readonly unknown[]): Hex {
  return encodeDeployData({ abi: CONSTRUCTORS[contract], bytecode: ARTIFACTS[contract].bytecode as Hex, args } as Parameters<typeof encodeDeployData>[0]);
}
