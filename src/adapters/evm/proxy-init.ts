import { decodeAbiParameters, getAddress, getContractAddress, type Abi, type Address, type Hex } from 'viem';
import type { ProxyKind } from './proxy-kinds.js';
import { BadInputError, ReleaseError } from '../../shared/errors.js';
import type { Chain } from './chain.js';
import type { ContractBuild } from './contract-build.js';
import { create2Address, deployCreate2, hasCode, simulateCreate2 } from './create2.js';
import { PROXY_ERRORS, proxyInitCode } from './proxy-contracts.js';
import { checkProxiable, readProxy, type ProxyState } from './proxy-state.js';
import { reasonOf, runProbe, ZERO, type ProbeStep } from './release-simulation.js';
import { sendCall, waitForSent, type Creation, type SendOptions } from './transactions.js';
import { upgradeCall } from './upgrade-call.js';

/** The first proxy of a contract: what to deploy, and who must be able to upgrade it afterwards. */
export interface ProxyInit {
  kind: ProxyKind;
  /** The first implementation, deployed at its CREATE2 address (nothing is sent when it is already there). */
  implementation: { build: ContractBuild; salt: Hex };
  /** The implementation's initializer, run by the proxy's constructor in the proxy's context. */
  initializer: { signature: string; data: Hex } | null;
  /** The owner of the ProxyAdmin (transparent) or of the beacon (beacon); a UUPS proxy's owner is whatever its initializer sets. */
  owner: Address;
  /** Who will send the upgrades of later releases (the signer, or a Safe): it must be able to upgrade the new proxy. */
  upgrader: Address;
}

/** One contract created by a transaction of this init; tx is null for one found already there. */
export interface Deployment {
  address: Address;
  tx: Hex | null;
}

/** What an init sent so far: saved as soon as each transaction is out, so that a re-run finds it instead of sending again. */
export interface InitRecord {
  chain_id: number;
  proxy_kind: ProxyKind;
  implementation: Deployment;
  beacon: Deployment | null;
  proxy: Deployment | null;
}

export interface InitOptions {
  send: SendOptions;
  /** The record of an earlier run of the same init, if any. */
  earlier: InitRecord | null;
  save: (record: InitRecord) => Promise<void>;
  log: (line: string) => void;
}

export interface InitResult {
  proxy: ProxyState;
  record: InitRecord;
  checks: string[];
}

/**
 * Deploys the first proxy of a contract: its implementation with CREATE2, then
 * (for a beacon proxy, after an UpgradeableBeacon) OpenZeppelin's proxy with a
 * plain CREATE from the signer, so that the initializer sees the signer as
 * msg.sender, as with OpenZeppelin's own tools. Before sending anything it
 * simulates all of it from the signer, and then an upgrade by `upgrader`: a
 * proxy that later releases could not upgrade is refused with nothing sent.
 * A re-run after a stop finds what the record says was sent and goes on.
 */
