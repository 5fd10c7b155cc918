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

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

/** The router no longer holds a state this release expects: someone else changed traffic. */
export class DriftError extends ReleaseError {
  constructor(message: string) {
    super(message);
    this.name = 'DriftError';
  }
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
