import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 549;
export const ids = [549];
export const modules = {

/***/ 78524:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Od: () => (/* binding */ watchBlocks),
/* harmony export */   pG: () => (/* binding */ MIN_BLOCK_STALL_MS),
/* harmony export */   t_: () => (/* binding */ ChainStalledError)
/* harmony export */ });
/* unused harmony export stallTimeOf */
/** The chain's usual block interval comes from the gaps between its last this many blocks. */
const SAMPLE_BLOCKS = 8;
/**
 * A chain mines on its own when most gaps are within this share of their median (Ethereum: 12s, now and then
 * 24s for a missed slot). A chain that mines on transactions has its blocks at the pace of its transactions:
 * bursts and pauses, with no usual interval.
 */
const REGULAR_SPREAD = 0.25;
/** Usual intervals with no block before the chain is called stalled: Ethereum misses a slot now and then, rarely four in a row. */
const STALL_INTERVALS = 5;
/** Never less: a load-balanced RPC endpoint can answer from a node some seconds behind the others. */
const MIN_BLOCK_STALL_MS = 10_000;
/** No new block for the stall time; the waiter says what that means for its transaction. */
class ChainStalledError extends Error {
    stall;
    constructor(stall) {
        super(`no new block after block ${stall.height} for ${Math.round(stall.quietMs)} ms`);
        this.stall = stall;
        this.name = 'ChainStalledError';
    }
}
/**
 * Watches the heights a wait polls. The stall time is `stallMs` when
 * configured, else stallTimeOf the chain, read once the height first fails
 * to move (a chain that moves at every poll costs no extra request).
 */
function watchBlocks(chain, stallMs) {
    let limit;
    let last = null;
    let since = 0;
    return {
        async saw(height) {
            if (height !== last) {
                last = height;
                since = performance.now();
                return;
            }
            const ms = await (limit ??= stallMs === undefined ? stallTimeOf(chain, height) : Promise.resolve(stallMs));
            const quietMs = performance.now() - since;
            if (quietMs >= ms)
                throw new ChainStalledError({ height, quietMs, stallMs: ms, derived: stallMs === undefined });
        }
    };
}
/**
 * The stall time a chain at `height` gets unless one is configured: five of its usual block intervals, and
 * MIN_BLOCK_STALL_MS when that is less or the chain has no usual interval (it mines on transactions).
 */
async function stallTimeOf(chain, height) {
    const first = height > BigInt(SAMPLE_BLOCKS - 1) ? height - BigInt(SAMPLE_BLOCKS - 1) : 0n;
    const numbers = Array.from({ length: Number(height - first) + 1 }, (_, i) => first + BigInt(i));
    const times = (await Promise.all(numbers.map(blockNumber => chain.client.getBlock({ blockNumber })))).map(block => Number(block.timestamp));
    const interval = usualInterval(times.slice(1).map((time, i) => time - times[i]));
    return Math.max(MIN_BLOCK_STALL_MS, STALL_INTERVALS * (interval ?? 0) * 1000);
}
/** The median gap in seconds when most gaps are near it; null when they are not, or there are none. */
function usualInterval(gaps) {
    if (gaps.length === 0)
        return null;
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
    const near = gaps.filter(gap => Math.abs(gap - median) <= REGULAR_SPREAD * median).length;
    return near * 2 > gaps.length ? median : null;
}


/***/ }),

/***/ 72135:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ connectChain)
/* harmony export */ });
/* unused harmony export RPC_REQUEST_MS */
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72497);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22199);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48926);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45148);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29298);
/* harmony import */ var viem_accounts__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1607);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);



const RPC_REQUEST_MS = 10_000;
/**
 * One more try after a failed request (a dropped connection, a rate limit):
 * more would multiply the wait on a node that trickles, since a timed-out
 * request is retried too. So a read ends within twice the request timeout.
 */
const RPC_RETRIES = 1;
/** Far above any answer cutover asks for (a receipt, a block number, a storage slot, an event page). */
const MAX_RPC_ANSWER_BYTES = 8 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
function defaultPolling(rpcUrl) {
    try {
        return LOOPBACK.has(new URL(rpcUrl).hostname) ? 50 : 1000;
    }
    catch {
        return 1000;
    }
}
/**
 * Clients for one chain, after checking that the RPC endpoint answers and
 * serves the chain the config names: a wrong chain would send an upgrade
 * somewhere nobody meant. Messages never show the URL, which may carry an API key.
 */
