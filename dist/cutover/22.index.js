import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 22;
export const ids = [22];
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

/***/ 66022:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createEvmProxyRouter: () => (/* binding */ createEvmProxyRouter),
  evmProxyOptionsSchema: () => (/* reexport */ options/* evmProxyOptionsSchema */.k)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/core/color.js
var core_color = __webpack_require__(57231);
// EXTERNAL MODULE: ./lib/src/core/weights.js
var weights = __webpack_require__(17705);
;// CONCATENATED MODULE: ./lib/src/adapters/routers/evm-proxy/implementation-colors.js


/**
 * For a contract proxy the colors are its two implementations in one release:
 * the one live when the snapshot was taken and the new one (`candidate`). There
 * is no router file to keep them in, so the release's snapshot does: while it
 * names the candidate, its colors stand; otherwise a new release starts and the
 * live implementation keeps the color it had (blue the first time).
 */
function implementationState(facts) {
    const same = (a, b) => a.toLowerCase() === b.toLowerCase();
    const { live, candidate, recorded, settings } = facts;
    const colorOf = (address) => (recorded ? core_color/* COLORS */.lm.find(c => same(recorded.endpoints[c], address)) : undefined);
    if (recorded && same(recorded.endpoints[(0,core_color/* otherColor */.IP)((0,weights/* liveColorOf */.RB)(recorded.weights))], candidate)) {
        const before = (0,weights/* liveColorOf */.RB)(recorded.weights);
        const now = colorOf(live);
        // An implementation the release does not know stands in the live color's place, so the digest shows the drift.
        const endpoints = now ? { ...recorded.endpoints } : { ...recorded.endpoints, [before]: live };
        return { kind: 'evm-proxy', endpoints, weights: (0,weights/* weightsAllOn */.SI)(now ?? before), settings };
    }
    const color = colorOf(live) ?? 'blue';
    return { kind: 'evm-proxy', endpoints: { [color]: live, [(0,core_color/* otherColor */.IP)(color)]: candidate }, weights: (0,weights/* weightsAllOn */.SI)(color), settings };
}

// EXTERNAL MODULE: ./lib/src/core/router-state.js
var router_state = __webpack_require__(69611);
// EXTERNAL MODULE: ./lib/src/adapters/evm/contract-build.js + 5 modules
var contract_build = __webpack_require__(83220);
// EXTERNAL MODULE: ./lib/src/adapters/evm/proxy-state.js
var proxy_state = __webpack_require__(2934);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/hash/keccak256.js
var keccak256 = __webpack_require__(80327);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/encoding/toHex.js
var toHex = __webpack_require__(747);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/safe-proposal.js

/** The Transaction Builder release whose batch format this follows. */
const TX_BUILDER_VERSION = '1.18.0';
/**
 * `call` as a Safe Transaction Builder batch file, for a team whose upgrader is
 * a Safe: they import it in the Safe app, and its owners sign it there. Raw call
 * data only (contractMethod null), so the builder proposes exactly these bytes.
 */
function safeProposal(call, meta) {
    const batch = {
        version: '1.0',
        chainId: String(meta.chainId),
        createdAt: meta.createdAt.getTime(),
        meta: {
            name: meta.name,
            description: meta.description,
            txBuilderVersion: TX_BUILDER_VERSION,
            createdFromSafeAddress: meta.safe ?? '',
            createdFromOwnerAddress: ''
        },
        transactions: [{ to: call.to, value: call.value.toString(), data: call.data, contractMethod: null, contractInputsValues: null }]
    };
    return { ...batch, meta: { ...batch.meta, checksum: batchChecksum(batch) } };
}
/**
 * The checksum the Transaction Builder checks on import (it warns that the file
 * was modified when it differs): keccak256 of its own key-sorted serialization,
 * with the name left out so that renaming a batch keeps it valid.
 */
