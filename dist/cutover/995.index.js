import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 995;
export const ids = [995];
export const modules = {

/***/ 83220:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ loadContractBuild)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/build-format.js

const FULL_OUTPUT_SELECTION = `outputSelection {"*": {"*": ["abi", "evm.bytecode.object", "evm.bytecode.linkReferences", "evm.deployedBytecode", "storageLayout"], "": ["ast"]}}`;
/** The standard-JSON input and output of a build file, refused with the tool's fix when either is missing. */
function compilerRun(json, file, field, format) {
    const { input, output } = json;
    if (typeof input !== 'object' || typeof output !== 'object' || input === null || output === null) {
        throw new errors/* BadInputError */.Ys(`${field}: ${file} is a build-info file without the compiler input and output; upgrade checks need every source's AST and storage layout. ${format.fix}`);
    }
    return { input, output };
}
/** The compiler version a build file names ("0.8.28", from "0.8.28+commit.7893614a" too). */
function compilerVersion(json, file, field) {
    const version = typeof json.solcVersion === 'string' ? json.solcVersion : typeof json.solcLongVersion === 'string' ? json.solcLongVersion : null;
    if (!version)
        throw new errors/* BadInputError */.Ys(`${field}: ${file} does not say which compiler made it. Add "solcVersion": "0.8.28" (the version solc reported) beside input and output.`);
    return version.replace(/\+.*$/, '');
}
/** A build file holding input, output and compiler version side by side, as every format but Hardhat 3's does. */
async function wholeBuild(json, file, field, format) {
    return { file, format, ...compilerRun(json, file, field, format), solcVersion: compilerVersion(json, file, field) };
}

;// CONCATENATED MODULE: ./lib/src/adapters/evm/build-foundry.js

/**
 * forge's out/build-info/<id>.json (Foundry 1.x): {id, source_id_to_path,
 * language, _format, input, output, solcVersion, solcLongVersion}. forge asks
 * solc for the AST, bytecode and link and immutable references itself; only
 * the storage layout and the file must be asked for. Its input also keeps
 * what forge passed solc on the command line (version, allowPaths, basePath,
 * includePaths); solc refuses those keys in standard JSON, so they are dropped
 * before the namespaced-storage compile reuses the input.
 */
const FOUNDRY = {
    recognizes: json => json._format === 'ethers-rs-sol-build-info-1' || 'source_id_to_path' in json,
    read: async (json, file, field) => {
        const build = await wholeBuild(json, file, field, FOUNDRY);
        const { language, sources, settings } = build.input;
        return { ...build, input: { language, sources, settings } };
    },
    fix: 'Foundry: add build_info = true and extra_output = ["storageLayout"] to [profile.default] in foundry.toml (or run forge build --build-info --extra-output storageLayout), build again and point at out/.'
};

;// CONCATENATED MODULE: ./lib/src/adapters/evm/build-hardhat.js



/** The same setting in Hardhat 2 and 3. */
const FIX = 'Hardhat: add settings: { outputSelection: { "*": { "*": ["storageLayout"] } } } to solidity in hardhat.config ' +
    '(@openzeppelin/hardhat-upgrades adds it), compile again and point at artifacts/.';
/** Hardhat 2's artifacts/build-info/<id>.json: {_format, id, solcVersion, solcLongVersion, input, output}. */
const HARDHAT_2 = {
    recognizes: json => json._format === 'hh-sol-build-info-1',
    read: (json, file, field) => wholeBuild(json, file, field, HARDHAT_2),
    fix: FIX
};
/**
 * Hardhat 3 splits a run in two: artifacts/build-info/<id>.json holds the input
 * (with userSourceNameMap, as its sources are named project/contracts/…), and
 * <id>.output.json beside it the output.
 */
const HARDHAT_3 = {
    recognizes: json => json._format === 'hh3-sol-build-info-1',
    read: async (json, file, field) => {
        const outputFile = file.replace(/\.json$/, '.output.json');
        const text = await (0,promises_.readFile)(outputFile, 'utf8').catch(() => null);
        let output;
        try {
            output = text === null ? undefined : JSON.parse(text).output;
        }
        catch {
            output = undefined;
        }
        if (output === undefined)
            throw new errors/* BadInputError */.Ys(`${field}: ${file} is Hardhat 3's build input, and ${outputFile} with its output is missing or not JSON. Compile again and point at artifacts/.`);
        const build = await wholeBuild({ ...json, output }, file, field, HARDHAT_3);
        const sourceNames = json.userSourceNameMap;
        return typeof sourceNames === 'object' && sourceNames !== null ? { ...build, sourceNames: sourceNames } : build;
    },
    fix: FIX
};
/** The half of a Hardhat 3 build the input half reads; never a build on its own. */
const isHardhat3Output = (name) => name.endsWith('.output.json');

;// CONCATENATED MODULE: ./lib/src/adapters/evm/build-solc.js