async function connectChain(settings, fields) {
    const chain = (0,viem__WEBPACK_IMPORTED_MODULE_1__/* .defineChain */ .x)({
        id: settings.chainId,
        name: `chain ${settings.chainId}`,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [settings.rpcUrl] } }
    });
    const pollingInterval = settings.pollingMs ?? defaultPolling(settings.rpcUrl);
    const transport = (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .http */ .L)(settings.rpcUrl, {
        timeout: settings.requestTimeoutMs ?? RPC_REQUEST_MS,
        retryCount: RPC_RETRIES,
        maxResponseBodySize: MAX_RPC_ANSWER_BYTES,
        ...(settings.signal ? { fetchOptions: { signal: settings.signal } } : {})
    });
    const client = (0,viem__WEBPACK_IMPORTED_MODULE_3__/* .createPublicClient */ .l)({ chain, transport, pollingInterval });
    let actual;
    try {
        actual = await client.getChainId();
    }
    catch (error) {
        if (settings.signal?.aborted)
            throw error;
        // Not bad input as such: a node that is down for a moment answers again later.
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`${fields.rpc}: the RPC endpoint does not answer eth_chainId (${describeRpcFailure(error)}). Check the URL, its API key and the network; the URL is not shown because it may carry a key.`);
    }
    if (actual !== settings.chainId) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`${fields.chainId}: expected chain ${settings.chainId}, but the RPC endpoint of ${fields.rpc} serves chain ${actual}. Point ${fields.rpc} at chain ${settings.chainId}, or set ${fields.chainId} to ${actual} if that is the chain you mean.`);
    }
    if (settings.privateKey === undefined)
        return { client, wallet: null, account: null, chainId: actual };
    const account = signer(settings.privateKey, fields.privateKey ?? 'the private key');
    const wallet = (0,viem__WEBPACK_IMPORTED_MODULE_4__/* .createWalletClient */ .F)({ chain, account, transport, pollingInterval });
    return { client, wallet, account: account.address, chainId: actual };
}
function signer(privateKey, field) {
    try {
        return (0,viem_accounts__WEBPACK_IMPORTED_MODULE_5__/* .privateKeyToAccount */ .R)(privateKey);
    }
    catch {
        // The library's message may quote the key; say only what shape is expected.
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`${field}: not a valid private key (expected 0x and 64 hex digits; the value is not shown). Set it to the deployer's key, from a secret.`);
    }
}
/** Why an RPC request failed, without viem's full message: that one quotes the URL. */
function describeRpcFailure(error) {
    if (!(error instanceof viem__WEBPACK_IMPORTED_MODULE_6__/* .BaseError */ .C))
        return error instanceof Error ? error.name : 'unknown error';
    const status = error.walk(e => typeof e.status === 'number')?.status;
    const code = error.walk(e => typeof e.code === 'string')?.code;
    return [error.shortMessage.replace(/\.$/, ''), status && `HTTP ${status}`, code].filter(Boolean).join(', ');
}


/***/ }),

/***/ 73240:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VL: () => (/* binding */ simulateCreate2),
/* harmony export */   ii: () => (/* binding */ deployCreate2),
/* harmony export */   up: () => (/* binding */ hasCode),
/* harmony export */   v6: () => (/* binding */ create2Address)
/* harmony export */ });
/* unused harmony export DETERMINISTIC_DEPLOYER */
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56411);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58767);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65878);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36045);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99746);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(747);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(29298);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(32193);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(74381);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(32615);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);
/* harmony import */ var _transactions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86416);



/**
 * Arachnid's deterministic deployment proxy: the same address on anvil and
 * most public chains. Called with salt ++ init code, it CREATE2s the contract
 * and reverts when that fails.
 */
const DETERMINISTIC_DEPLOYER = '0x4e59b44847b379578588920ca78fbf26c0b4956c';
/** Where the deployer puts `initCode` with `salt`: the same on every chain, before anything is sent. */
function create2Address(initCode, salt) {
    if ((0,viem__WEBPACK_IMPORTED_MODULE_2__/* .size */ .E)(salt) !== 32)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`CREATE2 salt ${salt}: expected 32 bytes, got ${(0,viem__WEBPACK_IMPORTED_MODULE_2__/* .size */ .E)(salt)}. Pad it to 32 bytes (64 hex digits).`);
    return (0,viem__WEBPACK_IMPORTED_MODULE_3__/* .getContractAddress */ .RZ)({ opcode: 'CREATE2', from: DETERMINISTIC_DEPLOYER, salt, bytecode: initCode });
}
/**
 * Deploys `initCode` at its CREATE2 address. When code is already there (a
 * rerun, or someone deployed the same bytes) it sends nothing: hash is null.
 */
async function deployCreate2(chain, initCode, salt, options) {
    const address = create2Address(initCode, salt);
    if (await hasCode(chain, address))
        return { address, hash: null };
    await requireDeployer(chain);
    const sent = await (0,_transactions_js__WEBPACK_IMPORTED_MODULE_1__/* .sendCall */ .ni)(chain, { to: DETERMINISTIC_DEPLOYER, data: (0,viem__WEBPACK_IMPORTED_MODULE_4__/* .concat */ .xW)([salt, initCode]), value: 0n }, options);
    if (!(await hasCode(chain, address)))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`the CREATE2 deployment in transaction ${sent.hash} left no code at ${address}: the constructor returned empty code.`);
    return { address, hash: sent.hash };
}
/**
 * The runtime code deployCreate2 would leave at create2Address(initCode, salt),
 * constructor run and immutables set (OZ's UUPSUpgradeable keeps its own
 * address in one), without sending anything: an eth_call to the deployer with
 * its code replaced, for that call only, by CREATE2_PROBE. The created address
 * is the real one because CREATE2 depends only on the deployer's address, the
 * salt and the init code. Code already there is returned as it is. A constructor
 * that reverts, or code the chain refuses, is a ReleaseError with the reason.
 */
