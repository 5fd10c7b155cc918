import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDuration } from '../src/shared/duration.js';
import { httpGet } from '../src/shared/io/http.js';
import { freePort } from '../src/shared/io/ports.js';
import { poll } from '../src/shared/io/wait.js';

/** The prometheus binary on PATH or where Debian puts it; null when Prometheus is not installed. */
export function findPrometheus(): string | null {
  for (const candidate of ['prometheus', '/usr/bin/prometheus', '/usr/local/bin/prometheus']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

export interface ScrapeTarget {
  /** host:port serving `/metrics`. */
  address: string;
  /** Added to every series scraped from it; the target's own labels win where both set one. */
  labels?: Record<string, string>;
}

export interface PrometheusOptions {
  targets: readonly ScrapeTarget[];
  /** `1s`, `500ms`, or milliseconds; 1s by default, so tests see traffic within a second. */
  scrapeInterval?: string | number;
  /**
   * Requires HTTP basic auth on every endpoint. Prometheus takes the password's
   * bcrypt hash (Node has no bcrypt); the launcher's own polling sends the password.
   */
  basicAuth?: { user: string; password: string; bcryptHash: string };
  /** The binary; findPrometheus() by default. */
  binary?: string;
}

export interface LocalPrometheus {
  /** The server's base URL, like http://127.0.0.1:9123. */
  url: string;
  pid: number;
  /** Resolves once every target has been scraped successfully at least once. */
  targetsUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * A throwaway Prometheus on a free loopback port scraping `targets`, with its
 * config and data in a temp folder, stopped by PID: for tests and the demo.
 */
export async function startPrometheus(options: PrometheusOptions): Promise<LocalPrometheus> {
  const binary = options.binary ?? findPrometheus();
  if (binary === null) throw new Error('prometheus is not installed: apt-get install prometheus');
  const intervalMs = scrapeIntervalMs(options.scrapeInterval ?? '1s');
  const dir = await mkdtemp(path.join(tmpdir(), 'cutover-prometheus-'));
  const configFile = path.join(dir, 'prometheus.yml');
  // JSON is YAML, so no YAML writer (nor quoting rules) is needed.
  const config = {
    global: { scrape_interval: `${intervalMs}ms`, scrape_timeout: `${intervalMs}ms`, evaluation_interval: `${intervalMs}ms` },
    scrape_configs: [
      {
        job_name: 'cutover',
        // The apps label their series with their color already; keep theirs rather than renaming it exported_color.
        honor_labels: true,
        static_configs: options.targets.map(target => ({ targets: [target.address], labels: target.labels ?? {} }))
      }
    ]
  };
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const args = [`--config.file=${configFile}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, '--log.level=warn'];
  const headers: Record<string, string> = {};
  if (options.basicAuth) {
    const { user, password, bcryptHash } = options.basicAuth;
    const webConfig = path.join(dir, 'web.yml');
    await writeFile(webConfig, JSON.stringify({ basic_auth_users: { [user]: bcryptHash } }));
    args.push(`--web.config.file=${webConfig}`);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const address = `127.0.0.1:${await freePort()}`;
  const child = spawn(binary, [...args, `--web.listen-address=${address}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', chunk => (log = (log + String(chunk)).slice(-4000)));
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const url = `http://${address}`;
  const running = () => child.exitCode === null && child.signalCode === null;

  const stop = async () => {
    if (running()) {
      process.kill(child.pid as number, 'SIGTERM');
      const timer = setTimeout(() => running() && process.kill(child.pid as number, 'SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  /** Polls `check` until it is true, failing early if Prometheus exits. */
  const until = async (what: string, timeoutMs: number, check: () => Promise<string | true>) => {
    const attempt = async () => {
      const outcome = await check().catch((error: Error) => error.message);
      if (outcome !== true && !running()) throw new Error(`prometheus exited before ${what}: ${log.trim()}`);
      return outcome;
    };
    await poll(attempt, {
      what: `prometheus ${what}`,
      done: outcome => outcome === true,
      timeoutMs,
      intervalMs: 50,
      timeoutError: last => new Error(`prometheus: ${what} did not happen within ${timeoutMs}ms (${last})`)
    });
  };

  try {
    await until('answering /-/ready', READY_TIMEOUT_MS, async () => {
      const response = await httpGet(`${url}/-/ready`, { timeoutMs: 1000, headers });
      return response.status === 200 || `HTTP ${response.status}`;
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    pid: child.pid as number,
    targetsUp: (timeoutMs = 10_000 + 3 * intervalMs) =>
      until('scraping every target', timeoutMs, async () => {
        const response = await httpGet(`${url}/api/v1/targets?state=active`, { timeoutMs: 1000, headers });
        const targets = (JSON.parse(response.body) as { data: { activeTargets: { scrapeUrl: string; health: string; lastError: string }[] } }).data.activeTargets;
        const down = targets.filter(target => target.health !== 'up');
        if (targets.length === options.targets.length && down.length === 0) return true;
        return down.map(target => `${target.scrapeUrl} is ${target.health}${target.lastError ? `: ${target.lastError}` : ''}`).join('; ') || `${targets.length} targets`;
      }),
    stop
  };
}

function scrapeIntervalMs(interval: string | number): number {
  const ms = typeof interval === 'number' ? interval : parseDuration(interval);
  if (ms === undefined || !Number.isInteger(ms) || ms < 1) throw new Error(`scrapeInterval: expected a duration like 1s or 500ms, got ${JSON.stringify(interval)}`);
  return ms;
}