/** solc's standard-JSON input and output saved together with the compiler version: {solcVersion, input, output}. */
const SOLC = {
    recognizes: () => true,
    read: (json, file, field) => wholeBuild(json, file, field, SOLC),
    fix: `solc: compile standard JSON with ${FULL_OUTPUT_SELECTION} and save {"solcVersion", "input", "output"}.`
};

;// CONCATENATED MODULE: ./lib/src/adapters/evm/build-files.js






/** Tried in this order; solc's {solcVersion, input, output} takes what no tool claims. */
const FORMATS = [FOUNDRY, HARDHAT_2, HARDHAT_3, SOLC];
/** Each format's setting for a build cutover can read, for messages that cannot tell which tool made the build. */
const HOW_TO_BUILD = [...new Set(FORMATS.map(format => format.fix))].join(' ');
/** The whole build in `file`, in whichever format its contents show. */
async function readBuildFile(file, field) {
    const { json, format } = await parseBuildFile(file, field);
    return format.read(json, file, field);
}
async function parseBuildFile(file, field) {
    const text = await (0,promises_.readFile)(file, 'utf8');
    let json;
    try {
        const parsed = JSON.parse(text);
        json = typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch (error) {
        throw new errors/* BadInputError */.Ys(`${field}: ${file} is not JSON (${error.message}). Point it at a build-info file or directory. ${HOW_TO_BUILD}`);
    }
    return { json, format: formatOf(json, file, field) };
}
function formatOf(json, file, field) {
    if ('abi' in json && ('bytecode' in json || 'deployedBytecode' in json)) {
        // forge's per-contract artifacts keep bytecode as an object, Hardhat's as a hex string.
        const fix = typeof json.bytecode === 'object' ? FOUNDRY.fix : HARDHAT_2.fix;
        throw new errors/* BadInputError */.Ys(`${field}: ${file} is a per-contract artifact (abi and bytecode), not a whole build; upgrade checks need every source's AST and storage layout. ${fix}`);
    }
    const format = FORMATS.find(f => f.recognizes(json));
    if (format === SOLC && !('input' in json) && !('output' in json)) {
        throw new errors/* BadInputError */.Ys(`${field}: ${file} is not a build-info file (no compiler input and output). ${HOW_TO_BUILD}`);
    }
    return format;
}
/** The folder holding a project's build-info files: `dir` itself, or its build-info folder (Foundry's out/, Hardhat's artifacts/). */
async function buildInfoDir(dir) {
    const inner = (0,external_node_path_.join)(dir, 'build-info');
    return (await (0,promises_.stat)(inner).catch(() => null))?.isDirectory() ? inner : dir;
}
/**
 * Every build in the folder with its modification time. Files that are no
 * builds are passed over and counted; `why` is the setting that makes builds
 * of the tool whose files they are (forge without build_info = true still
 * writes out/build-info/<id>.json, with neither input nor output).
 */
async function readBuildDir(dir, field) {
    const names = (await (0,promises_.readdir)(dir)).filter(name => name.endsWith('.json') && !isHardhat3Output(name));
    const builds = [];
    const unread = new Set();
    for (const name of names) {
        const file = (0,external_node_path_.join)(dir, name);
        let format = null;
        try {
            const parsed = await parseBuildFile(file, field);
            format = parsed.format;
            builds.push({ build: await format.read(parsed.json, file, field), mtimeMs: (await (0,promises_.stat)(file)).mtimeMs });
        }
        catch {
            if (format !== null && format !== SOLC)
                unread.add(format.fix);
        }
    }
    const [fix] = unread;
    return { builds, files: names.length, why: unread.size === 1 && fix ? fix : HOW_TO_BUILD };
}

;// CONCATENATED MODULE: ./lib/src/adapters/evm/contract-build.js



/**
 * Reads `contract` ("Name" or "path/File.sol:Name") from a whole compiler run:
 * a Foundry, Hardhat 2 or Hardhat 3 build-info file, a folder of them (or the
 * out/ or artifacts/ folder holding one; the newest file holding the contract
 * wins), or a {solcVersion, input, output} standard-JSON pair. Refuses, naming
 * `field`, per-contract artifacts, builds missing what the upgrade checks read
 * (with the setting of the tool that made them), and unlinked libraries.
 */
async function loadContractBuild(file, contract, field) {
    const info = await (0,promises_.stat)(file).catch(() => null);
    if (!info)
        throw new errors/* BadInputError */.Ys(`${field}: ${file} does not exist. Point it at a build-info file or directory. ${HOW_TO_BUILD}`);
    const build = info.isDirectory() ? await newestBuildWith(await buildInfoDir(file), contract, field) : await readBuildFile(file, field);
    return contractFrom(build, contract, field);
}
async function newestBuildWith(dir, contract, field) {
    const { builds, files, why } = await readBuildDir(dir, field);
    const holding = builds.filter(({ build }) => candidates(build, contract).length > 0);
    if (holding.length === 0) {
        const found = builds.length === 0 ? `holds no build-info file with the compiler input and output (${files} JSON files read)` : `has ${builds.length} build-info files, none with contract ${contract}`;
        throw new errors/* BadInputError */.Ys(`${field}: ${dir} ${found}. Compile the contract and point at its build-info. ${why}`);
    }
    holding.sort((a, b) => b.mtimeMs - a.mtimeMs || a.build.file.localeCompare(b.build.file));
    return holding[0].build;
}
function candidates(build, contract) {
    const colon = contract.lastIndexOf(':');
    const [path, name] = colon < 0 ? [null, contract] : [contract.slice(0, colon), contract.slice(colon + 1)];
    const source = path === null ? null : (build.sourceNames?.[path] ?? path);
    return Object.entries(build.output.contracts ?? {})
        .filter(([compiled, contracts]) => (source === null || compiled === source) && name in contracts)
        .map(([compiled]) => `${compiled}:${name}`);
}
function contractFrom(build, contract, field) {
    const { file, input, output } = build;
    const found = candidates(build, contract);
    if (found.length > 1)
        throw new errors/* BadInputError */.Ys(`${field}: ${contract} is ambiguous in ${file}: ${found.join(', ')}. Name it as path:Name.`);
    const qualified = found[0];
    if (qualified === undefined) {
        const known = Object.entries(output.contracts ?? {}).flatMap(([source, contracts]) => Object.keys(contracts).map(name => `${source}:${name}`));
        const shown = known.length > 20 ? `${known.slice(0, 20).join(', ')} and ${known.length - 20} more` : known.join(', ');
        throw new errors/* BadInputError */.Ys(`${field}: ${file} has no contract ${contract}. It has: ${shown || 'none'}.`);
    }
    const colon = qualified.lastIndexOf(':');
    const source = qualified.slice(0, colon);
    const name = qualified.slice(colon + 1);
    const entry = output.contracts[source]?.[name];
    const bytecode = entry.evm?.bytecode;
    const deployed = entry.evm?.deployedBytecode;
    const missing = [
        entry.abi === undefined && 'abi',
        bytecode?.object === undefined && 'evm.bytecode.object',
        bytecode?.linkReferences === undefined && 'evm.bytecode.linkReferences',
        deployed?.object === undefined && 'evm.deployedBytecode.object',
        deployed?.immutableReferences === undefined && 'evm.deployedBytecode.immutableReferences',
        entry.storageLayout === undefined && 'storageLayout',
        Object.values(output.sources ?? {}).some(s => !s.ast) && 'ast (file level, outputSelection "")'
    ].filter(m => m !== false);
    if (missing.length > 0) {
        throw new errors/* BadInputError */.Ys(`${field}: ${file} lacks ${missing.join(', ')} for ${qualified}. ${build.format.fix}`);
    }
    // upgrades-core decodes source positions from the input, so it needs every source the compiler read, imports too.
    const contentless = Object.keys(output.sources ?? {}).filter(s => typeof input.sources?.[s]?.content !== 'string');
    if (contentless.length > 0) {
        const shown = contentless.slice(0, 5).join(', ') + (contentless.length > 5 ? ` and ${contentless.length - 5} more` : '');
        throw new errors/* BadInputError */.Ys(`${field}: ${file}'s input has no content for ${shown}. Put every source the compiler read in input.sources with its content (imports too, not urls).`);
    }
    if (!bytecode?.object)
        throw new errors/* BadInputError */.Ys(`${field}: ${qualified} in ${file} has no bytecode: it is abstract or an interface. Name the contract that is deployed.`);
    if (/__\$[0-9a-fA-F]{34}\$__/.test(bytecode.object)) {
        const libraries = Object.entries(bytecode.linkReferences ?? {}).flatMap(([path, libs]) => Object.keys(libs).map(lib => `${path}:${lib}`));
        throw new errors/* BadInputError */.Ys(`${field}: ${qualified} in ${file} needs the libraries ${libraries.join(', ')} linked, and cutover does not link libraries. Make their functions internal, or deploy them and compile with settings.libraries.`);
    }
    const everyLayout = Object.values(output.contracts).every(contracts => Object.values(contracts).every(c => c.storageLayout !== undefined));
    return {
        contract: qualified,
        name,
        file,
        solcVersion: build.solcVersion,
        input,
        output,
        abi: entry.abi,
        bytecode: `0x${bytecode.object}`,
        deployedBytecode: `0x${deployed?.object ?? ''}`,
        immutableReferences: deployed?.immutableReferences ?? {},
        hasStorageLayout: everyLayout
    };
}


/***/ }),