async function simulateCreate2(chain, initCode, salt, blockNumber) {
    const address = create2Address(initCode, salt);
    const at = blockNumber === undefined ? {} : { blockNumber };
    const existing = await chain.client.getCode({ address, ...at });
    if (existing !== undefined && (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .size */ .E)(existing) > 0)
        return existing;
    await requireDeployer(chain, blockNumber);
    let code;
    try {
        // From the signer, so that tx.origin in a constructor is the one the deployment will have.
        ({ data: code } = await chain.client.call({
            account: chain.account ?? undefined,
            to: DETERMINISTIC_DEPLOYER,
            data: (0,viem__WEBPACK_IMPORTED_MODULE_4__/* .concat */ .xW)([salt, initCode]),
            stateOverride: [{ address: DETERMINISTIC_DEPLOYER, code: CREATE2_PROBE }],
            ...at
        }));
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(creationFailure(error, address));
    }
    if (code === undefined || (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .size */ .E)(code) === 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`deploying at ${address} would leave no code there: the constructor returns empty code. Nothing was sent.`);
    return code;
}
async function requireDeployer(chain, blockNumber) {
    if (await hasCode(chain, DETERMINISTIC_DEPLOYER, blockNumber))
        return;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`chain ${chain.chainId} has no deterministic deployment proxy at ${DETERMINISTIC_DEPLOYER}, which deploys implementations with CREATE2. Deploy it there first (github.com/Arachnid/deterministic-deployment-proxy), or deploy the implementation yourself and give its address.`);
}
/** Whether any code is at `address`, at `blockNumber` or the latest block. */
async function hasCode(chain, address, blockNumber) {
    const code = await chain.client.getCode({ address, ...(blockNumber === undefined ? {} : { blockNumber }) });
    return code !== undefined && (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .size */ .E)(code) > 0;
}
/** What CREATE2_PROBE reverts with, and only when the creation failed: the constructor's revert data, if any. */
const CREATION_FAILED_SIGNATURE = 'error CreationFailed(bytes revertData)';
const CREATION_FAILED = (0,viem__WEBPACK_IMPORTED_MODULE_5__/* .parseAbiItem */ .$)(CREATION_FAILED_SIGNATURE);
/**
 * The program that stands in for the deployer during a simulation. Calldata is
 * what the deployer takes, salt (32 bytes) ++ init code. Each step: the
 * instruction, then the stack after it (top first) or why. PUSH1 0 rather than
 * PUSH0 keeps it valid on chains before Shanghai.
 */
const CREATE2_PROBE_STEPS = [
    // Copy the init code to memory[0, n).
    ['CALLDATASIZE', '[calldatasize]'],
    ['PUSH1 0x20', '[32, calldatasize]'],
    ['SWAP1', '[calldatasize, 32]'],
    ['SUB', '[n]: the init code is everything after the salt'],
    ['DUP1', '[n, n]'],
    ['PUSH1 0x20', '[32, n, n]'],
    ['PUSH1 0x00', '[0, 32, n, n]'],
    ['CALLDATACOPY', '[n]: memory[0, n) = calldata[32, 32 + n)'],
    // CREATE2 it from this address with the salt: the address the real deployer would create.
    ['PUSH1 0x00', '[0, n]'],
    ['CALLDATALOAD', '[salt, n]'],
    ['SWAP1', '[n, salt]'],
    ['PUSH1 0x00', '[0, n, salt]: memory offset'],
    ['PUSH1 0x00', '[0, 0, n, salt]: value'],
    ['CREATE2', '[created]: 0 when the constructor reverted or its code was refused'],
    ['DUP1', '[created, created]'],
    ['PUSH1 @created', '[created-label, created, created]'],
    ['JUMPI', '[created]: jump when the creation worked'],
    // Failed: revert with CreationFailed(revertData), revertData = the constructor's own revert data (the return data now).
    [`PUSH4 ${(0,viem__WEBPACK_IMPORTED_MODULE_6__/* .toFunctionSelector */ .V)(CREATION_FAILED_SIGNATURE)}`, '[selector, 0]'],
    ['PUSH1 0xe0', '[224, selector, 0]'],
    ['SHL', '[selector << 224, 0]'],
    ['PUSH1 0x00', '[0, selector << 224, 0]'],
    ['MSTORE', '[0]: memory[0, 4) = selector'],
    ['PUSH1 0x20', '[32, 0]'],
    ['PUSH1 0x04', '[4, 32, 0]'],
    ['MSTORE', '[0]: memory[4, 36) = 32, where the bytes start after the selector'],
    ['RETURNDATASIZE', '[len, 0]'],
    ['PUSH1 0x24', '[36, len, 0]'],
    ['MSTORE', '[0]: memory[36, 68) = len'],
    ['RETURNDATASIZE', '[len, 0]'],
    ['PUSH1 0x00', '[0, len, 0]'],
    ['PUSH1 0x44', '[68, 0, len, 0]'],
    ['RETURNDATACOPY', '[0]: memory[68, 68 + len) = the constructor\'s revert data'],
    ['PUSH1 0x00', '[0, 0]'],
    ['RETURNDATASIZE', '[len, 0, 0]'],
    ['PUSH1 0x44', '[68, len, 0, 0]'],
    ['ADD', '[68 + len, 0, 0]'],
    ['MSTORE', '[0]: zero the ABI padding, where memory still holds init code'],
    ['PUSH1 0x1f', '[31, 0]'],
    ['RETURNDATASIZE', '[len, 31, 0]'],
    ['ADD', '[len + 31, 0]'],
    ['PUSH1 0x1f', '[31, len + 31, 0]'],
    ['NOT', '[~31, len + 31, 0]'],
    ['AND', '[len rounded up to 32 bytes, 0]'],
    ['PUSH1 0x44', '[68, padded, 0]'],
    ['ADD', '[68 + padded, 0]'],
    ['PUSH1 0x00', '[0, 68 + padded, 0]'],
    ['REVERT', 'revert with memory[0, 68 + padded)'],
    // Created: return its runtime code.
    ['JUMPDEST @created', '[created]'],
    ['DUP1', '[created, created]'],
    ['EXTCODESIZE', '[codesize, created]'],
    ['DUP1', '[codesize, codesize, created]'],
    ['PUSH1 0x00', '[0, codesize, codesize, created]: offset in the code'],
    ['PUSH1 0x00', '[0, 0, codesize, codesize, created]: memory offset'],
    ['DUP5', '[created, 0, 0, codesize, codesize, created]'],
    ['EXTCODECOPY', '[codesize, created]: memory[0, codesize) = the runtime code'],
    ['PUSH1 0x00', '[0, codesize, created]'],
    ['RETURN', 'return memory[0, codesize)']
];
/** The opcodes CREATE2_PROBE_STEPS use (numbers from the Ethereum yellow paper). */
const OPCODES = {
    ADD: 0x01, SUB: 0x03, AND: 0x16, NOT: 0x19, SHL: 0x1b,
    CALLDATALOAD: 0x35, CALLDATASIZE: 0x36, CALLDATACOPY: 0x37, EXTCODESIZE: 0x3b, EXTCODECOPY: 0x3c, RETURNDATASIZE: 0x3d, RETURNDATACOPY: 0x3e,
    MSTORE: 0x52, JUMPI: 0x57, JUMPDEST: 0x5b, PUSH1: 0x60, PUSH4: 0x63, DUP1: 0x80, DUP5: 0x84, SWAP1: 0x90,
    CREATE2: 0xf5, RETURN: 0xf3, REVERT: 0xfd
};
/**
 * Assembles steps to bytecode. `PUSHn 0x…` pushes a constant, `PUSHn @label`
 * the offset of `JUMPDEST @label`: offsets are known before the bytes, since
 * each instruction's size is fixed by its name.
 */
