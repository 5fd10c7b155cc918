import path from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { ReleaseError } from '../../src/shared/errors.js';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { loadMigrations, type Migration } from '../../src/adapters/database/migrations.js';
import { runPhase } from '../../src/adapters/database/phases.js';
import { DEFAULT_THROTTLE, Throttle, type Signal, type ThrottleOptions, type ThrottleSettings } from '../../src/adapters/database/throttle.js';
import { poll } from '../../src/shared/io/wait.js';
import { prometheusSignal } from '../../src/adapters/probes/prometheus-signal.js';
import { startHostileServer, type HostileServer } from '../support/hostile-http.js';
import { refusalOf } from '../support/refusal.js';
import { testPhaseOptions, writeMigrations } from '../support/migrations.js';
import { startLiveWriters } from '../support/live-writers.js';
import { describeWithPostgres, usePostgres } from '../support/postgres.js';
import { tempDir } from '../support/servers.js';

/** A signal that reads the next of `values` (a thrown Error for `'down'`), then the last one forever. */
function fakeSignal(values: (number | 'down')[], options: Partial<Signal> = {}): Signal & { reads: number } {
  const signal = {
    name: 'replica lag',
    warn: 1000,
    critical: 10_000,
    show: (ms: number) => `${(ms / 1000).toFixed(1)}s`,
    reads: 0,
    async read() {
      const value = values[Math.min(signal.reads++, values.length - 1)] as number | 'down';
      if (value === 'down') throw new Error('connection refused');
      return value;
    },
    ...options
  };
  return signal;
}

/** A throttle on a clock that moves only when it pauses, with what it logged and warned. */
function throttleOf(signals: Signal[], settings: Partial<ThrottleSettings> = {}, cancelled = () => false) {
  let now = 0;
  const said = { lines: [] as string[], warnings: [] as string[], pauses: [] as number[] };
  const throttle = new Throttle({ ...DEFAULT_THROTTLE, ...settings }, signals, {
    log: line => said.lines.push(line),
    warn: line => said.warnings.push(line),
    pause: async ms => {
      said.pauses.push(ms);
      now += ms;
    },
    cancelled,
    now: () => now
  });
  return { throttle, said, advance: (ms: number) => (now += ms) };
}

describe('throttle decisions', () => {
  it('goes on below warn, halves at warn, and pauses at critical until the signal clears', async () => {
    expect(await throttleOf([fakeSignal([400])]).throttle.afterBatch({ othersWaitedMs: 0 })).toBe('ok');
    expect(await throttleOf([fakeSignal([1000])]).throttle.afterBatch({ othersWaitedMs: 0 })).toBe('warn');

    const { throttle, said } = throttleOf([fakeSignal([12_300, 12_000, 400])]);
    expect(await throttle.afterBatch({ othersWaitedMs: 0 })).toBe('warn');
    expect(said.pauses).toEqual([5000, 5000]);
    expect(said.lines).toEqual(['backfill paused: replica lag 12.3s >= critical 10.0s; resumes when it falls below', 'backfill resumes after 10s paused, at half the batch size']);
  });

  it('fails after max-pause, saying why and that committed batches are kept', async () => {
    const { throttle, said } = throttleOf([fakeSignal([15_000])], { checkMs: 60_000, maxPauseMs: 150_000 });
    const failure = throttle.afterBatch({ othersWaitedMs: 0 });
    await expect(failure).rejects.toThrow(ReleaseError);
    await expect(failure).rejects.toThrow(
      'backfill paused for 2m30s, the longest database.backfill.throttle.max-pause allows: replica lag 15.0s >= critical 10.0s. Committed batches are kept; run migrate again to resume after the last one once it clears, or raise the limit.'
    );
    expect(said.pauses).toEqual([60_000, 60_000, 30_000]);
  });

  it('pauses after a batch that made others wait past critical for as long as they waited, not a whole check', async () => {
    const lockWaits = fakeSignal([450, 0], { name: 'lock waits', warn: 20, critical: 200, perBatch: true, show: ms => `${ms}ms` });
    const { throttle, said } = throttleOf([lockWaits]);
    expect(await throttle.afterBatch({ othersWaitedMs: 450 })).toBe('warn');
    expect(said.pauses).toEqual([450]);
    expect(said.lines[0]).toBe('backfill paused: lock waits 450ms >= critical 200ms; resumes when it falls below');
  });

  it('stops pausing when the run is cancelled', async () => {
    const { throttle } = throttleOf([fakeSignal([15_000])], {}, () => true);
    expect(await throttle.afterBatch({ othersWaitedMs: 0 })).toBe('cancelled');
  });

  it('counts a signal it cannot read as warn, never ok, and warns once until it reads again', async () => {
    const { throttle, said } = throttleOf([fakeSignal(['down', 'down', 300, 'down'], { perBatch: true })]);
    const verdicts = [];
    for (let batch = 0; batch < 4; batch++) verdicts.push(await throttle.afterBatch({ othersWaitedMs: 0 }));
    expect(verdicts).toEqual(['warn', 'warn', 'ok', 'warn']);
    expect(said.warnings).toEqual([
      'backfill: replica lag cannot be read (connection refused); batches stay small until it can',
      'backfill: replica lag cannot be read (connection refused); batches stay small until it can'
    ]);
  });

  it('reads a per-batch signal after every batch, and any other at most every check', async () => {
    const perBatch = fakeSignal([5], { name: 'lock waits', warn: 20, critical: 200, perBatch: true });
    const outside = fakeSignal([400]);
    const { throttle, advance } = throttleOf([perBatch, outside], { checkMs: 1000 });
    for (let batch = 0; batch < 5; batch++) {
      await throttle.afterBatch({ othersWaitedMs: 5 });
      advance(300);
    }
    expect([perBatch.reads, outside.reads]).toEqual([5, 2]);
  });
});

