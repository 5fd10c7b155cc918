import { setTimeout as timer } from 'node:timers/promises';

/**
 * Every wait in cutover: a sleep, and a poll until something is ready. Both
 * take the step's AbortSignal (aborted when the job is cancelled), and a
 * cancelled wait rejects with an AbortedError, so that the work after it does
 * not run: a cancelled step stops instead of switching traffic on. Callers
 * that must wind down on a cancel themselves (a canary putting traffic back,
 * an analysis window cut short) use sleepUnlessAborted, which tells them.
 */

/** Node's timers take at most 2^31-1 ms (about 24.8 days); a longer delay fires after 1 ms. Longer waits are chunks of this. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A wait ended by its AbortSignal. Named AbortError like the platform's, so either is recognised by isAbortError. */
export class AbortedError extends Error {
  readonly code = 'ABORT_ERR';

  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AbortError';
  }
}

/** A poll whose probe never said done before the deadline. */
export class WaitTimeoutError extends Error {
  constructor(
    message: string,
    readonly what: string,
    readonly timeoutMs: number,
    readonly attempts: number
  ) {
    super(message);
    this.name = 'WaitTimeoutError';
  }
}

/** True for an AbortedError and for the platform's AbortError (fetch, timers/promises). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Waits `ms` (nothing when `ms` <= 0), in chunks below Node's timer limit.
 * Rejects with an AbortedError at once when `signal` aborts, before or during
 * the wait; never resolves after an abort.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (Number.isNaN(ms) || ms === Infinity) throw new RangeError(`sleep: expected a finite number of milliseconds, got ${ms}`);
  const aborted = () => new AbortedError(`aborted during a wait of ${Math.round(ms)} ms`, signal?.reason);
  if (signal?.aborted) throw aborted();
  for (let left = Math.ceil(ms); left > 0; left -= MAX_TIMER_MS) {
    try {
      await timer(Math.min(left, MAX_TIMER_MS), undefined, signal ? { signal } : undefined);
    } catch (error) {
      if (signal?.aborted) throw aborted();
      throw error;
    }
  }
}

/**
 * Waits `ms`, or less when `signal` aborts first. Resolves true when the
 * whole time passed and false when the signal aborted: for callers that wind
 * down themselves on a cancel (a canary puts traffic back). Never rejects.
 */
export async function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, signal);
    return true;
  } catch (error) {
    if (signal?.aborted && isAbortError(error)) return false;
    throw error;
  }
}

/** Where a poll reads the time and sleeps; tests pass one that advances by itself. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = { now: () => performance.now(), sleep };

export interface PollOptions<T> {
  /** What is awaited, for errors: "blue to answer its health URL". */
  what: string;
  /** The probe's answer that ends the wait. */
  done: (result: T) => boolean;
  /** The whole wait: no attempt starts after it. */
  timeoutMs: number;
  /** The wait before the second attempt. */
  intervalMs: number;
  /** Each later wait is `factor` (2 by default) times the one before, up to `maxIntervalMs`. */
  backoff?: { maxIntervalMs: number; factor?: number };
  signal?: AbortSignal;
  /** The last answer, in the timeout error; it is left out without this. */
  describe?: (last: T) => string;
  /** The error thrown at the deadline instead of a WaitTimeoutError (a caller's own, with its fix). */
  timeoutError?: (last: T, polled: Polled<T>) => Error | Promise<Error>;
  clock?: Clock;
}

export interface Polled<T> {
  /** The probe's last answer. */
  result: T;
  attempts: number;
  /** From the first attempt's start to the last one's end. */
  elapsedMs: number;
}

/**
 * Calls `probe` until `done` says its answer is the one awaited, waiting
 * `intervalMs` between attempts (growing with `backoff`), and returns the last
 * answer. The last wait is cut to end at the deadline, and there one more
 * attempt is made; if that is not done either, it throws `timeoutError`'s
 * error, or a WaitTimeoutError naming what was awaited, for how long, and the
 * last answer. When `signal` aborts it rejects with an AbortedError, at once
 * during a wait, or once the attempt under way returns. An error thrown by
 * `probe` ends the poll: probes catch what only means "not yet".
 */
export async function poll<T>(probe: (attempt: number) => Promise<T>, options: PollOptions<T>): Promise<Polled<T>> {
  const { what, signal, clock = systemClock } = options;
  const started = clock.now();
  const elapsed = () => clock.now() - started;
  const aborted = () => new AbortedError(`aborted while waiting for ${what} (after ${Math.round(elapsed())} ms)`, signal?.reason);
  let interval = options.intervalMs;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted();
    const result = await probe(attempt);
    const polled: Polled<T> = { result, attempts: attempt, elapsedMs: elapsed() };
    if (options.done(result)) return polled;
    if (signal?.aborted) throw aborted();
    const left = options.timeoutMs - polled.elapsedMs;
    if (left <= 0) {
      if (options.timeoutError) throw await options.timeoutError(result, polled);
      const last = options.describe ? `; last: ${options.describe(result)}` : '';
      throw new WaitTimeoutError(
        `timed out after ${Math.round(polled.elapsedMs)} ms (limit ${options.timeoutMs} ms) waiting for ${what} (${attempt} attempt${attempt === 1 ? '' : 's'}${last})`,
        what,
        options.timeoutMs,
        attempt
      );
    }
    try {
      await clock.sleep(Math.min(interval, left), signal);
    } catch (error) {
      if (signal?.aborted) throw aborted();
      throw error;
    }
    if (options.backoff) interval = Math.min(interval * (options.backoff.factor ?? 2), options.backoff.maxIntervalMs);
  }
}

/** A time limit on a whole exchange, started when the budget was made. */
export interface Budget {
  /** The whole limit, for messages. */
  readonly ms: number;
  /** What is left of it, never below 0. */
  left(): number;
}

/**
 * A budget of `ms` that starts now: one deadline for an exchange of several
 * steps (connect, then the answer; or attempts in a wait), where each step
 * gets only what the earlier ones left.
 */
export function budget(ms: number, clock: Clock = systemClock): Budget {
  const end = clock.now() + ms;
  return { ms, left: () => Math.max(0, end - clock.now()) };
}