function assemble(steps) {
    const parsed = steps.map(([instruction]) => {
        const [name = '', operand] = instruction.split(' ');
        const opcode = OPCODES[name];
        if (opcode === undefined)
            throw new Error(`assembler: unknown instruction ${instruction}`);
        const width = name.startsWith('PUSH') ? Number(name.slice(4)) : 0;
        return { name, opcode, operand, width };
    });
    const labels = new Map();
    let offset = 0;
    for (const step of parsed) {
        if (step.name === 'JUMPDEST' && step.operand)
            labels.set(step.operand, offset);
        offset += 1 + step.width;
    }
    return (0,viem__WEBPACK_IMPORTED_MODULE_4__/* .concat */ .xW)(parsed.map(({ opcode, operand, width }) => {
        if (width === 0)
            return (0,viem__WEBPACK_IMPORTED_MODULE_7__/* .numberToHex */ .cK)(opcode, { size: 1 });
        const value = operand?.startsWith('@') ? labels.get(operand) : Number(operand);
        if (value === undefined || Number.isNaN(value))
            throw new Error(`assembler: bad operand ${operand}`);
        return (0,viem__WEBPACK_IMPORTED_MODULE_4__/* .concat */ .xW)([(0,viem__WEBPACK_IMPORTED_MODULE_7__/* .numberToHex */ .cK)(opcode, { size: 1 }), (0,viem__WEBPACK_IMPORTED_MODULE_7__/* .numberToHex */ .cK)(value, { size: width })]);
    }));
}
const CREATE2_PROBE = assemble(CREATE2_PROBE_STEPS);
/** Why the simulated creation failed: the constructor's revert decoded like any call's, or what the node said. */
function creationFailure(error, address) {
    const nothingSent = 'Nothing was sent.';
    const revertData = probeRevertData(error);
    if (revertData === null) {
        const said = (0,_transactions_js__WEBPACK_IMPORTED_MODULE_1__/* .revertReason */ .L4)(error) ?? (error instanceof viem__WEBPACK_IMPORTED_MODULE_8__/* .BaseError */ .C ? error.shortMessage : String(error));
        return `simulating the CREATE2 deployment at ${address} failed: ${said}. The RPC endpoint must answer eth_call with a state override. ${nothingSent}`;
    }
    if ((0,viem__WEBPACK_IMPORTED_MODULE_2__/* .size */ .E)(revertData) === 0) {
        return `deploying at ${address} would fail: the constructor reverts without a reason or runs out of gas, or the chain refuses the code it returns (over 24576 bytes, or starting with 0xef). ${nothingSent}`;
    }
    return `deploying at ${address} would fail: the constructor reverts with ${(0,_transactions_js__WEBPACK_IMPORTED_MODULE_1__/* .revertReason */ .L4)(new viem__WEBPACK_IMPORTED_MODULE_9__/* .RawContractError */ .$S({ data: revertData }))}. ${nothingSent}`;
}
/** The constructor's revert data when the error is CREATE2_PROBE's CreationFailed; null for any other failure. */
function probeRevertData(error) {
    if (!(error instanceof viem__WEBPACK_IMPORTED_MODULE_8__/* .BaseError */ .C))
        return null;
    const carrier = error.walk(e => (0,viem__WEBPACK_IMPORTED_MODULE_10__/* .isHex */ .q)(e.data));
    if (!carrier)
        return null;
    try {
        return (0,viem__WEBPACK_IMPORTED_MODULE_11__/* .decodeErrorResult */ .W)({ abi: [CREATION_FAILED], data: carrier.data }).args[0];
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 10869:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ addressInSlot),
/* harmony export */   w: () => (/* binding */ EIP1967_SLOTS)
/* harmony export */ });
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(747);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80327);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71006);

