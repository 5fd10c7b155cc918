// pgbench, PostgreSQL's own load generator, as a live writer nobody here wrote: TPC-B-like transactions from
// several clients, each transaction logged with its latency and completion time, so that the latencies of the
// transactions that ran during any window can be picked out afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { poll } from '../../lib/src/shared/io/wait.js';

const CLIENTS = 4;
const THREADS = 2;
/** A bound on every run, so that a bench that dies never leaves pgbench behind for long; runs are stopped earlier. */
const MAX_RUN_S = 900;

/**
 * pgbench from the same installation as the server binaries: next to initdb in `bin`, or next to the file initdb
 * links to (a PATH folder may hold links to /usr/lib/postgresql/<version>/bin only for the server's binaries).
 */
export function findPgbench(bin) {
  const initdb = path.join(bin, 'initdb');
  return [bin, path.dirname(realpathSync(initdb))].map(dir => path.join(dir, 'pgbench')).find(existsSync) ?? null;
}

const connection = (server, database) => ['-h', '127.0.0.1', '-p', String(server.port), '-U', 'cutover', database];

/** `pgbench -i -s <scale>`: pgbench_accounts gets 100,000 rows per unit of scale. */
export function initPgbench(pgbench, server, database, scale) {
  const init = spawnSync(pgbench, ['-i', '-s', String(scale), '-q', ...connection(server, database)], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i -s ${scale} failed (exit ${init.status}): ${init.stderr}`);
}

/**
 * Starts TPC-B-like load and resolves once every client is connected. `stop()` ends it and resolves to its
 * transactions as { endMs, latencyMs } (endMs on Date.now()'s clock). pgbench has no graceful stop, so it is
 * killed: the tail of each log file still in its buffer is lost, which is why callers keep the load running
 * for a while after the window they measure, and why `stop()` checks that the logs reach `coverMs`.
 */
export async function startPgbench(pgbench, server, database, dir, db) {
  const prefix = path.join(dir, `run-${Date.now()}`);
  const args = ['-b', 'tpcb-like', '-c', String(CLIENTS), '-j', String(THREADS), '-T', String(MAX_RUN_S), '-l', '--log-prefix', prefix, ...connection(server, database)];
  const child = spawn(pgbench, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', chunk => (stderr += String(chunk)));
  const exited = new Promise(resolve => child.once('exit', (code, signal) => resolve({ code, signal })));
  const running = async () => {
    if (child.exitCode !== null) throw new Error(`pgbench exited with code ${child.exitCode} before it ran: ${stderr}`);
    return (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'pgbench' AND datname = $1`, [database])).rows[0].n;
  };
  await poll(running, { what: 'pgbench clients to connect', done: n => n >= CLIENTS, timeoutMs: 30_000, intervalMs: 20 });
  return {
    async stop(coverMs) {
      if (child.exitCode !== null) throw new Error(`pgbench stopped by itself (exit ${child.exitCode}): ${stderr}`);
      child.kill('SIGINT');
      await exited;
      return readLogs(prefix, coverMs);
    }
  };
}

function readLogs(prefix, coverMs) {
  const files = readdirSync(path.dirname(prefix)).filter(f => f.startsWith(`${path.basename(prefix)}.`));
  if (files.length !== THREADS) throw new Error(`pgbench wrote ${files.length} log files, expected one per thread (${THREADS})`);
  const transactions = [];
  for (const file of files) {
    // Lines are "client_id transaction_no latency_us script_no epoch_s epoch_us"; the last may be cut off.
    const lines = readFileSync(path.join(path.dirname(prefix), file), 'utf8').split('\n').slice(0, -1);
    let lastEnd = 0;
    for (const line of lines) {
      const [, , latencyUs, , epochS, epochUs] = line.split(' ').map(Number);
      lastEnd = epochS * 1000 + epochUs / 1000;
      transactions.push({ endMs: lastEnd, latencyMs: latencyUs / 1000 });
    }
    if (lastEnd < coverMs) throw new Error(`pgbench's log ${file} ends ${(coverMs - lastEnd).toFixed(0)} ms before the measured window does; keep the load running longer after it`);
  }
  return transactions;
}

/** The transactions that ran during [fromMs, toMs], even in part. */
export const during = (transactions, fromMs, toMs) => transactions.filter(t => t.endMs >= fromMs && t.endMs - t.latencyMs <= toMs);
