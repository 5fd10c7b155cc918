import { formatDuration } from '../../shared/duration.js';
import { ReleaseError } from '../../shared/errors.js';
import type { Database } from './connection.js';

/** A signal's two limits: at `warn` batches shrink, at `critical` the backfill pauses. */
export interface Levels {
  warn: number;
  critical: number;
}

/** What the backfill's last batch did to others, for signals that measure it. */
export interface BatchImpact {
  /** Lock-wait time other sessions spent blocked by the batch: 0 when no batch ran since, null when it could not be measured. */
  othersWaitedMs: number | null;
}

/** One thing live traffic feels, read between batches. */
export interface Signal extends Levels {
  /** As messages name it: "replica lag". */
  name: string;
  /** A value as messages show it: "12.3s". */
  show: (value: number) => string;
  /** The current value; null when there is nothing to measure (no replicas). Throws when it cannot be read. */
  read: (impact: BatchImpact) => Promise<number | null>;
  /** Read after every batch; any other signal at most every `checkMs`, as reading it costs more than a batch may take. */
  perBatch?: boolean;
}

export interface ThrottleSettings {
  lockWait: Levels;
  replicaLag: Levels;
  /** How often a paused backfill reads its signals again. */
  checkMs: number;
  /** A pause longer than this fails the run; its committed batches are kept. */
  maxPauseMs: number;
}

/**
 * lock-wait per batch: 20 ms is about one live transaction stalled as long as the worst one under 1,000-row
 * keyset batches; 200 ms is a stall users notice. replica-lag: a replica a second behind still serves reads that
 * look current; ten seconds behind, it does not, and failing over to it would lose that much.
 */
export const DEFAULT_THROTTLE: ThrottleSettings = {
  lockWait: { warn: 20, critical: 200 },
  replicaLag: { warn: 1000, critical: 10_000 },
  checkMs: 5000,
  maxPauseMs: 30 * 60_000
};

/** What the caller gives a backfill to throttle it: limits, signals read outside the database, a second session. */
export interface ThrottleOptions {
  settings: ThrottleSettings;
  /** Read as well as the database's own (the application's latency from Prometheus, say). */
  signals: Signal[];
  /** Opens a second session to the same database, which watches who waits on the backfill's locks. */
  openMonitor?: () => Promise<Database>;
}

export type Level = 'ok' | 'warn' | 'critical';

export interface Reading {
  signal: Signal;
  /** null: the signal could not be read, which counts as warn. */
  value: number | null;
  level: Level;
}

export function levelOf(value: number, levels: Levels): Level {
  return value >= levels.critical ? 'critical' : value >= levels.warn ? 'warn' : 'ok';
}

/** The worst of the readings, and the reading that made it so. */
export function worst(readings: readonly Reading[]): { level: Level; reading?: Reading } {
  const rank: Record<Level, number> = { ok: 0, warn: 1, critical: 2 };
  const reading = readings.reduce<Reading | undefined>((worse, r) => (!worse || rank[r.level] > rank[worse.level] ? r : worse), undefined);
  return { level: reading?.level ?? 'ok', reading };
}

/** `replica lag 12.3s >= critical 10s` */
export function describeReading({ signal, value, level }: Reading): string {
  if (value === null) return `${signal.name} cannot be read`;
  return level === 'ok' ? `${signal.name} ${signal.show(value)}` : `${signal.name} ${signal.show(value)} >= ${level} ${signal.show(signal[level])}`;
}

export interface ThrottleHooks {
  log: (message: string) => void;
  warn: (message: string) => void;
  pause: (ms: number) => Promise<void>;
  cancelled?: () => boolean;
  now?: () => number;
}

/** What the backfill does next: go on (at a halved size on warn), or stop because the run was cancelled while paused. */
export type Verdict = 'ok' | 'warn' | 'cancelled';