describe('database.backfill.throttle', () => {
  const config = (throttle: string) => `service: shop-api\ndatabase:\n  url: pglite:memory\n  backfill:\n    throttle:\n${throttle}`;

  it('defaults to lock waits 20ms/200ms per batch, replica lag 1s/10s, a check every 5s and at most 30m paused', () => {
    expect(parseConfig(config('      check: 5s\n'), 'cutover.yml').database?.backfill.throttle).toEqual({
      'lock-wait': { warn: 20, critical: 200 },
      'replica-lag': { warn: 1000, critical: 10_000 },
      check: 5000,
      'max-pause': 1_800_000
    });
    expect(parseConfig('service: shop-api\ndatabase:\n  url: pglite:memory\n', 'cutover.yml').database?.backfill.throttle.check).toBe(5000);
  });

  it('refuses a critical level that is not above warn, naming the field', () => {
    const message = refusalOf(() =>
      parseConfig(config('      replica-lag: { warn: 5s, critical: 2s }\n      metric: { url: http://127.0.0.1:9090, query: up, warn: 3, critical: 3 }\n'), 'cutover.yml')
    );
    expect(message).toMatch(/database\.backfill\.throttle\.replica-lag\.critical \(line \d+\): must be more than warn/);
    expect(message).toMatch(/database\.backfill\.throttle\.metric\.critical \(line \d+\): must be more than warn/);
  });
});

const PROMETHEUS_ANSWER = (value: string) => ({
  kind: 'fixed' as const,
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [0, value] }] } })
});

