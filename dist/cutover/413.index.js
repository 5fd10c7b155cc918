import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 413;
export const ids = [413];
export const modules = {

/***/ 27794:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Parser: () => (/* binding */ Parser)
/* harmony export */ });
/* unused harmony exports ParseError, ParseOutput */
/* harmony import */ var _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31074);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__]);
_wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];
// This file is generated automatically by infrastructure scripts. Please don't edit by hand.

const Parser = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3.Parser;
const ParseError = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3.ParseError;
const ParseOutput = _wasm_index_mjs__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3.ParseOutput;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ })

};
