import type { Color } from '../core/color.js';
import type { FailureCause } from '../shared/errors.js';
import type { ReportedStep } from '../core/next-step.js';
import type { DatabaseStep } from '../core/release.js';
import type { StepRecord, TrafficPoint } from '../core/timeline.js';
import type { PlannedCall } from '../core/planned-call.js';

/*
 * What a job summary says, gathered from the release record and from the sources of truth as
 * they are when the summary is written (the router, the database). The page renders it.
 */

/**
 * review: the whole page reviewers read before approving, written by the step that makes the
 * release ready for it; line: one line, by the other steps of that job; story: what a promote,
 * rollback, contract or drill did, with what led there.
 */
export type PageKind = 'review' | 'line' | 'story';

export interface ColorNow {
  color: Color;
  /** From the router's split now: live serves everything, idle nothing, canary a share. */
  role: 'live' | 'idle' | 'canary';
  version: string | null;
  weight: number;
  health: 'healthy' | 'unhealthy' | 'unknown';
}

export interface SmokeResult {
  command: string;
  passed: boolean;
  detail?: string;
}

export type PlanStatus = 'applied' | 'running' | 'pending' | 'at contract';

export interface PlannedStatement {
  migration: string;
  phase: DatabaseStep;
  statement: string;
  lock: string;
  /** From the database's history as it is now. */
  status: PlanStatus;
}

export interface DatabaseNow {
  /** Null when the history could not be read; `problem` then says why. */
  schemaVersion: string | null;
  applied: Record<DatabaseStep, string[]> | null;
  problem?: string;
  plan: PlannedStatement[];
  /** contract: what the step's migrations dropped, and the reason it was forced past its guard. */
  contracted?: { statements: PlannedStatement[]; forced: string | null };
}

/** What approving the promotion will do, for the review page. */
export interface PromotionPlan {
  /** The new color's share at each traffic step; `[100]` is one switch. */
  steps: readonly number[];
  pauseMs: number;
  /** Checks at each step, in words with their limits; empty without analysis. */
  checks: string[];
  analysis: { intervalMs: number; failuresAllowed: number; inconclusive: string; dryRun: boolean } | null;
  /** Checked right before the switch (the new color's health URL), when there is one. */
  healthUrl: string | null;
  database: boolean;
  /** The transaction a contract proxy's promote sends or proposes. */
  call?: PlannedCall;
}

export interface Risk {
  text: string;
  /** The statements or the call it is about, shown as code. */
  subjects?: string[];
}

export interface RouterTransaction {
  step: string;
  action: string;
  target: string;
  tx: string | null;
  block: number | null;
  note: string;
}

/** Transactions and facts of a router whose colors are contract implementations (evm-proxy). */
export interface RouterReport {
  kind: string;
  /** Each color's endpoint (an implementation address). */
  endpoints: Record<Color, string>;
  /** What the router works on (the proxy, its kind, the chain), and what the snapshot saw (the block). */
  facts: [string, string][];
  /** What the deploy step checked about the idle color. */
  checks: string[];
  /** What changes from the live to the idle color, one line each (`+`, `-`, `~`). */
  diff: string[];
  transactions: RouterTransaction[];
  /** A block explorer's base URL, to link addresses and transactions. */
  explorer?: string;
}

export interface ReleaseReport {
  step: ReportedStep;
  outcome: 'done' | 'already-done' | 'proposed' | 'failed';
  page: PageKind;
  service: string;
  environment: string;
  /** The snapshot's digest, sha256:... */
  digest: string;
  /** The color and version the snapshot found serving, and the ones this release brings. */
  from: { color: Color; version: string | null };
  to: { color: Color; version: string | null };
  /** Null when the router could not be read now. */
  colors: ColorNow[] | null;
  /** Where reviewers can try the new color, while it serves nobody. */
  preview?: { url: string | null; smoke: SmokeResult[] };
  plan?: PromotionPlan;
  risks?: Risk[];
  database?: DatabaseNow;
  approvers?: { user: string; comment: string }[];
  /** Each traffic step's verdict, oldest first. */
  analysis?: StepRecord[];
  /** Traffic per color over the release, oldest first, with the error rates analysis measured. */
  traffic?: TrafficPoint[];
  /** The error-rate limit of the analysis, a ratio, drawn against the measured rates. */
  errorLimit?: number | null;
  router?: RouterReport;
  /** contract releases: where the proposal a Safe's owners execute was written. */
  proposal?: string;
  /** What the release's steps did so far, oldest first (the review page lists them; a line page tells the last). */
  done?: { step: string; what: string }[];
  links: { run?: string | null; deployment?: string | null };
  error?: { message: string; cause: FailureCause; next: string } | null;
}