describeWithPostgres('the throttle on PostgreSQL', () => {
  const { server, cleanup } = usePostgres();
  let count = 0;

  async function connect(name: string, as = 'cutover-test'): Promise<Database> {
    const db = await server().connect(name, as);
    cleanup(() => db.close().catch(() => undefined));
    return db;
  }

  /**
   * A database with `ledger` (`rows` rows) and a migration that touches each row once; touching is not
   * idempotent, so a row done twice shows. A statement that touches a row with the id `slowId` sleeps
   * `seconds` after all its rows are updated, holding their locks, while `hold` says so.
   */
  async function ledger(rows: number, slowId = 0, seconds = 0.4): Promise<{ name: string; db: Database; migrations: Migration[] }> {
    const name = `throttle_${++count}`;
    await server().createDatabase(name);
    const db = await connect(name, 'backfill under test');
    await db.query(`CREATE TABLE ledger (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0, writes int NOT NULL DEFAULT 0)`);
    await db.query(`INSERT INTO ledger (id) SELECT g FROM generate_series(1, ${rows}) g`);
    await db.query(`CREATE TABLE hold (on_row boolean NOT NULL)`);
    await db.query(`INSERT INTO hold VALUES (true)`);
    await db.query(`CREATE FUNCTION slow_batch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT on_row FROM hold) AND EXISTS (SELECT 1 FROM changed WHERE id = ${slowId}) THEN PERFORM pg_sleep(${seconds}); END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER slow_batch AFTER UPDATE ON ledger REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION slow_batch()`);
    const { dir, remove } = await tempDir();
    cleanup(remove);
    const root = await writeMigrations(path.join(dir, 'migrations'), { '0001_touch': { 'migrate.yml': 'table: ledger\nset:\n  touched: touched + 1\n' } });
    return { name, db, migrations: await loadMigrations(root) };
  }

  async function expectEveryRowDoneOnce(db: Database, rows: number): Promise<void> {
    const check = await db.query<{ wrong: number }>(`SELECT count(*) FILTER (WHERE touched <> 1)::int AS wrong FROM ledger`);
    expect(check.rows[0]?.wrong).toBe(0);
    const done = (await readHistory(db)).find(r => r.phase === 'migrate');
    expect([done?.status, done?.rows_done]).toEqual(['done', rows]);
  }

  it('reports the lock-wait time a batch caused a blocked writer, and halves the next batch instead of growing it', async () => {
    const { name, db, migrations } = await ledger(3000, 500);
    const writer = await startLiveWriters(server(), name, 1, () => ({ sql: 'UPDATE ledger SET writes = writes + 1 WHERE id = 10' }), 'live writer');
    cleanup(() => writer.stop());
    await poll(async () => writer.writes(), { what: 'the writer to write', done: n => n >= 5, timeoutMs: 10_000, intervalMs: 5 });

    const batches: { size: number; othersWaitedMs: number | null }[] = [];
    const progress: (number | null)[] = [];
    const throttle: ThrottleOptions = {
      settings: { ...DEFAULT_THROTTLE, lockWait: { warn: 20, critical: 600_000 } },
      signals: [],
      openMonitor: () => server().connect(name, 'monitor')
    };
    // A long target: by its duration alone, the next batch would double.
    const options = testPhaseOptions(
      { batch: { targetMs: 10_000, min: 100, max: 4000, initial: 1000, pauseMs: 0 } },
      { throttle, onBatch: batch => batches.push(batch), progress: p => progress.push(p.othersWaitedMs) }
    );
    const report = await runPhase(db, migrations, 'migrate', options);
    await writer.stop();
    expect(writer.errors).toEqual([]);

    expect(report.completed).toBe(true);
    // The first batch holds row 10 while it sleeps 0.4 s; the writer waits that long.
    expect(batches[0]?.othersWaitedMs).toBeGreaterThan(150);
    expect(progress[0]).toBe(batches[0]?.othersWaitedMs);
    expect(batches.map(b => b.size).slice(0, 2)).toEqual([1000, 500]);
    await expectEveryRowDoneOnce(db, 3000);
  });

  it('without its monitor session it cannot see lock waits: it warns once and keeps batches small, never taking that as ok', async () => {
    const { db, migrations } = await ledger(3000);
    const warnings: string[] = [];
    const sizes: number[] = [];
    const throttle: ThrottleOptions = { settings: DEFAULT_THROTTLE, signals: [], openMonitor: () => Promise.reject(new Error('too many connections')) };
    const options = testPhaseOptions(
      { batch: { targetMs: 10_000, min: 100, max: 4000, initial: 800, pauseMs: 0 } },
      { throttle, warn: message => warnings.push(message), onBatch: batch => sizes.push(batch.size) }
    );
    expect((await runPhase(db, migrations, 'migrate', options)).completed).toBe(true);
    expect(warnings).toEqual([
      'backfill: lock waits caused to others cannot be read (cannot open the session that watches them: too many connections); batches stay small until it can'
    ]);
    expect(sizes.slice(0, 4)).toEqual([800, 400, 200, 100]);
    await expectEveryRowDoneOnce(db, 3000);
  });

  describe('with a Prometheus metric', () => {
    let prometheus: HostileServer;
    beforeEach(async () => {
      prometheus = await startHostileServer({ '/api/v1/query': PROMETHEUS_ANSWER('5') });
      cleanup(() => prometheus.stop());
    });

    const metricThrottle = (maxPauseMs: number): ThrottleOptions => ({
      settings: { ...DEFAULT_THROTTLE, checkMs: 50, maxPauseMs },
      signals: [prometheusSignal({ url: prometheus.origin, query: 'app_p99_seconds', warn: 1, critical: 2 }, prometheus.origin, 'database.backfill.throttle.metric.url')]
    });
    const fixedBatches = { batch: { targetMs: 50, min: 1000, max: 1000, initial: 1000, pauseMs: 0 } };

    it('pauses at critical, saying which signal and why, rereads it every check, and resumes by itself when it clears', async () => {
      const { db, migrations } = await ledger(3000);
      const options = testPhaseOptions(fixedBatches, { throttle: metricThrottle(60_000) });
      const migrate = runPhase(db, migrations, 'migrate', options);
      migrate.catch(() => undefined);

      await poll(async () => options.recorded.lines, { what: 'the backfill to pause', done: lines => lines.some(l => l.startsWith('backfill paused')), timeoutMs: 20_000, intervalMs: 10 });
      expect(options.recorded.lines).toContain('backfill paused: the application metric 5 >= critical 2; resumes when it falls below');
      const asked = prometheus.requests('/api/v1/query');
      await poll(async () => prometheus.requests('/api/v1/query'), { what: 'the paused backfill to ask again', done: n => n >= asked + 3, timeoutMs: 10_000, intervalMs: 10 });
      // Paused: only the batch before the pause is done.
      expect((await readHistory(db)).find(r => r.phase === 'migrate')?.rows_done).toBe(1000);

      prometheus.on('/api/v1/query', PROMETHEUS_ANSWER('0.5'));
      expect((await migrate).completed).toBe(true);
      expect(options.recorded.lines.some(l => /^backfill resumes after \d+ms paused, at half the batch size$/.test(l))).toBe(true);
      await expectEveryRowDoneOnce(db, 3000);
    });

    it('fails resumably after max-pause, and a rerun completes with every row done exactly once', async () => {
      const { name, db, migrations } = await ledger(3000);
      const failed = runPhase(db, migrations, 'migrate', testPhaseOptions(fixedBatches, { throttle: metricThrottle(300) }));
      await expect(failed).rejects.toThrow(/paused for \d+ms, the longest database\.backfill\.throttle\.max-pause allows: the application metric 5 >= critical 2\. Committed batches are kept/);
      const row = (await readHistory(db)).find(r => r.phase === 'migrate');
      expect([row?.status, row?.rows_done, row?.checkpoint]).toEqual(['running', 1000, ['1000']]);

      prometheus.on('/api/v1/query', PROMETHEUS_ANSWER('0.5'));
      const again = await runPhase(await connect(name), migrations, 'migrate', testPhaseOptions(fixedBatches, { throttle: metricThrottle(300) }));
      expect(again.completed).toBe(true);
      await expectEveryRowDoneOnce(db, 3000);
    });
  });

  it('a batch is one statement: a session killed mid-batch loses that batch with its checkpoint, and the rerun does every row exactly once', async () => {
    const { name, db, migrations } = await ledger(3000, 2500, 60);
    const admin = await connect(name);
    const migrate = runPhase(db, migrations, 'migrate', testPhaseOptions({ batch: { targetMs: 50, min: 1000, max: 1000, initial: 1000, pauseMs: 0 } }));
    migrate.catch(() => undefined);
    const sleeping = async () =>
      (
        await admin.query<{ pid: number; query: string }>(
          `SELECT pid, query FROM pg_stat_activity WHERE application_name = 'backfill under test' AND wait_event = 'PgSleep'`
        )
      ).rows[0];
    const { result: batch } = await poll(sleeping, { what: 'the third batch to reach row 2500', done: found => found !== undefined, timeoutMs: 20_000, intervalMs: 10 });
    // The batch is one statement that moves the checkpoint too: nothing runs between its rows and its checkpoint.
    expect(batch?.query).toMatch(/^WITH cutover_batch AS[\s\S]*UPDATE cutover_migrations/);
    await admin.query('SELECT pg_terminate_backend($1)', [batch?.pid]);
    await expect(migrate).rejects.toThrow();

    const row = (await readHistory(admin)).find(r => r.phase === 'migrate');
    expect([row?.status, row?.rows_done, row?.checkpoint]).toEqual(['running', 2000, ['2000']]);
    expect((await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger WHERE touched = 1')).rows[0]?.n).toBe(2000);

    await admin.query('UPDATE hold SET on_row = false');
    const again = await runPhase(await connect(name), migrations, 'migrate', testPhaseOptions({ batch: { targetMs: 50, min: 1000, max: 1000, initial: 1000, pauseMs: 0 } }));
    expect(again.completed).toBe(true);
    await expectEveryRowDoneOnce(admin, 3000);
  });
});
