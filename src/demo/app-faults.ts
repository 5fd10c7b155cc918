/**
 * What the sample app is told to get wrong, so a canary can be seen failing:
 * a share of requests answered 500, and a delay added to every answer. The
 * failures are spread evenly (every fifth request at 0.2), not drawn at
 * random, so a short run still fails the share asked for.
 */
export interface Faults {
  /** Share of requests answered with 500, from 0 to 1. */
  failRate: number;
  /** Added to every answer, in milliseconds. */
  delayMs: number;
}

export const NO_FAULTS: Faults = { failRate: 0, delayMs: 0 };

/** Longest delay, so a stray setting can never hold a test's server open for long. */
export const MAX_DELAY_MS = 60_000;

/** The faults a `/fault?fail=0.2&delay=50` request asks for, keeping what it does not mention; an error message for a bad value. */
export function faultsFrom(params: URLSearchParams, current: Faults): Faults | string {
  const next = { ...current };
  const fail = params.get('fail');
  if (fail !== null) {
    const rate = Number(fail);
    if (fail.trim() === '' || !(rate >= 0 && rate <= 1)) return `fail: expected a share from 0 to 1, like 0.2, got ${JSON.stringify(fail)}`;
    next.failRate = rate;
  }
  const delay = params.get('delay');
  if (delay !== null) {
    const ms = Number(delay);
    if (delay.trim() === '' || !(Number.isInteger(ms) && ms >= 0 && ms <= MAX_DELAY_MS)) {
      return `delay: expected whole milliseconds from 0 to ${MAX_DELAY_MS}, like 50, got ${JSON.stringify(delay)}`;
    }
    next.delayMs = ms;
  }
  return next;
}

/** Decides request by request which ones fail, so that exactly `failRate` of them do. */
export class FailureSpreader {
  private served = 0;
  private failed = 0;

  next(failRate: number): boolean {
    this.served += 1;
    const fail = this.failed < Math.floor(this.served * failRate + 1e-9);
    if (fail) this.failed += 1;
    return fail;
  }
}