function batchChecksum(batch) {
    return (0,keccak256/* keccak256 */.S)((0,toHex/* stringToHex */.i3)(serialize({ ...batch, meta: { ...batch.meta, name: null } })));
}
// The builder's serialization: an object is `{` + its sorted keys as a JSON array + each value followed by a comma + `}`.
function serialize(value) {
    if (Array.isArray(value))
        return `[${value.map(serialize).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        const keys = Object.keys(value).sort();
        return `{${JSON.stringify(keys)}${keys.map(key => `${serialize(value[key])},`).join('')}}`;
    }
    return JSON.stringify(value ?? null);
}

// EXTERNAL MODULE: ./lib/src/adapters/evm/transactions.js + 1 modules
var transactions = __webpack_require__(86416);
// EXTERNAL MODULE: ./lib/src/adapters/evm/block-stall.js
var block_stall = __webpack_require__(78524);
// EXTERNAL MODULE: ./lib/src/shared/duration.js
var duration = __webpack_require__(97568);
// EXTERNAL MODULE: ./lib/src/adapters/evm/decoded-call.js
var decoded_call = __webpack_require__(70337);
// EXTERNAL MODULE: ./lib/src/adapters/evm/signature-call.js
var signature_call = __webpack_require__(80165);
// EXTERNAL MODULE: ./lib/src/adapters/evm/upgrade-call.js
var upgrade_call = __webpack_require__(38075);
// EXTERNAL MODULE: ./node_modules/abitype/dist/esm/human-readable/parseAbiItem.js
var parseAbiItem = __webpack_require__(36045);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/upgrade-history.js

/** Emitted by every EIP-1967 proxy on an upgrade, and by an UpgradeableBeacon. */
const UPGRADED = (0,parseAbiItem/* parseAbiItem */.$)('event Upgraded(address indexed implementation)');
/** Providers cap the range of one eth_getLogs; this many blocks fits the common limits. */
const LOG_WINDOW = 5000n;
/**
 * The first upgrade of `emitter` (the proxy, or its beacon) to `implementation`
 * in blocks `fromBlock` onwards, read from the chain's own logs; null when
 * there was none. The chain, not a file, then says whether a release's
 * initializer already ran: a record lost, or a step run in another job, cannot
 * make it run twice.
 */
async function firstUpgradeTo(chain, emitter, implementation, fromBlock, window = LOG_WINDOW) {
    const latest = await chain.client.getBlockNumber({ cacheTime: 0 });
    for (let start = fromBlock; start <= latest; start += window) {
        const end = start + window - 1n < latest ? start + window - 1n : latest;
        const logs = await chain.client.getLogs({ address: emitter, event: UPGRADED, args: { implementation }, fromBlock: start, toBlock: end });
        const first = logs.find(log => log.transactionHash !== null && log.blockNumber !== null);
        if (first)
            return { tx: first.transactionHash, block: first.blockNumber };
    }
    return null;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/dist/index.js
var dist = __webpack_require__(2900);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/dist/storage/report.js
var report = __webpack_require__(46362);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/dist/storage/compare.js
var compare = __webpack_require__(50945);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/dist/storage/gap.js
var gap = __webpack_require__(31330);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/dist/validate/run.js
var run = __webpack_require__(16694);
// EXTERNAL MODULE: ./node_modules/@openzeppelin/upgrades-core/dist/storage/layout.js
var storage_layout = __webpack_require__(8574);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/encodeAbiParameters.js
var encodeAbiParameters = __webpack_require__(33570);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/layout-messages.js



/** A storage operation in words: what changed, where, why it is refused and, for an upgrade, what to do instead. */
function describeOp(op, from, to, direction) {
    if (op.kind === 'delete-namespace') {
        return { kind: op.kind, variable: op.namespace, message: `removed namespace ${op.namespace}: keep its struct (with @custom:storage-location ${op.namespace}) even if unused` };
    }
    const field = 'updated' in op ? op.updated : op.original;
    const at = locate(field, 'updated' in op ? to : from);
    const type = field.type.item.label;
    const base = { kind: op.kind, variable: field.label, type, ...(at.slot !== undefined && { slot: at.slot }), ...(at.offset !== undefined && { offset: at.offset }) };
    const name = `\`${field.label}\``;
    const fix = (text) => (direction === 'upgrade' ? `; ${text}` : '');
    switch (op.kind) {
        case 'insert':
        case 'append':
            return { ...base, message: `inserted ${name} (${type}) at ${at.text}: ${at.namespace ? 'new members go at the end of the struct' : 'new variables go after all existing ones, inherited ones included'}` };
        case 'delete':
            return { ...base, message: `deleted ${name} (${type}) at ${at.text}: keep the variable even if unused` };
        case 'move': {
            const was = locate(op.original, from);
            const renamed = op.original.label === field.label ? '' : `, renamed from \`${op.original.label}\``;
            const types = op.original.type.item.label === type ? type : `${op.original.type.item.label} -> ${type}`;
            const why = op.causes.length > 0 ? `, shifted by ${op.causes.join(', ')}` : '';
            const order = at.namespace ? 'keep the members of the struct in their order and add new ones at its end' : 'keep the variables in their order and add new ones after all existing ones, or in a storage gap';
            return {
                ...base,
                message: `moved ${name} (${types}${renamed}) from ${was.text} to ${at.text}${why}: incompatible, its data stays where it was and the ${direction === 'upgrade' ? 'new' : 'old'} code would read something else in its place${fix(order)}`
            };
        }
        case 'typechange':
        case 'layoutchange':
            if (op.kind === 'typechange' || (0,compare.storageFieldBegin)(op.original) === (0,compare.storageFieldBegin)(op.updated)) {
                return { ...base, message: `retyped ${name} from ${op.original.type.item.label} to ${type} at ${at.text}: ${retypeVerdict(op, from, fix)}` };
            }
            return { ...base, message: `moved ${name} (${op.original.type.item.label} -> ${type}) from ${locate(op.original, from).text} to ${at.text}: its data stays where it was` };
        case 'shrinkgap':
            return { ...base, message: `retyped ${name} from ${op.original.type.item.label} to ${type} at ${at.text}: incompatible (${op.change.kind})` };
        case 'rename':
            return { ...base, message: `renamed \`${op.original.label}\` to ${name} at ${at.text}: mark it /// @custom:oz-renamed-from ${op.original.label} if it holds the same data` };
        case 'replace':
            return { ...base, message: `replaced \`${op.original.label}\` (${op.original.type.item.label}) with ${name} (${type}) at ${at.text}: incompatible type` };
        case 'finishgap':
            return { ...base, message: `turned the end of storage gap \`${op.original.label}\` into ${name} at ${at.text}` };
    }
}
// Value types held in place in their slot: the same bytes read as another such type of the same size.
const IN_PLACE = /^t_(address|bool|u?int\d+|bytes\d+|contract|enum|userDefinedValueType)/;
/**
 * Why a retype at the same slot and offset is refused, and whether
 * `@custom:oz-retyped-from` would make upgrades-core accept it: that
 * annotation skips the type comparison but never a change of size, and is
 * only suggested between value types kept in place (an enum that changed its
 * members or a mapping of other values stays refused as upgrades-core says).
 */
function retypeVerdict(op, from, fix) {
    const { original, updated } = op;
    const was = original.type.item.label;
    const size = { was: BigInt(original.type.item.numberOfBytes ?? 0), now: BigInt(updated.type.item.numberOfBytes ?? 0) };
    const inPlace = IN_PLACE.test(original.type.head) && IN_PLACE.test(updated.type.head);
    if (!inPlace || (op.kind === 'typechange' && op.change.kind !== 'obvious mismatch' && op.change.kind !== 'type resize')) {
        return `incompatible (${op.kind === 'typechange' ? op.change.kind : 'layout change'})`;
    }
    if (size.was !== size.now) {
        const covered = coveredBy(updated, original, from);
        const reads = size.now > size.was
            ? `it takes ${size.now} bytes instead of ${size.was}${covered.length ? `, so it would also cover ${covered.join(', ')}` : ''}`
            : `it takes ${size.now} bytes instead of ${size.was}, so it would read only part of the stored value`;
        return `incompatible, ${reads}, and no annotation makes a change of size safe${fix(`keep ${was}, or add a new variable after all existing ones`)}`;
    }
    const wrong = updated.retypedFrom === undefined ? '' : ` (its @custom:oz-retyped-from says ${updated.retypedFrom}, which is not the live type)`;
    return `incompatible as written${wrong}, the same ${size.now} bytes read as another type${fix(`if this is intended, annotate it with /// @custom:oz-retyped-from ${(0,compare.stripContractSubstrings)(was)}`)}`;
}
/** The live layout's other variables whose bytes the retyped one now overlaps, located. */
function coveredBy(updated, original, from) {
    const start = (0,compare.storageFieldBegin)(updated);
    const end = (0,compare.storageFieldEnd)(updated);
    if (start === undefined || end === undefined)
        return [];
    const namespace = namespaceOf(original, from.layout);
    const storage = namespace === undefined ? from.layout.storage : (from.layout.namespaces?.[namespace] ?? []);
    return (0,storage_layout.getDetailedLayout)({ ...from.layout, storage })
        .filter(other => !(other.label === original.label && other.src === original.src))
        .filter(other => {
        const otherStart = (0,compare.storageFieldBegin)(other);
        const otherEnd = (0,compare.storageFieldEnd)(other);
        return otherStart !== undefined && otherEnd !== undefined && otherStart < end && start < otherEnd;
    })
        .map(other => `\`${other.label}\` (${locate(other, from).text})`);
}
function namespaceOf(field, layout) {
    return Object.entries(layout.namespaces ?? {}).find(([, items]) => items.some(i => i.label === field.label && i.src === field.src))?.[0];
}
/** Where a field lives, in words ("slot 2, offset 0") and as slot/offset; namespace members get their absolute ERC-7201 slot. */
function locate(field, side) {
    const namespace = namespaceOf(field, side.layout);
    const { slot, offset } = field;
    if (namespace === undefined) {
        return slot === undefined ? { text: 'an unknown slot (the build has no storage layout)' } : { slot, offset, text: `slot ${slot}, offset ${offset ?? 0}` };
    }
    if (slot === undefined) {
        const why = side.namespacedSlots ? '' : ` (laying out namespaces needs solc-js ${side.build.solcVersion} installed)`;
        return { namespace, text: `an unknown slot in namespace ${namespace}${why}` };
    }
    const base = namespace.startsWith('erc7201:') ? erc7201Slot(namespace.slice('erc7201:'.length)) : null;
    if (base === null)
        return { namespace, offset, text: `member slot ${slot}, offset ${offset ?? 0} of namespace ${namespace}` };
    const absolute = (0,toHex/* toHex */.nj)(base + BigInt(slot), { size: 32 });
    return { namespace, slot: absolute, offset, text: `slot ${absolute}, offset ${offset ?? 0} (member slot ${slot} of namespace ${namespace})` };
}
/** ERC-7201: keccak256(abi.encode(uint256(keccak256(id)) - 1)) & ~bytes32(uint256(0xff)). */
function erc7201Slot(id) {
    const inner = BigInt((0,keccak256/* keccak256 */.S)((0,toHex/* toHex */.nj)(id))) - 1n;
    return BigInt((0,keccak256/* keccak256 */.S)((0,encodeAbiParameters/* encodeAbiParameters */.h)([{ type: 'uint256' }], [inner]))) & ~0xffn;
}

