import { BadInputError, ReleaseError } from '../../shared/errors.js';
import { withMigrationLock } from './advisory-lock.js';
import { backfillPlanOf, type BackfillPlan, type BatchSettings } from './backfill-plan.js';
import { runBackfill, type BackfillHooks } from './backfill.js';
import type { Database } from './connection.js';
import { runStatements, type StatementHooks } from './ddl-runner.js';
import { ensureHistory, finishPhase, readHistory, recordVerification, rowOf, startPhase, type HistoryRow, type RunIdentity } from './history.js';
import { failing, formatFinding, lintStatements, type Finding } from './lint/lint.js';
import { lintBackfill, statementsBefore } from './lint/migration-parts.js';
import type { LockPolicy } from './lock-policy.js';
import type { DbPhase, Migration, MigrationPart } from './migrations.js';
import { parseSql } from './sql/statements.js';
import type { SqlStatement } from './sql/statement.js';
import { verifyChecksums } from './status.js';
import { describeKeys, inconsistencyFix, oneLine, verifyBackfill, type VerifiedPlan } from './verify.js';

export interface PhaseOptions {
  policy: LockPolicy;
  /** How long to wait for another run's migration lock. */
  lockWaitMs: number;
  batch: BatchSettings;
  who: RunIdentity;
  /** Recorded on contract rows when the contract guard was overridden. */
  forced?: string | null;
  hooks: StatementHooks & BackfillHooks;
}

export interface AppliedPart {
  id: string;
  name: string;
  file: string;
  /** What happened, for the log and the summary. */
  outcome: string;
}

export interface PhaseReport {
  phase: DbPhase;
  applied: AppliedPart[];
  skipped: AppliedPart[];
  /** Findings allowed by `cutover:allow` comments, with their reasons, as recorded. */
  allowed: Finding[];
  completed: boolean;
}

/** A part, parsed and checked before anything runs. */
interface PreparedPart {
  migration: Migration;
  part: MigrationPart;
  statements?: SqlStatement[];
  backfill?: BackfillPlan;
  allowed: Finding[];
}

/** Parses and lints every part of `phase`: a refused statement stops the phase before it changes anything. */
export async function preparePhase(migrations: readonly Migration[], phase: DbPhase, batch: BatchSettings): Promise<PreparedPart[]> {
  const prepared: PreparedPart[] = [];
  const refusals: Finding[] = [];
  for (const migration of migrations) {
    const part = migration.parts[phase];
    if (!part) continue;
    const earlier = await statementsBefore(migration.parts, phase);
    if (phase === 'migrate') {
      const backfill = await backfillPlanOf(part, batch);
      const findings = await lintBackfill(part, backfill, earlier);
      refusals.push(...failing(findings));
      prepared.push({ migration, part, backfill, allowed: findings.filter(f => f.allowed !== undefined) });
      continue;
    }
    const statements = await parseSql(part.text, part.file);
    const findings = lintStatements(statements, phase, part.file, earlier);
    refusals.push(...failing(findings));
    prepared.push({ migration, part, statements, allowed: findings.filter(f => f.allowed !== undefined) });
  }
  if (refusals.length) {
    throw new BadInputError(
      `${refusals.length} statement(s) would break the running version or lock live traffic for long, so ${phase} changes nothing:\n\n${refusals.map(formatFinding).join('\n\n')}\n\nMove each into the phase or the safe sequence its fix names, or allow it with a comment "-- cutover:allow <rule>: <reason>" above it.`
    );
  }
  return prepared;
}

/** Why `phase` of this migration cannot run yet, if it cannot. */
function missingBefore(prepared: PreparedPart, phase: DbPhase, history: readonly HistoryRow[]): DbPhase | undefined {
  const before: DbPhase[] = phase === 'migrate' ? ['expand'] : phase === 'contract' ? ['expand', 'migrate'] : [];
  return before.find(p => prepared.migration.parts[p] && rowOf(history, prepared.migration.id, p)?.status !== 'done');
}

