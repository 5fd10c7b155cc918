import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 148;
export const ids = [148];
export const modules = {

/***/ 70558:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ compileErrors),
/* harmony export */   x: () => (/* binding */ compileInWorker)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);

// solc-js compiles synchronously for seconds; a worker keeps this process's servers and timers responsive meanwhile.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { readFileSync } = require('node:fs');
const requireFrom = createRequire(workerData.importsFrom);
const solc = require(workerData.solc);
const imported = {};
const output = solc.compile(JSON.stringify(workerData.input), {
  import: p => {
    try {
      const content = readFileSync(requireFrom.resolve(p), 'utf8');
      imported[p] = { content };
      return { contents: content };
    } catch (error) {
      return { error: 'not found: ' + p };
    }
  }
});
parentPort.postMessage({ output, imported, version: solc.version() });
`;
/**
 * Compiles standard-JSON `input` with the solc-js module at `solc`, in a worker
 * thread. Imports the input does not carry resolve from node_modules as seen from `importsFrom` (a file URL).
 */
async function compileInWorker(solc, input, importsFrom) {
    const result = await new Promise((resolve, reject) => {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(WORKER, { eval: true, workerData: { solc, input, importsFrom } });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', code => code !== 0 && reject(new Error(`solc worker exited with code ${code}`)));
    });
    return { output: JSON.parse(result.output), imported: result.imported, version: result.version };
}
/** The compiler's error messages (warnings left out). */
function compileErrors(output) {
    return (output.errors ?? []).filter(e => e.severity === 'error').map(e => e.formattedMessage);
}


/***/ }),

/***/ 62148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runEvmDemo: () => (/* binding */ runEvmDemo)
});

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/hash/keccak256.js
var keccak256 = __webpack_require__(80327);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/encoding/toHex.js
var toHex = __webpack_require__(747);
// EXTERNAL MODULE: ./node_modules/abitype/dist/esm/human-readable/parseAbiItem.js
var parseAbiItem = __webpack_require__(36045);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./lib/src/adapters/evm/chain.js
var evm_chain = __webpack_require__(72135);
// EXTERNAL MODULE: ./lib/src/adapters/evm/create2.js
var create2 = __webpack_require__(73240);
// EXTERNAL MODULE: ./lib/src/adapters/evm/proxy-state.js
var proxy_state = __webpack_require__(2934);
// EXTERNAL MODULE: ./lib/src/app/run.js + 38 modules
var run = __webpack_require__(86222);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./lib/src/shared/io/ports.js
var ports = __webpack_require__(23847);
// EXTERNAL MODULE: ./lib/src/shared/io/wait.js + 1 modules
var wait = __webpack_require__(30102);
;// CONCATENATED MODULE: ./lib/src/demo/anvil-server.js






const ARCH = { x64: 'amd64', arm64: 'arm64' };
/**
 * The anvil binary: the one `@foundry-rs/anvil-<platform>-<arch>` brings (an
 * optional dependency, on Linux x64), else the first `anvil` on PATH (foundryup);
 * null when neither exists. The binary is run directly: a Node wrapper whose
 * death would leave anvil running is never in between.
 */
function findAnvil() {
    return packagedAnvil() ?? anvilOnPath();
}
function packagedAnvil() {
    const arch = ARCH[process.arch];
    if (!arch)
        return null;
    try {
        const require = (0,external_node_module_.createRequire)(import.meta.url);
        const binary = require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/${ANVIL_FILE}`);
        return (0,external_node_fs_.existsSync)(binary) ? binary : null;
    }
    catch {
        return null;
    }
}
function anvilOnPath() {
    for (const dir of (process.env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (dir && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, ANVIL_FILE)))
            return (0,external_node_path_.join)(dir, ANVIL_FILE);
    }
    return null;
}
const ANVIL_FILE = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
const ANVIL_INSTALL = 'install anvil: `npm install --no-save @foundry-rs/anvil` (its platform package holds the binary; do not use --omit=optional), or Foundry\'s foundryup, which puts anvil on PATH';
/** anvil's first funded account (mnemonic "test test ... junk"): a well-known key for local chains only. */
const anvil_server_ANVIL_KEYS = [
    '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
    '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9ff4e6fa29f4f'
];
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
/** A throwaway local EVM node on a free loopback port, stopped by PID: for tests and the demo. */
async function startAnvil(options = {}) {
    const binary = options.binary ?? findAnvil();
    if (binary === null)
        throw new Error(`anvil is not installed: ${ANVIL_INSTALL}`);
    const chainId = options.chainId ?? 31337;
    const port = await (0,ports/* freePort */.o)();
    const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'];
    if (options.blockTime)
        args.push('--block-time', String(options.blockTime));
    const child = (0,external_node_child_process_.spawn)(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', chunk => (log = (log + String(chunk)).slice(-4000)));
    const exited = new Promise(resolve => child.once('exit', () => resolve()));
    const running = () => child.exitCode === null && child.signalCode === null;
    const url = `http://127.0.0.1:${port}`;
    let id = 0;
    const rpc = async (method, params = []) => {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
            signal: AbortSignal.timeout(10_000)
        });
        const body = (await response.json());
        if (body.error)
            throw new Error(`anvil ${method}: ${body.error.message}`);
        return body.result;
    };
    const stop = async () => {
        if (!running())
            return;
        process.kill(child.pid, 'SIGTERM');
        const timer = setTimeout(() => running() && process.kill(child.pid, 'SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
    };
    const answers = async () => {
        try {
            await rpc('eth_chainId');
            return null;
        }
        catch (error) {
            if (!running())
                throw new Error(`anvil exited before answering: ${log.trim() || error.message}`, { cause: error });
            return error;
        }
    };
    await (0,wait/* poll */.wt)(answers, {
        what: 'anvil to answer eth_chainId',
        done: error => error === null,
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 25,
        timeoutError: async (error) => {
            await stop();
            return new Error(`anvil did not answer eth_chainId within ${READY_TIMEOUT_MS} ms: ${error.message}`, { cause: error });
        }
    });
    return { url, chainId, pid: child.pid, rpc, stop };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/viem/_esm/clients/createPublicClient.js + 88 modules
var createPublicClient = __webpack_require__(48926);
// EXTERNAL MODULE: ./node_modules/viem/_esm/clients/transports/http.js + 6 modules
var http = __webpack_require__(22199);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/encodeDeployData.js
var encodeDeployData = __webpack_require__(62701);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/encodeFunctionData.js + 1 modules
var abi_encodeFunctionData = __webpack_require__(53955);
// EXTERNAL MODULE: ./node_modules/abitype/dist/esm/human-readable/parseAbi.js
var parseAbi = __webpack_require__(17218);
// EXTERNAL MODULE: ./lib/src/adapters/evm/eip1967.js
var eip1967 = __webpack_require__(10869);
// EXTERNAL MODULE: ./lib/src/adapters/evm/transactions.js + 1 modules
var transactions = __webpack_require__(86416);
;// CONCATENATED MODULE: ./lib/src/demo/evm-contracts.js
/**
 * Solidity sources for the evm-proxy tests and `cutover demo evm`, kept as
 * strings because the demo runs from a bundle with no .sol files beside it.
 * Each V2 variant is one kind of release the router must accept or refuse.
 */
const HEADER = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
`;
/** A UUPS vault: V1, a safe V2, and V2s that break the layout, the code rules, the proxy or the smoke test. */
const VAULT = `${HEADER}
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {OwnableUpgradeable} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";

contract VaultV1 is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    uint256 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint256 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function setValue(uint256 newValue) external onlyOwner {
        value = newValue;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function version() external pure virtual returns (string memory) {
        return "1";
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

/// Safe: appends \`fee\` after V1's storage.
contract VaultV2 is VaultV1 {
    uint256 public fee;

    function initializeV2(uint256 initialFee) external reinitializer(2) {
        fee = initialFee;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but every call to version() reverts: a release that fails its smoke test.
contract VaultV2Reverting is VaultV1 {
    error VersionUnavailable();

    function version() external pure override returns (string memory) {
        revert VersionUnavailable();
    }
}

/// Layout-safe, but with code upgrade-safety checks refuse: a delegatecall to any address.
contract VaultV2Unsafe is VaultV1 {
    function execute(address target, bytes calldata data) external onlyOwner returns (bytes memory) {
        (bool ok, bytes memory result) = target.delegatecall(data);
        require(ok, "delegatecall failed");
        return result;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Unsafe: \`inserted\` shifts \`value\` and \`balances\` one slot down.
contract VaultV2Inserted is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    uint256 public inserted;
    uint256 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint256 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function version() external pure returns (string memory) {
        return "2";
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

/// Unsafe: \`value\` shrinks from uint256 to uint128.
contract VaultV2Retyped is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    uint128 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint128 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function version() external pure returns (string memory) {
        return "2";
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

/// Layout-safe, but not UUPS: with no upgradeToAndCall, a UUPS proxy upgraded to it could never be upgraded again.
contract VaultV2NotUUPS is Initializable, OwnableUpgradeable {
    uint256 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint256 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but its initializer gives the upgrade right away: once upgraded, no one can upgrade it back.
contract VaultV2Lockout is VaultV1 {
    uint256 public fee;

    function initializeV2(uint256 initialFee) external reinitializer(2) {
        fee = initialFee;
        _transferOwnership(address(0));
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but its initializer refuses a fee over 100 with an error of its own: an upgrade that reverts.
contract VaultV2BadInit is VaultV1 {
    error FeeTooHigh(uint256 fee, uint256 max);

    uint256 public fee;

    function initializeV2(uint256 initialFee) external reinitializer(2) {
        if (initialFee > 100) revert FeeTooHigh(initialFee, 100);
        fee = initialFee;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but its initializer pauses it, and status() reverts while paused: a smoke call that fails only once the upgrade ran.
contract VaultV2Paused is VaultV1 {
    error Paused();

    bool public paused;

    function initializeV2(uint256) external reinitializer(2) {
        paused = true;
    }

    function status() external view returns (string memory) {
        if (paused) revert Paused();
        return "open";
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// A vault with a mode, for a release that is safe to make and unsafe to undo once used.
contract ModalVaultV1 is VaultV1 {
    enum Mode { Open, Closed }
    Mode public mode;
}

/// Adds a mode: a safe upgrade, but a vault V2 put in Paused has a mode V1 cannot read (an enum out of range).
contract ModalVaultV2 is VaultV1 {
    enum Mode { Open, Closed, Paused }
    Mode public mode;

    function version() external pure override returns (string memory) {
        return "2";
    }
}
`;
/** A plain initializable counter for transparent and beacon proxies, where the upgrade logic lives outside the implementation. */
const COUNTER = `${HEADER}
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";

contract CounterV1 is Initializable {
    uint256 public count;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(uint256 start) public initializer {
        count = start;
    }

    function increment() external {
        count += 1;
    }

    function version() external pure virtual returns (string memory) {
        return "1";
    }
}

/// Safe: appends \`step\` after V1's storage.
contract CounterV2 is CounterV1 {
    uint256 public step;

    function initializeV2(uint256 initialStep) external reinitializer(2) {
        step = initialStep;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but every call to version() reverts: a release that fails its smoke test.
contract CounterV2Reverting is CounterV1 {
    error VersionUnavailable();

    function version() external pure override returns (string memory) {
        revert VersionUnavailable();
    }
}

/// Unsafe: \`count\` shrinks from uint256 to uint128.
contract CounterV2Retyped is Initializable {
    uint128 public count;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(uint128 start) public initializer {
        count = start;
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}
`;
/** Imports only: one compile then yields every OpenZeppelin proxy the fixtures deploy. */
const PROXIES = `${HEADER}
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {TransparentUpgradeableProxy} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";
import {ProxyAdmin} from "@openzeppelin/contracts/proxy/transparent/ProxyAdmin.sol";
import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
`;
const EVM_SOURCES = {
    'Vault.sol': VAULT,
    'Counter.sol': COUNTER,
    'Proxies.sol': PROXIES
};

// EXTERNAL MODULE: ./lib/src/adapters/evm/solc-worker.js
var solc_worker = __webpack_require__(70558);
;// CONCATENATED MODULE: ./lib/src/demo/solidity.js





const SOLC_INSTALL = 'npm install --save-dev solc@0.8.28 @openzeppelin/contracts@5.7.0 @openzeppelin/contracts-upgradeable@5.7.0';
/** Everything upgrade-safety checks and deployment read: the AST, full bytecode with link and immutable references, and the storage layout. */
const FULL_OUTPUT_SELECTION = {
    '*': {
        '*': ['abi', 'evm.bytecode.object', 'evm.bytecode.linkReferences', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences', 'evm.methodIdentifiers', 'storageLayout'],
        '': ['ast']
    }
};
/**
 * Compiles Solidity sources with the solc-js from npm (imports such as
 * `@openzeppelin/contracts/...` resolve from node_modules), in a worker thread.
 * Fails with the compiler's messages on any error. A build is kept on disk
 * (see `cache`), since solc-js takes seconds and the same sources come back.
 */
async function compileSolidity(sources, options = {}) {
    const require = (0,external_node_module_.createRequire)(import.meta.url);
    let solc;
    try {
        solc = require.resolve('solc');
    }
    catch {
        throw new Error(`solc is not installed: ${SOLC_INSTALL}`);
    }
    const input = {
        language: 'Solidity',
        sources: Object.fromEntries(Object.entries(sources).map(([file, content]) => [file, { content }])),
        settings: {
            optimizer: { enabled: options.optimizer ?? false, runs: 200 },
            evmVersion: options.evmVersion ?? 'cancun',
            outputSelection: FULL_OUTPUT_SELECTION
        }
    };
    const cache = options.cache ?? defaultCache(solc);
    const file = cache === false ? null : external_node_path_.join(cache, `${cacheKey(solcPackageVersion(require), input)}.json`);
    const kept = file && (await readCached(file, Object.keys(input.sources), require));
    if (kept)
        return kept;
    const result = await (0,solc_worker/* compileInWorker */.x)(solc, input, import.meta.url);
    const errors = (0,solc_worker/* compileErrors */.D)(result.output);
    if (errors.length)
        throw new Error(`solc failed:\n${errors.join('\n')}`);
    // The checks decode source positions, so the input must carry every source the compiler read, imports too.
    input.sources = { ...input.sources, ...result.imported };
    const build = { solcVersion: result.version.replace(/\+.*$/, ''), input, output: result.output };
    if (file)
        await writeCached(file, build);
    return build;
}
function solcPackageVersion(require) {
    return require('solc/package.json').version;
}
/** node_modules/.cache/cutover-solc in the node_modules solc was found in, where tools keep their caches. */
function defaultCache(solc) {
    const at = solc.lastIndexOf(`${external_node_path_.sep}node_modules${external_node_path_.sep}`);
    return at === -1 ? false : external_node_path_.join(solc.slice(0, at), 'node_modules', '.cache', 'cutover-solc');
}
/**
 * The compiler's version and its whole input, settings included. Imports are
 * not in the input yet: a kept build is checked against them when read.
 */
function cacheKey(solcVersion, input) {
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify({ solcVersion, input })).digest('hex');
}
/**
 * The kept build, or null when there is none, it cannot be read, or a source it
 * imported reads differently now (a dependency was upgraded): then it is compiled again.
 */
async function readCached(file, given, require) {
    try {
        const build = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        if (typeof build.solcVersion !== 'string' || typeof build.output?.contracts !== 'object')
            return null;
        for (const [imported, { content }] of Object.entries(build.input.sources)) {
            // Resolved as the compiler's import callback resolves them (solc-worker.ts).
            if (!given.includes(imported) && (await (0,promises_.readFile)(require.resolve(imported), 'utf8')) !== content)
                return null;
        }
        return build;
    }
    catch {
        return null;
    }
}
/**
 * Keeps the build, written whole under a temporary name and then renamed, so a
 * parallel reader never sees half of it. A folder that cannot be written (an
 * installed bundle's) only means no cache.
 */
async function writeCached(file, build) {
    const temporary = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    try {
        await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
        await (0,promises_.writeFile)(temporary, JSON.stringify(build));
        await (0,promises_.rename)(temporary, file);
    }
    catch {
        await (0,promises_.rm)(temporary, { force: true }).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./lib/src/demo/evm-fixtures.js










/** What deployProxy initializes: Vault-shaped `initialize(owner, value)` and Counter-shaped `initialize(start)`. */
const VAULT_INITIAL_VALUE = 41n;
const COUNTER_INITIAL_COUNT = 5n;
const POLLING_MS = 50;
let compiled;
/** Compiles EVM_SOURCES once per process (other processes read compileSolidity's disk cache): solc takes seconds, and every test and demo step wants the same build. */
function compileEvmFixtures() {
    compiled ??= compileSolidity(EVM_SOURCES).catch(error => {
        compiled = undefined;
        throw error;
    });
    return compiled;
}
/** A contract of the build by name (`VaultV1`) or by `file:name` when two sources define the same name. */
function contractOf(build, name) {
    const [file, contract] = name.includes(':') ? name.split(':', 2) : [undefined, name];
    const found = Object.entries(build.output.contracts ?? {})
        .filter(([source]) => file === undefined || source === file)
        .flatMap(([source, contracts]) => (contracts[contract] ? [{ source, compiled: contracts[contract] }] : []));
    if (found.length === 0)
        throw new Error(`contract ${name} is not in the build: use one of ${contractNames(build).join(', ')}`);
    if (found.length > 1)
        throw new Error(`contract ${name} is ambiguous: name it as ${found.map(f => `${f.source}:${contract}`).join(' or ')}`);
    const { compiled: one } = found[0];
    return { abi: one.abi, bytecode: `0x${one.evm.bytecode.object}`, deployedBytecode: `0x${one.evm.deployedBytecode.object}` };
}
function contractNames(build) {
    return [...new Set(Object.values(build.output.contracts ?? {}).flatMap(contracts => Object.keys(contracts)))].sort();
}
/** The chain at `rpcUrl`, whichever it is, with `key`'s account as its signer. */
async function connect(rpcUrl, key) {
    const chainId = await (0,createPublicClient/* createPublicClient */.l)({ transport: (0,http/* http */.L)(rpcUrl) }).getChainId();
    return (0,evm_chain/* connectChain */.E)({ rpcUrl, chainId, privateKey: key, pollingMs: POLLING_MS }, { rpc: 'the fixtures chain', chainId: 'its chain id', privateKey: 'the fixtures key' });
}
/** Sends a transaction with the adapter's sendCall, saying what it was for when it fails: its message names the call only by selector. */
async function transact(chain, what, call, errors) {
    try {
        return await (0,transactions/* sendCall */.ni)(chain, call, { errors, confirmations: 0 });
    }
    catch (error) {
        throw new Error(`${what} failed: ${error.message}`, { cause: error });
    }
}
async function deploy(chain, build, name, args = []) {
    const { abi, bytecode } = contractOf(build, name);
    const sent = await transact(chain, `deploying ${name}`, { to: null, data: (0,encodeDeployData/* encodeDeployData */.m)({ abi, bytecode, args }), value: 0n }, abi);
    if (!sent.contractAddress)
        throw new Error(`deploying ${name} created no contract (transaction ${sent.hash})`);
    return sent.contractAddress;
}
/** Deploys one contract of the build with a plain CREATE; the key defaults to anvil's first account. */
async function deployImplementation(rpcUrl, build, name, key = ANVIL_KEYS[0]) {
    return deploy(await connect(rpcUrl, key), build, name);
}
/** `initialize(...)` call data for a Vault- or Counter-shaped contract (OZ v5 proxies refuse empty init data). */
function initializeCall(build, name, owner) {
    const { abi } = contractOf(build, name);
    const initialize = abi.find((item) => item.type === 'function' && item.name === 'initialize');
    const types = initialize?.inputs.map(input => input.type).join(',');
    if (types === 'address,uint256')
        return (0,abi_encodeFunctionData/* encodeFunctionData */.p)({ abi, functionName: 'initialize', args: [owner, VAULT_INITIAL_VALUE] });
    if (types === 'uint256')
        return (0,abi_encodeFunctionData/* encodeFunctionData */.p)({ abi, functionName: 'initialize', args: [COUNTER_INITIAL_COUNT] });
    throw new Error(`${name} has no initialize(address,uint256) or initialize(uint256) for deployProxy to call`);
}
/** The ProxyAdmin a transparent proxy created in its constructor, as it records it in the EIP-1967 admin slot. */
async function proxyAdminOf(chain, proxy) {
    const admin = (0,eip1967/* addressInSlot */.K)((await chain.client.getStorageAt({ address: proxy, slot: eip1967/* EIP1967_SLOTS */.w.admin })) ?? '0x');
    if (!admin)
        throw new Error(`transparent proxy ${proxy} has an empty EIP-1967 admin slot`);
    return admin;
}
/**
 * Deploys an implementation behind a new proxy of the kind asked for, owned by
 * ownerKey's account: UUPS (ERC1967Proxy), transparent (its constructor creates
 * the ProxyAdmin) or beacon (UpgradeableBeacon + BeaconProxy).
 */
async function deployProxy(rpcUrl, build, kind, options = {}) {
    const ownerKey = options.ownerKey ?? anvil_server_ANVIL_KEYS[0];
    const name = options.implementation ?? (kind === 'uups' ? 'VaultV1' : 'CounterV1');
    const chain = await connect(rpcUrl, ownerKey);
    const owner = chain.account;
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
const UPGRADE_ABI = (0,parseAbi/* parseAbi */.U)([
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
async function upgradeDirectly(rpcUrl, fixture, newImplementation) {
    const call = (to, data) => {
        if (!to)
            throw new Error(`${fixture.kind} proxy ${fixture.proxy} has no ${fixture.kind === 'beacon' ? 'beacon' : 'ProxyAdmin'} in its fixture`);
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
async function writeBuildInfo(build, dir) {
    // BuildInfo keeps only the short version; the long one (with the commit) is informational for Hardhat.
    const head = { _format: 'hh-sol-build-info-1', solcVersion: build.solcVersion, solcLongVersion: build.solcVersion, input: build.input };
    const id = (0,external_node_crypto_.createHash)('md5').update(JSON.stringify(head)).digest('hex');
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = external_node_path_.join(dir, `${id}.json`);
    await (0,promises_.writeFile)(file, JSON.stringify({ ...head, id, output: build.output }));
    return file;
}

;// CONCATENATED MODULE: ./lib/src/demo/evm-demo.js












const evm_demo_VAULT = {
    service: 'vault',
    reference: 'VaultV1',
    candidate: 'VaultV2',
    kept: { call: 'function value() view returns (uint256)', value: VAULT_INITIAL_VALUE },
    initializer: { call: 'function initializeV2(uint256 initialFee)', args: [25], getter: 'function fee() view returns (uint256)' }
};
const evm_demo_COUNTER = {
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
const STEPS = [
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
async function runEvmDemo(options) {
    const kind = options.kind ?? 'uups';
    const release = kind === 'uups' ? evm_demo_VAULT : evm_demo_COUNTER;
    // A beacon's upgradeTo carries no call, so the router refuses an initializer for a beacon proxy.
    const initializer = kind === 'beacon' ? null : release.initializer;
    requireCompiler();
    const log = (line) => options.write(`${line}\n`);
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'cutover-demo-evm-'));
    const anvil = await startAnvil().catch(async (error) => {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    });
    try {
        log(`anvil: local chain ${anvil.chainId}, pid ${anvil.pid}`);
        const build = await compileEvmFixtures();
        log(`compiled the fixture contracts with solc ${build.solcVersion}`);
        const fixture = await deployProxy(anvil.url, build, kind, { implementation: release.reference });
        const salt = (0,keccak256/* keccak256 */.S)((0,toHex/* toHex */.nj)('cutover demo'));
        const candidate = (0,create2/* create2Address */.v6)(contractOf(build, release.candidate).bytecode, salt);
        log(`${kind} proxy ${fixture.proxy} delegates to ${release.reference} at ${fixture.implementation}; ${release.candidate} goes to ${candidate} (CREATE2)`);
        await writeBuildInfo(build, external_node_path_.join(dir, 'build-info'));
        const configFile = external_node_path_.join(dir, 'cutover.yml');
        await (0,promises_.writeFile)(configFile, (0,dist/* stringify */.As)(configOf(release, initializer, kind, anvil.chainId, fixture.proxy, salt)));
        const recordFile = external_node_path_.join(dir, `${release.service}.json`);
        const frontEnd = {
            ...options.frontEnd,
            env: { ...options.frontEnd.env, [RPC_ENV]: anvil.url, [SIGNER_ENV]: anvil_server_ANVIL_KEYS[0] },
            defaultSnapshotFile: () => recordFile
        };
        const chain = await (0,evm_chain/* connectChain */.E)({ rpcUrl: anvil.url, chainId: anvil.chainId }, { rpc: 'anvil', chainId: 'anvil chain id' });
        const steps = [];
        const sent = new Set();
        for (const [label, step] of STEPS) {
            await (0,run/* runStep */.eg)(step, { config: configFile }, frontEnd);
            const record = JSON.parse(await (0,promises_.readFile)(recordFile, 'utf8'));
            // Matched by hash, so that "promote again" does not claim the first promote's upgrade.
            const entries = (record.journal ?? []).filter(entry => entry.tx !== null && !sent.has(entry.tx));
            for (const entry of entries)
                sent.add(entry.tx);
            const block = await actedAt(chain, step === 'snapshot' ? record.snapshot.snapshot.router.observed : undefined, entries.at(-1)?.block ?? null);
            const done = { step: label, ...block, transactions: entries.map(entry => entry.tx) };
            steps.push(done);
            log(stepLine(done));
        }
        const after = await (0,proxy_state/* readProxy */.n)(chain, fixture.proxy, kind, 'the demo proxy');
        const reads = {};
        for (const call of [VERSION_CALL, release.kept.call, ...(initializer ? [initializer.getter] : [])]) {
            const fn = functionOf(call);
            reads[fn.name] = String(await chain.client.readContract({ address: fixture.proxy, abi: [fn], functionName: fn.name }));
        }
        const figures = { kind, proxy: fixture.proxy, implementation: { before: fixture.implementation, after: after.implementation }, steps, reads };
        return { text: render(figures, release, initializer), figures };
    }
    finally {
        await anvil.stop();
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** solc and OpenZeppelin's sources are devDependencies: an installed cutover has none of them. */
function requireCompiler() {
    const require = (0,external_node_module_.createRequire)(import.meta.url);
    const missing = ['solc', '@openzeppelin/contracts/package.json', '@openzeppelin/contracts-upgradeable/package.json']
        .filter(name => {
        try {
            require.resolve(name);
            return false;
        }
        catch {
            return true;
        }
    })
        .map(name => name.replace(/\/package\.json$/, ''));
    if (missing.length) {
        throw new Error(`cutover demo evm compiles its contracts with solc and OpenZeppelin's sources, which are devDependencies of cutover and not installed here (missing: ${missing.join(', ')}). Run it from a checkout of cutover after npm ci.`);
    }
}
function configOf(release, initializer, kind, chainId, proxy, salt) {
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
async function actedAt(chain, observed, txBlock) {
    if (observed)
        return { block: Number(observed.block_number), blockHash: observed.block_hash };
    const block = await chain.client.getBlock(txBlock === null ? { blockTag: 'latest' } : { blockNumber: BigInt(txBlock) });
    return { block: Number(block.number), blockHash: block.hash };
}
function stepLine(step) {
    const sent = step.transactions.length ? step.transactions.map(hash => `tx ${hash}`).join(', ') : 'no transaction';
    return `${step.step.padEnd(14)} block ${String(step.block).padEnd(4)} ${step.blockHash}  ${sent}`;
}
function functionOf(signature) {
    return (0,parseAbiItem/* parseAbiItem */.$)(signature);
}
function render(figures, release, initializer) {
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


/***/ }),

/***/ 23847:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ freePort)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = node_net__WEBPACK_IMPORTED_MODULE_0__.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}


/***/ })

};
