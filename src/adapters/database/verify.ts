import { ReleaseError } from '../../shared/errors.js';
import { backfillPlanOf, type BackfillPlan, type BatchSettings } from './backfill-plan.js';
import { nextBatchSize } from './backfill.js';
import { qualifiedName, quoteIdent, type Database } from './connection.js';
import { rowOf, type HistoryRow } from './history.js';
import { keyColumns, KeyRange, keyValues, type KeyColumn } from './key-range.js';
import type { LockPolicy } from './lock-policy.js';
import type { Migration } from './migrations.js';
import { inShortTransaction, LockNotGranted, withLockRetries } from './short-locks.js';

/*
 * Whether a backfill's rows still satisfy its verify condition. The live
 * version writes while the backfill runs and until promote; a row it updated
 * after its batch, with nothing keeping the new column in step, breaks the
 * condition. Only reads: each batch in a short read-only transaction under
 * the lock policy, so a check never holds up live traffic.
 */

/** A backfill with a condition to check. */
export type VerifiedPlan = BackfillPlan & { verify: string };

export interface Verification {
  rowsChecked: number;
  inconsistent: number;
  /** Keys of up to EXAMPLES inconsistent rows, each as text. */
  examples: string[][];
  elapsedMs: number;
}

export interface VerifyHooks {
  log: (message: string) => void;
  pause: (ms: number) => Promise<void>;
}

const EXAMPLES = 5;
/** Rows promote's re-check samples below the high-water mark: enough to see a missing trigger, cheap on any table. */
export const SAMPLE_ROWS = 10_000;

/** The reads of a verification, built once from the plan and its key. */
class VerifySql extends KeyRange {
  private readonly keyColumns: string;
  private readonly exampleKey: string;

  constructor(
    private readonly plan: VerifiedPlan,
    key: KeyColumn[]
  ) {
    super(plan, key);
    this.keyColumns = key.map((k, i) => `${quoteIdent(k.name)} AS k${i}`).join(', ');
    this.exampleKey = `json_build_array(${key.map((_, i) => `k${i}::text`).join(', ')})`;
  }

  /** Counts and example keys over the rows `from` selects, each flagged by the condition. */
  private count(from: string): string {
    return `SELECT count(*)::float8 AS checked, count(*) FILTER (WHERE bad)::float8 AS inconsistent,
                   to_json((array_agg(${this.exampleKey}) FILTER (WHERE bad))[1:${EXAMPLES}]) AS examples
              FROM (SELECT (${this.plan.verify}) IS NOT TRUE AS bad, ${this.keyColumns} FROM ${from}) AS v`;
  }

  check(lower: boolean): string {
    return this.count(`${this.table} WHERE ${this.range(lower)}`);
  }

  /** A sample of the rows up to the high-water mark (parameters $2...); $1 is the percent of pages. */
  sample(): string {
    return this.count(`${this.table} TABLESAMPLE SYSTEM ($1::float4) WHERE ${this.compare('<=', 2)} LIMIT ${SAMPLE_ROWS}`);
  }
}

interface Counted {
  checked: number;
  inconsistent: number;
  examples: string[][] | null;
}

const empty = (): Verification => ({ rowsChecked: 0, inconsistent: 0, examples: [], elapsedMs: 0 });

function add(total: Verification, counted: Counted): void {
  total.rowsChecked += counted.checked;
  total.inconsistent += counted.inconsistent;
  total.examples.push(...(counted.examples ?? []).slice(0, EXAMPLES - total.examples.length));
}

/** One read in a short read-only transaction, retried when it cannot get its lock in time. */
async function read(db: Database, policy: LockPolicy, hooks: VerifyHooks, sql: string, params: unknown[], where: string): Promise<Counted> {
  const retryHooks = {
    pause: hooks.pause,
    onRetry: (attempt: number, error: Error, _lockTimeout: number, pause: number) => hooks.log(`verify ${where}: ${error.message}; retry ${attempt} of ${policy.retries} in ${pause} ms`)
  };
  try {
    return await withLockRetries(policy, retryHooks, lockTimeout =>
      inShortTransaction(db, lockTimeout, policy.statementTimeoutMs, async () => {
        await db.query('SET TRANSACTION READ ONLY');
        return (await db.query<Counted>(sql, params)).rows[0] as Counted;
      })
    );
  } catch (error) {
    const last = error instanceof LockNotGranted ? (error.cause as Error) : (error as Error);
    throw new ReleaseError(`verify ${where} failed: ${last.message}. It changed nothing; run it again.`);
  }
}

/**
 * Checks every row past `from` (all rows when null) up to the table's last key
 * now, in key-range batches sized like the backfill's. Rows past the
 * backfill's high-water mark count too: the live version wrote them while it
 * ran, and a missing trigger shows there first.
 */
async function checkRange(db: Database, plan: VerifiedPlan, sql: VerifySql, from: string[] | null, policy: LockPolicy, hooks: VerifyHooks, total: Verification): Promise<void> {
  const upper = keyValues((await db.query<Record<string, unknown>>(sql.highWater())).rows[0]);
  if (!upper) return;
  let checkpoint = from && from.length ? from : null;
  let size = plan.batch.initial;
  for (;;) {
    const lower = checkpoint !== null;
    const bounds = lower ? [...(checkpoint as string[]), ...upper] : [...upper];
    const end = keyValues((await db.query<Record<string, unknown>>(sql.batchEnd(lower), [...bounds, size - 1])).rows[0]) ?? upper;
    const began = performance.now();
    add(total, await read(db, policy, hooks, sql.check(lower), lower ? [...(checkpoint as string[]), ...end] : end, `${plan.table} up to key (${end.join(', ')})`));
    if (end.every((v, i) => v === upper[i])) return;
    checkpoint = end;
    size = nextBatchSize(size, performance.now() - began, plan);
  }
}