/***/ 70337:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ decodeCall)
/* harmony export */ });
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96018);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99746);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69734);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24066);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71006);

/**
 * Reads call data back with the ABI that encoded it, so that what is shown is
 * decoded from the very bytes that go out, not from the settings that made them.
 */
function decodeCall(abi, data) {
    const selector = (0,viem__WEBPACK_IMPORTED_MODULE_0__/* .slice */ .di)(data, 0, 4);
    const item = abi.find(candidate => (0,viem__WEBPACK_IMPORTED_MODULE_1__/* .toFunctionSelector */ .V)(candidate) === selector);
    if (!item)
        throw new Error(`call data with selector ${selector} matches none of ${abi.map(candidate => (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .toSignature */ .u)(candidate)).join(', ')}`);
    const { args = [] } = (0,viem__WEBPACK_IMPORTED_MODULE_3__/* .decodeFunctionData */ .J)({ abi: [item], data });
    return {
        function: item.name,
        signature: (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .toSignature */ .u)(item),
        args: item.inputs.map((input, index) => ({ name: input.name ?? '', type: typeOf(input), value: textOf(input, args[index]) }))
    };
}
/** The type as written in a signature: a tuple spelled out with its members' types. */
function typeOf(parameter) {
    if (!parameter.type.startsWith('tuple'))
        return parameter.type;
    const members = 'components' in parameter ? parameter.components : [];
    return `(${members.map(typeOf).join(',')})${parameter.type.slice('tuple'.length)}`;
}
function textOf(parameter, value) {
    const array = /\[\d*\]$/.exec(parameter.type);
    if (array) {
        const element = { ...parameter, type: parameter.type.slice(0, array.index) };
        return `[${value.map(item => textOf(element, item)).join(', ')}]`;
    }
    if (parameter.type === 'tuple') {
        const members = 'components' in parameter ? parameter.components : [];
        // viem decodes a tuple whose members all have names to an object, otherwise to an array.
        const items = Array.isArray(value) ? value : members.map(member => value[member.name ?? '']);
        return `(${members.map((member, index) => textOf(member, items[index])).join(', ')})`;
    }
    if (parameter.type === 'address')
        return (0,viem__WEBPACK_IMPORTED_MODULE_4__/* .getAddress */ .b)(value);
    // Integers decode to bigint (or number for small types), bools to boolean, bytes to hex already.
    return String(value);
}