/** EIP-1967: bytes32(uint256(keccak256(label)) - 1), a slot no Solidity layout can reach by accident. */
function slotOf(label) {
    return (0,viem__WEBPACK_IMPORTED_MODULE_0__/* .toHex */ .nj)(BigInt((0,viem__WEBPACK_IMPORTED_MODULE_1__/* .keccak256 */ .S)((0,viem__WEBPACK_IMPORTED_MODULE_0__/* .toHex */ .nj)(label))) - 1n, { size: 32 });
}
/** The storage slots an EIP-1967 proxy keeps its implementation, admin and beacon in. */
const EIP1967_SLOTS = {
    implementation: slotOf('eip1967.proxy.implementation'),
    admin: slotOf('eip1967.proxy.admin'),
    beacon: slotOf('eip1967.proxy.beacon')
};
const ADDRESS_BITS = (1n << 160n) - 1n;
/** The address a storage word holds (its low 20 bytes), checksummed; null for an empty slot. */
function addressInSlot(word) {
    const value = BigInt(word === '0x' ? 0 : word);
    if (value === 0n)
        return null;
    return (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .getAddress */ .b)((0,viem__WEBPACK_IMPORTED_MODULE_0__/* .toHex */ .nj)(value & ADDRESS_BITS, { size: 20 }));
}


/***/ }),

/***/ 2934:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ readProxy),
/* harmony export */   p: () => (/* binding */ checkProxiable)
/* harmony export */ });
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17218);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56411);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29298);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32193);
/* harmony import */ var _eip1967_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10869);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8835);



const ABI = (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .parseAbi */ .U)([
    'function owner() view returns (address)',
    'function implementation() view returns (address)',
    'function proxiableUUID() view returns (bytes32)'
]);
/**
 * Reads the proxy at the latest block, every value at that same block so they
 * agree with each other. Refuses, naming `field`, when the address holds no
 * proxy of `kind`, and says what it found instead.
 */
async function readProxy(chain, proxy, kind, field) {
    const { client } = chain;
    const latest = await client.getBlock({ blockTag: 'latest' });
    const blockNumber = latest.number;
    const block = { number: blockNumber, hash: latest.hash };
    const refuse = (found, fix) => new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Ys(`${field}: ${proxy} ${found} at block ${blockNumber} of chain ${chain.chainId}. ${fix}`);
    const code = await client.getCode({ address: proxy, blockNumber });
    if (!code || (0,viem__WEBPACK_IMPORTED_MODULE_3__/* .size */ .E)(code) === 0)
        throw refuse('has no code', 'Check the address and the chain.');
    const slot = async (name) => (0,_eip1967_js__WEBPACK_IMPORTED_MODULE_0__/* .addressInSlot */ .K)((await client.getStorageAt({ address: proxy, slot: _eip1967_js__WEBPACK_IMPORTED_MODULE_0__/* .EIP1967_SLOTS */ .w[name], blockNumber })) ?? '0x');
    const [implementation, admin, beacon] = await Promise.all([slot('implementation'), slot('admin'), slot('beacon')]);
    const owner = (contract) => answerOrNull(client.readContract({ address: contract, abi: ABI, functionName: 'owner', blockNumber }));
    if (kind === 'beacon') {
        if (!beacon) {
            throw implementation
                ? refuse(`is not a beacon proxy: its beacon slot is empty and its implementation slot holds ${implementation}`, `Set the proxy kind to ${admin ? 'transparent' : 'uups'}.`)
                : refuse('is not an EIP-1967 proxy: its beacon and implementation slots are empty', 'Point it at the BeaconProxy, not at the beacon or the implementation.');
        }
        const fromBeacon = await answerOrNull(client.readContract({ address: beacon, abi: ABI, functionName: 'implementation', blockNumber }));
        if (!fromBeacon)
            throw refuse(`names beacon ${beacon} in its beacon slot, which does not answer implementation()`, 'Check that the beacon is an UpgradeableBeacon on this chain.');
        return { proxy, kind, implementation: fromBeacon, admin, beacon, upgrader: await owner(beacon), block };
    }
    if (!implementation) {
        throw beacon
            ? refuse(`is a beacon proxy (its beacon slot holds ${beacon}, its implementation slot is empty), not ${kind}`, 'Set the proxy kind to beacon.')
            : refuse('is not an EIP-1967 proxy: its implementation slot is empty', 'Point it at the proxy, not at an implementation.');
    }
    if (kind === 'transparent') {
        if (!admin)
            throw refuse(`has no admin in its admin slot (implementation ${implementation}): it is not a transparent proxy`, 'Set the proxy kind to uups.');
        return { proxy, kind, implementation, admin, beacon, upgrader: await owner(admin), block };
    }
    if (admin)
        throw refuse(`is a transparent proxy (its admin slot holds ProxyAdmin ${admin}), not uups`, 'Set the proxy kind to transparent.');
    return { proxy, kind, implementation, admin, beacon, upgrader: await owner(proxy), block };
}
/**
 * Refuses a UUPS implementation that does not answer proxiableUUID() with the
 * implementation slot: without UUPS upgrade code, the proxy could never be upgraded again.
 */