// EXTERNAL MODULE: ./lib/src/adapters/evm/solc-worker.js
var solc_worker = __webpack_require__(70558);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/storage-moves.js



/**
 * upgrades-core's storage operations with every variable that kept its name
 * but not its place reported as one move. Its edit-distance alignment can
 * pair a moved variable with a neighbour (two swapped variables come out as
 * a delete, a move and an insert); the operations touching a moved variable
 * are replaced by the move, and what they said about the other variables
 * involved is said again from the name pairing. Only the wording changes:
 * every such operation was unsafe already, and so is every move.
 */
function withMoves(ops, original, updated) {
    let result = ops;
    for (const [before, after] of comparedLists(original, updated))
        result = movesIn(result, before, after);
    return result;
}
/** Main storage and each namespace both layouts have, with types resolved as upgrades-core compares them. */
function comparedLists(original, updated) {
    const detailed = (layout, storage) => (0,storage_layout.getDetailedLayout)({ ...layout, storage });
    const lists = [[detailed(original, original.storage), detailed(updated, updated.storage)]];
    for (const [namespace, items] of Object.entries(original.namespaces ?? {})) {
        const next = updated.namespaces?.[namespace];
        if (next)
            lists.push([detailed(original, items), detailed(updated, next)]);
    }
    return lists;
}
const id = (field) => `${field.label}@${field.src}`;
function movesIn(ops, before, after) {
    const pairs = namePairs(before, after);
    const moves = [...pairs.byOriginal.entries()]
        // A gap that starts elsewhere is a gap used as meant, not a variable whose data was left behind.
        .filter(([original, updated]) => !(0,gap.isGap)(original) && placed(original) && placed(updated) && (0,compare.storageFieldBegin)(original) !== (0,compare.storageFieldBegin)(updated))
        .map(([original, updated]) => ({ kind: 'move', original, updated, causes: [] }));
    if (moves.length === 0)
        return ops;
    for (const move of moves)
        move.causes = causesOf(move, before, after, pairs);
    const movedFrom = new Map(moves.map(move => [id(move.original), move]));
    const movedTo = new Map(moves.map(move => [id(move.updated), move]));
    const originals = new Map(before.map(field => [id(field), field]));
    const updateds = new Map(after.map(field => [id(field), field]));
    const comparator = new compare.StorageLayoutComparator();
    const result = [];
    const said = new Set();
    const say = (key, op) => {
        if (op !== undefined && !said.has(key))
            result.push(op);
        said.add(key);
    };
    for (const op of ops) {
        const from = op.kind !== 'delete-namespace' && 'original' in op ? originals.get(id(op.original)) : undefined;
        const to = 'updated' in op ? updateds.get(id(op.updated)) : undefined;
        const moved = [from && movedFrom.get(id(from)), to && movedTo.get(id(to))].filter(move => move !== undefined);
        if (moved.length === 0) {
            result.push(op);
            continue;
        }
        for (const move of moved)
            say(`move ${id(move.original)}`, move);
        if (from && !movedFrom.has(id(from))) {
            const partner = pairs.byOriginal.get(from);
            if (partner)
                say(`pair ${id(from)}`, comparator.getFieldChange(from, partner));
            else
                say(`delete ${id(from)}`, { kind: 'delete', original: from });
        }
        if (to && !movedTo.has(id(to))) {
            const partner = pairs.byUpdated.get(to);
            if (partner)
                say(`pair ${id(partner)}`, comparator.getFieldChange(partner, to));
            else
                say(`insert ${id(to)}`, overwrites(to, before) ? { kind: 'insert', updated: to } : undefined);
        }
    }
    return result;
}
/** Variables of both lists with the same name (the updated one's oz-renamed-from counts as its name); a name used twice on either side pairs nothing. */
function namePairs(before, after) {
    const unique = (fields, name) => {
        const byName = new Map();
        for (const field of fields)
            byName.set(name(field), byName.has(name(field)) ? null : field);
        return byName;
    };
    const originals = unique(before, field => field.label);
    const updateds = unique(after, field => field.renamedFrom ?? field.label);
    const pairs = { byOriginal: new Map(), byUpdated: new Map() };
    for (const [name, original] of originals) {
        const updated = updateds.get(name);
        if (original && updated) {
            pairs.byOriginal.set(original, updated);
            pairs.byUpdated.set(updated, original);
        }
    }
    return pairs;
}
const placed = (field) => (0,compare.storageFieldBegin)(field) !== undefined;
const bytes = (field) => BigInt(field.type.item.numberOfBytes ?? 0);
/** Whether a variable without a counterpart lands on bytes a variable of the live layout (not a gap) used, as upgrades-core judges an insert. */
function overwrites(field, before) {
    const start = (0,compare.storageFieldBegin)(field);
    const end = (0,compare.storageFieldEnd)(field);
    if (start === undefined || end === undefined)
        return true;
    return before.some(other => {
        const otherStart = (0,compare.storageFieldBegin)(other);
        const otherEnd = (0,compare.storageFieldEnd)(other);
        return !(0,gap.isGap)(other) && (otherStart === undefined || otherEnd === undefined || (otherStart < end && start < otherEnd));
    });
}
/**
 * What comes before the moved variable and changed size: pushed further, by
 * variables inserted or grown in front of it; pulled nearer, by variables
 * deleted or shrunk in front of where it was.
 */
function causesOf(move, before, after, pairs) {
    const pushed = ((0,compare.storageFieldBegin)(move.updated) ?? 0n) > ((0,compare.storageFieldBegin)(move.original) ?? 0n);
    const causes = [];
    if (pushed) {
        for (const field of after.slice(0, after.indexOf(move.updated))) {
            const was = pairs.byUpdated.get(field);
            if (!was)
                causes.push(`inserted \`${field.label}\``);
            else if (bytes(field) > bytes(was))
                causes.push(`\`${field.label}\` grown from ${was.type.item.label} to ${field.type.item.label}`);
        }
    }
    else {
        for (const field of before.slice(0, before.indexOf(move.original))) {
            const now = pairs.byOriginal.get(field);
            if (!now)
                causes.push(`deleted \`${field.label}\``);
            else if (bytes(now) < bytes(field))
                causes.push(`\`${field.label}\` shrunk from ${field.type.item.label} to ${now.type.item.label}`);
        }
    }
    return causes;
}

