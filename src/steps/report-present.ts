import { COLORS } from '../core/color.js';
import type { DatabaseStep } from '../core/release.js';
import type { Weights } from '../core/weights.js';
import { describeError } from '../shared/errors.js';
import { readHistory, type HistoryRow } from '../adapters/database/history.js';
import { planRows } from '../adapters/database/plan.js';
import { schemaStateOf } from '../adapters/database/status.js';
import { probeHealth } from '../adapters/probes/health.js';
import { deployedVersion, type ReleaseRecord } from '../adapters/store/release-store.js';
import type { ColorNow, DatabaseNow, PlanStatus } from '../summary/report.js';
import type { StepContext, TrackedStep } from './context.js';
import { batchOf, migrationsOf, withDatabase } from './database.js';

/*
 * What the sources of truth say when a summary is written: the router's split, the colors'
 * health, and the database's migration history. A summary never takes these from the snapshot.
 */

/** The router's split now, or null when it cannot be read. */
export async function weightsNow(context: StepContext): Promise<Weights | null> {
  return context.router.read().then(
    state => state.weights,
    () => null
  );
}

function roleOf(weight: number): ColorNow['role'] {
  return weight === 100 ? 'live' : weight === 0 ? 'idle' : 'canary';
}

/** Both colors as the router and their health checks answer now, the one serving more first. */
export async function colorsNow(context: StepContext, record: ReleaseRecord, weights: Weights | null): Promise<ColorNow[] | null> {
  if (!weights) return null;
  const { snapshot } = record.snapshot;
  const deployed = deployedVersion(record);
  const rows: ColorNow[] = [];
  for (const color of COLORS) {
    const url = context.config.colors?.[color].health;
    const health = url ? await probeHealth({ color, url }, { settings: context.config.health, secrets: context.secrets, logger: context.logger }) : null;
    rows.push({
      color,
      role: roleOf(weights[color]),
      version: color === snapshot.idle_color && deployed ? deployed : snapshot.versions[color],
      weight: weights[color],
      health: health ? (health.ok ? 'healthy' : 'unhealthy') : 'unknown'
    });
  }
  return rows.sort((a, b) => b.weight - a.weight || (a.color === snapshot.live_color ? -1 : 1));
}

function statusOf(history: readonly HistoryRow[], migration: string, phase: DatabaseStep): PlanStatus {
  const row = history.find(h => `${h.id}_${h.name}` === migration && h.phase === phase);
  if (row?.status === 'done') return 'applied';
  if (row?.status === 'running') return 'running';
  return phase === 'contract' ? 'at contract' : 'pending';
}

/** The schema as the database's history has it now, and the plan with what already ran. */
export async function databaseNow(context: StepContext, step: TrackedStep, record: ReleaseRecord): Promise<DatabaseNow | undefined> {
  const settings = context.config.database;
  if (!settings) return undefined;
  const rows = await planRows(await migrationsOf(context, step), batchOf(settings)).catch(() => []);
  let history: HistoryRow[];
  try {
    history = await withDatabase(context, step, readHistory);
  } catch (error) {
    return { schemaVersion: null, applied: null, problem: context.secrets.redact(describeError(error)), plan: rows.map(row => ({ ...row, status: 'pending' })) };
  }
  const state = schemaStateOf(history);
  const plan = rows.map(row => ({ ...row, status: statusOf(history, row.migration, row.phase) }));
  const contracted =
    step === 'contract'
      ? {
          statements: plan.filter(p => p.phase === 'contract' && p.status === 'applied' && history.some(h => h.phase === 'contract' && h.release === record.snapshot.digest && `${h.id}_${h.name}` === p.migration)),
          forced: history.find(h => h.phase === 'contract' && h.release === record.snapshot.digest && h.forced)?.forced ?? null
        }
      : undefined;
  return { schemaVersion: state.schema_version, applied: state.applied, plan: step === 'contract' ? plan.filter(p => p.phase !== 'contract') : plan, ...(contracted ? { contracted } : {}) };
}