async function checkProxiable(chain, implementation, code) {
    // With `code`, the implementation answers from that code, deployed or not (a CREATE2 deploy still to come).
    const override = code ? { stateOverride: [{ address: implementation, code }] } : {};
    const uuid = await answerOrNull(chain.client.readContract({ address: implementation, abi: ABI, functionName: 'proxiableUUID', ...override }));
    if (uuid?.toLowerCase() === _eip1967_js__WEBPACK_IMPORTED_MODULE_0__/* .EIP1967_SLOTS */ .w.implementation)
        return;
    const found = uuid ? `answers ${uuid}` : 'does not answer (it reverts, or has no such function)';
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ReleaseError */ .K2(`implementation ${implementation} is not UUPS-proxiable: proxiableUUID() ${found}, where ${_eip1967_js__WEBPACK_IMPORTED_MODULE_0__/* .EIP1967_SLOTS */ .w.implementation} (the EIP-1967 implementation slot) is expected. Upgrading a UUPS proxy to it would brick the proxy: the new code would have no way to upgrade it again. Build it on UUPSUpgradeable.`);
}
/** The value a view call returns; null when the contract reverts or has no such function (or no code), since "nobody answers" is an answer. */
async function answerOrNull(read) {
    try {
        return await read;
    }
    catch (error) {
        if (error instanceof viem__WEBPACK_IMPORTED_MODULE_4__/* .BaseError */ .C && error.walk(e => e instanceof viem__WEBPACK_IMPORTED_MODULE_5__/* .ContractFunctionRevertedError */ .M || e instanceof viem__WEBPACK_IMPORTED_MODULE_5__/* .ContractFunctionZeroDataError */ .rR))
            return null;
        throw error;
    }
}


/***/ }),

/***/ 86416:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L4: () => (/* binding */ revertReason),
  ni: () => (/* binding */ sendCall),
  oJ: () => (/* binding */ waitForBlock),
  PJ: () => (/* binding */ waitForSent)
});

// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/address/getAddress.js
var getAddress = __webpack_require__(71006);
// EXTERNAL MODULE: ./node_modules/viem/_esm/errors/transaction.js
var transaction = __webpack_require__(23725);
// EXTERNAL MODULE: ./node_modules/abitype/dist/esm/human-readable/parseAbi.js
var parseAbi = __webpack_require__(17218);
// EXTERNAL MODULE: ./node_modules/viem/_esm/errors/base.js + 1 modules
var base = __webpack_require__(29298);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/data/isHex.js
var isHex = __webpack_require__(74381);
// EXTERNAL MODULE: ./node_modules/viem/_esm/errors/node.js
var node = __webpack_require__(45405);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/data/size.js
var size = __webpack_require__(56411);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/decodeErrorResult.js
var decodeErrorResult = __webpack_require__(32615);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/data/slice.js
var slice = __webpack_require__(96018);
// EXTERNAL MODULE: ./lib/src/shared/duration.js
var duration = __webpack_require__(97568);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/shared/io/wait.js + 1 modules
var wait = __webpack_require__(30102);
// EXTERNAL MODULE: ./lib/src/adapters/evm/block-stall.js
var block_stall = __webpack_require__(78524);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/confirmations.js
/**
 * Chain ids of local development nodes, which by default mine a block only
 * when a transaction arrives: a confirmation there waits for a block that
 * never comes, so they wait for none unless the config says otherwise.
 */
const DEV_CHAINS = new Map([
    // The default of anvil and of Hardhat Network (`hardhat node`): both automine, one block per transaction.
    [31337, 'anvil or Hardhat Network'],
    // The default of Ganache, and of geth --dev, whose default --dev.period 0 mines only on a pending transaction.
    [1337, 'Ganache or geth --dev']
]);
/** Blocks on top of the one with the transaction, off a dev chain: a reorganization of one block is common. */
const PUBLIC_CHAIN_CONFIRMATIONS = 1;
/** The confirmations a transaction waits for: the configured count, else 0 on a dev chain and 1 elsewhere. */
function confirmationsFor(chainId, configured) {
    if (configured !== undefined)
        return { count: configured, defaultReason: null };
    const dev = DEV_CHAINS.get(chainId);
    return dev === undefined
        ? { count: PUBLIC_CHAIN_CONFIRMATIONS, defaultReason: `the default on chain ${chainId}` }
        : { count: 0, defaultReason: `the default on chain ${chainId}, a dev chain (${dev}) that mines only on transactions unless given a block time` };
}

;// CONCATENATED MODULE: ./lib/src/adapters/evm/transactions.js






/**
 * Sends `call` from the chain's signer and returns once it is mined and
 * `confirmations` more blocks are on top. A revert, before sending (gas
 * estimation) or on chain, is a ReleaseError with the decoded reason, and so
 * is a transaction not confirmed within `timeoutMs`, counted from the call:
 * sending (each of its RPC requests bounded by the chain's request timeout)
 * takes from the same budget. So is a wait that sees no new block for the
 * stall time: the chain does not mine on its own. A transaction a
 * reorganization drops is waited for until then, or until `signal` aborts.
 */
async function sendCall(chain, call, options) {
    const account = chain.wallet?.account;
    if (!chain.wallet || !account) {
        const field = options.signerField ?? 'the signer key';
        throw new errors/* BadInputError */.Ys(`${field}: sending ${describeCall(call)} needs a signer, and none is set. Set ${field} from a secret, or propose the call to a Safe instead.`);
    }
    options.signal?.throwIfAborted();
    const deadline = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
    let hash;
    try {
        hash = await chain.wallet.sendTransaction({ account, chain: chain.wallet.chain, to: call.to, data: call.data, value: call.value });
    }
    catch (error) {
        // A cancelled job, not a refusal: whether the transaction went out is for the re-run to read from the chain.
        options.signal?.throwIfAborted();
        throw new errors/* ReleaseError */.K2(`${describeCall(call)} was not sent: ${revertReason(error, options.errors) ?? shortMessage(error)}`);
    }
    options.onWait?.(`sent transaction ${hash} (${describeCall(call)})`);
    await options.onSent?.(hash);
    return settled(chain, hash, call, account.address, options, deadline);
}
/**
 * Waits for a transaction sent earlier (by a run that stopped before it was
 * mined) as sendCall waits for its own, with the same deadline and refusals.
 */