async function verifying(db: Database, plan: VerifiedPlan, work: (sql: VerifySql, total: Verification) => Promise<void>): Promise<Verification> {
  const began = performance.now();
  const total = empty();
  await work(new VerifySql(plan, await keyColumns(db, plan)), total);
  return { ...total, elapsedMs: performance.now() - began };
}

/** After a backfill: the rows of the whole table that break its condition. */
export function verifyBackfill(db: Database, plan: VerifiedPlan, policy: LockPolicy, hooks: VerifyHooks): Promise<Verification> {
  return verifying(db, plan, (sql, total) => checkRange(db, plan, sql, null, policy, hooks, total));
}

/**
 * Before promote, cheaply: every row past the backfill's high-water mark
 * exactly (an index range: rows written since), and a sample of about
 * SAMPLE_ROWS of the rest, whose pages TABLESAMPLE picks at random.
 */
export function recheckBackfill(db: Database, plan: VerifiedPlan, highWater: string[] | null, policy: LockPolicy, hooks: VerifyHooks): Promise<Verification> {
  return verifying(db, plan, async (sql, total) => {
    await checkRange(db, plan, sql, highWater, policy, hooks, total);
    if (!highWater?.length) return;
    const estimate = (await db.query<{ n: number }>('SELECT reltuples::float8 AS n FROM pg_class WHERE oid = to_regclass($1)', [qualifiedName(plan.table)])).rows[0]?.n ?? 0;
    // reltuples is -1 before the first ANALYZE: then all pages, which the LIMIT still bounds.
    const percent = estimate > SAMPLE_ROWS ? (100 * SAMPLE_ROWS) / estimate : 100;
    add(total, await read(db, policy, hooks, sql.sample(), [percent, ...highWater], `${plan.table} sample`));
  });
}

/** SQL on one line, for a message: the parser prints AND and OR on lines of their own. */
export const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ');

/** Keys for a message: `(1), (7), (12)`. */
export const describeKeys = (keys: readonly string[][]): string => keys.map(k => `(${k.join(', ')})`).join(', ');

/** The statement that rewrites the inconsistent rows from their expressions: the repair before migrate runs again. */
export function repairStatement(plan: VerifiedPlan): string {
  const table = `${qualifiedName(plan.table)}${plan.alias ? ` AS ${quoteIdent(plan.alias)}` : ''}`;
  return oneLine(`UPDATE ${table} SET ${plan.set.map(s => `${quoteIdent(s.column)} = ${s.expr}`).join(', ')} WHERE (${plan.verify}) IS NOT TRUE`);
}

/** Why rows are inconsistent and what to do, for migrate's failure and promote's refusal alike; `again` is the step to run after. */
export function inconsistencyFix(plan: VerifiedPlan, again: string): string {
  return (
    'The backfill reached every row, so the live version updated these after their batch, and nothing keeps the column in step with what it is computed from. ' +
    'Fix: keep it in step with a BEFORE INSERT OR UPDATE trigger, created in the expand of a new migration (expand.sql, or the trigger change.yml generates; a migration that ran is never edited), and run expand; ' +
    `then rewrite the inconsistent rows (${repairStatement(plan)}) and ${again}. ` +
    'If rows outside the backfill may rightly differ, set verify: in migrate.yml to the condition that must hold, or verify: false.'
  );
}

/**
 * Promote's refusals over this release's backfills (migrate done, not yet done
 * at the snapshot): a verification the history records as failed, or rows the
 * cheap re-check finds inconsistent. Records nothing.
 */
export async function inconsistentBeforePromote(
  db: Database,
  migrations: readonly Migration[],
  history: readonly HistoryRow[],
  doneAtSnapshot: readonly string[],
  batch: BatchSettings,
  policy: LockPolicy,
  hooks: VerifyHooks
): Promise<string[]> {
  const problems: string[] = [];
  for (const migration of migrations) {
    const part = migration.parts.migrate;
    const row = rowOf(history, migration.id, 'migrate');
    if (!part || row?.status !== 'done' || doneAtSnapshot.includes(migration.id)) continue;
    const name = `${migration.id}_${migration.name}`;
    if (row.inconsistent_rows) {
      problems.push(
        `${name}: the history records ${row.inconsistent_rows} inconsistent rows at ${row.verified_at}, although its migrate is done: the new version would read stale values. ` +
          `Rewrite those rows, mark the part running (UPDATE cutover_migrations SET status = 'running' WHERE id = '${migration.id}' AND phase = 'migrate') and run migrate again: it verifies again.`
      );
    }
    const plan = await backfillPlanOf(part, batch);
    if (plan.verify === undefined) continue;
    const checked = await recheckBackfill(db, { ...plan, verify: plan.verify }, row.high_water as string[] | null, policy, hooks);
    hooks.log(`promote: re-checked ${plan.table}: ${checked.inconsistent} of ${checked.rowsChecked} rows inconsistent (rows written since the backfill, and a sample of the rest)`);
    if (checked.inconsistent === 0) continue;
    problems.push(
      `${name}: ${checked.inconsistent} of ${checked.rowsChecked} rows checked in ${plan.table} (rows written since the backfill, and a sample of the rest) do not satisfy (${oneLine(plan.verify)}), ` +
        `for example the rows with key ${describeKeys(checked.examples)}. ${inconsistencyFix({ ...plan, verify: plan.verify }, 'run promote again')}`
    );
  }
  return problems;
}
