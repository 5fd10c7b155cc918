// Backfill benchmark on a real PostgreSQL (fsync on), in two parts sharing one server.
//
// Part 1, one table of 1,000,000 rows and a paced writer (another process, single-row updates and inserts):
//   backfill_vs_update: rows/s of cutover's batched backfill (default settings) over rows/s of one plain
//                       UPDATE of all rows, both starting from the same vacuumed table;
//   batch_lock_p99_ms:  p99 of how long one batch's transaction holds its locks;
//   writer_p99_ratio:   p99 latency of the paced writer during the backfill, over its p99 with no backfill.
// Each round: plain UPDATE, writer alone, backfill under the writer. The writer updates a, which c is computed
// from, on purpose: this part measures batching and lock times, so its migrate.yml allows the missing trigger and
// skips verification.
//
// Part 2, a release under pgbench: `pgbench -i -s 20` (2,000,000 rows in pgbench_accounts), TPC-B-like load from
// 4 clients on 2 threads, every transaction logged. The release adds abalance_cents and backfills it with
// abalance * 100 while pgbench keeps updating abalance, in two ways:
//   cutover: change.yml with one add_column (up: abalance * 100), which compiles into expand (the column and
//            BEFORE INSERT / BEFORE UPDATE triggers whose WHEN clauses fire only on rows out of step) and a
//            migrate.yml backfill; both phases run through runPhase with the library's defaults, as
//            `cutover db expand` and `cutover db migrate` would, verification included;
//   peer:    pgroll's method (bench/lib/peer-backfill.mjs): the same column, a trigger that fires on every row,
//            then batches of 1,000 rows by keyset on the key, each one autocommitted statement touching its rows
//            so the trigger computes the value, no pause.
// The window of a method is its backfill (migrate, or the peer's batches), not the DDL before it; pgbench's
// transactions that ran during the window, even in part, are its sample. Each round: pgbench alone for a
// baseline window, then each method under pgbench (which goes first alternates between rounds), each followed by
// 3 more seconds of load and a count of inconsistent rows. Before each: the column, triggers, functions and the
// history table dropped, VACUUM ANALYZE, CHECKPOINT.
//   inconsistent_rows:   rows where abalance_cents IS DISTINCT FROM abalance * 100 after cutover's backfill and
//                        3 s of load, the most of any round (peer_inconsistent_rows: the same for the peer);
//   writer_p99_vs_peer:  (pgbench p99 during cutover's backfill / baseline p99) over (p99 during the peer's /
//                        baseline p99); with one pooled baseline this is cutover's p99 over the peer's;
//   writer_max_vs_peer:  the same with each window's slowest transaction;
//   rows_per_s_vs_peer:  cutover's backfill rows/s (from the start of migrate to its last batch) over the peer's
//                        (its batches); cutover_phase_rows_per_s counts cutover's whole migrate, the verification
//                        pass after the last batch included, which the peer does not do. The latency windows
//                        above are the whole migrate for cutover, verification included.
//
// Every figure pools BENCH_ROUNDS rounds (3 by default): latencies are pooled before the p99 and max are taken,
// rows/s is all rows over all time. BENCH_BATCH='{"targetMs":20,"pauseMs":20}' tries other batch settings than
// the defaults, in both parts. BENCH_QUICK=1 (npm run bench -- --quick): one round on 20,000 rows, pgbench scale 1
// and short baselines; every path runs, the figures mean little.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { peerBackfill, peerExpand } from './lib/peer-backfill.mjs';
import { during, findPgbench, initPgbench, startPgbench } from './lib/pgbench.mjs';
import { DEFAULT_BATCH } from '../lib/src/adapters/database/backfill-plan.js';
import { DEFAULT_THROTTLE } from '../lib/src/adapters/database/throttle.js';
import { DEFAULT_LOCK_POLICY } from '../lib/src/adapters/database/lock-policy.js';
import { loadMigrations } from '../lib/src/adapters/database/migrations.js';
import { quoteIdent } from '../lib/src/adapters/database/connection.js';
import { HISTORY_TABLE } from '../lib/src/adapters/database/history.js';
import { openPostgres } from '../lib/src/adapters/database/postgres.js';
import { preparePhase, runPhase } from '../lib/src/adapters/database/phases.js';
import { findPostgresBin, startPostgres } from '../lib/harness/postgres-server.js';
import { sleep } from '../lib/src/shared/io/wait.js';
import { percentile } from '../lib/src/core/statistics.js';