function waitForSent(chain, hash, call, from, options) {
    return settled(chain, hash, call, from, options, options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs));
}
async function settled(chain, hash, call, from, options, deadline) {
    const receipt = await confirmedWithin(chain, hash, call, options, deadline);
    if (receipt.status === 'reverted') {
        throw new errors/* ReleaseError */.K2(`${describeCall(call)} reverted in block ${receipt.blockNumber} (transaction ${hash}): ${await replayReason(chain, call, from, receipt, options.errors)}`);
    }
    const { blockNumber, blockHash, gasUsed, contractAddress } = receipt;
    return { hash, blockNumber, blockHash, gasUsed, contractAddress: contractAddress ? (0,getAddress/* getAddress */.b)(contractAddress) : null };
}
/**
 * Waits until the chain is at `height` or above and returns its height; at
 * once when it already is. `onWait` hears each new height while waiting;
 * `watch` hears every height polled, and ends the wait when the chain stalls.
 */
async function waitForBlock(chain, height, options = {}) {
    let reported = null;
    const heightNow = async () => {
        const current = await chain.client.getBlockNumber({ cacheTime: 0 });
        if (current < height) {
            if (current !== reported)
                options.onWait?.(current);
            reported = current;
            await options.watch?.saw(current);
        }
        return current;
    };
    // No deadline of its own: the signal ends the wait, and the watch a chain that stalls.
    const { result } = await (0,wait/* poll */.wt)(heightNow, { what: `block ${height}`, done: current => current >= height, timeoutMs: Infinity, intervalMs: chain.client.pollingInterval, signal: options.signal });
    return result;
}
/** The confirmed receipt, or a ReleaseError naming the transaction once `timeoutMs` is over: a node that stopped mining would otherwise hold the step forever. */
async function confirmedWithin(chain, hash, call, options, deadline) {
    const confirmations = confirmationsFor(chain.chainId, options.confirmations);
    if (deadline === undefined || options.timeoutMs === undefined)
        return confirmedReceipt(chain, hash, call, confirmations, options);
    try {
        return await confirmedReceipt(chain, hash, call, confirmations, { ...options, signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline });
    }
    catch (error) {
        if (!deadline.aborted || options.signal?.aborted)
            throw error;
        const waitedFor = confirmations.count > 0 ? `mined and confirmed by ${confirmations.count} more block(s)` : 'mined';
        throw new errors/* ReleaseError */.K2(`transaction ${hash} (${describeCall(call)}) was not ${waitedFor} within ${(0,duration/* formatDuration */.a3)(options.timeoutMs)}. It may still be mined: check it on a block explorer, then run the step again; a re-run reads the chain first, so it does not send the change twice.`);
    }
}
const DEFAULT_FIELDS = { confirmations: 'confirmations', blockStall: 'block-stall' };
async function confirmedReceipt(chain, hash, call, { count, defaultReason }, options) {
    const { signal, onWait, fields = DEFAULT_FIELDS } = options;
    const why = defaultReason ? `, ${defaultReason}; ${fields.confirmations} sets it` : '';
    const watch = (0,block_stall/* watchBlocks */.Od)(chain, options.blockStallMs);
    for (;;) {
        const receipt = await minedReceipt(chain, hash, watch, signal).catch(error => {
            throw error instanceof block_stall/* ChainStalledError */.t_ ? notMined(hash, call, error.stall, fields) : error;
        });
        if (receipt.status === 'reverted')
            return receipt;
        if (count <= 0) {
            if (defaultReason)
                onWait?.(`transaction ${hash} is in block ${receipt.blockNumber}; no confirmations to wait for (0${why})`);
            return receipt;
        }
        const height = receipt.blockNumber + BigInt(count);
        onWait?.(`transaction ${hash} is in block ${receipt.blockNumber}; waiting for block ${height} (${count} confirmation(s)${why})`);
        await waitForBlock(chain, height, { signal, watch, onWait: now => onWait?.(`  block ${now}, waiting for ${height}`) }).catch(error => {
            throw error instanceof block_stall/* ChainStalledError */.t_ ? unconfirmed(hash, call, receipt.blockNumber, count, error.stall, fields) : error;
        });
        const settled = await findReceipt(chain, hash);
        if (settled?.blockHash === receipt.blockHash)
            return settled;
        // A reorganization moved or dropped the transaction: wait for it to be mined again.
    }
}
async function minedReceipt(chain, hash, watch, signal) {
    const receipt = async () => {
        const found = await findReceipt(chain, hash);
        if (!found)
            await watch.saw(await chain.client.getBlockNumber({ cacheTime: 0 }));
        return found;
    };
    const { result } = await (0,wait/* poll */.wt)(receipt, { what: `transaction ${hash} to be mined`, done: found => found !== null, timeoutMs: Infinity, intervalMs: chain.client.pollingInterval, signal });
    return result;
}
/** How long no block came, and the setting for a chain that is only slow. */
function stallFacts(stall, fields) {
    const source = stall.derived ? `five of its usual block intervals, at least ${(0,duration/* formatDuration */.a3)(block_stall/* MIN_BLOCK_STALL_MS */.pG)}` : 'as configured';
    return {
        quiet: `no new block came after block ${stall.height} for ${(0,duration/* formatDuration */.a3)(stall.quietMs)}`,
        ifSlow: `if the chain is only slow, raise ${fields.blockStall} (now ${(0,duration/* formatDuration */.a3)(stall.stallMs)}: ${source})`
    };
}
/**
 * Mined, so its change is in effect at the chain's head: not unchanged. A re-run finds the change on chain and
 * goes on without sending it again, which is what resumable says.
 */