;// CONCATENATED MODULE: ./lib/src/adapters/evm/layout-diff.js
/**
 * Lines for a job summary, from the compiler's storage layouts, in the new
 * order: `+ fee uint256 slot 2`, `~ value uint256 -> uint128 slot 0`,
 * `~ limit uint128 slot 0 offset 16 -> slot 1 offset 0` (moved),
 * `~ value -> amount uint256 slot 0` (renamed in place), `- old bool slot 3`;
 * unchanged variables omitted.
 */
function layoutDiff(from, to) {
    const before = variables(from);
    const after = variables(to);
    const removed = [...before].filter(([key]) => !after.has(key)).map(([, was]) => was);
    const lines = [];
    for (const [key, now] of after) {
        const was = before.get(key);
        if (was) {
            if (was.type !== now.type || !samePlace(was, now))
                lines.push(`~ ${now.label} ${change(was.type, now.type)} ${placeChange(was, now)}`);
            continue;
        }
        // A name that is new where a variable of the same type was: most likely a rename, and read as one.
        const renamed = removed.findIndex(old => old.type === now.type && samePlace(old, now));
        if (renamed < 0)
            lines.push(`+ ${now.label} ${now.type} ${place(now)}`);
        else
            lines.push(`~ ${removed.splice(renamed, 1)[0]?.label} -> ${now.label} ${now.type} ${place(now)}`);
    }
    for (const was of removed)
        lines.push(`- ${was.label} ${was.type} ${place(was)}`);
    return lines;
}
const change = (was, now) => (was === now ? now : `${was} -> ${now}`);
const samePlace = (a, b) => a.slot === b.slot && a.offset === b.offset;
const place = (item, withOffset = item.offset !== 0) => `slot ${item.slot}${withOffset ? ` offset ${item.offset}` : ''}`;
/** Offsets shown on both sides when either is not 0, so a packed variable's move reads whole. */
function placeChange(was, now) {
    if (samePlace(was, now))
        return place(now);
    const withOffset = was.offset !== 0 || now.offset !== 0;
    return `${place(was, withOffset)} -> ${place(now, withOffset)}`;
}
/** The contract's variables keyed by name (and occurrence: two base contracts may each have a private variable of the same name). */
function variables(build) {
    const source = build.contract.slice(0, build.contract.lastIndexOf(':'));
    const layout = (build.output.contracts[source]?.[build.name]?.storageLayout ?? { storage: [], types: null });
    const seen = new Map();
    const result = new Map();
    for (const item of layout.storage) {
        const occurrence = (seen.get(item.label) ?? 0) + 1;
        seen.set(item.label, occurrence);
        result.set(`${item.label}#${occurrence}`, { label: item.label, type: layout.types?.[item.type]?.label ?? item.type, slot: item.slot, offset: item.offset });
    }
    return result;
}

;// CONCATENATED MODULE: ./lib/src/adapters/evm/upgrade-safety.js




// Not re-exported by the package index: the report class (to explain a filtered rollback report), field positions, and the list of check names.









/**
 * Whether a proxy of `kind` may switch from `live` to `next`: upgrades-core's
 * storage layout comparison (live is the reference) and its unsafe-code checks
 * on `next`. An unsafe upgrade is a report with ok false, not an exception;
 * only a build upgrades-core cannot read throws.
 */
async function checkUpgrade(live, next, kind, options = {}) {
    const settings = (0,dist.withValidationDefaults)({ kind, unsafeAllow: allowedChecks(options.unsafeAllow ?? []) });
    const [from, to] = await Promise.all([validated(live), validated(next)]);
    const layout = quietly(() => (0,dist.getStorageUpgradeReport)(from.layout, to.layout, settings)).value;
    const { value: errors, warnings } = quietly(() => (0,dist.getErrors)(to.run, to.version, settings));
    const code = new dist.UpgradeableContractErrorReport(errors);
    return {
        ok: layout.ok && code.ok,
        layout: withMoves(layout.ops, from.layout, to.layout).map(op => describeOp(op, from, to, 'upgrade')),
        code: errors.map(error => ({ kind: error.kind, where: error.src, message: describeProblem(error) })),
        explanation: [layout.explain(false), code.explain(false), ...warnings].filter(text => text !== '').join('\n\n')
    };
}
/**
 * Whether the proxy may go back from `next` to `previous`: can the old code
 * read what the new one may have written? The layout check run in reverse,
 * minus what upgrades-core, which has no rollback mode, flags although the old
 * code never reads it or reads it alike (see `unreadOrSame`).
 */
async function checkRollback(next, previous) {
    const [from, to] = await Promise.all([validated(next), validated(previous)]);
    const reverse = quietly(() => (0,dist.getStorageUpgradeReport)(from.layout, to.layout, (0,dist.withValidationDefaults)({}))).value;
    const unsafe = (op) => op.kind === 'move' || !unreadOrSame(op, from.layout, to.layout);
    // Moves first: the operations a move replaces may pair a moved variable with one the old code never reads.
    const layout = withMoves(reverse.ops, from.layout, to.layout).filter(unsafe);
    const explained = new report.LayoutCompatibilityReport(reverse.ops.filter(unsafe));
    return { ok: layout.length === 0, layout: layout.map(op => describeOp(op, from, to, 'rollback')), code: [], explanation: explained.explain(false) };
}
function allowedChecks(names) {
    const unknown = names.filter(name => !run.errorKinds.includes(name));
    if (unknown.length > 0)
        throw new errors/* BadInputError */.Ys(`unsafeAllow: unknown check ${unknown.map(n => JSON.stringify(n)).join(', ')}. Known checks: ${run.errorKinds.join(', ')}.`);
    // withValidationDefaults appends to the list it is given, so it gets a copy.
    return [...names];
}
async function validated(build) {
    const namespaced = await namespacedOutput(build);
    try {
        const { input, output, solcVersion } = build;
        const run = quietly(() => (0,dist.validate)(output, (0,dist.solcInputOutputDecoder)(input, output), solcVersion, input, namespaced)).value;
        const version = (0,dist.getContractVersion)(run, build.contract);
        return { build, run, version, layout: (0,dist.getStorageLayout)(run, version), namespacedSlots: namespaced !== undefined };
    }
    catch (error) {
        throw new errors/* BadInputError */.Ys(`${build.file}: upgrades-core cannot check ${build.contract}: ${error.message}`);
    }
}
/**
 * Runs `work` with upgrades-core's console notes captured instead of printed,
 * for this call only (its own silenceWarnings() is process-wide and permanent).
 * The work is synchronous, so nothing else can print meanwhile.
 */