/***/ }),

/***/ 53183:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f2: () => (/* binding */ ZERO),
  A3: () => (/* binding */ reasonOf),
  mW: () => (/* binding */ runProbe),
  qY: () => (/* binding */ simulateRelease)
});

// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/encodeFunctionData.js + 1 modules
var encodeFunctionData = __webpack_require__(53955);
// EXTERNAL MODULE: ./node_modules/viem/_esm/utils/abi/decodeFunctionResult.js
var decodeFunctionResult = __webpack_require__(34759);
// EXTERNAL MODULE: ./node_modules/viem/_esm/errors/contract.js + 1 modules
var contract = __webpack_require__(32193);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./node_modules/abitype/dist/esm/human-readable/parseAbi.js
var parseAbi = __webpack_require__(17218);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/release-probe.js

/**
 * The contract that runs a release's calls in one eth_call: a state override
 * puts its code at the account that will really send the upgrade, so each call
 * it makes has that account as msg.sender, and each contract it creates has the
 * address and the deployer a creation from that account would have. Kept as
 * source so that a test can rebuild PROBE_CODE from it.
 */
const PROBE_SOURCE = (/* unused pure expression or super */ null && (`// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

/// Stands, by an eth_call state override, at the account that sends a release's upgrade: each call it makes
/// comes from that account. Nothing is ever deployed with this code.
contract ReleaseProbe {
    struct Step {
        /// Zero: create a contract with data as its init code, as the account would with a CREATE transaction.
        address to;
        bytes data;
        /// Zero: called from here, its effects kept for the next steps. Otherwise the account (a ReleaseProbe
        /// too) that makes the call through isolated(), its effects undone.
        address isolatedFrom;
    }

    /// Makes each call in order; returns whether each succeeded, and its return or revert data (for a
    /// creation, the address created, abi-encoded).
    function run(Step[] calldata steps) external returns (bool[] memory ok, bytes[] memory data) {
        ok = new bool[](steps.length);
        data = new bytes[](steps.length);
        for (uint256 i = 0; i < steps.length; i++) {
            Step calldata step = steps[i];
            if (step.to == address(0)) {
                (ok[i], data[i]) = deploy(step.data);
            } else if (step.isolatedFrom == address(0)) {
                (ok[i], data[i]) = step.to.call(step.data);
            } else {
                (, bytes memory outcome) = step.isolatedFrom.call(abi.encodeCall(this.isolated, (step.to, step.data)));
                (ok[i], data[i]) = abi.decode(outcome, (bool, bytes));
            }
        }
    }

    /// CREATE from this account, so the address follows from its nonce, as a transaction's would.
    function deploy(bytes memory initCode) private returns (bool ok, bytes memory data) {
        address created;
        assembly {
            created := create(0, add(initCode, 32), mload(initCode))
        }
        if (created != address(0)) return (true, abi.encode(created));
        assembly {
            data := mload(0x40)
            mstore(data, returndatasize())
            returndatacopy(add(data, 32), 0, returndatasize())
            mstore(0x40, and(add(add(data, 63), returndatasize()), not(31)))
        }
        return (false, data);
    }

    /// Makes the call, then reverts with its outcome, abi.encode(ok, data): the revert undoes the call's effects.
    function isolated(address to, bytes calldata data) external {
        (bool ok, bytes memory result) = to.call(data);
        bytes memory outcome = abi.encode(ok, result);
        assembly {
            revert(add(outcome, 32), mload(outcome))
        }
    }
}
`));
/** How PROBE_CODE was built from PROBE_SOURCE with solc-js 0.8.28 (the solc devDependency): paris, so no PUSH0, for chains before Shanghai. */
const PROBE_SETTINGS = { optimizer: true, evmVersion: 'paris' };
/** The runtime code of ReleaseProbe: compileSolidity({ 'ReleaseProbe.sol': PROBE_SOURCE }, PROBE_SETTINGS), its deployedBytecode. */
const PROBE_CODE = `0x${'608060405234801561001057600080fd5b50600436106100365760003560e01c80634123b3671461003b5780639adf9f1314610065575b600080fd5b61004e6100493660046104ce565b61007a565b60' +
    '405161005c929190610595565b60405180910390f35b610078610073366004610655565b6103c5565b005b6060808267ffffffffffffffff811115610096576100966106da565b604051908082528060' +
    '2002602001820160405280156100bf578160200160208202803683370190505b5091508267ffffffffffffffff8111156100db576100db6106da565b6040519080825280602002602001820160405280' +
    '1561010e57816020015b60608152602001906001900390816100f95790505b50905060005b838110156103bd573685858381811061012f5761012f6106f0565b90506020028101906101419190610706' +
    '565b905060006101526020830183610726565b6001600160a01b0316036101ee576101aa6101706020830183610748565b8080601f016020809104026020016040519081016040528093929190818152' +
    '60200183838082843760009201919091525061045792505050565b8584815181106101bc576101bc6106f0565b602002602001018585815181106101d5576101d56106f0565b60200260200101829052' +
    '821515151581525050506103b4565b60006102006060830160408401610726565b6001600160a01b0316036102945761021b6020820182610726565b6001600160a01b03166102316020830183610748' +
    '565b60405161023f929190610796565b6000604051808303816000865af19150503d806000811461027c576040519150601f19603f3d011682016040523d82523d6000602084013e610281565b606091' +
    '505b508584815181106101bc576101bc6106f0565b60006102a66060830160408401610726565b6001600160a01b031630639adf9f136102c26020860186610726565b6102cf6020870187610748565b' +
    '6040516024016102e1939291906107a6565b60408051601f198184030181529181526020820180516001600160e01b031660e09490941b93909317909252905161031992506107e6565b600060405180' +
    '8303816000865af19150503d8060008114610356576040519150601f19603f3d011682016040523d82523d6000602084013e61035b565b606091505b5091505080806020019051810190610373919061' +
    '07f8565b868581518110610385576103856106f0565b6020026020010186868151811061039e5761039e6106f0565b6020026020010182905282151515158152505050505b50600101610114565b5092' +
    '50929050565b600080846001600160a01b031684846040516103e2929190610796565b6000604051808303816000865af19150503d806000811461041f576040519150601f19603f3d01168201604052' +
    '3d82523d6000602084013e610424565b606091505b50915091506000828260405160200161043e9291906108c8565b6040516020818303038152906040529050805160208201fd5b6000606060008351' +
    '602085016000f090506001600160a01b038116156104a757604080516001600160a01b0383166020820152600191016040516020818303038152906040529250925050915091565b60405191503d8252' +
    '3d6000602084013e601f193d603f840101166040526000925050915091565b600080602083850312156104e157600080fd5b823567ffffffffffffffff8111156104f857600080fd5b8301601f810185' +
    '1361050957600080fd5b803567ffffffffffffffff81111561052057600080fd5b8560208260051b840101111561053557600080fd5b6020919091019590945092505050565b60005b83811015610560' +
    '578181015183820152602001610548565b50506000910152565b60008151808452610581816020860160208601610545565b601f01601f19169290920160200192915050565b60408082528351908201' +
    '81905260009060208501906060840190835b818110156105d157835115158352602093840193909201916001016105b1565b50508381036020850152809150845180825260208201925060208160051b' +
    '8301016020870160005b8381101561062b57601f19858403018652610615838351610569565b60209687019690935091909101906001016105f9565b509098975050505050505050565b803560016001' +
    '60a01b038116811461065057600080fd5b919050565b60008060006040848603121561066a57600080fd5b61067384610639565b9250602084013567ffffffffffffffff81111561068f57600080fd5b' +
    '8401601f810186136106a057600080fd5b803567ffffffffffffffff8111156106b757600080fd5b8660208284010111156106c957600080fd5b939660209190910195509293505050565b634e487b71' +
    '60e01b600052604160045260246000fd5b634e487b7160e01b600052603260045260246000fd5b60008235605e1983360301811261071c57600080fd5b9190910192915050565b600060208284031215' +
    '61073857600080fd5b61074182610639565b9392505050565b6000808335601e1984360301811261075f57600080fd5b83018035915067ffffffffffffffff82111561077a57600080fd5b6020019150' +
    '3681900382131561078f57600080fd5b9250929050565b8183823760009101908152919050565b6001600160a01b03841681526040602082018190528101829052818360608301376000818301606090' +
    '810191909152601f909201601f1916010192915050565b6000825161071c818460208701610545565b6000806040838503121561080b57600080fd5b8251801515811461081b57600080fd5b60208401' +
    '5190925067ffffffffffffffff81111561083857600080fd5b8301601f8101851361084957600080fd5b805167ffffffffffffffff811115610863576108636106da565b604051601f8201601f199081' +
    '16603f0116810167ffffffffffffffff81118282101715610892576108926106da565b6040528181528282016020018710156108aa57600080fd5b6108bb826020830160208601610545565b80935050' +
    '50509250929050565b82151581526040602082015260006108e36040830184610569565b94935050505056fea264697066735822122058e9c4eecb9440ab31f3b57054efca3eb17b911ea93ac6aa64f9' +
    'c6c93e1c693964736f6c634300081c0033'}`;
