import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 844;
export const ids = [844];
export const modules = {

/***/ 24404:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ waitDrainTime),
/* harmony export */   H: () => (/* binding */ waitDrained)
/* harmony export */ });
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97568);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8835);
/* harmony import */ var _shared_io_wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30102);



/**
 * Polls `counter` until nothing is in flight. After `closeAfterMs` it closes
 * what is left, where the router can; after `timeoutMs` it fails, naming what
 * is still open, since reporting a drain that did not happen would let the
 * next step stop a color that still serves users.
 */
async function waitDrained(color, counter, settings) {
    const started = Date.now();
    let closed = 0;
    let closing = settings.closeAfterMs !== undefined && counter.closeRemaining !== undefined;
    const remaining = async () => {
        const open = await counter.inFlight();
        if (open === 0 || !closing || Date.now() - started < settings.closeAfterMs)
            return open;
        closed += await counter.closeRemaining();
        closing = false;
        return counter.inFlight();
    };
    const drained = await (0,_shared_io_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .poll */ .wt)(remaining, {
        what: `${color} to drain (${counter.describe})`,
        done: open => open === 0,
        timeoutMs: settings.timeoutMs,
        intervalMs: settings.intervalMs,
        signal: settings.signal,
        timeoutError: (open, polled) => new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ReleaseError */ .K2(`${color} still has ${open} in flight (${counter.describe}) ${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(polled.elapsedMs)} after it stopped getting new traffic. ` +
            'Traffic already moved; what is left are long requests or open connections (websockets, streams). ' +
            'Wait and re-run the step, raise router.drain.timeout, or set router.drain.close-after to close them after a grace period.')
    });
    return { color, method: 'counter', waitedMs: drained.elapsedMs, remaining: 0, closed };
}
/** For routers with no per-color counter: the configured drain time, and no more. */
async function waitDrainTime(color, settings) {
    await (0,_shared_io_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(settings.timeMs, settings.signal);
    return { color, method: 'time', waitedMs: settings.timeMs, remaining: null, closed: 0 };
}


/***/ }),

/***/ 20844:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createProxyRouter: () => (/* binding */ createProxyRouter)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);
/* harmony import */ var _core_router_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69611);
/* harmony import */ var _shared_io_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43815);
/* harmony import */ var _common_confirm_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56498);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94196);
/* harmony import */ var _common_drain_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24404);






async function call(url, method, json) {
    try {
        const response = await (0,_shared_io_http_js__WEBPACK_IMPORTED_MODULE_2__/* .httpRequest */ .aj)(url, { method, json, timeoutMs: 5000 });
        return { status: response.status, json: response.body ? JSON.parse(response.body) : null };
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`proxy admin API at ${url}: ${error.message}`);
    }
}
function createProxyRouter(options, context) {
    const { signal } = context;
    const confirm = (state) => (0,_common_confirm_js__WEBPACK_IMPORTED_MODULE_3__/* .confirmServing */ .xw)(state, { url: options.probe, responses: options.confirm.responses, timeoutMs: options.confirm.timeout, intervalMs: options.confirm.interval, signal });
    const put = async (expected, target) => {
        const answer = await call(options.admin, 'PUT', { expected: expected && (0,_core_router_state_js__WEBPACK_IMPORTED_MODULE_1__/* .routerDigest */ .m0)(expected), target });
        if (answer.status === 409)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DriftError */ .ul(`${answer.json.error}; nothing was changed.`);
        if (answer.status !== 200)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2(`proxy admin API refused the change: HTTP ${answer.status}`);
    };
    return {
        kind: 'proxy',
        async read() {
            const answer = await call(options.admin, 'GET');
            if (answer.status === 404)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseError */ .K2('the proxy has no state yet; run cutover init first.');
            return answer.json;
        },
        async apply(expected, target) {
            await put(expected, target);
            try {
                await confirm(target);
            }
            catch (error) {
                await put(target, expected);
                throw error;
            }
        },
        async initialize(state) {
            const initial = { ...state, kind: 'proxy' };
            await put(null, initial);
            await confirm(initial);
        },
        drain: color => (0,_common_drain_js__WEBPACK_IMPORTED_MODULE_5__/* .waitDrained */ .H)(color, {
            describe: `requests the proxy at ${options.admin} is serving from ${color}`,
            inFlight: async () => (await call(new URL('in-flight', options.admin).href, 'GET')).json[color] ?? 0
        }, (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .drainSettings */ .En)(options.drain, signal)),
        close: async () => { }
    };
}


/***/ })

};