function quietly(work) {
    const warnings = [];
    const print = console.error;
    console.error = (...parts) => warnings.push((0,external_node_util_.stripVTControlCharacters)(parts.join(' ')).trim());
    try {
        return { value: work(), warnings };
    }
    finally {
        console.error = print;
    }
}
function describeProblem(error) {
    const text = new dist.UpgradeableContractErrorReport([error]).explain(false);
    const [title = '', ...details] = text
        .replace(`${error.src}: `, '')
        .split('\n')
        .map(line => line.trim())
        .filter(line => line !== '');
    return details.length > 0 ? `${title}: ${details.join('; ')}` : title;
}
/**
 * A change read backwards that leaves the old code reading what it always
 * read: variables or namespaces `next` appended, or put into what is a storage
 * gap for `previous` (the old code never reads a gap), a gap resized, a
 * variable only renamed (same slot, offset and type), and a retype `next`
 * declared with @custom:oz-retyped-from at the same place and size (the old
 * code reads the same bytes as its own type, as the forward check accepted).
 */
function unreadOrSame(op, next, previous) {
    switch (op.kind) {
        case 'delete-namespace':
        case 'rename':
            return true;
        case 'delete':
            return appendedBy(op.original, next, previous) || insideGapOf(op.original, previous);
        case 'typechange':
            return ((0,gap.isGap)(op.original) && (0,gap.isGap)(op.updated)) || declaredRetype(op.original, op.updated);
        default:
            return false;
    }
}
/** Whether `next`'s variable says by annotation it was `previous`'s type, and holds the same bytes. */
function declaredRetype(next, previous) {
    return ((0,compare.stripContractSubstrings)(next.retypedFrom?.trim()) === (0,compare.stripContractSubstrings)(previous.type.item.label) &&
        (0,compare.storageFieldBegin)(next) === (0,compare.storageFieldBegin)(previous) &&
        next.type.item.numberOfBytes === previous.type.item.numberOfBytes);
}
/** Whether all of `item`'s slots lie in a storage gap (a `__gap` array, as upgrades-core names them) of `layout`'s main storage. */
function insideGapOf(item, layout) {
    const range = slotsOf(item.slot, item.offset, item.type.item.numberOfBytes);
    if (!range)
        return false;
    return layout.storage.some(gap => {
        if (!/^__gap(_|$)/.test(gap.label) || !gap.type.startsWith('t_array'))
            return false;
        const covered = slotsOf(gap.slot, gap.offset, layout.types[gap.type]?.numberOfBytes);
        return covered !== null && covered.first <= range.first && range.last <= covered.last;
    });
}
/** The first and last slot of a main-storage variable; null without slot or size. */
function slotsOf(slot, offset, bytes) {
    if (slot === undefined || bytes === undefined)
        return null;
    const first = BigInt(slot);
    return { first, last: first + (BigInt(offset ?? 0) + BigInt(bytes) - 1n) / 32n };
}
/** Whether `item` of next's layout sits past the end of its list (main storage or namespace) in previous's layout. */
function appendedBy(item, next, previous) {
    const lists = [[null, next.storage], ...Object.entries(next.namespaces ?? {})];
    for (const [namespace, list] of lists) {
        const index = list.findIndex(i => i.label === item.label && i.src === item.src);
        if (index < 0)
            continue;
        const before = namespace === null ? previous.storage : (previous.namespaces?.[namespace] ?? []);
        return index >= before.length;
    }
    return false;
}
// Namespaced outputs by build input: a check and its rollback check, or several contracts of one build, compile once.
const NAMESPACED_CACHE = new Map();
const NAMESPACED_CACHE_SIZE = 8;
/**
 * The output upgrades-core needs to give ERC-7201 namespace members their
 * slots: the build's sources rewritten by makeNamespacedInput, compiled again
 * with the same solc version. Without solc-js of that version installed, the
 * checks still run and see namespaced changes, only without slots.
 */
function namespacedOutput(build) {
    if (!Object.values(build.input.sources).some(s => s.content?.includes('@custom:storage-location')))
        return Promise.resolve(undefined);
    const solc = solcFor(build.solcVersion);
    if (solc === null)
        return Promise.resolve(undefined);
    const key = (0,external_node_crypto_.createHash)('sha256').update(build.solcVersion).update(JSON.stringify(build.input)).digest('hex');
    let output = NAMESPACED_CACHE.get(key);
    if (!output) {
        output = compile(solc, (0,dist.makeNamespacedInput)(build.input, build.output, build.solcVersion), build);
        output.catch(() => NAMESPACED_CACHE.delete(key));
        NAMESPACED_CACHE.set(key, output);
        for (const old of NAMESPACED_CACHE.keys())
            if (NAMESPACED_CACHE.size > NAMESPACED_CACHE_SIZE)
                NAMESPACED_CACHE.delete(old);
    }
    return output;
}
/** solc-js of exactly `version`: `solc-<version>` (an npm alias installed beside others) or `solc`; null when neither is that version. */
function solcFor(version) {
    const require = (0,external_node_module_.createRequire)(import.meta.url);
    for (const name of [`solc-${version}`, 'solc']) {
        try {
            if (require(`${name}/package.json`).version === version)
                return require.resolve(name);
        }
        catch {
            // not installed under this name
        }
    }
    return null;
}
async function compile(solc, input, build) {
    const { output } = await (0,solc_worker/* compileInWorker */.x)(solc, input, import.meta.url);
    const errors = (0,solc_worker/* compileErrors */.D)(output);
    if (errors.length > 0)
        throw new Error(`laying out the namespaced storage of ${build.file} failed:\n${errors.join('\n')}`);
    return output;
}

// EXTERNAL MODULE: ./lib/src/adapters/evm/release-simulation.js + 2 modules
var release_simulation = __webpack_require__(53183);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/release-proof.js



/**
 * Proves, by simulation from the real sender, that the upgrade succeeds, that
 * the smoke calls answer as expected after it, and that the upgrade back (what
 * rollback sends) still succeeds then. Refuses, with cause `unchanged`, naming
 * the call, the revert and the sender, unless the way back alone fails and the
 * release declared router.allow.no-rollback. Returns lines for the deploy checks.
 */
