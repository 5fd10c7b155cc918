import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { z } from 'zod';
import type { Config } from '../config/schema.js';
import type { Secrets } from '../shared/secrets.js';
import { PROXY_KINDS } from '../adapters/evm/proxy-kinds.js';
import { BadInputError } from '../shared/errors.js';
import { loadContractBuild } from '../adapters/evm/contract-build.js';
import { hasCode } from '../adapters/evm/create2.js';
import { initProxy, type InitRecord } from '../adapters/evm/proxy-init.js';
import { signatureCallData, signatureFunction, type SignatureCall } from '../adapters/evm/signature-call.js';
import { readTextFile, writeFileAtomic } from '../shared/io/files.js';
import type { Logger } from '../shared/logging/logger.js';
import { withCheckedAddresses } from '../adapters/routers/evm-proxy/addresses.js';
import { connectRouterChain, sendOptionsOf } from '../adapters/routers/evm-proxy/chain.js';
import type { EvmProxyOptions } from '../adapters/routers/evm-proxy/options.js';

export interface EvmInitRequest {
  /** The first implementation's initializer, run by the proxy's constructor. */
  initializer: SignatureCall | null;
  /** --owner: who owns the ProxyAdmin or the beacon; the Safe in propose mode, else the signer, by default. */
  owner: string | undefined;
  /** Where what was sent is recorded, so that a re-run after a stop sends nothing twice. */
  recordFile: string;
}

export interface EvmInitOutcome {
  proxy: Address;
  implementation: Address;
  admin: Address | null;
  beacon: Address | null;
  upgrader: Address;
  record: InitRecord;
}

/** The flags `cutover evm init` takes beside --config, named in its messages. */
export const INIT_FLAGS = { call: '--call', args: '--args', owner: '--owner', record: '--record' };

/**
 * `cutover evm init`: deploys the first proxy of the contract cutover.yml's
 * router names (router.reference's build, the implementation that will be
 * live), so that a team can start releases from nothing. router.proxy must be
 * absent: its address is this command's result.
 */
export async function initEvmProxy(config: Config, baseDir: string, request: EvmInitRequest, io: { secrets: Secrets; logger: Logger; signal?: AbortSignal }): Promise<EvmInitOutcome> {
  const options = withCheckedAddresses(evmRouterOf(config));
  const { logger } = io;
  if (!options.signer) {
    throw new BadInputError(
      'router.signer: cutover evm init sends the deployments and needs a signer key (env:NAME). In propose mode too: any key may deploy, and --owner (the Safe by default) receives the upgrade right.'
    );
  }
  const givenOwner = parseOwner(options, request.owner);
  const initializer = request.initializer && { signature: signatureFunction(request.initializer, INIT_FLAGS).name, data: signatureCallData(request.initializer, INIT_FLAGS) };
  const build = await loadContractBuild(path.resolve(baseDir, options.reference.build), options.reference.contract, 'router.reference');
  if (!request.initializer) {
    const initializers = build.abi.filter(item => item.type === 'function' && /^initialize/i.test(item.name));
    if (initializers.length > 0) {
      throw new BadInputError(
        `${INIT_FLAGS.call}: ${build.contract} has ${initializers.map(item => (item as { name: string }).name).join(', ')}, and a proxy deployed without calling it can be initialized by whoever calls first, taking it over. Pass ${INIT_FLAGS.call} "function initialize(...)" and ${INIT_FLAGS.args} '[...]'.`
      );
    }
  }
  const earlier = await readRecord(request.recordFile);
  const chain = await connectRouterChain(options, io.secrets, io.signal, true);
  if (options.proxy) {
    const there = (await hasCode(chain, options.proxy)) ? 'already holds a contract' : 'has no code';
    throw new BadInputError(
      `router.proxy: ${options.proxy} ${there} on chain ${chain.chainId}, and cutover evm init deploys a new proxy. Remove router.proxy to deploy one (then put the address it prints there), or take a snapshot to release the proxy that exists.`
    );
  }
  if (earlier && (earlier.chain_id !== chain.chainId || earlier.proxy_kind !== options['proxy-kind'])) {
    throw new BadInputError(
      `${INIT_FLAGS.record}: ${request.recordFile} records an init of a ${earlier.proxy_kind} proxy on chain ${earlier.chain_id}, not of a ${options['proxy-kind']} proxy on chain ${chain.chainId}. Give another ${INIT_FLAGS.record} file, or remove that one if it is stale.`
    );
  }
  const signer = chain.account as Address;
  const owner = givenOwner ?? (options.mode === 'propose' ? options.safe : undefined) ?? signer;
  const upgrader = options.mode === 'propose' ? (options.safe ?? owner) : signer;
  if (earlier?.proxy) logger.info(`${request.recordFile} records the proxy at ${earlier.proxy.address}: finishing that init`);
  const result = await initProxy(
    chain,
    { kind: options['proxy-kind'], implementation: { build, salt: options.implementation.salt as Hex }, initializer, owner, upgrader },
    {
      send: { ...sendOptionsOf(options, logger), ...(io.signal ? { signal: io.signal } : {}) },
      earlier,
      save: record => saveRecord(request.recordFile, record),
      log: line => logger.info(line)
    }
  );
  await saveRecord(request.recordFile, result.record);
  for (const check of result.checks) logger.info(`checked: ${check}`);
  const { proxy } = result;
  return { proxy: proxy.proxy, implementation: proxy.implementation, admin: proxy.admin, beacon: proxy.beacon, upgrader, record: result.record };
}

function evmRouterOf(config: Config): EvmProxyOptions {
  const router = config.router;
  if (router?.kind === 'evm-proxy') return router;
  throw new BadInputError(`router.kind: cutover evm init deploys a contract proxy, and this config's router is ${router ? router.kind : 'absent'}. Use a cutover.yml with router.kind: evm-proxy.`);
}

/** --owner, checked: only a transparent or beacon proxy has an owner apart from its initializer. */
function parseOwner(options: EvmProxyOptions, given: string | undefined): Address | null {
  if (given === undefined) return null;
  if (options['proxy-kind'] === 'uups') {
    throw new BadInputError(`${INIT_FLAGS.owner}: a UUPS proxy has no separate owner contract; its owner is whatever its initializer sets. Pass the owner in ${INIT_FLAGS.args} instead.`);
  }
  if (!isAddress(given, { strict: true })) throw new BadInputError(`${INIT_FLAGS.owner}: expected a 0x-prefixed 20-byte address with a valid checksum (or all lowercase), got ${JSON.stringify(given)}.`);
  return getAddress(given);
}

const deploymentSchema = z.strictObject({ address: z.string().refine(text => isAddress(text)).transform(text => getAddress(text)), tx: z.string().regex(/^0x[0-9a-fA-F]{64}$/).nullable() });
const recordSchema = z.strictObject({
  chain_id: z.number().int().positive(),
  proxy_kind: z.enum(PROXY_KINDS),
  implementation: deploymentSchema,
  beacon: deploymentSchema.nullable(),
  proxy: deploymentSchema.nullable()
});

async function readRecord(file: string): Promise<InitRecord | null> {
  let text: string;
  try {
    text = await readTextFile(file, file, 64 * 1024);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = recordSchema.safeParse(parsed);
  if (!record.success) throw new BadInputError(`${INIT_FLAGS.record}: ${file} is not a record cutover evm init wrote. Give another ${INIT_FLAGS.record} file, or remove that one.`);
  return record.data as InitRecord;
}

async function saveRecord(file: string, record: InitRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}
