/**
 * Errors a user can act on. `BadInputError` means nothing was touched and the
 * input must be fixed (exit code 2); `ReleaseError` means the step refused or
 * failed (exit code 1). Both carry a message written for the person reading the log.
 */
export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

/**
 * Where a refused or failed step leaves the release, so that the advice after it fits what
 * happened, not the step's name:
 * - `unchanged`: refused before it changed anything;
 * - `back-on-snapshot`: traffic already went back to what the snapshot recorded (an automatic rollback);
 * - `fix-forward`: contract ran, so the way back is gone;
 * - `soaking`: contract refused by its guard; nothing changed and rollback is still safe;
 * - `drifted`: someone else changed traffic or the schema, and this release will not touch it;
 * - `resumable`: stopped part way; running the step again resumes;
 * - `traffic-moved`: traffic is left at a split this release set, neither the snapshot's nor the promoted one;
 * - `not-approved`: the approval gate found no approval; nothing changed.
 */
export type FailureCause = 'unchanged' | 'back-on-snapshot' | 'fix-forward' | 'soaking' | 'drifted' | 'resumable' | 'traffic-moved' | 'not-approved';

export class ReleaseError extends Error {
  constructor(
    message: string,
    /** Unknown when the failure could leave things in more than one state; the present state then decides. */
    readonly failureCause?: FailureCause
  ) {
    super(message);
    this.name = 'ReleaseError';
  }
}

/** The router no longer holds a state this release expects: someone else changed traffic. */
export class DriftError extends ReleaseError {
  constructor(message: string) {
    super(message, 'drifted');
    this.name = 'DriftError';
  }
}

/** The cause an error carries: a bad input never changed anything. */
export function causeOf(error: unknown): FailureCause | undefined {
  if (error instanceof BadInputError) return 'unchanged';
  return error instanceof ReleaseError ? error.failureCause : undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