const QUICK = process.env.BENCH_QUICK === '1';
const ROWS = QUICK ? 20_000 : 1_000_000;
const WRITER_BASELINE_MS = QUICK ? 500 : 8000;
const WRITER_PACE_MS = 2;
const PGBENCH_SCALE = QUICK ? 1 : 20;
const PGBENCH_BASELINE_MS = QUICK ? 2000 : 10_000;
/** Load before each window, so that pgbench's clients are past their first transactions. */
const SETTLE_MS = 1000;
/** Load after each window: the old version keeps writing until promote, and pgbench's logs reach past the window. */
const AFTER_MS = 3000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error(`BENCH_ROUNDS=${process.env.BENCH_ROUNDS} is not a whole number of rounds; give 1 or more (default 3).`);
  process.exit(2);
}

const p99 = xs => percentile(xs, 99);
const max = xs => percentile(xs, 100);
const round = (x, digits) => Number(x.toFixed(digits));

// The writer runs in its own process, so its latencies are the database's, not this event loop's.
if (process.argv[2] === '--writer') {
  const db = await openPostgres(process.argv[3], 'bench writer');
  const latencies = [];
  let stop = false;
  process.on('SIGTERM', () => (stop = true));
  process.send?.('ready');
  while (!stop) {
    const id = 1 + Math.floor(Math.random() * ROWS);
    const started = performance.now();
    await db.query(Math.random() < 0.5 ? 'UPDATE bench SET a = a + 1 WHERE id = $1' : `INSERT INTO bench (a, b) VALUES ($1, 'inserted')`, [id]);
    latencies.push(performance.now() - started);
    await sleep(WRITER_PACE_MS);
  }
  await db.close();
  process.send?.({ latencies });
  process.exit(0);
}

function startWriter(url) {
  const child = spawn(process.execPath, [process.argv[1], '--writer', url], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise(resolve => child.once('message', resolve));
  const result = new Promise(resolve => child.on('message', m => m?.latencies && resolve(m.latencies)));
  return { ready, stop: () => (child.kill('SIGTERM'), result) };
}

/**
 * runPhase's options as `cutover migrate` would pass them with the default settings, the throttle's second
 * session (on `url`) included, with each batch reported to `onBatch`.
 */
const phaseOptions = (url, runId, batch, onBatch) => ({
  policy: DEFAULT_LOCK_POLICY,
  lockWaitMs: 5000,
  batch,
  who: { runId, actor: 'bench', release: null },
  hooks: {
    log: () => undefined,
    progress: () => undefined,
    pause: sleep,
    onBatch,
    throttle: { settings: DEFAULT_THROTTLE, signals: [], openMonitor: () => openPostgres(url, 'bench monitor') }
  }
});

/** A migration folder under `dir` with the given files. */
async function migrationsOf(dir, name, files) {
  mkdirSync(path.join(dir, name), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, name, file), text);
  return loadMigrations(dir);
}