async function proveRelease(chain, proof) {
    const { proxy, sender, upgrade, candidate } = proof;
    const live = proxy.implementation;
    const back = (0,upgrade_call/* upgradeCall */.t)(proxy, live, '0x');
    const simulated = await (0,release_simulation/* simulateRelease */.qY)(chain, {
        sender,
        forward: upgrade.call,
        smoke: proof.smoke,
        proxy: proxy.proxy,
        back,
        ...(candidate.undeployedCode ? { undeployed: { address: candidate.address, code: candidate.undeployedCode } } : {}),
        errors: proof.errors,
        blockNumber: proxy.block.number
    });
    const forward = `the upgrade to ${candidate.address}${upgrade.initializer ? ` with ${upgrade.initializer}` : ''}`;
    if (!simulated.forward.ok) {
        throw new errors/* ReleaseError */.K2(`${forward} (a call to ${upgrade.call.to}) from ${sender} reverts with ${simulated.forward.reason} at block ${proxy.block.number}; nothing was sent. ` +
            `Promote would fail the same way: ${upgrade.initializer ? `fix the initializer in ${candidate.contract} or router.initializer.args, or ` : ''}make sure ${sender} may upgrade through ${upgrade.call.to}.`, 'unchanged');
    }
    for (const result of simulated.smoke)
        proof.onSmoke?.(result);
    const problems = [];
    const failed = simulated.smoke.filter(result => !result.ok);
    if (failed.length) {
        problems.push(`${failed.length} of ${simulated.smoke.length} smoke calls failed through ${proxy.proxy} as if upgraded to ${candidate.address}:\n${failed
            .map(r => `  ${r.call}: ${r.error ?? `got ${r.actual}, expected ${r.expected}`}`)
            .join('\n')}`);
    }
    const backFails = simulated.back.ok ? null : `the upgrade back to ${live} (a call to ${back.to}) from ${sender} reverts with ${simulated.back.reason} after ${forward}`;
    if (backFails && proof.noRollback === undefined) {
        problems.push(`${backFails}: rollback could not undo this release. Keep the right to upgrade with ${sender} in ${candidate.contract} (its initializer and its upgrade authorization), ` +
            'or, if this release gives up the way back on purpose, say why in router.allow.no-rollback.');
    }
    if (problems.length)
        throw new errors/* ReleaseError */.K2(`${problems.join('\n')}\nNothing was sent.`, 'unchanged');
    const checks = [`${forward} succeeds from ${sender} in a simulation at block ${proxy.block.number}`];
    if (simulated.smoke.length)
        checks.push(`${simulated.smoke.length} smoke call(s) answered as expected through the proxy after it`);
    if (proof.noRollback === undefined)
        checks.push(`the upgrade back to ${live} (what rollback sends) succeeds from ${sender} after it`);
    else if (backFails)
        checks.push(`${backFails}: accepted by router.allow.no-rollback ("${proof.noRollback}"); rollback will refuse`);
    else
        checks.push(`router.allow.no-rollback ("${proof.noRollback}"): the upgrade back to ${live} would succeed, but rollback will refuse as declared`);
    return checks;
}

// EXTERNAL MODULE: ./lib/src/adapters/evm/create2.js
var create2 = __webpack_require__(73240);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/encoding/toBytes.js
var toBytes = __webpack_require__(82497);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/code-match.js

/**
 * Whether the code at an address is `build`'s runtime code. The bytes of
 * immutables are ignored on both sides: the constructor writes them at deploy
 * time (OZ's UUPSUpgradeable keeps its own address in `__self`), and the
 * build only has zeros there.
 */
function runtimeCodeMatches(onChain, build) {
    const chain = masked((0,toBytes/* hexToBytes */.aT)(onChain), build);
    const built = masked((0,toBytes/* hexToBytes */.aT)(build.deployedBytecode), build);
    const of = `${build.contract}'s deployedBytecode (${build.file})`;
    if (chain.length === 0)
        return { ok: false, reason: `there is no code at the address; ${of} is ${built.length} bytes` };
    let at = 0;
    while (at < chain.length && at < built.length && chain[at] === built[at])
        at++;
    if (at === chain.length && at === built.length)
        return { ok: true };
    const lengths = `on chain ${chain.length} bytes, in the build ${built.length} bytes`;
    // Same length and the first difference inside the trailing CBOR metadata: same code, other sources or compiler settings.
    const metadataOnly = chain.length === built.length && at >= built.length - metadataLength(built);
    const hint = metadataOnly ? '; only the compiler metadata at the end differs, so the code was built from other sources or settings' : '';
    return { ok: false, reason: `the code at the address differs from ${of} at byte ${at} (${lengths})${hint}` };
}
function masked(code, build) {
    for (const references of Object.values(build.immutableReferences)) {
        for (const { start, length } of references)
            code.fill(0, start, Math.min(start + length, code.length));
    }
    return code;
}
/** solc ends runtime code with CBOR metadata followed by its length as two bytes; 0 when that length does not fit. */
function metadataLength(code) {
    if (code.length < 2)
        return 0;
    const length = ((code[code.length - 2] ?? 0) << 8) + (code[code.length - 1] ?? 0) + 2;
    return length <= code.length ? length : 0;
}

// EXTERNAL MODULE: ./lib/src/adapters/routers/evm-proxy/chain.js
var evm_proxy_chain = __webpack_require__(95351);
// EXTERNAL MODULE: ./lib/src/adapters/routers/evm-proxy/addresses.js
var addresses = __webpack_require__(3766);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/data/size.js
var size = __webpack_require__(56411);
;// CONCATENATED MODULE: ./lib/src/adapters/routers/evm-proxy/prepare.js








/**
 * The deploy step for a proxy: proves the upgrade safe on paper, then
 * simulates from the real sender, against live state, everything promote will
 * send and the way back (proveRelease: the upgrade with its initializer, the
 * smoke calls through the proxy after it, and the upgrade back that rollback
 * would send), the new implementation's code simulated at its CREATE2 address
 * or already at its configured address; only then deploys it. Nothing is sent
 * when a check or a simulated call fails; the proxy is not touched.
 */
async function prepareImplementation({ options, context, chain, proxy, candidate, reference, sender, upgrade }) {
    const { logger } = context;
    const noRollback = options.allow?.['no-rollback'];
    const checks = [];
    const live = await chain.client.getCode({ address: proxy.implementation, blockNumber: proxy.block.number });
    const matchesLive = runtimeCodeMatches(live ?? '0x', reference);
    if (!matchesLive.ok) {
        throw new errors/* BadInputError */.Ys(`router.reference: ${reference.contract} from ${reference.file} is not the code live at ${proxy.implementation} (${matchesLive.reason}). Point router.reference at the build of the implementation the proxy uses now.`);
    }
    checks.push(`reference ${reference.contract} matches the live implementation ${proxy.implementation}`);
    const report = await checkUpgrade(reference, candidate.build, options['proxy-kind'], { unsafeAllow: options['unsafe-allow'] });
    if (!report.ok) {
        const lines = [...report.layout.map(change => `storage: ${change.message}`), ...report.code.map(problem => `code: ${problem.message} (${problem.where})`)];
        throw new errors/* ReleaseError */.K2(`upgrade from ${reference.contract} to ${candidate.build.contract} is not safe; nothing was sent:\n${lines.map(l => `  ${l}`).join('\n')}`);
    }
    for (const allowed of options['unsafe-allow'])
        logger.warn(`router.unsafe-allow: ${allowed} is not checked`);
    checks.push(`storage layout of ${candidate.build.contract} is compatible with ${reference.contract}; no unsafe code`);
    // The candidate's runtime code: on chain at its address, or what CREATE2 will leave (nothing is deployed
    // until every check and smoke call has passed).
    const salt = options.implementation.salt;
    let code;
    if (options.implementation.address) {
        code = (await chain.client.getCode({ address: candidate.address })) ?? '0x';
        const matches = runtimeCodeMatches(code, candidate.build);
        if (!matches.ok) {
            throw new errors/* BadInputError */.Ys(`router.implementation.address: the code at ${candidate.address} is not ${candidate.build.contract} from ${candidate.build.file} (${matches.reason}). Deploy that build there, or leave address out to let cutover deploy it.`);
        }
        checks.push(`code at ${candidate.address} matches ${candidate.build.contract}`);
    }
    else {
        code = await (0,create2/* simulateCreate2 */.VL)(chain, candidate.build.bytecode, salt, proxy.block.number);
        checks.push(`${candidate.build.contract} constructed at its CREATE2 address ${candidate.address} in a simulation (${(0,size/* size */.E)(code)} bytes of runtime code)`);
    }
    if (options['proxy-kind'] === 'uups') {
        await (0,proxy_state/* checkProxiable */.p)(chain, candidate.address, code);
        checks.push(`${candidate.build.contract} answers proxiableUUID with the implementation slot`);
    }
    checks.push(...(await proveRelease(chain, {
        proxy,
        sender,
        upgrade,
        candidate: { address: candidate.address, contract: candidate.build.contract, ...(options.implementation.address ? {} : { undeployedCode: code }) },
        smoke: options.smoke,
        errors: [...candidate.build.abi, ...reference.abi],
        ...(noRollback === undefined ? {} : { noRollback }),
        onSmoke: result => logger.info(`smoke ${result.ok ? 'ok  ' : 'FAIL'} ${result.call}: ${result.error ?? result.actual}${result.expected !== null ? ` (expected ${result.expected})` : ''}`)
    })));
    if (!options.implementation.address)
        checks.push(await deploy(chain, context, candidate, salt, (0,evm_proxy_chain/* sendOptionsOf */.e)(options, logger), code));
    return { endpoint: candidate.address, version: candidate.build.name, checks, diff: layoutDiff(reference, candidate.build), ...(noRollback === undefined ? {} : { no_rollback: noRollback }) };
}
/**
 * Sends the CREATE2 deployment (nothing when the code is already there), then
 * checks the chain holds the very code the checks and smoke calls ran against:
 * a constructor that reads the block or the sender could leave other code.
 */
