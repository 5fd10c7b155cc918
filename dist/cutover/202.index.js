import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 202;
export const ids = [202];
export const modules = {

/***/ 47202:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  evmCommand: () => (/* binding */ evmCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/config/load.js
var load = __webpack_require__(5701);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var shared_errors = __webpack_require__(8835);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/address/isAddress.js
var isAddress = __webpack_require__(89936);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/address/getAddress.js
var getAddress = __webpack_require__(71006);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./lib/src/adapters/evm/proxy-kinds.js
var proxy_kinds = __webpack_require__(55696);
// EXTERNAL MODULE: ./lib/src/adapters/evm/contract-build.js + 5 modules
var contract_build = __webpack_require__(83220);
// EXTERNAL MODULE: ./lib/src/adapters/evm/create2.js
var create2 = __webpack_require__(73240);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/address/getContractAddress.js + 1 modules
var getContractAddress = __webpack_require__(58767);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/decodeAbiParameters.js + 1 modules
var decodeAbiParameters = __webpack_require__(1871);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/ERC1967/ERC1967Proxy.sol/ERC1967Proxy.json
var ERC1967Proxy = __webpack_require__(63315);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/beacon/BeaconProxy.sol/BeaconProxy.json
var BeaconProxy = __webpack_require__(83670);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/beacon/UpgradeableBeacon.sol/UpgradeableBeacon.json
var UpgradeableBeacon = __webpack_require__(82850);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/artifacts/@openzeppelin/contracts-v5/proxy/transparent/TransparentUpgradeableProxy.sol/TransparentUpgradeableProxy.json
var TransparentUpgradeableProxy = __webpack_require__(65708);
// EXTERNAL MODULE: ./node_modules/abitype/dist/esm/human-readable/parseAbi.js
var parseAbi = __webpack_require__(17218);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/encodeDeployData.js
var encodeDeployData = __webpack_require__(62701);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/proxy-contracts.js





/**
 * OpenZeppelin Contracts v5's proxies, compiled as OpenZeppelin's upgrade
 * plugins deploy them (the artifacts upgrades-core ships): the same bytes, so
 * block explorers recognize and verify them.
 */
const ARTIFACTS = { erc1967Proxy: ERC1967Proxy, transparentProxy: TransparentUpgradeableProxy, upgradeableBeacon: UpgradeableBeacon, beaconProxy: BeaconProxy };
/** The constructors, by the artifacts' own signatures. */
const CONSTRUCTORS = {
    erc1967Proxy: (0,parseAbi/* parseAbi */.U)(['constructor(address implementation, bytes _data) payable']),
    transparentProxy: (0,parseAbi/* parseAbi */.U)(['constructor(address _logic, address initialOwner, bytes _data) payable']),
    upgradeableBeacon: (0,parseAbi/* parseAbi */.U)(['constructor(address implementation_, address initialOwner)']),
    beaconProxy: (0,parseAbi/* parseAbi */.U)(['constructor(address beacon, bytes data) payable'])
};
/** Errors the proxies' constructors raise, to name a refused deployment. */
const PROXY_ERRORS = (0,parseAbi/* parseAbi */.U)([
    'error ERC1967InvalidImplementation(address implementation)',
    'error ERC1967InvalidAdmin(address admin)',
    'error ERC1967InvalidBeacon(address beacon)',
    'error ERC1967NonPayable()',
    'error BeaconInvalidImplementation(address implementation)',
    'error OwnableInvalidOwner(address owner)',
    'error AddressEmptyCode(address target)',
    'error FailedCall()'
]);
function proxyInitCode(contract, args) {
    return (0,encodeDeployData/* encodeDeployData */.m)({ abi: CONSTRUCTORS[contract], bytecode: ARTIFACTS[contract].bytecode, args });
}

// EXTERNAL MODULE: ./lib/src/adapters/evm/proxy-state.js
var proxy_state = __webpack_require__(2934);
// EXTERNAL MODULE: ./lib/src/adapters/evm/release-simulation.js + 2 modules
var release_simulation = __webpack_require__(53183);
// EXTERNAL MODULE: ./lib/src/adapters/evm/transactions.js + 1 modules
var transactions = __webpack_require__(86416);
// EXTERNAL MODULE: ./lib/src/adapters/evm/upgrade-call.js
var upgrade_call = __webpack_require__(38075);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/proxy-init.js








/**
 * Deploys the first proxy of a contract: its implementation with CREATE2, then
 * (for a beacon proxy, after an UpgradeableBeacon) OpenZeppelin's proxy with a
 * plain CREATE from the signer, so that the initializer sees the signer as
 * msg.sender, as with OpenZeppelin's own tools. Before sending anything it
 * simulates all of it from the signer, and then an upgrade by `upgrader`: a
 * proxy that later releases could not upgrade is refused with nothing sent.
 * A re-run after a stop finds what the record says was sent and goes on.
 */
async function initProxy(chain, init, options) {
    const signer = chain.account;
    if (!signer)
        throw new shared_errors/* BadInputError */.Ys('router.signer: deploying a proxy needs a signer key, and none is set. Set router.signer: env:NAME, from a secret.');
    const { build, salt } = init.implementation;
    const implementation = (0,create2/* create2Address */.v6)(build.bytecode, salt);
    const errors = [...build.abi, ...PROXY_ERRORS];
    const earlier = await resumed(chain, options.earlier, signer, options.send);
    // A re-run keeps the transaction that deployed the implementation: the record is the init's history.
    const known = options.earlier?.implementation.address === implementation ? options.earlier.implementation : { address: implementation, tx: null };
    const record = { chain_id: chain.chainId, proxy_kind: init.kind, implementation: known, beacon: earlier.beacon, proxy: earlier.proxy };
    const checks = [];
    if (!record.proxy) {
        const code = await (0,create2/* simulateCreate2 */.VL)(chain, build.bytecode, salt);
        if (init.kind === 'uups')
            await (0,proxy_state/* checkProxiable */.p)(chain, implementation, code);
        checks.push(...(await simulateInit(chain, init, { signer, implementation, code, beacon: record.beacon?.address ?? null, errors })));
        const deployed = await (0,create2/* deployCreate2 */.ii)(chain, build.bytecode, salt, options.send);
        if (deployed.hash)
            record.implementation = { address: implementation, tx: deployed.hash };
        await options.save(record);
        options.log(deployed.hash ? `deployed ${build.contract} at ${implementation} in transaction ${deployed.hash}` : `${build.contract} is already deployed at ${implementation}`);
        const create = async (what, data, keep) => {
            const sent = await (0,transactions/* sendCall */.ni)(chain, { to: null, data, value: 0n }, {
                ...options.send,
                errors,
                onSent: async (hash) => {
                    keep({ address: await createdBy(chain, hash), tx: hash });
                    await options.save(record);
                }
            });
            options.log(`deployed the ${what} at ${sent.contractAddress} in transaction ${sent.hash}, block ${sent.blockNumber}`);
            return sent.contractAddress;
        };
        if (init.kind === 'beacon' && !record.beacon) {
            await create('UpgradeableBeacon', proxyInitCode('upgradeableBeacon', [implementation, init.owner]), deployment => (record.beacon = deployment));
        }
        await create(`${init.kind} proxy`, proxyCreation(init, implementation, record.beacon?.address ?? null), deployment => (record.proxy = deployment));
    }
    const proxyAddress = record.proxy.address;
    const proxy = await (0,proxy_state/* readProxy */.n)(chain, proxyAddress, init.kind, 'the new proxy');
    if (proxy.implementation !== implementation) {
        throw new shared_errors/* ReleaseError */.K2(`the proxy at ${proxyAddress} delegates to ${proxy.implementation}, not to ${implementation} (${build.contract}). Check its transaction on a block explorer.`);
    }
    const upgrade = (0,upgrade_call/* upgradeCall */.t)(proxy, implementation, '0x');
    const [outcome] = await (0,release_simulation/* runProbe */.mW)(chain, { sender: signer, others: [init.upgrader], steps: [{ to: upgrade.to, data: upgrade.data, isolatedFrom: init.upgrader }] });
    if (!outcome?.ok) {
        throw new shared_errors/* ReleaseError */.K2(`the proxy at ${proxyAddress} is deployed, but ${init.upgrader} cannot upgrade it: an upgrade through ${upgrade.to} reverts with ${(0,release_simulation/* reasonOf */.A3)(outcome?.data ?? '0x', errors)}. ` +
            'Releases would be refused at deploy until that account holds the upgrade right.');
    }
    checks.push(`the proxy at ${proxyAddress} delegates to ${implementation}, and ${init.upgrader} may upgrade it through ${upgrade.to}`);
    return { proxy, record, checks };
}
/** The proxy's init code: the implementation (or the beacon) and the initializer call for its constructor. */
function proxyCreation(init, implementation, beacon) {
    const data = init.initializer?.data ?? '0x';
    switch (init.kind) {
        case 'uups':
            return proxyInitCode('erc1967Proxy', [implementation, data]);
        case 'transparent':
            return proxyInitCode('transparentProxy', [implementation, init.owner, data]);
        case 'beacon':
            return proxyInitCode('beaconProxy', [beacon, data]);
    }
}
/**
 * Runs the whole init in one eth_call from the signer, nothing sent: the
 * beacon and the proxy created as the signer's next transactions would create
 * them, then an upgrade from `upgrader`. Refuses, naming the revert, when one fails.
 */
async function simulateInit(chain, init, facts) {
    const { signer, implementation, errors } = facts;
    let nonce = await chain.client.getTransactionCount({ address: signer, blockTag: 'pending' });
    const next = () => (0,getContractAddress/* getContractAddress */.RZ)({ from: signer, nonce: BigInt(nonce++) });
    const steps = [];
    let beacon = facts.beacon;
    if (init.kind === 'beacon' && !beacon) {
        beacon = next();
        steps.push({ what: 'creating the UpgradeableBeacon', to: release_simulation/* ZERO */.f2, data: proxyInitCode('upgradeableBeacon', [implementation, init.owner]), isolatedFrom: release_simulation/* ZERO */.f2 });
    }
    const proxy = next();
    const admin = init.kind === 'transparent' ? (0,getContractAddress/* getContractAddress */.RZ)({ from: proxy, nonce: 1n }) : null;
    steps.push({
        what: `creating the ${init.kind} proxy${init.initializer ? ` with ${init.initializer.signature}` : ''}`,
        to: release_simulation/* ZERO */.f2,
        data: proxyCreation(init, implementation, beacon),
        isolatedFrom: release_simulation/* ZERO */.f2
    });
    const upgrade = (0,upgrade_call/* upgradeCall */.t)({ kind: init.kind, proxy, admin, beacon }, implementation, '0x');
    steps.push({ what: `then an upgrade by ${init.upgrader} through ${upgrade.to}`, to: upgrade.to, data: upgrade.data, isolatedFrom: init.upgrader === signer ? release_simulation/* ZERO */.f2 : init.upgrader });
    const undeployed = (await (0,create2/* hasCode */.up)(chain, implementation)) ? [] : [{ address: implementation, code: facts.code }];
    const outcomes = await (0,release_simulation/* runProbe */.mW)(chain, { sender: signer, others: [init.upgrader], code: undeployed, steps: steps.map(({ to, data, isolatedFrom }) => ({ to, data, isolatedFrom })) });
    outcomes.forEach((outcome, index) => {
        const step = steps[index];
        if (outcome.ok)
            return;
        const fix = step.to === release_simulation/* ZERO */.f2 ? 'Fix the initializer call (--call, --args) or the implementation.' : upgradeFix(init);
        throw new shared_errors/* ReleaseError */.K2(`${step.what} from ${signer} reverts with ${(0,release_simulation/* reasonOf */.A3)(outcome.data, errors)} in a simulation; nothing was sent. ${fix}`, 'unchanged');
    });
    const created = outcomes.filter((_, index) => steps[index]?.to === release_simulation/* ZERO */.f2).map(outcome => (0,getAddress/* getAddress */.b)((0,decodeAbiParameters/* decodeAbiParameters */.n)([{ type: 'address' }], outcome.data)[0]));
    if (created.at(-1) !== proxy)
        throw new shared_errors/* ReleaseError */.K2(`the simulation created the proxy at ${created.at(-1)}, not at ${proxy} where the signer's next transaction would: the node's nonce for ${signer} is off. Nothing was sent.`, 'unchanged');
    return [`${steps.map(step => step.what).join(', ')}: all succeed from ${signer} in a simulation`];
}
function upgradeFix(init) {
    if (init.kind === 'uups')
        return `A UUPS proxy's upgrade right is what its initializer gives: pass ${init.upgrader} as the owner in --args, or make the implementation's _authorizeUpgrade accept it.`;
    return `The ${init.kind === 'transparent' ? 'ProxyAdmin' : 'beacon'} is owned by --owner (now ${init.owner}): make it ${init.upgrader}, the account that sends releases.`;
}
/** The contract a creation transaction makes: from its sender and nonce, known as soon as it is sent. */
async function createdBy(chain, hash) {
    const transaction = await chain.client.getTransaction({ hash });
    return (0,getContractAddress/* getContractAddress */.RZ)({ from: transaction.from, nonce: BigInt(transaction.nonce) });
}
/**
 * What an earlier run already created: a recorded contract with code is kept;
 * one whose transaction is still pending is waited for; one whose transaction
 * the node no longer knows (dropped, or reverted) is created again.
 */
async function resumed(chain, earlier, signer, send) {
    const found = async (deployment) => {
        if (!deployment)
            return null;
        if (await (0,create2/* hasCode */.up)(chain, deployment.address))
            return deployment;
        if (!deployment.tx)
            return null;
        const pending = await chain.client.getTransaction({ hash: deployment.tx }).catch(() => null);
        if (!pending || pending.blockNumber !== null)
            return null;
        const creation = { to: null, data: pending.input, value: pending.value };
        await (0,transactions/* waitForSent */.PJ)(chain, deployment.tx, creation, signer, send);
        return (await (0,create2/* hasCode */.up)(chain, deployment.address)) ? deployment : null;
    };
    return { beacon: await found(earlier?.beacon ?? null), proxy: await found(earlier?.proxy ?? null) };
}

// EXTERNAL MODULE: ./lib/src/adapters/evm/signature-call.js
var signature_call = __webpack_require__(80165);
// EXTERNAL MODULE: ./lib/src/shared/io/files.js
var files = __webpack_require__(28020);
// EXTERNAL MODULE: ./lib/src/adapters/routers/evm-proxy/addresses.js
var addresses = __webpack_require__(3766);
// EXTERNAL MODULE: ./lib/src/adapters/routers/evm-proxy/chain.js
var evm_proxy_chain = __webpack_require__(95351);
;// CONCATENATED MODULE: ./lib/src/steps/evm-init.js













/** The flags `cutover evm init` takes beside --config, named in its messages. */
const INIT_FLAGS = { call: '--call', args: '--args', owner: '--owner', record: '--record' };
/**
 * `cutover evm init`: deploys the first proxy of the contract cutover.yml's
 * router names (router.reference's build, the implementation that will be
 * live), so that a team can start releases from nothing. router.proxy must be
 * absent: its address is this command's result.
 */
async function initEvmProxy(config, baseDir, request, io) {
    const options = (0,addresses/* withCheckedAddresses */._)(evmRouterOf(config));
    const { logger } = io;
    if (!options.signer) {
        throw new shared_errors/* BadInputError */.Ys('router.signer: cutover evm init sends the deployments and needs a signer key (env:NAME). In propose mode too: any key may deploy, and --owner (the Safe by default) receives the upgrade right.');
    }
    const givenOwner = parseOwner(options, request.owner);
    const initializer = request.initializer && { signature: (0,signature_call/* signatureFunction */.p)(request.initializer, INIT_FLAGS).name, data: (0,signature_call/* signatureCallData */.X)(request.initializer, INIT_FLAGS) };
    const build = await (0,contract_build/* loadContractBuild */.X)(external_node_path_.resolve(baseDir, options.reference.build), options.reference.contract, 'router.reference');
    if (!request.initializer) {
        const initializers = build.abi.filter(item => item.type === 'function' && /^initialize/i.test(item.name));
        if (initializers.length > 0) {
            throw new shared_errors/* BadInputError */.Ys(`${INIT_FLAGS.call}: ${build.contract} has ${initializers.map(item => item.name).join(', ')}, and a proxy deployed without calling it can be initialized by whoever calls first, taking it over. Pass ${INIT_FLAGS.call} "function initialize(...)" and ${INIT_FLAGS.args} '[...]'.`);
        }
    }
    const earlier = await readRecord(request.recordFile);
    const chain = await (0,evm_proxy_chain/* connectRouterChain */.x)(options, io.secrets, io.signal, true);
    if (options.proxy) {
        const there = (await (0,create2/* hasCode */.up)(chain, options.proxy)) ? 'already holds a contract' : 'has no code';
        throw new shared_errors/* BadInputError */.Ys(`router.proxy: ${options.proxy} ${there} on chain ${chain.chainId}, and cutover evm init deploys a new proxy. Remove router.proxy to deploy one (then put the address it prints there), or take a snapshot to release the proxy that exists.`);
    }
    if (earlier && (earlier.chain_id !== chain.chainId || earlier.proxy_kind !== options['proxy-kind'])) {
        throw new shared_errors/* BadInputError */.Ys(`${INIT_FLAGS.record}: ${request.recordFile} records an init of a ${earlier.proxy_kind} proxy on chain ${earlier.chain_id}, not of a ${options['proxy-kind']} proxy on chain ${chain.chainId}. Give another ${INIT_FLAGS.record} file, or remove that one if it is stale.`);
    }
    const signer = chain.account;
    const owner = givenOwner ?? (options.mode === 'propose' ? options.safe : undefined) ?? signer;
    const upgrader = options.mode === 'propose' ? (options.safe ?? owner) : signer;
    if (earlier?.proxy)
        logger.info(`${request.recordFile} records the proxy at ${earlier.proxy.address}: finishing that init`);
    const result = await initProxy(chain, { kind: options['proxy-kind'], implementation: { build, salt: options.implementation.salt }, initializer, owner, upgrader }, {
        send: { ...(0,evm_proxy_chain/* sendOptionsOf */.e)(options, logger), ...(io.signal ? { signal: io.signal } : {}) },
        earlier,
        save: record => saveRecord(request.recordFile, record),
        log: line => logger.info(line)
    });
    await saveRecord(request.recordFile, result.record);
    for (const check of result.checks)
        logger.info(`checked: ${check}`);
    const { proxy } = result;
    return { proxy: proxy.proxy, implementation: proxy.implementation, admin: proxy.admin, beacon: proxy.beacon, upgrader, record: result.record };
}
function evmRouterOf(config) {
    const router = config.router;
    if (router?.kind === 'evm-proxy')
        return router;
    throw new shared_errors/* BadInputError */.Ys(`router.kind: cutover evm init deploys a contract proxy, and this config's router is ${router ? router.kind : 'absent'}. Use a cutover.yml with router.kind: evm-proxy.`);
}
/** --owner, checked: only a transparent or beacon proxy has an owner apart from its initializer. */
function parseOwner(options, given) {
    if (given === undefined)
        return null;
    if (options['proxy-kind'] === 'uups') {
        throw new shared_errors/* BadInputError */.Ys(`${INIT_FLAGS.owner}: a UUPS proxy has no separate owner contract; its owner is whatever its initializer sets. Pass the owner in ${INIT_FLAGS.args} instead.`);
    }
    if (!(0,isAddress/* isAddress */.P)(given, { strict: true }))
        throw new shared_errors/* BadInputError */.Ys(`${INIT_FLAGS.owner}: expected a 0x-prefixed 20-byte address with a valid checksum (or all lowercase), got ${JSON.stringify(given)}.`);
    return (0,getAddress/* getAddress */.b)(given);
}
const deploymentSchema = schemas/* strictObject */.rej({ address: schemas/* string */.YjP().refine(text => (0,isAddress/* isAddress */.P)(text)).transform(text => (0,getAddress/* getAddress */.b)(text)), tx: schemas/* string */.YjP().regex(/^0x[0-9a-fA-F]{64}$/).nullable() });
const recordSchema = schemas/* strictObject */.rej({
    chain_id: schemas/* number */.aig().int().positive(),
    proxy_kind: schemas/* enum */.k5n(proxy_kinds/* PROXY_KINDS */.j),
    implementation: deploymentSchema,
    beacon: deploymentSchema.nullable(),
    proxy: deploymentSchema.nullable()
});
async function readRecord(file) {
    let text;
    try {
        text = await (0,files/* readTextFile */.Gu)(file, file, 64 * 1024);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        parsed = undefined;
    }
    const record = recordSchema.safeParse(parsed);
    if (!record.success)
        throw new shared_errors/* BadInputError */.Ys(`${INIT_FLAGS.record}: ${file} is not a record cutover evm init wrote. Give another ${INIT_FLAGS.record} file, or remove that one.`);
    return record.data;
}
async function saveRecord(file, record) {
    await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
    await (0,files/* writeFileAtomic */.Zf)(file, `${JSON.stringify(record, null, 2)}\n`);
}

// EXTERNAL MODULE: ./lib/src/cli/flags.js
var flags = __webpack_require__(73080);
// EXTERNAL MODULE: ./lib/src/cli/terminal.js
var cli_terminal = __webpack_require__(39567);
;// CONCATENATED MODULE: ./lib/src/cli/evm.js






/** `cutover evm init`: the first proxy of a contract; the release steps take it from there. */
async function evmCommand(args, terminal) {
    const [sub, ...rest] = args;
    if (sub !== 'init')
        throw new shared_errors/* BadInputError */.Ys(`cutover evm: expected init, got ${JSON.stringify(sub ?? '')}. See cutover evm --help.`);
    const { values } = (0,flags/* parseFlags */.b)('evm init', rest, {
        config: { type: 'string' },
        call: { type: 'string' },
        args: { type: 'string' },
        owner: { type: 'string' },
        record: { type: 'string' },
        verbose: { type: 'boolean' },
        json: { type: 'boolean' }
    }, false, 'evm');
    if (values.args !== undefined && values.call === undefined)
        throw new shared_errors/* BadInputError */.Ys(`${INIT_FLAGS.args}: given without ${INIT_FLAGS.call}; pass the initializer's signature with ${INIT_FLAGS.call} "function initialize(...)".`);
    const initializer = values.call === undefined ? null : { call: values.call, args: initializerArgs(values.args) };
    const { config, baseDir } = await (0,load/* loadConfig */.Z9)(values.config ?? 'cutover.yml');
    const secrets = (0,cli_terminal/* terminalSecrets */.az)(terminal);
    const logger = (0,cli_terminal/* terminalLog */.dg)(terminal, secrets, values.verbose === true);
    const recordFile = values.record ?? external_node_path_.join('.cutover', `${config.service}.evm-init.json`);
    const outcome = await initEvmProxy(config, baseDir, { initializer, owner: values.owner, recordFile }, { secrets, logger });
    if (values.json) {
        terminal.out(`${JSON.stringify({ ...outcome, 'record-file': recordFile }, null, 2)}\n`);
        return 0;
    }
    const lines = [
        `proxy: ${outcome.proxy}`,
        `implementation: ${outcome.implementation}`,
        ...(outcome.admin ? [`admin: ${outcome.admin}`] : []),
        ...(outcome.beacon ? [`beacon: ${outcome.beacon}`] : []),
        `upgrader: ${outcome.upgrader}`,
        `record: ${recordFile}`,
        `next: set router.proxy: ${outcome.proxy} in cutover.yml; releases then start with cutover snapshot.`
    ];
    terminal.out(`${lines.join('\n')}\n`);
    return 0;
}
/** --args: a JSON array, so addresses, numbers and strings keep their types without a shell. */
function initializerArgs(text) {
    if (text === undefined)
        return [];
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        parsed = undefined;
    }
    if (!Array.isArray(parsed))
        throw new shared_errors/* BadInputError */.Ys(`${INIT_FLAGS.args}: expected a JSON array of the initializer's arguments, like '["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 41]', got ${JSON.stringify(text)}.`);
    return parsed;
}


/***/ })

};