async function singleWriterPart(server, dir, batch) {
  await server.createDatabase('bench');
  const url = server.url('bench');
  const db = await openPostgres(url, 'bench');
  await db.query('CREATE TABLE bench (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, a int NOT NULL, b text NOT NULL, c text)');
  await db.query(`INSERT INTO bench (id, a, b) SELECT g, g, md5(g::text) FROM generate_series(1, ${ROWS}) g`);
  await db.query(`SELECT setval(pg_get_serial_sequence('bench', 'id'), ${ROWS})`);
  // This part measures batching and lock times, so its writer leaves c out of step by design; the pgbench part
  // measures a release that keeps it in step.
  const migrations = await migrationsOf(dir, '0001_fill_c', {
    'migrate.yml': `table: bench
set:
  c: b || '-' || a
where: c IS NULL
verify: false
allow:
  backfill-without-trigger: the benchmark's writer updates a on purpose; consistency is measured under pgbench
`
  });
  // Parsing the migration files loads the SQL parser's wasm: CPU in cutover's own process, which in production
  // runs on the CI runner, not on the database host. It happens before the writer is measured, so that on this
  // machine, where all three share the cores, it is not charged to the database.
  await preparePhase(migrations, 'migrate', batch);
  // Both runs start from the same state: every row updated once and vacuumed, so each finds free space alike.
  const reset = async () => {
    await db.query('UPDATE bench SET c = NULL');
    await db.query('VACUUM ANALYZE bench');
    await db.query('CHECKPOINT');
  };

  // One round's p99 rests on its ~10 slowest writer operations, so it swings widely between runs; the figures
  // pool every round's samples and times.
  const pooled = { updateMs: 0, backfillMs: 0, held: [], alone: [], during: [] };
  for (let r = 1; r <= ROUNDS; r++) {
    await reset();
    let started = performance.now();
    await db.query(`UPDATE bench SET c = b || '-' || a`);
    const updateMs = performance.now() - started;
    await reset();
    await db.query(`DROP TABLE IF EXISTS ${HISTORY_TABLE}`);

    const quiet = startWriter(url);
    await quiet.ready;
    await sleep(WRITER_BASELINE_MS);
    const alone = await quiet.stop();

    const held = [];
    const busy = startWriter(url);
    await busy.ready;
    started = performance.now();
    const report = await runPhase(db, migrations, 'migrate', phaseOptions(url, `bench-${r}`, batch, b => held.push(b.lockHeldMs)));
    const backfillMs = performance.now() - started;
    const during = await busy.stop();
    const left = (await db.query('SELECT count(*)::int AS n FROM bench WHERE c IS NULL AND id <= $1', [ROWS])).rows[0].n;
    if (!report.completed || left !== 0) throw new Error(`backfill did not finish: ${left} rows left`);
    console.log(
      `round ${r}: UPDATE ${Math.round(ROWS / (updateMs / 1000))} rows/s, backfill ${Math.round(ROWS / (backfillMs / 1000))} rows/s in ${held.length} batches, ` +
        `batch lock p99 ${p99(held).toFixed(1)} ms, writer p99 ${p99(during).toFixed(2)} ms during vs ${p99(alone).toFixed(2)} ms alone (${(p99(during) / p99(alone)).toFixed(3)})`
    );
    pooled.updateMs += updateMs;
    pooled.backfillMs += backfillMs;
    pooled.held.push(...held);
    pooled.alone.push(...alone);
    pooled.during.push(...during);
  }
  await db.close();

  const { updateMs, backfillMs, held, alone, during } = pooled;
  const updateRate = (ROUNDS * ROWS) / (updateMs / 1000);
  const backfillRate = (ROUNDS * ROWS) / (backfillMs / 1000);
  const pct = (xs, p) => percentile(xs, p).toFixed(2);
  for (const [name, xs] of [['alone', alone], ['during', during]]) console.log(`writer ${name}: n=${xs.length} p50 ${pct(xs, 50)} p90 ${pct(xs, 90)} p99 ${pct(xs, 99)} max ${pct(xs, 100)} ms`);
  console.log(`${ROUNDS} rounds pooled: UPDATE ${Math.round(updateRate)} rows/s, backfill ${Math.round(backfillRate)} rows/s in ${held.length} batches`);
  return {
    backfill_vs_update: round(backfillRate / updateRate, 3),
    batch_lock_p99_ms: round(p99(held), 1),
    writer_p99_ratio: round(p99(during) / p99(alone), 3),
    rows: ROWS,
    rounds: ROUNDS,
    update_rows_per_s: Math.round(updateRate),
    backfill_rows_per_s: Math.round(backfillRate),
    batches: held.length,
    writer_p99_alone_ms: round(p99(alone), 2),
    writer_p99_during_ms: round(p99(during), 2),
    writer_ops_alone: alone.length,
    writer_ops_during: during.length
  };
}

/** Drops every trigger on `table` with its function: the release's own and the peer's, whatever their names. */
async function dropTriggers(db, table) {
  const { rows } = await db.query('SELECT tgname, tgfoid::regprocedure::text AS fn FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal', [table]);
  for (const { tgname } of rows) await db.query(`DROP TRIGGER ${quoteIdent(tgname)} ON ${table}`);
  // Two triggers may share one function.
  for (const fn of new Set(rows.map(r => r.fn))) await db.query(`DROP FUNCTION ${fn}`);
}

