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
}