const PROBE_ABI = (0,parseAbi/* parseAbi */.U)([
    'struct Step { address to; bytes data; address isolatedFrom; }',
    'function run(Step[] steps) returns (bool[] ok, bytes[] data)',
    'function isolated(address to, bytes data)'
]);

// EXTERNAL MODULE: ./lib/src/adapters/evm/signature-call.js
var signature_call = __webpack_require__(80165);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/smoke.js


/** Where a smoke call's signature and args came from, for messages. */
function fieldsOf(smokeCall) {
    const name = `router.smoke call ${JSON.stringify(smokeCall.call)}`;
    return { call: name, args: `${name} args` };
}
/** The call data of a smoke call; a signature that is not a function, or args that do not fit it, are bad input. */
function smokeCallData(smokeCall) {
    return (0,signature_call/* signatureCallData */.X)({ call: smokeCall.call, args: smokeCall.args ?? [] }, fieldsOf(smokeCall));
}
/** What a smoke call answered (its return data, or why it reverted), judged against what it expects. */
function smokeResult(smokeCall, answer) {
    const fn = (0,signature_call/* signatureFunction */.p)({ call: smokeCall.call, args: [] }, fieldsOf(smokeCall));
    const expected = smokeCall.expect === undefined ? null : normalized(smokeCall.expect);
    const result = { call: smokeCall.call, expected };
    if ('error' in answer)
        return { ...result, ok: false, actual: null, error: answer.error };
    let actual;
    try {
        actual = fn.outputs.length === 0 ? null : normalized((0,decodeFunctionResult/* decodeFunctionResult */.e)({ abi: [fn], functionName: fn.name, data: answer.returned }));
    }
    catch (error) {
        return { ...result, ok: false, actual: null, error: `the answer does not decode as the function's outputs: ${error.shortMessage ?? error.message}` };
    }
    return { ...result, ok: expected === null || actual === expected, actual };
}
/**
 * One string per value, so that what a config expects compares with what the
 * chain returns: numbers and bigints as decimals, hex (addresses) in lower
 * case, strings as they are, arrays and tuples as JSON of the same.
 */
