import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 483;
export const ids = [483];
export const modules = {

/***/ 7483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCommandRouter: () => (/* binding */ createCommandRouter)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(92857);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8835);
/* harmony import */ var _core_router_state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(69611);
/* harmony import */ var _core_weights_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(17705);
/* harmony import */ var _shared_io_command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2330);
/* harmony import */ var _common_confirm_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56498);
/* harmony import */ var _common_drain_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24404);
/* harmony import */ var _transport_host_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(41947);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(94196);











const percent = zod__WEBPACK_IMPORTED_MODULE_9__/* .number */ .aig().int().min(0).max(100);
/** What `read` prints. The same shape travels to `switch` as CUTOVER_TARGET_JSON. */
const readOutputSchema = zod__WEBPACK_IMPORTED_MODULE_9__/* .strictObject */ .rej({ weights: zod__WEBPACK_IMPORTED_MODULE_9__/* .strictObject */ .rej({ blue: percent, green: percent }) })
    .refine(output => output.weights.blue + output.weights.green === 100, { error: 'the weights must sum to 100', path: ['weights'] });
const READ_EXAMPLE = '{"weights": {"blue": 100, "green": 0}}';
const OUTPUT_SHOWN = 200;
const MESSAGE_MAX = 2000;
/** The exit code by which `switch` says its compare-and-set failed: someone else changed the balancer, and it changed nothing. */
const SWITCH_REFUSED = 10;
/** How long a re-run looks for the state the balancer reports before running switch again. */
const QUICK_CHECK_MS = 1000;
/** Variables cutover sets; inherited copies are dropped so a script never sees a stale one. */
const OWN_VARIABLES = /^CUTOVER_(SERVICE|BLUE_UPSTREAM|GREEN_UPSTREAM|TARGET_\w+|EXPECTED_\w+|DRAIN_\w+)$/;
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters in all)`;
}
const asJson = (weights) => JSON.stringify({ weights: { blue: weights.blue, green: weights.green } });
function createCommandRouter(options, context, host = _transport_host_js__WEBPACK_IMPORTED_MODULE_7__/* .localHost */ .Ob) {
    const { logger, secrets } = context;
    const lockPath = options.lock ? node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(context.baseDir, options.lock) : node_path__WEBPACK_IMPORTED_MODULE_1__.join((0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(), `cutover-${context.service}-balancer`);
    const settings = (0,_options_js__WEBPACK_IMPORTED_MODULE_8__/* .drainSettings */ .En)(options.drain, context.signal);
    const stateOf = (weights) => ({
        kind: 'command',
        endpoints: { blue: context.endpoints.blue, green: context.endpoints.green },
        weights: { blue: weights.blue, green: weights.green },
        settings: {}
    });
    const same = (a, b) => (0,_core_router_state_js__WEBPACK_IMPORTED_MODULE_3__/* .routerDigest */ .m0)(a) === (0,_core_router_state_js__WEBPACK_IMPORTED_MODULE_3__/* .routerDigest */ .m0)(b);
    /** The process environment (scripts need their credentials) plus cutover's own variables. */
    function envWith(own) {
        const env = Object.fromEntries(Object.entries(context.env ?? process.env).filter(([name]) => !OWN_VARIABLES.test(name)));
        return {
            ...env,
            CUTOVER_SERVICE: context.service,
            CUTOVER_BLUE_UPSTREAM: context.endpoints.blue,
            CUTOVER_GREEN_UPSTREAM: context.endpoints.green,
            ...own
        };
    }
    async function run(field, argv, env, loud, runner = host.run) {
        const onLine = (line, stream) => {
            if (loud)
                logger.info(`  | ${line}`);
            else if (stream === 'stderr')
                logger.debug(`${field}: ${line}`);
        };
        try {
            return await (0,_shared_io_command_js__WEBPACK_IMPORTED_MODULE_4__/* .runChecked */ .X4)(argv, { field, env, cwd: context.baseDir, timeoutMs: options.timeout, onLine }, runner);
        }
        catch (error) {
            // The output of a failed command may echo a credential, and may be long.
            if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2)
                throw new (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DriftError */ .ul ? _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DriftError */ .ul : _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2)(clip(secrets.redact(error.message), MESSAGE_MAX));
            throw error;
        }
    }
    async function readState() {
        const { stdout } = await run('router.read', options.read, envWith({}), false);
        const refuse = (problem) => {
            const shown = stdout.trim() ? JSON.stringify(clip(secrets.redact(stdout.trim()), OUTPUT_SHOWN)) : 'nothing';
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`router.read: ${options.read[0]} printed ${shown}: ${problem}. ` +
                `It must print one JSON object on stdout, like ${READ_EXAMPLE}, with whole percents for blue and green that sum to 100; logs go to stderr.`);
        };
        let json;
        try {
            json = JSON.parse(stdout);
        }
        catch (error) {
            return refuse(`not JSON (${error.message})`);
        }
        const parsed = readOutputSchema.safeParse(json);
        if (!parsed.success)
            return refuse(parsed.error.issues.map(issue => `${issue.path.join('.') || 'the output'}: ${issue.message}`).join('; '));
        return stateOf(parsed.data.weights);
    }
    /** The read, or null when it fails: while undoing, a failed read is one more fact to report, not the end. */
    async function readOrNull() {
        try {
            return await readState();
        }
        catch (error) {
            logger.warn((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error));
            return null;
        }
    }
    /**
     * `from` is what the balancer was last seen holding, passed as CUTOVER_EXPECTED_*;
     * null where cutover does not know (init, or after a failed read).
     */
    async function runSwitch(from, to, field = 'router.switch') {
        logger.info(`${field}: ${from ? (0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(from.weights) : 'unknown state'} -> ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(to.weights)}`);
        const env = envWith({
            CUTOVER_TARGET_BLUE: String(to.weights.blue),
            CUTOVER_TARGET_GREEN: String(to.weights.green),
            CUTOVER_TARGET_JSON: asJson(to.weights),
            ...(from
                ? { CUTOVER_EXPECTED_BLUE: String(from.weights.blue), CUTOVER_EXPECTED_GREEN: String(from.weights.green), CUTOVER_EXPECTED_JSON: asJson(from.weights) }
                : {})
        });
        if (!from) {
            await run(field, options.switch, env, true);
            return;
        }
        await run(field, options.switch, env, true, async (argv, runOptions) => {
            const result = await host.run(argv, runOptions);
            if (result.code !== SWITCH_REFUSED)
                return result;
            const said = result.stderr.trim();
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DriftError */ .ul(`${field}: ${argv[0]} refused (exit code ${SWITCH_REFUSED}): the balancer no longer holds ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(from.weights)}, so someone else changed it. ` +
                `cutover changed nothing and leaves the balancer as it is.${said ? `\n${said}` : ''}`);
        });
    }
    const confirm = (state, timeoutMs = options.confirm.timeout) => (0,_common_confirm_js__WEBPACK_IMPORTED_MODULE_5__/* .confirmServing */ .xw)(state, {
        url: options.probe,
        responses: options.confirm.responses,
        timeoutMs,
        intervalMs: options.confirm.interval,
        generation: null,
        signal: context.signal
    });
    /** Switch, read back, confirm by answers where there is a probe. `seen` keeps the read-back for an undo. */
    async function switchAndCheck(from, to, seen = {}) {
        await runSwitch(from, to);
        seen.state = await readState();
        if (!same(seen.state, to)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`router.switch exited 0, but router.read now reports ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(seen.state.weights)}, not ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(to.weights)}.`);
        }
        if (options.probe)
            await confirm(to);
    }
    /**
     * Puts `previous` back after a failed switch and returns the error that
     * reports both outcomes. `seen` is the state the balancer was read in after
     * the failure, if it was.
     */
    async function undo(previous, failure, seen) {
        const first = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(failure);
        logger.warn(`${first}\nPutting the previous state back: ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(previous.weights)}.`);
        const now = seen ?? (await readOrNull());
        if (now && same(now, previous)) {
            return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`${first}\nrouter.read still reports the previous state, ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(previous.weights)}: the switch changed nothing.`);
        }
        try {
            await runSwitch(now, previous, 'router.switch (back to the previous state)');
        }
        catch (error) {
            return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`${first}\nSwitching back to ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(previous.weights)} failed too: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}\n` +
                'The balancer may hold neither state: check it with the router.read command and set it by hand.');
        }
        const after = await readOrNull();
        if (!after || !same(after, previous)) {
            return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`${first}\nrouter.switch ran to put ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(previous.weights)} back, but router.read reports ${after ? (0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(after.weights) : 'no valid state (see the warning above)'}. ` +
                'Check the balancer by hand.');
        }
        if (options.probe) {
            try {
                await confirm(previous);
            }
            catch (error) {
                return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`${first}\nrouter.read reports the previous state back, ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(previous.weights)}, but answers do not confirm it: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}`);
            }
        }
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`${first}\nThe previous state is back: router.read reports ${(0,_core_weights_js__WEBPACK_IMPORTED_MODULE_10__/* .formatWeights */ .V7)(previous.weights)}${options.probe ? ` and answers at ${options.probe} confirm it` : ''}.`);
    }
    async function applyUnlocked(expected, target) {
        const current = await readState();
        if (!same(current, expected)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DriftError */ .ul(`the balancer no longer holds the expected state ${(0,_core_router_state_js__WEBPACK_IMPORTED_MODULE_3__/* .routerDigest */ .m0)(expected)} (${(0,_core_router_state_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRouterState */ .kS)(expected)}); ` +
                `router.read reports ${(0,_core_router_state_js__WEBPACK_IMPORTED_MODULE_3__/* .routerDigest */ .m0)(current)} (${(0,_core_router_state_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRouterState */ .kS)(current)}). Nothing was changed.`);
        }
        if (same(current, target)) {
            // The balancer reports the target; without a probe that is the proof. With one, a switch stopped halfway is finished.
            if (!options.probe)
                return;
            await confirm(target, Math.min(QUICK_CHECK_MS, options.confirm.timeout)).catch(async () => {
                logger.info(`router.read reports the target state, but answers at ${options.probe} do not show it yet; running router.switch again`);
                await switchAndCheck(current, target);
            });
            return;
        }
        const seen = {};
        try {
            await switchAndCheck(current, target, seen);
        }
        catch (error) {
            // A switch that could not start, or that refused because someone else changed the balancer, changed nothing: undoing would overwrite the other change.
            if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BadInputError */ .Ys || error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DriftError */ .ul)
                throw error;
            throw await undo(current, error, seen.state ?? null);
        }
    }
    async function initializeUnlocked(state) {
        // No read can tell "no state yet" from a state: init sets the weights, whatever the balancer held.
        await switchAndCheck(null, stateOf(state.weights));
    }
    const locked = (work) => (0,_transport_host_js__WEBPACK_IMPORTED_MODULE_7__/* .withLock */ .kK)(host, lockPath, work, error => error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2
        ? error
        : new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`router.lock: cannot take the lock ${(0,_transport_host_js__WEBPACK_IMPORTED_MODULE_7__/* .lockFileFor */ .fY)(lockPath)}: ${error.message}. Give a path in a folder that exists and that this user can write; nothing was changed.`));
    /** A whole number printed by `in-flight` or `close`. */
    async function countFrom(field, argv, color) {
        const env = envWith({ CUTOVER_DRAIN_COLOR: color, CUTOVER_DRAIN_UPSTREAM: context.endpoints[color] });
        const { stdout } = await run(field, argv, env, field === 'router.close');
        const text = stdout.trim();
        if (!/^\d+$/.test(text)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ReleaseError */ .K2(`${field}: ${argv[0]} printed ${text ? JSON.stringify(clip(secrets.redact(text), OUTPUT_SHOWN)) : 'nothing'}; ` +
                `expected one whole number on stdout (for ${color}), like 0 or 12; logs go to stderr.`);
        }
        return Number(text);
    }
    return {
        kind: 'command',
        read: readState,
        apply: (expected, target) => locked(() => applyUnlocked(expected, target)),
        initialize: state => locked(() => initializeUnlocked(state)),
        drain(color) {
            const inFlight = options['in-flight'];
            if (!inFlight)
                return (0,_common_drain_js__WEBPACK_IMPORTED_MODULE_6__/* .waitDrainTime */ .B)(color, settings);
            const close = options.close;
            return (0,_common_drain_js__WEBPACK_IMPORTED_MODULE_6__/* .waitDrained */ .H)(color, {
                describe: `requests in flight on ${color}, as router.in-flight reports`,
                inFlight: () => countFrom('router.in-flight', inFlight, color),
                closeRemaining: close ? () => countFrom('router.close', close, color) : undefined
            }, settings);
        },
        close: () => host.close()
    };
}


/***/ }),

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


/***/ })

};