async function pgbenchPart(server, dir, batch, pgbench) {
  const database = 'pgbench';
  await server.createDatabase(database);
  const url = server.url(database);
  const db = await openPostgres(url, 'bench');
  initPgbench(pgbench, server, database, PGBENCH_SCALE);
  const accounts = (await db.query('SELECT count(*)::int AS n FROM pgbench_accounts')).rows[0].n;
  // Every row updated once (and vacuumed by the first reset), so every backfill, the first included, finds free
  // space in the pages alike.
  await db.query('UPDATE pgbench_accounts SET abalance = abalance');
  const reset = async () => {
    await dropTriggers(db, 'pgbench_accounts');
    await db.query('ALTER TABLE pgbench_accounts DROP COLUMN IF EXISTS abalance_cents');
    await db.query(`DROP TABLE IF EXISTS ${HISTORY_TABLE}`);
    await db.query('VACUUM ANALYZE');
    await db.query('CHECKPOINT');
  };

  // The declarative form: cutover generates the column, the triggers that keep it in step, and the backfill.
  const migrations = await migrationsOf(dir, '0001_abalance_cents', {
    'change.yml': 'table: pgbench_accounts\nchanges:\n  - add_column: {column: abalance_cents, type: bigint, up: abalance * 100}\n'
  });
  // As in part 1: the parser's wasm loads before anything is measured.
  await preparePhase(migrations, 'expand', batch);
  await preparePhase(migrations, 'migrate', batch);

  const methods = {
    baseline: { expand: async () => undefined, backfill: async () => (await sleep(PGBENCH_BASELINE_MS), {}) },
    cutover: {
      expand: runId => runPhase(db, migrations, 'expand', phaseOptions(url, runId, batch)),
      async backfill(runId) {
        const started = Date.now();
        let rows = 0;
        let batches = 0;
        let lastBatchAt = started;
        const report = await runPhase(db, migrations, 'migrate', phaseOptions(url, runId, batch, b => ((rows += b.rows), batches++, (lastBatchAt = Date.now()))));
        if (!report.completed) throw new Error(`cutover's backfill did not finish: ${report.applied.map(a => a.outcome).join('; ')}`);
        // migrate goes on after its last batch (the verification pass); the batches' own rate is shown apart.
        return { rows, batches, batchesMs: lastBatchAt - started };
      }
    },
    peer: { expand: () => peerExpand(db), backfill: () => peerBackfill(db) }
  };
  const logs = mkdtempSync(path.join(tmpdir(), 'cutover-pgbench-'));
  /** One method under pgbench, from a reset table: its window's transactions, rows and inconsistent rows. */
  const underLoad = async (name, runId) => {
    await reset();
    const load = await startPgbench(pgbench, server, database, logs, db);
    await sleep(SETTLE_MS);
    await methods[name].expand(runId);
    const fromMs = Date.now();
    const result = await methods[name].backfill(runId);
    const toMs = Date.now();
    await sleep(AFTER_MS);
    const inconsistent =
      name === 'baseline' ? 0 : (await db.query('SELECT count(*)::int AS n FROM pgbench_accounts WHERE abalance_cents IS DISTINCT FROM abalance * 100')).rows[0].n;
    const transactions = await load.stop(toMs);
    const ended = transactions.filter(t => t.endMs >= fromMs && t.endMs <= toMs).length;
    const ran = during(transactions, fromMs, toMs);
    const slowest = ran.reduce((a, b) => (b.latencyMs > a.latencyMs ? b : a));
    const latencies = ran.map(t => t.latencyMs);
    return { rows: 0, batches: 0, batchesMs: toMs - fromMs, ...result, ms: toMs - fromMs, ended, latencies, inconsistent, slowestAtMs: slowest.endMs - slowest.latencyMs - fromMs };
  };

  const pooled = Object.fromEntries(Object.keys(methods).map(name => [name, { rows: 0, batches: 0, batchesMs: 0, ms: 0, ended: 0, latencies: [], inconsistent: 0 }]));
  const show = (name, r) =>
    `${name}${r.rows ? ` ${Math.round(r.rows / (r.ms / 1000))} rows/s in ${r.batches} batches,` : ''} ${Math.round(r.ended / (r.ms / 1000))} tps, ` +
    `p99 ${p99(r.latencies).toFixed(1)} max ${max(r.latencies).toFixed(1)} ms${name === 'baseline' ? '' : `, ${r.inconsistent} inconsistent`}`;
  try {
    for (let r = 1; r <= ROUNDS; r++) {
      const order = r % 2 === 1 ? ['baseline', 'cutover', 'peer'] : ['baseline', 'peer', 'cutover'];
      const shown = [];
      for (const name of order) {
        const result = await underLoad(name, `bench-pgbench-${r}`);
        const sum = pooled[name];
        for (const key of ['rows', 'batches', 'batchesMs', 'ms', 'ended']) sum[key] += result[key];
        sum.latencies.push(...result.latencies);
        sum.inconsistent = Math.max(sum.inconsistent, result.inconsistent);
        const when = `slowest started at ${(result.slowestAtMs / 1000).toFixed(1)} s of ${(result.ms / 1000).toFixed(1)} s${result.batchesMs < result.ms ? ` (batches done at ${(result.batchesMs / 1000).toFixed(1)} s)` : ''}`;
        shown.push(`${show(name, result)}, ${when}`);
      }
      console.log(`pgbench round ${r}: ${shown.join('; ')}`);
    }
  } finally {
    await db.close();
    rmSync(logs, { recursive: true, force: true });
  }

  const { baseline, cutover, peer } = pooled;
  for (const [name, sum] of Object.entries(pooled)) console.log(`${ROUNDS} rounds pooled: ${show(name, sum)}`);
  const rate = m => m.rows / (m.ms / 1000);
  const vsBaseline = (stat, m) => stat(m.latencies) / stat(baseline.latencies);
  return {
    inconsistent_rows: cutover.inconsistent,
    writer_p99_vs_peer: round(vsBaseline(p99, cutover) / vsBaseline(p99, peer), 3),
    writer_max_vs_peer: round(vsBaseline(max, cutover) / vsBaseline(max, peer), 3),
    rows_per_s_vs_peer: round(cutover.rows / (cutover.batchesMs / 1000) / rate(peer), 3),
    pgbench_scale: PGBENCH_SCALE,
    pgbench_accounts: accounts,
    cutover_phase_rows_per_s: Math.round(rate(cutover)),
    peer_rows_per_s: Math.round(rate(peer)),
    cutover_batch_rows_per_s: Math.round(cutover.rows / (cutover.batchesMs / 1000)),
    cutover_batches: cutover.batches,
    peer_batches: peer.batches,
    peer_inconsistent_rows: peer.inconsistent,
    pgbench_p99_baseline_ms: round(p99(baseline.latencies), 2),
    pgbench_max_baseline_ms: round(max(baseline.latencies), 2),
    pgbench_p99_cutover_ms: round(p99(cutover.latencies), 2),
    pgbench_max_cutover_ms: round(max(cutover.latencies), 2),
    pgbench_p99_peer_ms: round(p99(peer.latencies), 2),
    pgbench_max_peer_ms: round(max(peer.latencies), 2),
    pgbench_p99_ratio_cutover: round(vsBaseline(p99, cutover), 3),
    pgbench_p99_ratio_peer: round(vsBaseline(p99, peer), 3),
    pgbench_tps_baseline: Math.round(baseline.ended / (baseline.ms / 1000)),
    pgbench_tps_cutover: Math.round(cutover.ended / (cutover.ms / 1000)),
    pgbench_tps_peer: Math.round(peer.ended / (peer.ms / 1000))
  };
}

