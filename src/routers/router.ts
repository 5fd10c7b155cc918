import type { Color } from '../core/color.js';
import type { RouterState } from '../core/router-state.js';
import type { Secrets } from '../config/secrets.js';
import type { Logger } from '../logging/logger.js';
import type { DrainReport } from './drain.js';

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
}
