import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Address, Hex } from 'viem';
import { BadInputError, DriftError, ReleaseError } from '../../../shared/errors.js';
import { implementationState } from './implementation-colors.js';
import { describeRouterState, routerDigest, type RouterState } from '../../../core/router-state.js';
import { liveColorOf } from '../../../core/weights.js';
import type { Chain } from '../../evm/chain.js';
import { loadContractBuild, type ContractBuild } from '../../evm/contract-build.js';
import { readProxy, type ProxyState } from '../../evm/proxy-state.js';
import { safeProposal } from '../../evm/safe-proposal.js';
import { sendCall, waitForBlock } from '../../evm/transactions.js';
import { ChainStalledError, watchBlocks } from '../../evm/block-stall.js';
import { formatDuration } from '../../../shared/duration.js';
import { decodeCall } from '../../evm/decoded-call.js';
import { signatureCallData, signatureFunction } from '../../evm/signature-call.js';
import { decodeUpgradeCall, upgradeCall, type Call } from '../../evm/upgrade-call.js';
import { firstUpgradeTo } from '../../evm/upgrade-history.js';
import { checkRollback } from '../../evm/upgrade-safety.js';
import { proveRelease } from '../../evm/release-proof.js';
import { create2Address } from '../../evm/create2.js';
import { runtimeCodeMatches } from '../../evm/code-match.js';
import { otherColor, type Color } from '../../../core/color.js';
import { connectRouterChain, sendOptionsOf } from './chain.js';
import { withCheckedAddresses } from './addresses.js';
import type { EvmProxyOptions } from './options.js';
import { prepareImplementation, type Candidate } from './prepare.js';
import type { PlannedCall } from '../../../core/planned-call.js';
import { ProposalWritten, type Router, type RouterContext } from '../router.js';

export { evmProxyOptionsSchema, type EvmProxyOptions } from './options.js';

const INITIALIZER_FIELDS = { call: 'router.initializer.call', args: 'router.initializer.args' };

/**
 * An upgradeable proxy (EIP-1967) as a router: the live color is the
 * implementation it delegates to, the idle color the new one, and a switch
 * is one upgrade transaction (or, in propose mode, one written for a Safe).
 */
