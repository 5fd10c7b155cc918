import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 556;
export const ids = [556];
export const modules = {

/***/ 24556:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TerminalKind: () => (/* binding */ TerminalKind),
/* harmony export */   TerminalKindExtensions: () => (/* binding */ TerminalKindExtensions)
/* harmony export */ });
/* unused harmony exports NonterminalKind, EdgeLabel, NodeVariant, NonterminalNode, TerminalNode, Cursor, Query, QueryMatchIterator, assertIsNonterminalNode, assertIsTerminalNode */
/* harmony import */ var _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31074);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__]);
_wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];
// This file is generated automatically by infrastructure scripts. Please don't edit by hand.

const NonterminalKind = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.NonterminalKind;
const TerminalKind = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.TerminalKind;
const TerminalKindExtensions = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.TerminalKindExtensions;
const EdgeLabel = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.EdgeLabel;
const NodeVariant = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.NodeVariant;
const NonterminalNode = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.NonterminalNode;
const TerminalNode = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.TerminalNode;
const Cursor = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.Cursor;
const Query = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.Query;
const QueryMatchIterator = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .cst */ .tQ.QueryMatchIterator;
/*
 * Helpers:
 */
function assertIsNonterminalNode(node, kind, text) {
    if (!(node instanceof NonterminalNode)) {
        throw new Error("Node provided is not a NonterminalNode.");
    }
    if (kind !== undefined && kind !== node.kind) {
        throw new Error(`Node's NonterminalKind is expected to be '${kind}', but got '${node.kind}'.`);
    }
    if (text !== undefined && text !== node.unparse()) {
        throw new Error(`Node's text content is expected to be '${text}', but got '${node.unparse()}'.`);
    }
}
function assertIsTerminalNode(node, kind, text) {
    if (!(node instanceof TerminalNode)) {
        throw new Error("Node provided is not a TerminalNode.");
    }
    if (kind !== undefined && kind !== node.kind) {
        throw new Error(`Node's TerminalKind is expected to be '${kind}', but got '${node.kind}'.`);
    }
    if (text !== undefined && text !== node.unparse()) {
        throw new Error(`Node's text content is expected to be '${text}', but got '${node.unparse()}'.`);
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ })

};