async function deploy(chain, context, candidate, salt, send, simulated) {
    const { logger } = context;
    const { contract } = candidate.build;
    const deployed = await (0,create2/* deployCreate2 */.ii)(chain, candidate.build.bytecode, salt, send);
    if (deployed.hash) {
        const { blockNumber } = await chain.client.getTransactionReceipt({ hash: deployed.hash });
        context.journal?.({ action: 'deploy', implementation: deployed.address, tx: deployed.hash, block: Number(blockNumber), initializer: null, data: '0x' });
        logger.info(`deployed ${contract} at ${deployed.address} in transaction ${deployed.hash}, block ${blockNumber}`);
    }
    else {
        logger.info(`${contract} is already deployed at ${deployed.address}`);
    }
    const onChain = (await chain.client.getCode({ address: deployed.address })) ?? '0x';
    if (onChain.toLowerCase() !== simulated.toLowerCase()) {
        throw new errors/* ReleaseError */.K2(`the code at ${deployed.address} (${(0,size/* size */.E)(onChain)} bytes) is not the code the checks and smoke calls ran against (${(0,size/* size */.E)(simulated)} bytes): ${contract}'s constructor depends on the block or the sender. The proxy was not upgraded. Run deploy again to check the code now on chain (it deploys nothing more), or make the constructor deterministic.`);
    }
    return `${contract} deployed at ${deployed.address}, with the code the smoke calls ran against`;
}

// EXTERNAL MODULE: ./lib/src/adapters/routers/router.js
var router = __webpack_require__(90601);
// EXTERNAL MODULE: ./lib/src/adapters/routers/evm-proxy/options.js
var options = __webpack_require__(99820);
;// CONCATENATED MODULE: ./lib/src/adapters/routers/evm-proxy/router.js


























const INITIALIZER_FIELDS = { call: 'router.initializer.call', args: 'router.initializer.args' };
/**
 * An upgradeable proxy (EIP-1967) as a router: the live color is the
 * implementation it delegates to, the idle color the new one, and a switch
 * is one upgrade transaction (or, in propose mode, one written for a Safe).
 */
