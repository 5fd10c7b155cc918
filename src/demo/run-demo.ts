import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Secrets } from '../shared/secrets.js';
import { loadConfig } from '../config/load.js';
import { formatDuration } from '../shared/duration.js';
import { DEFAULT_BATCH } from '../adapters/database/backfill-plan.js';
import { DEFAULT_LOCK_POLICY } from '../adapters/database/lock-policy.js';
import { loadMigrations, type Migration } from '../adapters/database/migrations.js';
import { openPglite } from '../adapters/database/pglite.js';
import { runPhase } from '../adapters/database/phases.js';
import { httpGet } from '../shared/io/http.js';
import { freePort } from '../shared/io/ports.js';
import { poll } from '../shared/io/wait.js';
import { initRouter } from '../steps/init.js';
import type { OptionValues, StepName } from '../steps/options.js';
import { routerFor, runStep, type FrontEnd } from '../app/run.js';
import { startLoad, type LoadReport } from './load.js';
import { findNginx, startNginx } from './nginx-server.js';
import { PROXY_LABEL, startProxyServer } from './proxy-server.js';
import { startSampleAppProcess } from './sample-app.js';

export interface DemoOptions {
  router: 'auto' | 'nginx' | 'proxy';
  concurrency: number;
  /** The command that runs cutover's CLI, used as the demo's deploy command. */
  self: readonly string[];
  write: (text: string) => void;
  /** How the steps log and where they find their environment: the CLI's. */
  frontEnd: FrontEnd;
}

export interface DemoFigures {
  router: string;
  phases: Record<string, number>;
  requests: number;
  failed: number;
  non2xx: number;
  connectionErrors: number;
  byColor: Record<string, number>;
}

const SERVICE = 'demo';
const UPSTREAM = 'cutover_demo';

/**
 * A whole release on this machine: blue 1.0.0 live behind a router, green
 * 2.0.0 deployed by the deploy step, the schema expanded and backfilled on
 * PGlite, promoted, rolled back, promoted again and contracted, under steady
 * load. Load uses a new connection per request: nginx reloads close idle
 * keep-alive connections (docs/routers/nginx.md, "Which mode loses what"), and the demo counts every failure.
 */
