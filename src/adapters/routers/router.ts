import type { Json } from '../../core/canonical.js';
import type { Color } from '../../core/color.js';
import { ReleaseError } from '../../shared/errors.js';
import type { PlannedCall } from '../../core/planned-call.js';
import type { RouterState } from '../../core/router-state.js';
import type { Secrets } from '../../shared/secrets.js';
import type { Logger } from '../../shared/logging/logger.js';
import type { DrainReport } from './common/drain.js';

/**
 * A thing that splits traffic between the two colors. One implementation per
 * `router.kind`; each reads its real state back instead of trusting what it wrote.
 */
export interface Router {
  readonly kind: string;
  /** The state the router holds now. Throws when it cannot be read or was edited outside cutover. */
  read(): Promise<RouterState>;
  /**
   * Moves the router from `expected` to `target`, and returns only once clients
   * are served by `target`. Refuses, changing nothing, when the router no longer
   * holds `expected`. When it cannot confirm the change it restores `expected`.
   * With `target` equal to `expected`, it makes sure the router really serves
   * that state, finishing a switch that was stopped halfway.
   */
  apply(expected: RouterState, target: RouterState): Promise<void>;
  /** Writes the first state of a router that has none yet; refuses when it already has one. */
  initialize(state: RouterState): Promise<void>;
  /**
   * Waits until `color`, which gets no new traffic, has no requests in flight,
   * by the router's own counters where it has them, as `router.drain` says.
   * Long-lived connections still open after `close-after` are closed.
   */
  drain(color: Color): Promise<DrainReport>;
  /** Ends connections the router holds open (an SSH session, say). */
  close(): Promise<void>;
  /**
   * What each color has served since the router started, for analysis
   * (`analysis.sources.<name>.kind: router`); absent on kinds that keep no
   * per-color counts. Counters only grow; a smaller value means they were reset.
   */
  counters?(): Promise<Record<Color, RouterCounters>>;
  /**
   * Facts of the moment a snapshot is taken that are not router state (a
   * chain's block number and hash, say): sealed into the snapshot, never compared for drift.
   */
  observe?(): Promise<Record<string, Json>>;
  /** Each color's version, where the router itself knows it (kinds without `colors`: a contract's name); null when unknown. */
  versions?(): Promise<Record<Color, string | null>>;
  /**
   * Makes the idle color ready where the router itself holds it (a contract
   * proxy's new implementation: deployed, checked, and its calls simulated),
   * before anyone can switch to it. Refuses, sending nothing more, when it is not safe.
   */
  prepare?(color: Color): Promise<PreparedColor>;
}

/** What `prepare` established, for the log and the job summary. */
export interface PreparedColor {
  /** Where the color now lives (an implementation address). */
  endpoint: string;
  /** A version name for the record, like the contract's name. */
  version: string;
  /** Lines for the summary: the checks and their outcome. */
  checks: string[];
  /** A diff of what changes between the live and the new color (a storage layout), one line each. */
  diff: string[];
  /** The transaction promote will send (or propose) to switch to this color, where the router makes one. */
  call?: PlannedCall;
  /** Why this release gives up the way back (router.allow.no-rollback): rollback then refuses, saying so. */
  no_rollback?: string;
}

/** Something a router did outside the traffic split that the release must remember (a transaction, say). */
export interface JournalEntry {
  action: 'deploy' | 'upgrade' | 'propose';
  implementation: string;
  tx: string | null;
  block: number | null;
  /** The initializer sent with an upgrade; it never goes again in the same release. */
  initializer: string | null;
  data: string;
}

/** What the release in progress recorded, for kinds whose colors live outside the config (a contract proxy). */
export interface RecordedRelease {
  state: RouterState;
  /** What the snapshot saw besides the state (`observe`): a chain's block, say. */
  observed: Record<string, Json>;
  journal: JournalEntry[];
}

/**
 * A switch that a router cannot make itself: it wrote it down for someone
 * else to execute (a Safe multisig's owners). Nothing changed yet.
 */
export class ProposalWritten extends ReleaseError {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(message, 'unchanged');
    this.name = 'ProposalWritten';
  }
}

/** Totals a router keeps per color. */
export interface RouterCounters {
  /** Requests answered (HTTP) since the counters started. */
  requests: number;
  /** Of those, answers with a 5xx status, including the ones the router made up when the color failed to answer. */
  errors: number;
  /** The router's own running average of the color's response time, or null when it has none yet. */
  meanLatencyMs: number | null;
}

/**
 * Session affinity (`traffic.affinity`): during a canary the router sets a
 * cookie naming the color a client landed on, and sends that client back
 * there while the color still gets traffic. A color at 0% honours no cookie,
 * so at 100% everyone moves.
 */
export interface Affinity {
  cookie: string;
}

export interface RouterContext {
  service: string;
  endpoints: Record<Color, string>;
  /** Folder of the config file; relative paths in router settings are taken from here. */
  baseDir: string;
  logger: Logger;
  /** Resolves `env:` references in router settings (an SSH key, say) and masks them. */
  secrets: Secrets;
  /** The step's environment, which the user's own router commands run with; this process's when absent. */
  env?: NodeJS.ProcessEnv;
  /** Keep clients on the color they landed on; kinds that cannot refuse it. */
  affinity?: Affinity;
  /** The latest release's snapshot state and journal, or null before any. */
  recorded?: () => Promise<RecordedRelease | null>;
  /** Keeps an entry in the release's journal, saved with the step's record. */
  journal?: (entry: JournalEntry) => void;
  /** The step's, aborted when the job is cancelled: the router's waits (confirm, drain) then end with an AbortedError. */
  signal?: AbortSignal;
}
