import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 672;
export const ids = [672,111];
export const modules = {

/***/ 88672:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDemo: () => (/* binding */ runDemo)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/shared/secrets.js
var shared_secrets = __webpack_require__(78763);
// EXTERNAL MODULE: ./lib/src/config/load.js
var config_load = __webpack_require__(5701);
// EXTERNAL MODULE: ./lib/src/shared/duration.js
var duration = __webpack_require__(97568);
// EXTERNAL MODULE: ./lib/src/adapters/database/backfill-plan.js + 1 modules
var backfill_plan = __webpack_require__(31377);
// EXTERNAL MODULE: ./lib/src/adapters/database/lock-policy.js
var lock_policy = __webpack_require__(12461);
// EXTERNAL MODULE: ./lib/src/adapters/database/migrations.js + 8 modules
var migrations = __webpack_require__(97062);
// EXTERNAL MODULE: ./lib/src/adapters/database/pglite.js
var pglite = __webpack_require__(91988);
// EXTERNAL MODULE: ./lib/src/adapters/database/phases.js + 2 modules
var phases = __webpack_require__(28211);
// EXTERNAL MODULE: ./lib/src/shared/io/http.js
var http = __webpack_require__(43815);
// EXTERNAL MODULE: ./lib/src/shared/io/ports.js
var ports = __webpack_require__(23847);
// EXTERNAL MODULE: ./lib/src/shared/io/wait.js + 1 modules
var wait = __webpack_require__(30102);
// EXTERNAL MODULE: ./lib/src/steps/init.js
var init = __webpack_require__(48198);
// EXTERNAL MODULE: ./lib/src/app/run.js + 38 modules
var run = __webpack_require__(86222);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./lib/src/adapters/routers/common/confirm.js
var common_confirm = __webpack_require__(56498);
;// CONCATENATED MODULE: ./lib/src/demo/load.js



/**
 * Steady load: `concurrency` clients, each sending one request after another,
 * on a new connection each time unless `keepAlive`. Every failure is counted;
 * nothing is retried.
 */
function startLoad(options) {
    const report = { requests: 0, ok: 0, non2xx: 0, connectionErrors: 0, byColor: {}, firstErrors: [], latenciesMs: [], answers: [] };
    const agent = options.keepAlive ? new external_node_http_.Agent({ keepAlive: true, maxSockets: options.concurrency }) : undefined;
    const deadline = Date.now() + options.maxMs;
    let stopping = false;
    const note = (error) => {
        if (report.firstErrors.length < 10)
            report.firstErrors.push(error);
    };
    const client = async () => {
        while (!stopping && Date.now() < deadline && report.requests < options.maxRequests) {
            report.requests++;
            const started = performance.now();
            try {
                const response = await (0,http/* httpGet */.lx)(options.url, { timeoutMs: options.timeoutMs ?? 5000, agent });
                report.latenciesMs.push(performance.now() - started);
                const color = (0,http/* headerValue */.Z)(response.headers, common_confirm/* COLOR_HEADER */.im) ?? 'untagged';
                report.byColor[color] = (report.byColor[color] ?? 0) + 1;
                if (options.trace)
                    report.answers.push({ at: performance.timeOrigin + performance.now(), color, status: response.status });
                if (response.status >= 200 && response.status < 300)
                    report.ok++;
                else {
                    report.non2xx++;
                    note(`HTTP ${response.status}`);
                }
            }
            catch (error) {
                report.connectionErrors++;
                note(error.message);
            }
        }
    };
    const clients = Array.from({ length: options.concurrency }, client);
    return {
        stop: async () => {
            stopping = true;
            await Promise.all(clients);
            agent?.destroy();
            return report;
        }
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/src/demo/nginx-server.js






/** How long a fresh nginx may take to answer at all. */
const READY_TIMEOUT_MS = 10_000;
/** The nginx binary on PATH or in the usual sbin folders; null when nginx is not installed. */
function findNginx() {
    for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
        const probe = (0,external_node_child_process_.spawnSync)(candidate, ['-v'], { stdio: 'ignore' });
        if (probe.status === 0)
            return candidate;
    }
    return null;
}
/** The lua-nginx-module files where distributions install them (Debian: libnginx-mod-http-lua); null when missing. */
function findLuaModules() {
    for (const dir of ['/usr/lib/nginx/modules', '/usr/lib64/nginx/modules', '/usr/local/nginx/modules', '/etc/nginx/modules']) {
        const modules = { ndk: path.join(dir, 'ndk_http_module.so'), lua: path.join(dir, 'ngx_http_lua_module.so') };
        if (existsSync(modules.ndk) && existsSync(modules.lua))
            return modules;
    }
    return null;
}
/**
 * Runs a private nginx on 127.0.0.1:`port` with its prefix in `dir`, proxying
 * to the upstream that cutover's file will define. proxy_pass goes through a
 * variable so nginx starts before that file exists; `cutover init` writes it.
 * Started again on the same folder and port, it is the same nginx restarted.
 */
async function startNginx(binary, dir, port, upstream, options = {}) {
    const routerDir = external_node_path_.join(dir, 'router');
    const temp = external_node_path_.join(dir, 'temp');
    await (0,promises_.mkdir)(routerDir, { recursive: true });
    await (0,promises_.mkdir)(temp, { recursive: true });
    const conf = external_node_path_.join(dir, 'nginx.conf');
    const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
    // The NDK module must be loaded before the Lua module.
    const modules = options.lua ? `load_module ${options.lua.ndk};\nload_module ${options.lua.lua};\n` : '';
    const pidFile = external_node_path_.join(dir, 'nginx.pid');
    const errorLog = external_node_path_.join(dir, 'error.log');
    await (0,promises_.writeFile)(conf, `${modules}${asRoot}worker_processes 2;
pid ${pidFile};
error_log ${errorLog} warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
    include ${routerDir}/*.conf;
    server {
        listen 127.0.0.1:${port};
        location / {
            set $cutover_upstream ${upstream};
            proxy_pass http://$cutover_upstream;
            # Lets nginx keep connections to the upstreams open where the upstream block asks for it (mode lua).
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
`);
    const base = [binary, '-p', dir, '-c', conf, '-e', errorLog];
    const child = (0,external_node_child_process_.spawn)(base[0], [...base.slice(1), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', chunk => (stderr += String(chunk)));
    const exited = new Promise(resolve => child.once('exit', code => resolve(code)));
    const url = `http://127.0.0.1:${port}/`;
    // Ready when it answers at all; before cutover init the answer is a 502.
    const answers = async () => {
        const outcome = await Promise.race([exited.then(code => ({ code })), (0,http/* httpGet */.lx)(url, { timeoutMs: 1000 }).then(() => 'up', () => 'down')]);
        if (typeof outcome === 'object')
            throw new Error(`nginx exited with code ${outcome.code}: ${stderr.trim()}`);
        return outcome === 'up';
    };
    await (0,wait/* poll */.wt)(answers, {
        what: `nginx to answer at ${url}`,
        done: up => up,
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 10,
        timeoutError: () => {
            child.kill('SIGTERM');
            return new Error(`nginx did not answer at ${url} within ${READY_TIMEOUT_MS}ms: ${stderr.trim()}`);
        }
    });
    return {
        pid: child.pid,
        url,
        routerFile: external_node_path_.join(routerDir, `${upstream}.conf`),
        pidFile,
        binary,
        test: [...base, '-t', '-q'],
        reload: [...base, '-s', 'reload'],
        stop: async () => {
            if (child.exitCode === null) {
                child.kill('SIGTERM');
                await exited;
            }
        }
    };
}

// EXTERNAL MODULE: ./node_modules/http-proxy-3/dist/lib/index.js
var lib = __webpack_require__(31774);
// EXTERNAL MODULE: ./lib/src/core/router-state.js
var router_state = __webpack_require__(69611);
;// CONCATENATED MODULE: ./lib/src/demo/proxy-server.js




const PROXY_LABEL = 'in-process proxy (http-proxy-3), for demos and tests only';
function listen(server, port) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
    });
}
/**
 * A weighted proxy inside this process, for machines without nginx. Traffic
 * goes to `port`; its state is read and changed over a small admin API on
 * `adminPort`, which the `proxy` router kind drives. Answers are tagged like
 * nginx's, so the same confirmation applies; `GET /in-flight` counts the
 * requests each color is serving, for draining. It dies with the process, so it
 * is only for the demo and tests.
 */
async function startProxyServer(port, adminPort) {
    let state = null;
    const inFlight = { blue: 0, green: 0 };
    const proxy = (0,lib/* createProxyServer */.eQ)({ xfwd: true });
    proxy.on('error', (_error, _request, response) => {
        const res = response;
        if (!res.headersSent)
            res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('bad gateway\n');
    });
    const traffic = external_node_http_.createServer((request, response) => {
        const current = state;
        if (!current) {
            response.writeHead(503).end('router has no state yet\n');
            return;
        }
        const color = Math.random() * 100 < current.weights.blue ? 'blue' : 'green';
        response.setHeader(common_confirm/* COLOR_HEADER */.im, color);
        response.setHeader(common_confirm/* GENERATION_HEADER */.$d, (0,common_confirm/* generationOf */.gS)(current));
        inFlight[color]++;
        response.once('close', () => inFlight[color]--);
        proxy.web(request, response, { target: `http://${current.endpoints[color]}` });
    });
    const admin = external_node_http_.createServer((request, response) => {
        const reply = (status, body) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (request.method === 'GET' && request.url === '/in-flight') {
            reply(200, inFlight);
            return;
        }
        if (request.method === 'GET') {
            reply(state ? 200 : 404, state ?? { error: 'no state yet' });
            return;
        }
        let body = '';
        request.on('data', chunk => (body += String(chunk)));
        request.on('end', () => {
            try {
                const change = JSON.parse(body);
                const holds = state ? (0,router_state/* routerDigest */.m0)(state) : null;
                if (holds !== change.expected) {
                    reply(409, { error: `router holds ${holds ?? 'no state'}, not ${change.expected ?? 'no state'}` });
                    return;
                }
                state = change.target;
                reply(200, state);
            }
            catch (error) {
                reply(400, { error: error.message });
            }
        });
    });
    await listen(traffic, port);
    await listen(admin, adminPort);
    const close = (server) => new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
    });
    return {
        url: `http://127.0.0.1:${port}/`,
        admin: `http://127.0.0.1:${adminPort}/`,
        close: async () => {
            await Promise.all([close(traffic), close(admin)]);
            proxy.close();
        }
    };
}