function unconfirmed(hash, call, block, count, stall, fields) {
    const { quiet, ifSlow } = stallFacts(stall, fields);
    return new errors/* ReleaseError */.K2(`transaction ${hash} (${describeCall(call)}) is in block ${block}, and its change is in effect on the chain as of that block, but it has no confirmation: ${quiet}, ` +
        `while ${count} confirmation(s) were due. The chain seems to mine only on demand (like anvil or Hardhat without a block time). ` +
        `Run the step again: it reads the chain first, finds the change there and goes on without sending it twice. ` +
        `Set ${fields.confirmations}: 0 for such a chain, or start it with a block time (anvil --block-time 1); ${ifSlow}.`, 'resumable');
}
/** Sent and not mined: whether it will be decides what the step changed, so no cause is given. */
function notMined(hash, call, stall, fields) {
    const { quiet, ifSlow } = stallFacts(stall, fields);
    return new errors/* ReleaseError */.K2(`transaction ${hash} (${describeCall(call)}) was sent and is not mined: ${quiet}. The chain seems not to mine at all (like anvil with automine off and no block time). ` +
        `It may still be mined once a block comes: check it, then run the step again; a re-run reads the chain first, so it does not send the change twice. ` +
        `Start the chain with a block time (anvil --block-time 1) or automine; ${ifSlow}.`);
}
async function findReceipt(chain, hash) {
    try {
        return await chain.client.getTransactionReceipt({ hash });
    }
    catch (error) {
        if (error instanceof transaction/* TransactionReceiptNotFoundError */.Kc)
            return null;
        throw error;
    }
}
/**
 * A receipt says only that the transaction reverted: run the call again at
 * the end of its block, which holds whatever state change beat it, for the reason.
 */
async function replayReason(chain, call, from, receipt, errors) {
    try {
        await chain.client.call({ account: from, to: call.to ?? undefined, data: call.data, value: call.value, blockNumber: receipt.blockNumber });
    }
    catch (error) {
        return revertReason(error, errors) ?? shortMessage(error);
    }
    return `no reason: the call succeeds when replayed at block ${receipt.blockNumber}, so it likely ran out of gas (it used ${receipt.gasUsed})`;
}
/** Errors an upgrade can hit in OpenZeppelin v5 proxies, beacons and upgradeable contracts, decoded by name. */
const KNOWN_ERRORS = (0,parseAbi/* parseAbi */.U)([
    'error OwnableUnauthorizedAccount(address account)',
    'error OwnableInvalidOwner(address owner)',
    'error ERC1967InvalidImplementation(address implementation)',
    'error ERC1967InvalidAdmin(address admin)',
    'error ERC1967InvalidBeacon(address beacon)',
    'error ERC1967NonPayable()',
    'error ERC1967ProxyUninitialized()',
    'error UUPSUnauthorizedCallContext()',
    'error UUPSUnsupportedProxiableUUID(bytes32 slot)',
    'error BeaconInvalidImplementation(address implementation)',
    'error ProxyDeniedAdminAccess()',
    'error InvalidInitialization()',
    'error NotInitializing()',
    'error AddressEmptyCode(address target)',
    'error FailedCall()'
]);
/**
 * Why a call reverted, decoded from the revert data viem carries in the error's
 * cause chain: `Error(string)` as its text, an error OpenZeppelin's contracts or
 * `abi` declare as `Name(args)`, any other as its selector. Null when the error is not a revert.
 */
function revertReason(error, abi = []) {
    if (!(error instanceof base/* BaseError */.C))
        return null;
    const carrier = error.walk(e => (0,isHex/* isHex */.q)(e.data));
    if (!carrier)
        return error.walk(e => e instanceof node/* ExecutionRevertedError */.A7) ? 'reverted without a reason' : null;
    const data = carrier.data;
    if ((0,size/* size */.E)(data) < 4)
        return 'reverted without a reason';
    try {
        // viem adds Error(string) and Panic(uint256) to the ABI it decodes with, but not to the result's type.
        const decoded = (0,decodeErrorResult/* decodeErrorResult */.W)({ abi: [...KNOWN_ERRORS, ...abi.filter(item => item.type === 'error')], data });
        if (decoded.errorName === 'Error')
            return String(decoded.args?.[0]);
        return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`;
    }
    catch {
        return `custom error ${(0,slice/* slice */.di)(data, 0, 4)} (not one cutover knows; look the selector up in the contract's ABI)`;
    }
}
/** viem's one-line summary: its full message carries the whole call data, and the RPC URL. */
function shortMessage(error) {
    if (error instanceof base/* BaseError */.C)
        return error.shortMessage;
    return error instanceof Error ? error.message : String(error);
}
/** A call named by target and selector, never by its (possibly huge) call data. */
function describeCall(call) {
    if (call.to === null)
        return `the contract creation (${(0,size/* size */.E)(call.data)} bytes of init code)`;
    return (0,size/* size */.E)(call.data) >= 4 ? `the call ${(0,slice/* slice */.di)(call.data, 0, 4)} to ${call.to}` : `the transaction to ${call.to}`;
}


/***/ })

};