export function createEvmProxyRouter(given: EvmProxyOptions, context: RouterContext): Router {
  const options = withCheckedAddresses(given);
  const proxyAddress = options.proxy;
  if (!proxyAddress) {
    throw new BadInputError(
      "router.proxy: required, the address of the proxy to release. For a contract that has no proxy yet, run cutover evm init: it deploys the first one and prints the address to put here."
    );
  }
  const kind = options['proxy-kind'];
  let chain: Promise<Chain> | undefined;
  let candidate: Promise<Candidate> | undefined;
  let reference: Promise<ContractBuild> | undefined;
  const connect = () => (chain ??= connectRouterChain(options, context.secrets, context.signal));
  const file = (name: string) => path.resolve(context.baseDir, name);
  const referenceBuild = () => (reference ??= loadContractBuild(file(options.reference.build), options.reference.contract, 'router.reference'));
  const newImplementation = () =>
    (candidate ??= loadContractBuild(file(options.implementation.build), options.implementation.contract, 'router.implementation').then(build => ({
      build,
      address: options.implementation.address ?? create2Address(build.bytecode, options.implementation.salt as Hex)
    })));
  const proxyState = async () => readProxy(await connect(), proxyAddress, kind, 'router.proxy');
  const stateOf = async (proxy: ProxyState): Promise<RouterState> =>
    implementationState({
      live: proxy.implementation,
      candidate: (await newImplementation()).address,
      recorded: (await context.recorded?.())?.state ?? null,
      settings: { chain_id: options['chain-id'], proxy: proxy.proxy, proxy_kind: kind, admin: proxy.admin, beacon: proxy.beacon }
    });

  /**
   * Where this release already upgraded the proxy to the candidate, which is when its initializer ran: the
   * release's journal, else the chain's Upgraded events since the snapshot's block (a job without the record
   * file, or a proposal a Safe executed).
   */
  const earlierUpgrade = async (proxy: ProxyState, candidate: Address): Promise<string | null> => {
    const recorded = await context.recorded?.();
    const logged = recorded?.journal.find(entry => entry.action === 'upgrade' && entry.implementation.toLowerCase() === candidate.toLowerCase());
    if (logged) return `transaction ${logged.tx}, block ${logged.block}`;
    const snapshotBlock = recorded?.observed.block_number;
    if (typeof snapshotBlock !== 'number') return null;
    const onChain = await firstUpgradeTo(await connect(), proxy.beacon ?? proxy.proxy, candidate, BigInt(snapshotBlock) + 1n);
    return onChain ? `transaction ${onChain.tx}, block ${onChain.block}` : null;
  };

  /** Call data for a move to `to`: the initializer goes with the release's first upgrade to the candidate only. */
  const callData = async (proxy: ProxyState, to: Address): Promise<{ data: Hex; initializer: string | null }> => {
    const { address } = await newImplementation();
    if (!options.initializer || to.toLowerCase() !== address.toLowerCase()) return { data: '0x', initializer: null };
    const earlier = await earlierUpgrade(proxy, address);
    if (earlier) {
      context.logger.info(`the initializer (${options.initializer.call}) ran with this release's first upgrade to ${address} (${earlier}); a roll-forward sends none`);
      return { data: '0x', initializer: null };
    }
    return { data: signatureCallData(options.initializer, INITIALIZER_FIELDS), initializer: options.initializer.call };
  };

  /** The one transaction that moves the proxy to `to`: what apply sends or proposes, and what prepare shows. */
  const upgradeTo = async (proxy: ProxyState, to: Address) => {
    const { data, initializer } = await callData(proxy, to);
    return { call: upgradeCall(proxy, to, data), data, initializer };
  };

  /**
   * Who sends the upgrades, and so who the simulations run from: the signer, or in propose mode the Safe
   * (router.safe, else the upgrader's owner(), which the Safe is when it holds the right).
   */
  const senderOf = async (proxy: ProxyState): Promise<Address> => {
    const sender = options.mode === 'propose' ? (options.safe ?? proxy.upgrader) : (await connect()).account;
    if (sender) return sender;
    throw new BadInputError(
      `router.safe: propose mode simulates the upgrade from the Safe that will execute it, and ${proxy.beacon ?? proxy.admin ?? proxy.proxy} answers no owner() to find it by. Set router.safe to the Safe's address.`
    );
  };

  /**
   * Simulates, right before it goes out, the upgrade to the candidate and the upgrade back after it; refuses when one
   * fails. The smoke calls are deploy's gate: what they expect is the state at deploy, which calls since may have moved on.
   */
  const proveUpgrade = async (proxy: ProxyState, upgrade: { call: Call; initializer: string | null }) => {
    const [{ address, build }, reference] = await Promise.all([newImplementation(), referenceBuild()]);
    const noRollback = options.allow?.['no-rollback'];
    const checks = await proveRelease(await connect(), {
      proxy,
      sender: await senderOf(proxy),
      upgrade,
      candidate: { address, contract: build.contract },
      smoke: [],
      errors: [...build.abi, ...reference.abi],
      ...(noRollback === undefined ? {} : { noRollback })
    });
    for (const check of checks) context.logger.info(`checked: ${check}`);
  };

  /** `call` decoded from its own bytes, with who sends it, for the reviewer. */
  const planned = async (call: Call, data: Hex): Promise<PlannedCall> => {
    const upgrade = decodeUpgradeCall(call);
    const inner = options.initializer && data !== '0x' ? decodeCall([signatureFunction(options.initializer, INITIALIZER_FIELDS)], data) : null;
    return {
      to: call.to,
      from: options.mode === 'propose' ? (options.safe ?? null) : (await connect()).account,
      mode: options.mode,
      function: upgrade.function,
      args: upgrade.args,
      initializer: inner && { signature: inner.signature, args: inner.args },
      data: call.data
    };
  };

  return {
    kind: 'evm-proxy',
    async read() {
      return stateOf(await proxyState());
    },
    // The live implementation is named only when its code is the reference build's; deploy refuses otherwise.
    async versions() {
      const proxy = await proxyState();
      const [state, reference, { build }] = await Promise.all([stateOf(proxy), referenceBuild(), newImplementation()]);
      const live = liveColorOf(state.weights);
      const code = await (await connect()).client.getCode({ address: proxy.implementation, blockNumber: proxy.block.number });
      const versions = { [live]: runtimeCodeMatches(code ?? '0x', reference).ok ? reference.name : null, [otherColor(live)]: build.name };
      return versions as Record<Color, string | null>;
    },
    async observe() {
      const proxy = await proxyState();
      return { block_number: Number(proxy.block.number), block_hash: proxy.block.hash, upgrader: proxy.upgrader };
    },
    // The idle color of a proxy is always the candidate, whichever name it has. The upgrade is planned
    // first, so that an initializer that does not encode refuses before the deployment.
    async prepare() {
      const proxy = await proxyState();
      const candidate = await newImplementation();
      const upgrade = await upgradeTo(proxy, candidate.address);
      const plannedCall = await planned(upgrade.call, upgrade.data);
      const prepared = await prepareImplementation({
        options,
        context,
        chain: await connect(),
        proxy,
        candidate,
        reference: await referenceBuild(),
        sender: await senderOf(proxy),
        upgrade
      });
      return { ...prepared, call: plannedCall };
    },
    async apply(expected, target) {
      const connected = await connect();
      let proxy = await proxyState();
      const current = await stateOf(proxy);
      if (routerDigest(current) === routerDigest(target)) return;
      if (routerDigest(current) !== routerDigest(expected)) {
        throw new DriftError(`the proxy ${proxyAddress} no longer holds what this release expects: ${describeRouterState(current)}, not ${describeRouterState(expected)}. Someone else upgraded it; take a new snapshot.`);
      }
      const to = target.endpoints[liveColorOf(target.weights)] as Address;
      const { address, build } = await newImplementation();
      if (to.toLowerCase() !== address.toLowerCase()) {
        const report = await checkRollback(build, await referenceBuild());
        if (!report.ok) {
          throw new ReleaseError(
            `rollback refused: ${build.contract} changed storage in a way ${(await referenceBuild()).contract} cannot read:\n${report.layout.map(change => `  ${change.message}`).join('\n')}\nRolling back restores code, not state. Fix forward with a new implementation instead.`
          );
        }
      }
      if (options['at-block'] !== undefined) {
        const height = BigInt(options['at-block']);
        context.logger.info(`waiting for block ${height} before the upgrade (router.at-block)`);
        // A chain that stops making blocks ends the wait with the fix, instead of holding the step until its job times out.
        await waitForBlock(connected, height, { signal: context.signal, watch: watchBlocks(connected, options['block-stall']), onWait: now => context.logger.info(`  block ${now}, waiting for ${height}`) }).catch(
          (error: unknown) => {
            if (!(error instanceof ChainStalledError)) throw error;
            const { height: seen, quietMs } = error.stall;
            throw new ReleaseError(
              `router.at-block: waiting for block ${height}, but no new block came after block ${seen} for ${formatDuration(quietMs)}: the chain seems to make blocks only on demand, or has stopped. Nothing was sent. Remove router.at-block on such a chain, check the node, or raise router.block-stall if it is only slow.`,
              'unchanged'
            );
          }
        );
        // Someone may have upgraded while we waited.
        proxy = await proxyState();
        if (routerDigest(await stateOf(proxy)) !== routerDigest(expected)) {
          throw new DriftError(`the proxy ${proxyAddress} was upgraded by someone else while waiting for block ${height}; nothing was sent. Take a new snapshot.`);
        }
      }
      const { call, data, initializer } = await upgradeTo(proxy, to);
      // The chain may have changed since deploy (the upgrade right moved, say): prove both ways again before it goes out.
      if (to.toLowerCase() === address.toLowerCase()) await proveUpgrade(proxy, { call, initializer });
      if (options.mode === 'propose') {
        const where = file(options.proposal);
        const proposal = safeProposal(call, {
          chainId: options['chain-id'],
          name: `cutover: ${context.service} to ${to}`,
          description: `Upgrade ${kind} proxy ${proxyAddress} from ${proxy.implementation} to ${to}${initializer ? `, calling ${initializer}` : ''}.`,
          createdAt: new Date(),
          ...(options.safe ? { safe: options.safe } : {})
        });
        await writeFile(where, `${JSON.stringify(proposal, null, 2)}\n`);
        context.journal?.({ action: 'propose', implementation: to, tx: null, block: null, initializer, data });
        const forward = to.toLowerCase() === address.toLowerCase();
        throw new ProposalWritten(where, proposalFollowUp({ where, to, via: call.to, initializer, live: proxy.implementation, step: forward ? 'promote' : 'rollback' }));
      }
      const sent = await sendCall(connected, call, { ...sendOptionsOf(options, context.logger), errors: build.abi, signal: context.signal });
      context.journal?.({ action: 'upgrade', implementation: to, tx: sent.hash, block: Number(sent.blockNumber), initializer, data });
      context.logger.info(`upgraded ${proxyAddress} to ${to} in transaction ${sent.hash}, block ${sent.blockNumber}`);
      const after = await proxyState();
      if (after.implementation.toLowerCase() !== to.toLowerCase()) {
        throw new ReleaseError(`after transaction ${sent.hash} the proxy delegates to ${after.implementation}, not ${to}. Check the transaction on a block explorer.`);
      }
    },
    async initialize() {
      throw new BadInputError('router.kind evm-proxy: cutover init is for traffic routers; a proxy starts when it is deployed with its first implementation. Run cutover evm init to deploy the first proxy, or take a snapshot of one that exists.');
    },
    // An upgrade is atomic: from its block on, no call reaches the old implementation.
    drain: async color => ({ color, method: 'counter', waitedMs: 0, remaining: 0, closed: 0 }),
    close: async () => {}
  };
}

/**
 * What a proposal leaves to people: where the file is, and what to run once the
 * Safe executed it. Until then the proxy is unchanged, so the other step has nothing to undo.
 */
function proposalFollowUp(facts: { where: string; to: Address; via: Address; initializer: string | null; live: Address; step: 'promote' | 'rollback' }): string {
  const { where, to, via, initializer, live, step } = facts;
  const other = step === 'promote' ? 'rollback' : 'promote';
  return (
    `wrote the upgrade to ${to} (a call to ${via}, ${initializer ? `calling ${initializer}` : 'no call data'}) as a Safe Transaction Builder batch to ${where}; nothing was sent. ` +
    `Import that file in the Safe app for its owners to sign and execute. Once the Safe executed it, run ${step} again: it finds the upgrade on chain and records the ${step} as done. ` +
    `Until then the proxy still delegates to ${live}, so ${other} has nothing to undo (it is a no-op); to abandon the change, reject the transaction in the Safe.`
  );
}