function createEvmProxyRouter(given, context) {
    const options = (0,addresses/* withCheckedAddresses */._)(given);
    const proxyAddress = options.proxy;
    if (!proxyAddress) {
        throw new errors/* BadInputError */.Ys("router.proxy: required, the address of the proxy to release. For a contract that has no proxy yet, run cutover evm init: it deploys the first one and prints the address to put here.");
    }
    const kind = options['proxy-kind'];
    let chain;
    let candidate;
    let reference;
    const connect = () => (chain ??= (0,evm_proxy_chain/* connectRouterChain */.x)(options, context.secrets, context.signal));
    const file = (name) => external_node_path_.resolve(context.baseDir, name);
    const referenceBuild = () => (reference ??= (0,contract_build/* loadContractBuild */.X)(file(options.reference.build), options.reference.contract, 'router.reference'));
    const newImplementation = () => (candidate ??= (0,contract_build/* loadContractBuild */.X)(file(options.implementation.build), options.implementation.contract, 'router.implementation').then(build => ({
        build,
        address: options.implementation.address ?? (0,create2/* create2Address */.v6)(build.bytecode, options.implementation.salt)
    })));
    const proxyState = async () => (0,proxy_state/* readProxy */.n)(await connect(), proxyAddress, kind, 'router.proxy');
    const stateOf = async (proxy) => implementationState({
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
    const earlierUpgrade = async (proxy, candidate) => {
        const recorded = await context.recorded?.();
        const logged = recorded?.journal.find(entry => entry.action === 'upgrade' && entry.implementation.toLowerCase() === candidate.toLowerCase());
        if (logged)
            return `transaction ${logged.tx}, block ${logged.block}`;
        const snapshotBlock = recorded?.observed.block_number;
        if (typeof snapshotBlock !== 'number')
            return null;
        const onChain = await firstUpgradeTo(await connect(), proxy.beacon ?? proxy.proxy, candidate, BigInt(snapshotBlock) + 1n);
        return onChain ? `transaction ${onChain.tx}, block ${onChain.block}` : null;
    };
    /** Call data for a move to `to`: the initializer goes with the release's first upgrade to the candidate only. */
    const callData = async (proxy, to) => {
        const { address } = await newImplementation();
        if (!options.initializer || to.toLowerCase() !== address.toLowerCase())
            return { data: '0x', initializer: null };
        const earlier = await earlierUpgrade(proxy, address);
        if (earlier) {
            context.logger.info(`the initializer (${options.initializer.call}) ran with this release's first upgrade to ${address} (${earlier}); a roll-forward sends none`);
            return { data: '0x', initializer: null };
        }
        return { data: (0,signature_call/* signatureCallData */.X)(options.initializer, INITIALIZER_FIELDS), initializer: options.initializer.call };
    };
    /** The one transaction that moves the proxy to `to`: what apply sends or proposes, and what prepare shows. */
    const upgradeTo = async (proxy, to) => {
        const { data, initializer } = await callData(proxy, to);
        return { call: (0,upgrade_call/* upgradeCall */.t)(proxy, to, data), data, initializer };
    };
    /**
     * Who sends the upgrades, and so who the simulations run from: the signer, or in propose mode the Safe
     * (router.safe, else the upgrader's owner(), which the Safe is when it holds the right).
     */
    const senderOf = async (proxy) => {
        const sender = options.mode === 'propose' ? (options.safe ?? proxy.upgrader) : (await connect()).account;
        if (sender)
            return sender;
        throw new errors/* BadInputError */.Ys(`router.safe: propose mode simulates the upgrade from the Safe that will execute it, and ${proxy.beacon ?? proxy.admin ?? proxy.proxy} answers no owner() to find it by. Set router.safe to the Safe's address.`);
    };
    /**
     * Simulates, right before it goes out, the upgrade to the candidate and the upgrade back after it; refuses when one
     * fails. The smoke calls are deploy's gate: what they expect is the state at deploy, which calls since may have moved on.
     */
    const proveUpgrade = async (proxy, upgrade) => {
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
        for (const check of checks)
            context.logger.info(`checked: ${check}`);
    };
    /** `call` decoded from its own bytes, with who sends it, for the reviewer. */
    const planned = async (call, data) => {
        const upgrade = (0,upgrade_call/* decodeUpgradeCall */.V)(call);
        const inner = options.initializer && data !== '0x' ? (0,decoded_call/* decodeCall */.T)([(0,signature_call/* signatureFunction */.p)(options.initializer, INITIALIZER_FIELDS)], data) : null;
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
            const live = (0,weights/* liveColorOf */.RB)(state.weights);
            const code = await (await connect()).client.getCode({ address: proxy.implementation, blockNumber: proxy.block.number });
            const versions = { [live]: runtimeCodeMatches(code ?? '0x', reference).ok ? reference.name : null, [(0,core_color/* otherColor */.IP)(live)]: build.name };
            return versions;
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
            if ((0,router_state/* routerDigest */.m0)(current) === (0,router_state/* routerDigest */.m0)(target))
                return;
            if ((0,router_state/* routerDigest */.m0)(current) !== (0,router_state/* routerDigest */.m0)(expected)) {
                throw new errors/* DriftError */.ul(`the proxy ${proxyAddress} no longer holds what this release expects: ${(0,router_state/* describeRouterState */.kS)(current)}, not ${(0,router_state/* describeRouterState */.kS)(expected)}. Someone else upgraded it; take a new snapshot.`);
            }
            const to = target.endpoints[(0,weights/* liveColorOf */.RB)(target.weights)];
            const { address, build } = await newImplementation();
            if (to.toLowerCase() !== address.toLowerCase()) {
                const report = await checkRollback(build, await referenceBuild());
                if (!report.ok) {
                    throw new errors/* ReleaseError */.K2(`rollback refused: ${build.contract} changed storage in a way ${(await referenceBuild()).contract} cannot read:\n${report.layout.map(change => `  ${change.message}`).join('\n')}\nRolling back restores code, not state. Fix forward with a new implementation instead.`);
                }
            }
            if (options['at-block'] !== undefined) {
                const height = BigInt(options['at-block']);
                context.logger.info(`waiting for block ${height} before the upgrade (router.at-block)`);
                // A chain that stops making blocks ends the wait with the fix, instead of holding the step until its job times out.
                await (0,transactions/* waitForBlock */.oJ)(connected, height, { signal: context.signal, watch: (0,block_stall/* watchBlocks */.Od)(connected, options['block-stall']), onWait: now => context.logger.info(`  block ${now}, waiting for ${height}`) }).catch((error) => {
                    if (!(error instanceof block_stall/* ChainStalledError */.t_))
                        throw error;
                    const { height: seen, quietMs } = error.stall;
                    throw new errors/* ReleaseError */.K2(`router.at-block: waiting for block ${height}, but no new block came after block ${seen} for ${(0,duration/* formatDuration */.a3)(quietMs)}: the chain seems to make blocks only on demand, or has stopped. Nothing was sent. Remove router.at-block on such a chain, check the node, or raise router.block-stall if it is only slow.`, 'unchanged');
                });
                // Someone may have upgraded while we waited.
                proxy = await proxyState();
                if ((0,router_state/* routerDigest */.m0)(await stateOf(proxy)) !== (0,router_state/* routerDigest */.m0)(expected)) {
                    throw new errors/* DriftError */.ul(`the proxy ${proxyAddress} was upgraded by someone else while waiting for block ${height}; nothing was sent. Take a new snapshot.`);
                }
            }
            const { call, data, initializer } = await upgradeTo(proxy, to);
            // The chain may have changed since deploy (the upgrade right moved, say): prove both ways again before it goes out.
            if (to.toLowerCase() === address.toLowerCase())
                await proveUpgrade(proxy, { call, initializer });
            if (options.mode === 'propose') {
                const where = file(options.proposal);
                const proposal = safeProposal(call, {
                    chainId: options['chain-id'],
                    name: `cutover: ${context.service} to ${to}`,
                    description: `Upgrade ${kind} proxy ${proxyAddress} from ${proxy.implementation} to ${to}${initializer ? `, calling ${initializer}` : ''}.`,
                    createdAt: new Date(),
                    ...(options.safe ? { safe: options.safe } : {})
                });
                await (0,promises_.writeFile)(where, `${JSON.stringify(proposal, null, 2)}\n`);
                context.journal?.({ action: 'propose', implementation: to, tx: null, block: null, initializer, data });
                const forward = to.toLowerCase() === address.toLowerCase();
                throw new router/* ProposalWritten */.Y(where, proposalFollowUp({ where, to, via: call.to, initializer, live: proxy.implementation, step: forward ? 'promote' : 'rollback' }));
            }
            const sent = await (0,transactions/* sendCall */.ni)(connected, call, { ...(0,evm_proxy_chain/* sendOptionsOf */.e)(options, context.logger), errors: build.abi, signal: context.signal });
            context.journal?.({ action: 'upgrade', implementation: to, tx: sent.hash, block: Number(sent.blockNumber), initializer, data });
            context.logger.info(`upgraded ${proxyAddress} to ${to} in transaction ${sent.hash}, block ${sent.blockNumber}`);
            const after = await proxyState();
            if (after.implementation.toLowerCase() !== to.toLowerCase()) {
                throw new errors/* ReleaseError */.K2(`after transaction ${sent.hash} the proxy delegates to ${after.implementation}, not ${to}. Check the transaction on a block explorer.`);
            }
        },
        async initialize() {
            throw new errors/* BadInputError */.Ys('router.kind evm-proxy: cutover init is for traffic routers; a proxy starts when it is deployed with its first implementation. Run cutover evm init to deploy the first proxy, or take a snapshot of one that exists.');
        },
        // An upgrade is atomic: from its block on, no call reaches the old implementation.
        drain: async (color) => ({ color, method: 'counter', waitedMs: 0, remaining: 0, closed: 0 }),
        close: async () => { }
    };
}
/**
 * What a proposal leaves to people: where the file is, and what to run once the
 * Safe executed it. Until then the proxy is unchanged, so the other step has nothing to undo.
 */
function proposalFollowUp(facts) {
    const { where, to, via, initializer, live, step } = facts;
    const other = step === 'promote' ? 'rollback' : 'promote';
    return (`wrote the upgrade to ${to} (a call to ${via}, ${initializer ? `calling ${initializer}` : 'no call data'}) as a Safe Transaction Builder batch to ${where}; nothing was sent. ` +
        `Import that file in the Safe app for its owners to sign and execute. Once the Safe executed it, run ${step} again: it finds the upgrade on chain and records the ${step} as done. ` +
        `Until then the proxy still delegates to ${live}, so ${other} has nothing to undo (it is a no-op); to abandon the change, reject the transaction in the Safe.`);
}


/***/ })

};
