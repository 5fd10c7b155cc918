import type { Approver } from '../../core/approval.js';
import type { StepRecord, TrafficPoint } from '../../core/timeline.js';
import type { HistoryEntry, ReleaseRecord } from './release-store.js';

export type TrackedStep = HistoryEntry['step'];

/**
 * Where a release is reported as it goes (GitHub deployments and their
 * statuses). Absent on the CLI outside GitHub Actions: the record file is then all there is.
 */
export interface ReleaseTracker {
  /** The snapshot step: records the new release and returns its id. */
  created(record: ReleaseRecord, serialized: string): Promise<number>;
  begin(record: ReleaseRecord, step: TrackedStep): Promise<void>;
  finished(record: ReleaseRecord, step: TrackedStep, outputs: StepOutputs): Promise<void>;
  failed(record: ReleaseRecord, step: TrackedStep, message: string): Promise<void>;
  /** promote: the approval gate, before any traffic moves. Returns who approved. */
  approve(record: ReleaseRecord): Promise<Approver[]>;
  /**
   * promote: a traffic step's verdict, with the error rates of its last interval, so that a later
   * job tells the canary's story. Never throws: a report GitHub refuses is a warning.
   */
  judged(record: ReleaseRecord, verdict: StepRecord, point: TrafficPoint): Promise<void>;
  /** promote: the canary rolled back on its own; `detail` as in the record's history. Never throws. */
  rolledBack(record: ReleaseRecord, detail: string): Promise<void>;
}

/** What a step reports: outputs by name (the Action's outputs, the CLI's --json). */
export type StepOutputs = Record<string, string>;