// EXTERNAL MODULE: ./lib/src/demo/sample-app.js + 2 modules
var sample_app = __webpack_require__(2111);
;// CONCATENATED MODULE: ./lib/src/demo/run-demo.js




















const SERVICE = 'demo';
const UPSTREAM = 'cutover_demo';
/**
 * A whole release on this machine: blue 1.0.0 live behind a router, green
 * 2.0.0 deployed by the deploy step, the schema expanded and backfilled on
 * PGlite, promoted, rolled back, promoted again and contracted, under steady
 * load. Load uses a new connection per request: nginx reloads close idle
 * keep-alive connections (docs/routers/nginx.md, "Which mode loses what"), and the demo counts every failure.
 */
async function runDemo(options) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'cutover-demo-'));
    const cleanups = [() => (0,promises_.rm)(dir, { recursive: true, force: true })];
    const log = (line) => options.write(`${line}\n`);
    try {
        const [routerPort, adminPort, bluePort, greenPort] = [await (0,ports/* freePort */.o)(), await (0,ports/* freePort */.o)(), await (0,ports/* freePort */.o)(), await (0,ports/* freePort */.o)()];
        const nginx = options.router === 'proxy' ? null : findNginx();
        if (options.router === 'nginx' && !nginx)
            throw new Error('--router nginx: nginx is not installed (apt-get install nginx-light).');
        const appPids = [];
        cleanups.unshift(() => stopPids(appPids));
        const startApp = async (color, port, version) => {
            const pidFile = external_node_path_.join(dir, `${color}.pid`);
            appPids.push(pidFile);
            await (0,sample_app.startSampleAppProcess)(options.self, { port, version, color, pidFile });
        };
        await startApp('blue', bluePort, '1.0.0');
        await waitUp(`http://127.0.0.1:${bluePort}/healthz`);
        let routerLabel;
        let routerYaml;
        let url;
        if (nginx) {
            const server = await startNginx(nginx, external_node_path_.join(dir, 'nginx'), routerPort, UPSTREAM);
            cleanups.unshift(server.stop);
            routerLabel = `nginx (${nginx}, reload on each switch)`;
            url = server.url;
            routerYaml = [
                '  kind: nginx',
                `  file: ${server.routerFile}`,
                `  pid-file: ${server.pidFile}`,
                `  probe: ${server.url}`,
                `  binary: ${nginx}`,
                `  test: ${JSON.stringify(server.test)}`,
                `  reload: ${JSON.stringify(server.reload)}`
            ].join('\n');
        }
        else {
            const server = await startProxyServer(routerPort, adminPort);
            cleanups.unshift(server.close);
            routerLabel = PROXY_LABEL;
            url = server.url;
            routerYaml = ['  kind: proxy', `  admin: ${server.admin}`, `  probe: ${server.url}`].join('\n');
        }
        log(`router: ${routerLabel}`);
        const configFile = external_node_path_.join(dir, 'cutover.yml');
        const deploy = [...options.self, 'sample-app', 'start', '--port', String(greenPort), '--version', '2.0.0', '--color', 'green', '--pid-file', external_node_path_.join(dir, 'green.pid')];
        appPids.push(external_node_path_.join(dir, 'green.pid'));
        await (0,promises_.writeFile)(configFile, [
            `service: ${SERVICE}`,
            'environment: demo',
            'colors:',
            `  blue:  { upstream: 127.0.0.1:${bluePort}, health: http://127.0.0.1:${bluePort}/healthz, version: http://127.0.0.1:${bluePort}/version }`,
            `  green: { upstream: 127.0.0.1:${greenPort}, health: http://127.0.0.1:${greenPort}/healthz, version: http://127.0.0.1:${greenPort}/version }`,
            'router:',
            routerYaml,
            'health: { timeout: 30s, interval: 100ms, max-interval: 1s }',
            `deploy:\n  command: ${JSON.stringify(deploy)}`,
            'database:',
            '  url: pglite:db',
            '  migrations: migrations',
            '  contract: { soak: 0s }',
            ''
        ].join('\n'));
        const rows = await seedDatabase(dir);
        log(`database: PGlite with ${rows} accounts; migration 0002 splits their name`);
        const frontEnd = { ...options.frontEnd, defaultSnapshotFile: service => external_node_path_.join(dir, `${service}.json`) };
        const secrets = new shared_secrets/* Secrets */.Sb(frontEnd.env, frontEnd.onSecret);
        const logger = frontEnd.logger(secrets);
        const { config, baseDir } = await (0,config_load/* loadConfig */.Z9)(configFile);
        await (0,init/* initRouter */.q)(config, await (0,run/* routerFor */.NF)(config, baseDir, logger, secrets, frontEnd.env), logger, 'blue');
        const load = startLoad({ url, concurrency: options.concurrency, maxRequests: 2_000_000, maxMs: 10 * 60_000 });
        let report;
        const phases = {};
        try {
            // Rollback after expand and migrate still works: expand only added. Promote again, then contract.
            const steps = [
                ['snapshot', 'snapshot', {}],
                ['deploy', 'deploy', {}],
                ['expand', 'migrate', { phase: 'expand' }],
                ['migrate', 'migrate', { phase: 'migrate' }],
                ['promote', 'promote', {}],
                ['rollback', 'rollback', {}],
                ['promote again', 'promote', {}],
                ['contract', 'contract', {}]
            ];
            for (const [label, step, values] of steps) {
                const started = performance.now();
                await (0,run/* runStep */.eg)(step, { config: configFile, ...values }, frontEnd);
                phases[label] = performance.now() - started;
            }
        }
        finally {
            report = await load.stop();
        }
        const figures = {
            router: routerLabel,
            phases,
            requests: report.requests,
            failed: report.non2xx + report.connectionErrors,
            non2xx: report.non2xx,
            connectionErrors: report.connectionErrors,
            byColor: report.byColor
        };
        return { text: render(figures, report), figures };
    }
    finally {
        for (const cleanup of cleanups)
            await cleanup().catch(() => undefined);
    }
}
function render(figures, report) {
    const lines = [
        '',
        `cutover demo: router ${figures.router}`,
        '',
        'phase          time',
        ...Object.entries(figures.phases).map(([phase, ms]) => `${phase.padEnd(14)} ${(0,duration/* formatDuration */.a3)(ms)}`),
        '',
        `requests: ${figures.requests} (${Object.entries(figures.byColor).map(([c, n]) => `${c} ${n}`).join(', ')})`,
        `failed requests: ${figures.failed} (non-2xx: ${figures.non2xx}, connection errors: ${figures.connectionErrors})`
    ];
    if (report.firstErrors.length)
        lines.push(`first failures: ${report.firstErrors.join('; ')}`);
    return lines.join('\n') + '\n';
}
const MIGRATIONS = {
    '0001_accounts': { 'expand.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, balance numeric NOT NULL DEFAULT 0);\n' },
    '0002_split_name': {
        // Until contract, the old version still writes name: a trigger keeps the new columns in step for its rows.
        'expand.sql': `ALTER TABLE accounts ADD COLUMN first_name text;
ALTER TABLE accounts ADD COLUMN last_name text;
ALTER TABLE accounts ALTER COLUMN name DROP NOT NULL;
CREATE FUNCTION accounts_split_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.first_name := split_part(NEW.name, ' ', 1);
  NEW.last_name := split_part(NEW.name, ' ', 2);
  RETURN NEW;
END $$;
CREATE TRIGGER accounts_split_name BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW WHEN (NEW.name IS NOT NULL) EXECUTE FUNCTION accounts_split_name();
CREATE INDEX CONCURRENTLY accounts_last_name_idx ON accounts (last_name);
`,
        'migrate.yml': "table: accounts\nset:\n  first_name: split_part(name, ' ', 1)\n  last_name: split_part(name, ' ', 2)\nwhere: first_name IS NULL\n",
        'contract.sql': 'DROP TRIGGER accounts_split_name ON accounts;\nDROP FUNCTION accounts_split_name();\nALTER TABLE accounts DROP COLUMN name;\n'
    }
};
const ACCOUNTS = 20_000;
/** The demo's live database: 0001 applied before the release, with accounts in it. */
async function seedDatabase(dir) {
    for (const [folder, files] of Object.entries(MIGRATIONS)) {
        await (0,promises_.mkdir)(external_node_path_.join(dir, 'migrations', folder), { recursive: true });
        for (const [name, text] of Object.entries(files))
            await (0,promises_.writeFile)(external_node_path_.join(dir, 'migrations', folder, name), text);
    }
    const db = await (0,pglite/* openPglite */.i)(external_node_path_.join(dir, 'db'));
    try {
        const [first] = await (0,migrations/* loadMigrations */.Y$)(external_node_path_.join(dir, 'migrations'));
        const quiet = { log: () => undefined, progress: () => undefined, pause: async () => undefined };
        await (0,phases/* runPhase */.P)(db, [first], 'expand', { policy: lock_policy/* DEFAULT_LOCK_POLICY */.LU, lockWaitMs: 1000, batch: backfill_plan/* DEFAULT_BATCH */.J, who: { runId: null, actor: 'demo', release: null }, hooks: quiet });
        await db.query(`INSERT INTO accounts (id, name, balance) SELECT g, 'Ada' || g || ' Lovelace' || g, g FROM generate_series(1, ${ACCOUNTS}) g`);
    }
    finally {
        await db.close();
    }
    return ACCOUNTS;
}
async function waitUp(url) {
    await (0,wait/* poll */.wt)(() => (0,http/* httpGet */.lx)(url, { timeoutMs: 1000 }).then(r => r.status === 200, () => false), {
        what: `the sample app at ${url}`,
        done: up => up,
        timeoutMs: 15_000,
        intervalMs: 50,
        timeoutError: () => new Error(`the sample app did not come up at ${url}`)
    });
}
async function stopPids(pidFiles) {
    for (const file of pidFiles) {
        const pid = Number((await (0,promises_.readFile)(file, 'utf8').catch(() => '')).trim());
        if (pid > 0) {
            try {
                process.kill(pid, 'SIGTERM');
            }
            catch {
                // Already gone.
            }
        }
    }
}


/***/ }),

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
