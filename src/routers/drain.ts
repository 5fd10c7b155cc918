import type { Color } from '../core/color.js';
import { formatDuration } from '../config/duration.js';
import { ReleaseError } from '../core/errors.js';

export interface DrainSettings {
  /** How long to wait for in-flight requests to finish before giving up. */
  timeoutMs: number;
  /** Where the router has no counter: how long to wait instead. */
  timeMs: number;
  /** Connections still open this long after the switch (websockets, streams) are closed; undefined leaves them open. */
  closeAfterMs?: number;
  /** How often the counters are read. */
  intervalMs: number;
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

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

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
  for (;;) {
    const remaining = await counter.inFlight();
    const waitedMs = Date.now() - started;
    if (remaining === 0) return { color, method: 'counter', waitedMs, remaining, closed };
    if (closing && waitedMs >= (settings.closeAfterMs as number)) {
      closed += await (counter.closeRemaining as () => Promise<number>)();
      closing = false;
      continue;
    }
    if (waitedMs >= settings.timeoutMs) {
      throw new ReleaseError(
        `${color} still has ${remaining} in flight (${counter.describe}) ${formatDuration(waitedMs)} after it stopped getting new traffic. ` +
          'Traffic already moved; what is left are long requests or open connections (websockets, streams). ' +
          'Wait and re-run the step, raise router.drain.timeout, or set router.drain.close-after to close them after a grace period.'
      );
    }
    await pause(settings.intervalMs);
  }
}

/** For routers with no per-color counter: the configured drain time, and no more. */
export async function waitDrainTime(color: Color, settings: DrainSettings): Promise<DrainReport> {
  await pause(settings.timeMs);
  return { color, method: 'time', waitedMs: settings.timeMs, remaining: null, closed: 0 };
}
