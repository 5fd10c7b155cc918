import type { Phase, Step } from '../../core/release.js';
import type { SealedSnapshot } from '../../core/snapshot.js';
import type { StepRecord, TrafficPoint } from '../../core/timeline.js';
import type { JournalEntry, PreparedColor } from '../routers/router.js';

export interface HistoryEntry {
  step: Step | 'snapshot' | 'drill';
  at: string;
  /**
   * proposed: the switch was written down for someone else to execute (a Safe's owners); nothing changed yet.
   * started: saved before work that cannot be undone (contract), so that a run killed before it recorded
   * its outcome still leaves evidence that the work may have happened.
   */
  outcome: 'done' | 'already-done' | 'proposed' | 'started';
  detail: string;
  /** deploy: the version now on the idle color. */
  version?: string;
}

/** One release: the snapshot it started from and how far it got. */
export interface ReleaseRecord {
  snapshot: SealedSnapshot;
  /** Unknown when the release was handed over as a bare snapshot, without its history. */
  phase?: Phase;
  history: HistoryEntry[];
  /** The GitHub deployment that records this release, when there is one. */
  deployment?: number;
  /** Every split the traffic steps set, with the error rates measured under it, oldest first. */
  traffic?: TrafficPoint[];
  /** Each traffic step's verdict, oldest first. */
  analysis?: StepRecord[];
  /** What the router did besides moving traffic (a contract deployed, an upgrade sent or proposed), oldest first. */
  journal?: (JournalEntry & { step: string; at: string })[];
  /** What the deploy step's router checks established about the idle color (kinds with `prepare`). */
  prepared?: PreparedColor;
  /**
   * Whether phase and history are evidence: read from a record under its record digest, or rebuilt
   * from the release's GitHub deployment. A bare snapshot is not. Known when loaded; never saved.
   */
  sealed?: boolean;
}

/** The version the last deploy put on the idle color, when it reported one. */
export function deployedVersion(record: ReleaseRecord): string | undefined {
  return record.history.filter(h => h.step === 'deploy' && h.version !== undefined).at(-1)?.version;
}

/**
 * Where a release lives between steps. The CLI keeps it in a file; the Action
 * keeps it in a file of the job and hands the snapshot to later jobs as an output.
 * The steps never know which they have.
 */
export interface ReleaseStore {
  /** Where the record is, for the `snapshot-file` output and messages. */
  readonly location: string;
  load(): Promise<ReleaseRecord>;
  save(record: ReleaseRecord): Promise<void>;
}