async function applyPart(db: Database, prepared: PreparedPart, row: HistoryRow | undefined, options: PhaseOptions): Promise<{ outcome: string; completed: boolean }> {
  const { migration, part } = prepared;
  const recorded = prepared.allowed.map(f => ({ rule: f.rule, line: f.line, reason: f.allowed as string }));
  await startPhase(db, { id: migration.id, name: migration.name, phase: part.phase, checksum: part.checksum, allowed: recorded }, options.who, options.forced ?? null);
  if (prepared.backfill) {
    const result = await runBackfill(
      db,
      prepared.backfill,
      migration.id,
      {
        checkpoint: (row?.checkpoint as string[] | null) ?? null,
        highWater: (row?.high_water as string[] | null) ?? null,
        rowsDone: row?.rows_done ?? 0,
        rowsTotal: row?.rows_total ?? null
      },
      options.policy,
      options.hooks
    );
    if (!result.completed) return { outcome: `stopped after ${result.rowsDone} rows; run migrate again to resume`, completed: false };
    const backfilled = `${result.rowsDone} rows backfilled in ${result.batches} batches`;
    const plan = prepared.backfill;
    if (plan.verify === undefined) {
      await finishPhase(db, migration.id, part.phase);
      return { outcome: backfilled, completed: true };
    }
    const verified = await verifyConsistent(db, part.file, { ...plan, verify: plan.verify }, migration.id, options);
    await finishPhase(db, migration.id, part.phase);
    return { outcome: `${backfilled}; ${verified}`, completed: true };
  }
  const statements = prepared.statements ?? [];
  const from = row?.statements_done ?? 0;
  if (from > 0) options.hooks.log(`${part.file}: resuming at statement ${from + 1} of ${statements.length}`);
  await runStatements(db, options.policy, options.hooks, { migrationId: migration.id, part }, statements, from);
  await finishPhase(db, migration.id, part.phase);
  return { outcome: `${statements.length - from} statement(s)`, completed: true };
}

/**
 * Checks a completed backfill over the whole table and records the count. Any
 * inconsistent row fails the phase, which stays running: a rerun finds the
 * batches done and verifies again.
 */
async function verifyConsistent(db: Database, file: string, plan: VerifiedPlan, migrationId: string, options: PhaseOptions): Promise<string> {
  const result = await verifyBackfill(db, plan, options.policy, options.hooks);
  await recordVerification(db, migrationId, result.inconsistent);
  const counts = `${result.inconsistent} of ${result.rowsChecked} rows inconsistent`;
  options.hooks.log(`verify ${plan.table}: ${counts}, in ${Math.round(result.elapsedMs)} ms`);
  if (result.inconsistent === 0) return `verified: ${counts}`;
  throw new ReleaseError(
    `${file}: ${result.inconsistent} of ${result.rowsChecked} rows of ${plan.table} do not satisfy (${oneLine(plan.verify)}), for example the rows with key ${describeKeys(result.examples)}. ` +
      inconsistencyFix(plan, 'run migrate again: it verifies again without redoing the batches')
  );
}

/**
 * Runs one phase over every migration that has a part for it, in id order,
 * under the migration lock: checksums first, then each pending part. A part
 * whose earlier phases have not run is not touched: for migrate that is an
 * error, for contract it waits for a later release.
 */
export async function runPhase(db: Database, migrations: readonly Migration[], phase: DbPhase, options: PhaseOptions): Promise<PhaseReport> {
  const prepared = await preparePhase(migrations, phase, options.batch);
  return withMigrationLock(
    db,
    options.lockWaitMs,
    async () => {
      await ensureHistory(db);
      const history = await readHistory(db);
      verifyChecksums(migrations, history);
      const report: PhaseReport = { phase, applied: [], skipped: [], allowed: prepared.flatMap(p => p.allowed), completed: true };
      for (const item of prepared) {
        const { migration, part } = item;
        const entry = { id: migration.id, name: migration.name, file: part.file };
        const row = rowOf(history, migration.id, phase);
        if (row?.status === 'done') continue;
        const missing = missingBefore(item, phase, history);
        if (missing && phase === 'migrate') {
          throw new ReleaseError(`${part.file}: its expand has not run, so its backfill would update columns that may not exist. Run expand first.`);
        }
        if (missing) {
          report.skipped.push({ ...entry, outcome: `waits: its ${missing} has not run (a later release contracts it)` });
          continue;
        }
        const result = await applyPart(db, item, row, options);
        report.applied.push({ ...entry, outcome: result.outcome });
        if (!result.completed) {
          report.completed = false;
          break;
        }
      }
      return report;
    },
    options.hooks.pause,
    options.hooks.log
  );
}