const bin = findPostgresBin();
if (!bin) {
  console.error('backfill bench needs PostgreSQL: apt-get install postgresql');
  process.exit(1);
}
const pgbench = findPgbench(bin);
if (!pgbench) {
  console.error(`backfill bench needs pgbench next to initdb in ${bin}: apt-get install postgresql`);
  process.exit(1);
}
const server = await startPostgres(bin, { durable: true });
const dir = mkdtempSync(path.join(tmpdir(), 'cutover-bench-'));
try {
  const batch = { ...DEFAULT_BATCH, ...JSON.parse(process.env.BENCH_BATCH ?? '{}') };
  const f = { ...(await singleWriterPart(server, path.join(dir, 'single'), batch)), ...(await pgbenchPart(server, path.join(dir, 'pgbench'), batch, pgbench)) };
  console.log(`backfill_vs_update ${f.backfill_vs_update} (goal >= 0.5)`);
  console.log(`batch_lock_p99_ms  ${f.batch_lock_p99_ms} (goal < 100)`);
  console.log(`writer_p99_ratio   ${f.writer_p99_ratio} (goal <= 1.5; p99 ${f.writer_p99_during_ms} ms during vs ${f.writer_p99_alone_ms} ms alone)`);
  console.log(`inconsistent_rows  ${f.inconsistent_rows} (goal 0; the peer's: ${f.peer_inconsistent_rows})`);
  console.log(
    `writer_p99_vs_peer ${f.writer_p99_vs_peer} (goal <= 1.0; pgbench p99 ${f.pgbench_p99_cutover_ms} ms during cutover's backfill, ${f.pgbench_p99_peer_ms} ms during the peer's, ${f.pgbench_p99_baseline_ms} ms alone)`
  );
  console.log(`writer_max_vs_peer ${f.writer_max_vs_peer} (goal <= 1.0; pgbench max ${f.pgbench_max_cutover_ms} ms vs ${f.pgbench_max_peer_ms} ms, ${f.pgbench_max_baseline_ms} ms alone)`);
  console.log(
    `rows_per_s_vs_peer ${f.rows_per_s_vs_peer} (goal >= 1.5; ${f.cutover_batch_rows_per_s} rows/s vs ${f.peer_rows_per_s} rows/s; ${f.cutover_phase_rows_per_s} rows/s over the whole migrate, verification included)`
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/backfill.json', `${JSON.stringify({ figures: f }, null, 2)}\n`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
