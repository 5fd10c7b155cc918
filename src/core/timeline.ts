import type { Color } from './color.js';
import type { StepOutcome } from './step-verdict.js';
import type { Weights } from './weights.js';

/** Traffic at one moment of a release, and the error rate analysis measured then, for the summary's charts. */
export interface TrafficPoint {
  /** What happened at this point, e.g. the step name or `10%`. */
  label: string;
  /** ISO time of the point. */
  at: string;
  weights: Weights;
  /** Share of failed requests per color over the interval that ended here (a ratio); null where the color had no requests. */
  errorRate?: Record<Color, number | null>;
}

/** One traffic step's verdict as the release record keeps it. */
export interface StepRecord {
  /** From 0. */
  step: number;
  percent: number;
  outcome: Exclude<StepOutcome, 'continue'>;
  dryRun: boolean;
  /** ISO time the verdict was reached. */
  at: string;
  elapsedMs: number;
  /** The verdict in a line or a few; the checks behind a failure with their values against their limits. */
  reason: string;
  /** The checks of the step's last interval. */
  checks: { name: string; outcome: string; detail: string }[];
}