export async function runDemo(options: DemoOptions): Promise<{ text: string; figures: DemoFigures }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cutover-demo-'));
  const cleanups: Array<() => Promise<unknown>> = [() => rm(dir, { recursive: true, force: true })];
  const log = (line: string) => options.write(`${line}\n`);
  try {
    const [routerPort, adminPort, bluePort, greenPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const nginx = options.router === 'proxy' ? null : findNginx();
    if (options.router === 'nginx' && !nginx) throw new Error('--router nginx: nginx is not installed (apt-get install nginx-light).');

    const appPids: string[] = [];
    cleanups.unshift(() => stopPids(appPids));
    const startApp = async (color: string, port: number, version: string) => {
      const pidFile = path.join(dir, `${color}.pid`);
      appPids.push(pidFile);
      await startSampleAppProcess(options.self, { port, version, color, pidFile });
    };
    await startApp('blue', bluePort, '1.0.0');
    await waitUp(`http://127.0.0.1:${bluePort}/healthz`);

    let routerLabel: string;
    let routerYaml: string;
    let url: string;
    if (nginx) {
      const server = await startNginx(nginx, path.join(dir, 'nginx'), routerPort, UPSTREAM);
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
    } else {
      const server = await startProxyServer(routerPort, adminPort);
      cleanups.unshift(server.close);
      routerLabel = PROXY_LABEL;
      url = server.url;
      routerYaml = ['  kind: proxy', `  admin: ${server.admin}`, `  probe: ${server.url}`].join('\n');
    }
    log(`router: ${routerLabel}`);

    const configFile = path.join(dir, 'cutover.yml');
    const deploy = [...options.self, 'sample-app', 'start', '--port', String(greenPort), '--version', '2.0.0', '--color', 'green', '--pid-file', path.join(dir, 'green.pid')];
    appPids.push(path.join(dir, 'green.pid'));
    await writeFile(
      configFile,
      [
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
      ].join('\n')
    );
    const rows = await seedDatabase(dir);
    log(`database: PGlite with ${rows} accounts; migration 0002 splits their name`);

    const frontEnd: FrontEnd = { ...options.frontEnd, defaultSnapshotFile: service => path.join(dir, `${service}.json`) };
    const secrets = new Secrets(frontEnd.env, frontEnd.onSecret);
    const logger = frontEnd.logger(secrets);
    const { config, baseDir } = await loadConfig(configFile);
    await initRouter(config, await routerFor(config, baseDir, logger, secrets, frontEnd.env), logger, 'blue');

    const load = startLoad({ url, concurrency: options.concurrency, maxRequests: 2_000_000, maxMs: 10 * 60_000 });
    let report: LoadReport | undefined;
    const phases: Record<string, number> = {};
    try {
      // Rollback after expand and migrate still works: expand only added. Promote again, then contract.
      const steps: [string, StepName, OptionValues][] = [
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
        await runStep(step, { config: configFile, ...values }, frontEnd);
        phases[label] = performance.now() - started;
      }
    } finally {
      report = await load.stop();
    }
    const figures: DemoFigures = {
      router: routerLabel,
      phases,
      requests: report.requests,
      failed: report.non2xx + report.connectionErrors,
      non2xx: report.non2xx,
      connectionErrors: report.connectionErrors,
      byColor: report.byColor
    };
    return { text: render(figures, report), figures };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

function render(figures: DemoFigures, report: LoadReport): string {
  const lines = [
    '',
    `cutover demo: router ${figures.router}`,
    '',
    'phase          time',
    ...Object.entries(figures.phases).map(([phase, ms]) => `${phase.padEnd(14)} ${formatDuration(ms)}`),
    '',
    `requests: ${figures.requests} (${Object.entries(figures.byColor).map(([c, n]) => `${c} ${n}`).join(', ')})`,
    `failed requests: ${figures.failed} (non-2xx: ${figures.non2xx}, connection errors: ${figures.connectionErrors})`
  ];
  if (report.firstErrors.length) lines.push(`first failures: ${report.firstErrors.join('; ')}`);
  return lines.join('\n') + '\n';
}

const MIGRATIONS: Record<string, Record<string, string>> = {
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
async function seedDatabase(dir: string): Promise<number> {
  for (const [folder, files] of Object.entries(MIGRATIONS)) {
    await mkdir(path.join(dir, 'migrations', folder), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'migrations', folder, name), text);
  }
  const db = await openPglite(path.join(dir, 'db'));
  try {
    const [first] = await loadMigrations(path.join(dir, 'migrations'));
    const quiet = { log: () => undefined, progress: () => undefined, pause: async () => undefined };
    await runPhase(db, [first as Migration], 'expand', { policy: DEFAULT_LOCK_POLICY, lockWaitMs: 1000, batch: DEFAULT_BATCH, who: { runId: null, actor: 'demo', release: null }, hooks: quiet });
    await db.query(`INSERT INTO accounts (id, name, balance) SELECT g, 'Ada' || g || ' Lovelace' || g, g FROM generate_series(1, ${ACCOUNTS}) g`);
  } finally {
    await db.close();
  }
  return ACCOUNTS;
}

async function waitUp(url: string): Promise<void> {
  await poll(() => httpGet(url, { timeoutMs: 1000 }).then(r => r.status === 200, () => false), {
    what: `the sample app at ${url}`,
    done: up => up,
    timeoutMs: 15_000,
    intervalMs: 50,
    timeoutError: () => new Error(`the sample app did not come up at ${url}`)
  });
}

async function stopPids(pidFiles: string[]): Promise<void> {
  for (const file of pidFiles) {
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}
