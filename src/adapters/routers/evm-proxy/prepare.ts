import { size, type Address, type Hex } from 'viem';
import { BadInputError, ReleaseError } from '../../../shared/errors.js';
import type { Chain } from '../../evm/chain.js';
import type { SendOptions } from '../../evm/transactions.js';
import { runtimeCodeMatches } from '../../evm/code-match.js';
import type { ContractBuild } from '../../evm/contract-build.js';
import { deployCreate2, simulateCreate2 } from '../../evm/create2.js';
import { checkProxiable, type ProxyState } from '../../evm/proxy-state.js';
import { proveRelease } from '../../evm/release-proof.js';
import { checkUpgrade, layoutDiff } from '../../evm/upgrade-safety.js';
import type { Call } from '../../evm/upgrade-call.js';
import { sendOptionsOf } from './chain.js';
import type { EvmProxyOptions } from './options.js';
import type { PreparedColor, RouterContext } from '../router.js';

/** The new implementation of this release: its build and the address it has (or will have, by CREATE2). */
export interface Candidate {
  build: ContractBuild;
  address: Address;
}

interface Preparation {
  options: EvmProxyOptions;
  context: RouterContext;
  chain: Chain;
  proxy: ProxyState;
  candidate: Candidate;
  reference: ContractBuild;
  /** Who sends the upgrade promote will send, and that upgrade: both are simulated before anything is deployed. */
  sender: Address;
  upgrade: { call: Call; initializer: string | null };
}

/**
 * The deploy step for a proxy: proves the upgrade safe on paper, then
 * simulates from the real sender, against live state, everything promote will
 * send and the way back (proveRelease: the upgrade with its initializer, the
 * smoke calls through the proxy after it, and the upgrade back that rollback
 * would send), the new implementation's code simulated at its CREATE2 address
 * or already at its configured address; only then deploys it. Nothing is sent
 * when a check or a simulated call fails; the proxy is not touched.
 */
export async function prepareImplementation({ options, context, chain, proxy, candidate, reference, sender, upgrade }: Preparation): Promise<PreparedColor> {
  const { logger } = context;
  const noRollback = options.allow?.['no-rollback'];
  const checks: string[] = [];
  const live = await chain.client.getCode({ address: proxy.implementation, blockNumber: proxy.block.number });
  const matchesLive = runtimeCodeMatches(live ?? '0x', reference);
  if (!matchesLive.ok) {
    throw new BadInputError(
      `router.reference: ${reference.contract} from ${reference.file} is not the code live at ${proxy.implementation} (${matchesLive.reason}). Point router.reference at the build of the implementation the proxy uses now.`
    );
  }
  checks.push(`reference ${reference.contract} matches the live implementation ${proxy.implementation}`);

  const report = await checkUpgrade(reference, candidate.build, options['proxy-kind'], { unsafeAllow: options['unsafe-allow'] });
  if (!report.ok) {
    const lines = [...report.layout.map(change => `storage: ${change.message}`), ...report.code.map(problem => `code: ${problem.message} (${problem.where})`)];
    throw new ReleaseError(`upgrade from ${reference.contract} to ${candidate.build.contract} is not safe; nothing was sent:\n${lines.map(l => `  ${l}`).join('\n')}`);
  }
  for (const allowed of options['unsafe-allow']) logger.warn(`router.unsafe-allow: ${allowed} is not checked`);
  checks.push(`storage layout of ${candidate.build.contract} is compatible with ${reference.contract}; no unsafe code`);

  // The candidate's runtime code: on chain at its address, or what CREATE2 will leave (nothing is deployed
  // until every check and smoke call has passed).
  const salt = options.implementation.salt as Hex;
  let code: Hex;
  if (options.implementation.address) {
    code = (await chain.client.getCode({ address: candidate.address })) ?? '0x';
    const matches = runtimeCodeMatches(code, candidate.build);
    if (!matches.ok) {
      throw new BadInputError(`router.implementation.address: the code at ${candidate.address} is not ${candidate.build.contract} from ${candidate.build.file} (${matches.reason}). Deploy that build there, or leave address out to let cutover deploy it.`);
    }
    checks.push(`code at ${candidate.address} matches ${candidate.build.contract}`);
  } else {
    code = await simulateCreate2(chain, candidate.build.bytecode, salt, proxy.block.number);
    checks.push(`${candidate.build.contract} constructed at its CREATE2 address ${candidate.address} in a simulation (${size(code)} bytes of runtime code)`);
  }
  if (options['proxy-kind'] === 'uups') {
    await checkProxiable(chain, candidate.address, code);
    checks.push(`${candidate.build.contract} answers proxiableUUID with the implementation slot`);
  }

  checks.push(
    ...(await proveRelease(chain, {
      proxy,
      sender,
      upgrade,
      candidate: { address: candidate.address, contract: candidate.build.contract, ...(options.implementation.address ? {} : { undeployedCode: code }) },
      smoke: options.smoke,
      errors: [...candidate.build.abi, ...reference.abi],
      ...(noRollback === undefined ? {} : { noRollback }),
      onSmoke: result => logger.info(`smoke ${result.ok ? 'ok  ' : 'FAIL'} ${result.call}: ${result.error ?? result.actual}${result.expected !== null ? ` (expected ${result.expected})` : ''}`)
    }))
  );
  if (!options.implementation.address) checks.push(await deploy(chain, context, candidate, salt, sendOptionsOf(options, logger), code));
  return { endpoint: candidate.address, version: candidate.build.name, checks, diff: layoutDiff(reference, candidate.build), ...(noRollback === undefined ? {} : { no_rollback: noRollback }) };
}

/**
 * Sends the CREATE2 deployment (nothing when the code is already there), then
 * checks the chain holds the very code the checks and smoke calls ran against:
 * a constructor that reads the block or the sender could leave other code.
 */
async function deploy(chain: Chain, context: RouterContext, candidate: Candidate, salt: Hex, send: SendOptions, simulated: Hex): Promise<string> {
  const { logger } = context;
  const { contract } = candidate.build;
  const deployed = await deployCreate2(chain, candidate.build.bytecode, salt, send);
  if (deployed.hash) {
    const { blockNumber } = await chain.client.getTransactionReceipt({ hash: deployed.hash });
    context.journal?.({ action: 'deploy', implementation: deployed.address, tx: deployed.hash, block: Number(blockNumber), initializer: null, data: '0x' });
    logger.info(`deployed ${contract} at ${deployed.address} in transaction ${deployed.hash}, block ${blockNumber}`);
  } else {
    logger.info(`${contract} is already deployed at ${deployed.address}`);
  }
  const onChain = (await chain.client.getCode({ address: deployed.address })) ?? '0x';
  if (onChain.toLowerCase() !== simulated.toLowerCase()) {
    throw new ReleaseError(
      `the code at ${deployed.address} (${size(onChain)} bytes) is not the code the checks and smoke calls ran against (${size(simulated)} bytes): ${contract}'s constructor depends on the block or the sender. The proxy was not upgraded. Run deploy again to check the code now on chain (it deploys nothing more), or make the constructor deterministic.`
    );
  }
  return `${contract} deployed at ${deployed.address}, with the code the smoke calls ran against`;
}