export async function initProxy(chain: Chain, init: ProxyInit, options: InitOptions): Promise<InitResult> {
  const signer = chain.account;
  if (!signer) throw new BadInputError('router.signer: deploying a proxy needs a signer key, and none is set. Set router.signer: env:NAME, from a secret.');
  const { build, salt } = init.implementation;
  const implementation = create2Address(build.bytecode, salt);
  const errors: Abi = [...build.abi, ...PROXY_ERRORS];
  const earlier = await resumed(chain, options.earlier, signer, options.send);
  // A re-run keeps the transaction that deployed the implementation: the record is the init's history.
  const known = options.earlier?.implementation.address === implementation ? options.earlier.implementation : { address: implementation, tx: null };
  const record: InitRecord = { chain_id: chain.chainId, proxy_kind: init.kind, implementation: known, beacon: earlier.beacon, proxy: earlier.proxy };
  const checks: string[] = [];

  if (!record.proxy) {
    const code = await simulateCreate2(chain, build.bytecode, salt);
    if (init.kind === 'uups') await checkProxiable(chain, implementation, code);
    checks.push(...(await simulateInit(chain, init, { signer, implementation, code, beacon: record.beacon?.address ?? null, errors })));

    const deployed = await deployCreate2(chain, build.bytecode, salt, options.send);
    if (deployed.hash) record.implementation = { address: implementation, tx: deployed.hash };
    await options.save(record);
    options.log(deployed.hash ? `deployed ${build.contract} at ${implementation} in transaction ${deployed.hash}` : `${build.contract} is already deployed at ${implementation}`);

    const create = async (what: string, data: Hex, keep: (deployment: Deployment) => void): Promise<Address> => {
      const sent = await sendCall(chain, { to: null, data, value: 0n }, {
        ...options.send,
        errors,
        onSent: async hash => {
          keep({ address: await createdBy(chain, hash), tx: hash });
          await options.save(record);
        }
      });
      options.log(`deployed the ${what} at ${sent.contractAddress} in transaction ${sent.hash}, block ${sent.blockNumber}`);
      return sent.contractAddress as Address;
    };
    if (init.kind === 'beacon' && !record.beacon) {
      await create('UpgradeableBeacon', proxyInitCode('upgradeableBeacon', [implementation, init.owner]), deployment => (record.beacon = deployment));
    }
    await create(`${init.kind} proxy`, proxyCreation(init, implementation, record.beacon?.address ?? null), deployment => (record.proxy = deployment));
  }
  const proxyAddress = (record.proxy as Deployment).address;
  const proxy = await readProxy(chain, proxyAddress, init.kind, 'the new proxy');
  if (proxy.implementation !== implementation) {
    throw new ReleaseError(`the proxy at ${proxyAddress} delegates to ${proxy.implementation}, not to ${implementation} (${build.contract}). Check its transaction on a block explorer.`);
  }
  const upgrade = upgradeCall(proxy, implementation, '0x');
  const [outcome] = await runProbe(chain, { sender: signer, others: [init.upgrader], steps: [{ to: upgrade.to, data: upgrade.data, isolatedFrom: init.upgrader }] });
  if (!outcome?.ok) {
    throw new ReleaseError(
      `the proxy at ${proxyAddress} is deployed, but ${init.upgrader} cannot upgrade it: an upgrade through ${upgrade.to} reverts with ${reasonOf(outcome?.data ?? '0x', errors)}. ` +
        'Releases would be refused at deploy until that account holds the upgrade right.'
    );
  }
  checks.push(`the proxy at ${proxyAddress} delegates to ${implementation}, and ${init.upgrader} may upgrade it through ${upgrade.to}`);
  return { proxy, record, checks };
}

/** The proxy's init code: the implementation (or the beacon) and the initializer call for its constructor. */
function proxyCreation(init: ProxyInit, implementation: Address, beacon: Address | null): Hex {
  const data = init.initializer?.data ?? '0x';
  switch (init.kind) {
    case 'uups':
      return proxyInitCode('erc1967Proxy', [implementation, data]);
    case 'transparent':
      return proxyInitCode('transparentProxy', [implementation, init.owner, data]);
    case 'beacon':
      return proxyInitCode('beaconProxy', [beacon as Address, data]);
  }
}

/**
 * Runs the whole init in one eth_call from the signer, nothing sent: the
 * beacon and the proxy created as the signer's next transactions would create
 * them, then an upgrade from `upgrader`. Refuses, naming the revert, when one fails.
 */
