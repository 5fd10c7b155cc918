import type { Color } from '../../../core/color.js';
import { formatDuration } from '../../../shared/duration.js';
import { ReleaseError } from '../../../shared/errors.js';
import { poll, sleep } from '../../../shared/io/wait.js';

export interface DrainSettings {
  /** How long to wait for in-flight requests to finish before giving up. */
  timeoutMs: number;
  /** Where the router has no counter: how long to wait instead. */
  timeMs: number;
  /** Connections still open this long after the switch (websockets, streams) are closed; undefined leaves them open. */
  closeAfterMs?: number;
  /** How often the counters are read. */
  intervalMs: number;
  /** The step's: a cancelled job stops waiting at once. */
  signal?: AbortSignal;
}

export interface DrainReport {
  color: Color;
  /** How the router told: its per-color counters, or a fixed wait where it has none. */
  method: 'counter' | 'time';
  waitedMs: number;
  /** Requests or connections still on the color when the wait ended; null where the router cannot count them. */
  remaining: number | null;
  /** Connections cutover closed after the grace period. */
  closed: number;
}

export interface DrainCounter {
  /** What is still in flight on the color. */
  inFlight(): Promise<number>;
  /** Closes what is still open on the color; returns how many it closed. Absent when the router cannot. */
  closeRemaining?(): Promise<number>;
  /** Names what is counted, for messages: "sessions on HAProxy server cutover_shop/blue". */
  describe: string;
}

/**
 * Polls `counter` until nothing is in flight. After `closeAfterMs` it closes
 * what is left, where the router can; after `timeoutMs` it fails, naming what
 * is still open, since reporting a drain that did not happen would let the
 * next step stop a color that still serves users.
 */
export async function waitDrained(color: Color, counter: DrainCounter, settings: DrainSettings): Promise<DrainReport> {
  const started = Date.now();
  let closed = 0;
  let closing = settings.closeAfterMs !== undefined && counter.closeRemaining !== undefined;
  const remaining = async (): Promise<number> => {
    const open = await counter.inFlight();
    if (open === 0 || !closing || Date.now() - started < (settings.closeAfterMs as number)) return open;
    closed += await (counter.closeRemaining as () => Promise<number>)();
    closing = false;
    return counter.inFlight();
  };
  const drained = await poll(remaining, {
    what: `${color} to drain (${counter.describe})`,
    done: open => open === 0,
    timeoutMs: settings.timeoutMs,
    intervalMs: settings.intervalMs,
    signal: settings.signal,
    timeoutError: (open, polled) =>
      new ReleaseError(
        `${color} still has ${open} in flight (${counter.describe}) ${formatDuration(polled.elapsedMs)} after it stopped getting new traffic. ` +
          'Traffic already moved; what is left are long requests or open connections (websockets, streams). ' +
          'Wait and re-run the step, raise router.drain.timeout, or set router.drain.close-after to close them after a grace period.'
      )
  });
  return { color, method: 'counter', waitedMs: drained.elapsedMs, remaining: 0, closed };
}

/** For routers with no per-color counter: the configured drain time, and no more. */
export async function waitDrainTime(color: Color, settings: DrainSettings): Promise<DrainReport> {
  await sleep(settings.timeMs, settings.signal);
  return { color, method: 'time', waitedMs: settings.timeMs, remaining: null, closed: 0 };
}