function normalized(value) {
    const plain = canonical(value);
    return typeof plain === 'string' ? plain : JSON.stringify(plain);
}
function canonical(value) {
    if (typeof value === 'bigint' || typeof value === 'number')
        return value.toString();
    if (typeof value === 'string')
        return /^0x[0-9a-fA-F]*$/.test(value) ? value.toLowerCase() : value;
    if (Array.isArray(value))
        return value.map(canonical);
    if (typeof value === 'object' && value !== null)
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]));
    return value ?? null;
}

// EXTERNAL MODULE: ./lib/src/adapters/evm/transactions.js + 1 modules
var transactions = __webpack_require__(86416);
;// CONCATENATED MODULE: ./lib/src/adapters/evm/release-simulation.js





/**
 * Runs the upgrade, then the smoke calls, then the upgrade back, in this order
 * and in one eth_call at `blockNumber`, sending nothing: a state override puts
 * the ReleaseProbe at the sender's address (and at each smoke call's own
 * `from`), so every call has the msg.sender it will really have. Each call's
 * outcome is returned, a revert decoded with `errors`; later calls run after a
 * failed one too, on the state it left.
 */
async function simulateRelease(chain, calls) {
    const { sender } = calls;
    const smokeSenders = calls.smoke.map(smoke => smoke.from ?? sender);
    const steps = [
        { to: calls.forward.to, data: calls.forward.data, isolatedFrom: ZERO },
        ...calls.smoke.map((smoke, index) => ({ to: calls.proxy, data: smokeCallData(smoke), isolatedFrom: smokeSenders[index] })),
        { to: calls.back.to, data: calls.back.data, isolatedFrom: ZERO }
    ];
    const outcomes = await runProbe(chain, { sender, steps, others: smokeSenders, ...(calls.undeployed ? { code: [calls.undeployed] } : {}), blockNumber: calls.blockNumber });
    const outcome = (index) => {
        const { ok, data } = outcomes[index];
        return ok ? { ok: true } : { ok: false, reason: reasonOf(data, calls.errors) };
    };
    return {
        forward: outcome(0),
        smoke: calls.smoke.map((smoke, index) => {
            const { ok, data } = outcomes[index + 1];
            return smokeResult(smoke, ok ? { returned: data } : { error: reasonOf(data, calls.errors) });
        }),
        back: outcome(steps.length - 1)
    };
}
/**
 * Runs `steps` in one eth_call at `blockNumber`, sending nothing: the
 * ReleaseProbe's code stands at `sender` and at each of `others`, and `code` at
 * addresses that have none yet on chain.
 */