async function simulateInit(
  chain: Chain,
  init: ProxyInit,
  facts: { signer: Address; implementation: Address; code: Hex; beacon: Address | null; errors: Abi }
): Promise<string[]> {
  const { signer, implementation, errors } = facts;
  let nonce = await chain.client.getTransactionCount({ address: signer, blockTag: 'pending' });
  const next = () => getContractAddress({ from: signer, nonce: BigInt(nonce++) });
  const steps: (ProbeStep & { what: string })[] = [];
  let beacon = facts.beacon;
  if (init.kind === 'beacon' && !beacon) {
    beacon = next();
    steps.push({ what: 'creating the UpgradeableBeacon', to: ZERO, data: proxyInitCode('upgradeableBeacon', [implementation, init.owner]), isolatedFrom: ZERO });
  }
  const proxy = next();
  const admin = init.kind === 'transparent' ? getContractAddress({ from: proxy, nonce: 1n }) : null;
  steps.push({
    what: `creating the ${init.kind} proxy${init.initializer ? ` with ${init.initializer.signature}` : ''}`,
    to: ZERO,
    data: proxyCreation(init, implementation, beacon),
    isolatedFrom: ZERO
  });
  const upgrade = upgradeCall({ kind: init.kind, proxy, admin, beacon }, implementation, '0x');
  steps.push({ what: `then an upgrade by ${init.upgrader} through ${upgrade.to}`, to: upgrade.to, data: upgrade.data, isolatedFrom: init.upgrader === signer ? ZERO : init.upgrader });

  const undeployed = (await hasCode(chain, implementation)) ? [] : [{ address: implementation, code: facts.code }];
  const outcomes = await runProbe(chain, { sender: signer, others: [init.upgrader], code: undeployed, steps: steps.map(({ to, data, isolatedFrom }) => ({ to, data, isolatedFrom })) });
  outcomes.forEach((outcome, index) => {
    const step = steps[index] as (typeof steps)[number];
    if (outcome.ok) return;
    const fix = step.to === ZERO ? 'Fix the initializer call (--call, --args) or the implementation.' : upgradeFix(init);
    throw new ReleaseError(`${step.what} from ${signer} reverts with ${reasonOf(outcome.data, errors)} in a simulation; nothing was sent. ${fix}`, 'unchanged');
  });
  const created = outcomes.filter((_, index) => steps[index]?.to === ZERO).map(outcome => getAddress(decodeAbiParameters([{ type: 'address' }], outcome.data)[0]));
  if (created.at(-1) !== proxy) throw new ReleaseError(`the simulation created the proxy at ${created.at(-1)}, not at ${proxy} where the signer's next transaction would: the node's nonce for ${signer} is off. Nothing was sent.`, 'unchanged');
  return [`${steps.map(step => step.what).join(', ')}: all succeed from ${signer} in a simulation`];
}

function upgradeFix(init: ProxyInit): string {
  if (init.kind === 'uups') return `A UUPS proxy's upgrade right is what its initializer gives: pass ${init.upgrader} as the owner in --args, or make the implementation's _authorizeUpgrade accept it.`;
  return `The ${init.kind === 'transparent' ? 'ProxyAdmin' : 'beacon'} is owned by --owner (now ${init.owner}): make it ${init.upgrader}, the account that sends releases.`;
}

/** The contract a creation transaction makes: from its sender and nonce, known as soon as it is sent. */
async function createdBy(chain: Chain, hash: Hex): Promise<Address> {
  const transaction = await chain.client.getTransaction({ hash });
  return getContractAddress({ from: transaction.from, nonce: BigInt(transaction.nonce) });
}

/**
 * What an earlier run already created: a recorded contract with code is kept;
 * one whose transaction is still pending is waited for; one whose transaction
 * the node no longer knows (dropped, or reverted) is created again.
 */
async function resumed(chain: Chain, earlier: InitRecord | null, signer: Address, send: SendOptions): Promise<Pick<InitRecord, 'beacon' | 'proxy'>> {
  const found = async (deployment: Deployment | null): Promise<Deployment | null> => {
    if (!deployment) return null;
    if (await hasCode(chain, deployment.address)) return deployment;
    if (!deployment.tx) return null;
    const pending = await chain.client.getTransaction({ hash: deployment.tx }).catch(() => null);
    if (!pending || pending.blockNumber !== null) return null;
    const creation: Creation = { to: null, data: pending.input, value: pending.value };
    await waitForSent(chain, deployment.tx, creation, signer, send);
    return (await hasCode(chain, deployment.address)) ? deployment : null;
  };
  return { beacon: await found(earlier?.beacon ?? null), proxy: await found(earlier?.proxy ?? null) };
}
