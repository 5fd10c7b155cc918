import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 111;
export const ids = [111];
export const modules = {

/***/ 2111:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serveSampleApp: () => (/* binding */ serveSampleApp),
  startSampleAppProcess: () => (/* binding */ startSampleAppProcess),
  stopGracefully: () => (/* binding */ stopGracefully)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./lib/src/demo/app-metrics.js
/** Upper bounds of the latency histogram, in seconds: Prometheus's client defaults, from 5 ms to 10 s. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/**
 * The sample app's requests in Prometheus's text format: a counter by status
 * code and a latency histogram, as a typical instrumented service exposes
 * them. The color and version are labels too, so one query can tell the colors apart.
 */
class AppMetrics {
    labels;
    byCode = new Map();
    bucketCounts = BUCKETS.map(() => 0);
    count = 0;
    sumSeconds = 0;
    constructor(labels) {
        this.labels = labels;
    }
    observe(status, seconds) {
        this.byCode.set(status, (this.byCode.get(status) ?? 0) + 1);
        BUCKETS.forEach((bound, i) => {
            if (seconds <= bound)
                this.bucketCounts[i] = (this.bucketCounts[i] ?? 0) + 1;
        });
        this.count += 1;
        this.sumSeconds += seconds;
    }
    render() {
        const base = `color="${this.labels.color}",version="${this.labels.version}"`;
        const lines = [
            '# HELP sample_requests_total Requests answered, by status code.',
            '# TYPE sample_requests_total counter',
            ...[...this.byCode].sort(([a], [b]) => a - b).map(([code, n]) => `sample_requests_total{${base},code="${code}"} ${n}`),
            '# HELP sample_request_duration_seconds Time to answer a request.',
            '# TYPE sample_request_duration_seconds histogram',
            ...BUCKETS.map((bound, i) => `sample_request_duration_seconds_bucket{${base},le="${bound}"} ${this.bucketCounts[i]}`),
            `sample_request_duration_seconds_bucket{${base},le="+Inf"} ${this.count}`,
            `sample_request_duration_seconds_sum{${base}} ${this.sumSeconds}`,
            `sample_request_duration_seconds_count{${base}} ${this.count}`
        ];
        return lines.join('\n') + '\n';
    }
}

;// CONCATENATED MODULE: ./lib/src/demo/app-faults.js
const NO_FAULTS = { failRate: 0, delayMs: 0 };
/** Longest delay, so a stray setting can never hold a test's server open for long. */
const MAX_DELAY_MS = 60_000;
/** The faults a `/fault?fail=0.2&delay=50` request asks for, keeping what it does not mention; an error message for a bad value. */
function faultsFrom(params, current) {
    const next = { ...current };
    const fail = params.get('fail');
    if (fail !== null) {
        const rate = Number(fail);
        if (fail.trim() === '' || !(rate >= 0 && rate <= 1))
            return `fail: expected a share from 0 to 1, like 0.2, got ${JSON.stringify(fail)}`;
        next.failRate = rate;
    }
    const delay = params.get('delay');
    if (delay !== null) {
        const ms = Number(delay);
        if (delay.trim() === '' || !(Number.isInteger(ms) && ms >= 0 && ms <= MAX_DELAY_MS)) {
            return `delay: expected whole milliseconds from 0 to ${MAX_DELAY_MS}, like 50, got ${JSON.stringify(delay)}`;
        }
        next.delayMs = ms;
    }
    return next;
}
/** Decides request by request which ones fail, so that exactly `failRate` of them do. */
class FailureSpreader {
    served = 0;
    failed = 0;
    next(failRate) {
        this.served += 1;
        const fail = this.failed < Math.floor(this.served * failRate + 1e-9);
        if (fail)
            this.failed += 1;
        return fail;
    }
}

;// CONCATENATED MODULE: ./lib/src/demo/sample-app.js





/**
 * The small service the demo and the tests release: `/` answers with its
 * version and color, `/healthz` and `/version` serve the probes, `/metrics`
 * serves Prometheus. `/slow?ms=N` answers after N ms and `/stream` sends a
 * line a second until the client goes, as a long request and a long-lived
 * connection (a websocket, say) do while a router drains.
 *
 * `PUT /fault?fail=0.2&delay=50` (any method but GET) makes the app fail that share of its
 * requests with 500 and answer that much later, as a bad release does, while
 * `/healthz` stays green: the kind of failure only analysis of real traffic
 * catches. `GET /fault` shows the faults. It stops gracefully on SIGTERM,
 * finishing requests in flight.
 */
function serveSampleApp(options) {
    let faults = options.faults ?? NO_FAULTS;
    let spreader = new FailureSpreader();
    const metrics = new AppMetrics({ color: options.color, version: options.version });
    const text = (response, status, body) => response.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    const server = external_node_http_.createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://sample.invalid');
        switch (url.pathname) {
            case '/healthz':
                return text(response, 200, 'ok\n');
            case '/version':
                return text(response, 200, `${options.version}\n`);
            case '/metrics':
                return response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.render());
            case '/fault': {
                if (request.method === 'GET')
                    return text(response, 200, JSON.stringify(faults) + '\n');
                const next = faultsFrom(url.searchParams, faults);
                if (typeof next === 'string')
                    return text(response, 400, `${next}\n`);
                faults = next;
                // Counted afresh, so the share asked for starts now rather than catching up on the requests served before.
                spreader = new FailureSpreader();
                return text(response, 200, JSON.stringify(faults) + '\n');
            }
            case '/stream': {
                response.writeHead(200, { 'content-type': 'text/plain' });
                const tick = () => response.write(`${options.color} ${options.version}\n`);
                tick();
                const timer = setInterval(tick, 1000);
                response.once('close', () => clearInterval(timer));
                return;
            }
        }
        const started = process.hrtime.bigint();
        const fail = spreader.next(faults.failRate);
        const slowMs = url.pathname === '/slow' ? Math.min(MAX_DELAY_MS, Math.max(0, Number(url.searchParams.get('ms')) || 0)) : 0;
        const answer = () => {
            const status = fail ? 500 : 200;
            metrics.observe(status, Number(process.hrtime.bigint() - started) / 1e9);
            if (fail)
                return text(response, 500, `${options.color} ${options.version} failed on purpose\n`);
            if (url.pathname === '/slow')
                return text(response, 200, `${options.color} ${options.version} after ${slowMs}ms\n`);
            response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: options.version, color: options.color }) + '\n');
        };
        const waitMs = slowMs + faults.delayMs;
        if (waitMs === 0)
            return answer();
        const timer = setTimeout(answer, waitMs);
        response.once('close', () => clearTimeout(timer));
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, '127.0.0.1', () => resolve(server));
    });
}
function stopGracefully(server) {
    return new Promise(resolve => {
        server.close(() => resolve());
        server.closeIdleConnections();
    });
}
/**
 * Starts the sample app as a background process and returns once it is
 * spawned (the deploy step, not this function, waits for it to be healthy).
 * `self` is the command that runs cutover's CLI.
 */
async function startSampleAppProcess(self, options) {
    const [file, ...args] = self;
    const child = (0,external_node_child_process_.spawn)(file, [...args, 'sample-app', '--port', String(options.port), '--version', options.version, '--color', options.color], { detached: true, stdio: 'ignore' });
    child.unref();
    if (child.pid === undefined)
        throw new Error('the sample app did not start');
    await (0,promises_.writeFile)(options.pidFile, `${child.pid}\n`);
    return child.pid;
}


/***/ })

};