async function runProbe(chain, run) {
    const { sender } = run;
    const stateOverride = [...new Set([sender, ...(run.others ?? [])])].map(address => ({ address, code: PROBE_CODE }));
    stateOverride.push(...(run.code ?? []));
    let returned;
    try {
        ({ data: returned = '0x' } = await chain.client.call({
            to: sender,
            data: (0,encodeFunctionData/* encodeFunctionData */.p)({ abi: PROBE_ABI, functionName: 'run', args: [run.steps] }),
            ...(run.blockNumber === undefined ? {} : { blockNumber: run.blockNumber }),
            stateOverride
        }));
    }
    catch (error) {
        const said = (0,transactions/* revertReason */.L4)(error) ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
        throw new errors/* ReleaseError */.K2(`simulating the calls from ${sender} failed: ${said}. The RPC endpoint must answer eth_call with a state override. Nothing was sent.`, 'unchanged');
    }
    const [ok, data] = (0,decodeFunctionResult/* decodeFunctionResult */.e)({ abi: PROBE_ABI, functionName: 'run', data: returned });
    return ok.map((succeeded, index) => ({ ok: succeeded, data: data[index] }));
}
const ZERO = '0x0000000000000000000000000000000000000000';
/** Why a call reverted, from its revert data. */
function reasonOf(data, errors) {
    return (0,transactions/* revertReason */.L4)(new contract/* RawContractError */.$S({ data }), errors) ?? 'reverted without a reason';
}


/***/ }),

/***/ 80165:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ signatureCallData),
/* harmony export */   p: () => (/* binding */ signatureFunction)
/* harmony export */ });
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36045);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53955);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);


/** The function `given.call` declares; refuses, naming the field, when it is not a function signature. */
function signatureFunction(given, fields) {
    let item;
    try {
        item = (0,viem__WEBPACK_IMPORTED_MODULE_1__/* .parseAbiItem */ .$)(given.call);
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`${fields.call}: ${JSON.stringify(given.call)} is not a function signature (${error.message.split('\n')[0]}). Write it like "function initialize(address owner)".`);
    }
    if (item.type !== 'function')
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`${fields.call}: ${JSON.stringify(given.call)} is an ABI ${item.type}, not a function. Write it like "function initialize(address owner)".`);
    return item;
}
/** Call data for `given`; refuses, naming the field, when the arguments do not fit the signature. */
function signatureCallData(given, fields) {
    const item = signatureFunction(given, fields);
    try {
        return (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .encodeFunctionData */ .p)({ abi: [item], functionName: item.name, args: given.args });
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`${fields.args}: ${JSON.stringify(given.args)} do not fit ${given.call} (${error.shortMessage ?? error.message}).`);
    }
}


/***/ }),

/***/ 38075:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ decodeUpgradeCall),
/* harmony export */   t: () => (/* binding */ upgradeCall)
/* harmony export */ });
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17218);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53955);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56411);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96018);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);
/* harmony import */ var _decoded_call_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70337);



// The OpenZeppelin v5 upgrade entry points; v5 dropped the data-less upgradeTo on proxies and ProxyAdmin.
const UPGRADE_ABI = (0,viem__WEBPACK_IMPORTED_MODULE_1__/* .parseAbi */ .U)([
    'function upgradeToAndCall(address newImplementation, bytes data) payable',
    'function upgradeAndCall(address proxy, address implementation, bytes data) payable',
    'function upgradeTo(address newImplementation)'
]);
/**
 * The one transaction that points `state`'s proxy at `implementation`, running
 * `data` (an initializer call, or 0x) in the proxy's context where the kind allows it.
 */