/**
 * Reads every signal between batches. A critical one pauses the backfill,
 * rereading every `checkMs` until it clears (then the next batch is halved, as
 * traffic just showed it is sensitive) or `maxPauseMs` passes, which fails the
 * run resumably. A signal that cannot be read warns once and counts as warn,
 * never as ok: not knowing is no reason to go faster.
 */
export class Throttle {
  private readonly unreadable = new Set<string>();
  private readonly lastRead = new Map<Signal, { atMs: number; reading: Reading }>();
  private readonly now: () => number;

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly signals: readonly Signal[],
    private readonly hooks: ThrottleHooks
  ) {
    this.now = hooks.now ?? Date.now;
  }

  /** Every signal's reading; `fresh` rereads those otherwise read at most every `checkMs`. */
  async read(impact: BatchImpact, fresh = false): Promise<Reading[]> {
    return Promise.all(
      this.signals.map(async (signal): Promise<Reading> => {
        const last = this.lastRead.get(signal);
        if (!signal.perBatch && !fresh && last && this.now() - last.atMs < this.settings.checkMs) return last.reading;
        const reading = await this.readOne(signal, impact);
        this.lastRead.set(signal, { atMs: this.now(), reading });
        return reading;
      })
    );
  }

  private async readOne(signal: Signal, impact: BatchImpact): Promise<Reading> {
    try {
      const value = await signal.read(impact);
      this.unreadable.delete(signal.name);
      return { signal, value, level: value === null ? 'ok' : levelOf(value, signal) };
    } catch (error) {
      if (!this.unreadable.has(signal.name)) this.hooks.warn(`backfill: ${signal.name} cannot be read (${(error as Error).message}); batches stay small until it can`);
      this.unreadable.add(signal.name);
      return { signal, value: null, level: 'warn' };
    }
  }

  /** After a batch: the verdict for the next one, pausing first while any signal is critical. */
  async afterBatch(impact: BatchImpact): Promise<Verdict> {
    let current = worst(await this.read(impact));
    if (current.level !== 'critical') return current.level;
    const since = this.now();
    let reason = describeReading(current.reading as Reading);
    let pausedBy = (current.reading as Reading).signal;
    this.hooks.log(`backfill paused: ${reason}; resumes when it falls below`);
    // No batch runs during the pause, so it causes no lock waits.
    const idle: BatchImpact = { othersWaitedMs: 0 };
    // A signal read per batch cannot be read again until a batch runs: the pause then lasts as long as the
    // batch made others wait, giving that time back to live traffic, rather than a whole check interval.
    let waitMs = pausedBy.perBatch ? Math.min(this.settings.checkMs, (current.reading as Reading).value ?? this.settings.checkMs) : this.settings.checkMs;
    for (;;) {
      const pausedMs = this.now() - since;
      if (pausedMs >= this.settings.maxPauseMs) {
        throw new ReleaseError(
          `backfill paused for ${formatDuration(pausedMs)}, the longest database.backfill.throttle.max-pause allows: ${reason}. Committed batches are kept; run migrate again to resume after the last one once it clears, or raise the limit.`
        );
      }
      await this.hooks.pause(Math.min(waitMs, this.settings.maxPauseMs - pausedMs));
      waitMs = this.settings.checkMs;
      if (this.hooks.cancelled?.()) return 'cancelled';
      current = worst(await this.read(idle, true));
      if (current.level !== 'critical') break;
      const cause = current.reading as Reading;
      // A new line only when another signal holds the pause: the value of the same one changes every check.
      if (cause.signal !== pausedBy) this.hooks.log(`backfill still paused: ${describeReading(cause)}`);
      pausedBy = cause.signal;
      reason = describeReading(cause);
    }
    this.hooks.log(`backfill resumes after ${formatDuration(this.now() - since)} paused, at half the batch size`);
    return 'warn';
  }
}

/** The next batch size on warn: halved, never below the minimum, and not grown. */
export function halved(size: number, min: number): number {
  return Math.max(min, Math.floor(size / 2));
}