function upgradeCall(state, implementation, data) {
    switch (state.kind) {
        case 'uups':
            return { to: state.proxy, data: (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .encodeFunctionData */ .p)({ abi: UPGRADE_ABI, functionName: 'upgradeToAndCall', args: [implementation, data] }), value: 0n };
        case 'transparent':
            if (!state.admin)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`transparent proxy ${state.proxy} has no ProxyAdmin in its admin slot, so nothing can upgrade it.`);
            return { to: state.admin, data: (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .encodeFunctionData */ .p)({ abi: UPGRADE_ABI, functionName: 'upgradeAndCall', args: [state.proxy, implementation, data] }), value: 0n };
        case 'beacon':
            if ((0,viem__WEBPACK_IMPORTED_MODULE_3__/* .size */ .E)(data) > 0) {
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`beacon proxy ${state.proxy}: an initializer call (selector ${(0,viem__WEBPACK_IMPORTED_MODULE_4__/* .slice */ .di)(data, 0, Math.min(4, (0,viem__WEBPACK_IMPORTED_MODULE_3__/* .size */ .E)(data)))}) was given with the upgrade, but a beacon upgrade (UpgradeableBeacon.upgradeTo) cannot run one. Upgrade without call data, then call the initializer through the proxy in a separate transaction.`);
            }
            if (!state.beacon)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`beacon proxy ${state.proxy} has no beacon in its beacon slot, so nothing can upgrade it.`);
            return { to: state.beacon, data: (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .encodeFunctionData */ .p)({ abi: UPGRADE_ABI, functionName: 'upgradeTo', args: [implementation] }), value: 0n };
    }
}
/** What an upgrade call from `upgradeCall` does, read back from its data. */
function decodeUpgradeCall(call) {
    return (0,_decoded_call_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeCall */ .T)(UPGRADE_ABI, call.data);
}


/***/ }),

/***/ 3766:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ withCheckedAddresses)
/* harmony export */ });
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89936);
/* harmony import */ var viem__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71006);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);


/** One address of the config, checksum-checked (EIP-55) and checksummed. */
function checked(field, value) {
    if ((0,viem__WEBPACK_IMPORTED_MODULE_1__/* .isAddress */ .P)(value, { strict: true }))
        return (0,viem__WEBPACK_IMPORTED_MODULE_2__/* .getAddress */ .b)(value);
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Ys(`${field}: ${value} has mixed case that is not its EIP-55 checksum, so it may hold a typo. Copy the address again, or write it all in lower case.`);
}
/**
 * The router's settings with every address checked against its checksum and
 * written checksummed. The config schema checks only their form, so that
 * loading cutover.yml needs no chain library; the router checks them as it loads, before it reads the chain.
 */
function withCheckedAddresses(options) {
    const { implementation } = options;
    return {
        ...options,
        ...(options.proxy === undefined ? {} : { proxy: checked('router.proxy', options.proxy) }),
        ...(options.safe === undefined ? {} : { safe: checked('router.safe', options.safe) }),
        implementation: { ...implementation, ...(implementation.address === undefined ? {} : { address: checked('router.implementation.address', implementation.address) }) },
        smoke: options.smoke.map((smoke, index) => (smoke.from === undefined ? smoke : { ...smoke, from: checked(`router.smoke[${index}].from`, smoke.from) }))
    };
}


/***/ }),

/***/ 95351:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ sendOptionsOf),
/* harmony export */   x: () => (/* binding */ connectRouterChain)
/* harmony export */ });
/* harmony import */ var _evm_chain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72135);

/** How the router's transactions are sent and waited for, from its settings; the wait is logged. */
function sendOptionsOf(options, logger) {
    return {
        confirmations: options.confirmations,
        blockStallMs: options['block-stall'],
        timeoutMs: options.timeout,
        signerField: 'router.signer',
        fields: { confirmations: 'router.confirmations', blockStall: 'router.block-stall' },
        onWait: line => logger.info(line)
    };
}
/** The chain the router's settings name, checked to be that chain, with the signer's key when it sends. */
function connectRouterChain(options, secrets, signal, signer = options.mode === 'send') {
    return (0,_evm_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .connectChain */ .E)({
        rpcUrl: secrets.resolve('router.rpc', options.rpc),
        chainId: options['chain-id'],
        ...(signer && options.signer ? { privateKey: secrets.resolve('router.signer', options.signer) } : {}),
        ...(options['poll-interval'] !== undefined ? { pollingMs: options['poll-interval'] } : {}),
        ...(signal ? { signal } : {})
    }, { rpc: 'router.rpc', chainId: 'router.chain-id', privateKey: 'router.signer' });
}


/***/ })

};
