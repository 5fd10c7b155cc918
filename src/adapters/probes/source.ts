import type { Color } from '../../core/color.js';
import type { ColorMeasurement, Role } from '../../core/measurement.js';
import type { Weights } from '../../core/weights.js';
import type { ColorSettings } from './settings.js';
import type { Secrets } from '../../shared/secrets.js';
import type { Logger } from '../../shared/logging/logger.js';
import type { Router } from '../routers/router.js';

/** One analysis interval as a source sees it. */
export interface MeasureWindow {
  /** Which color is new (the one being promoted) and which is old (the live one). */
  roles: Record<Role, Color>;
  /** The router's weights during the window. */
  weights: Weights;
  /** How long the window lasts, from the call to measure(). */
  durationMs: number;
  /** Aborted when the release stops early (a cancelled job): measure() then resolves soon, with what it has. */
  signal: AbortSignal;
}

/**
 * Where analysis gets its numbers (`analysis.sources.<name>` in cutover.yml).
 * `measure` covers one window and resolves at its end. A measurement that
 * cannot be taken (a server down, an empty query) is not an error: it comes
 * back as `no-data` with the reason, and the inconclusive policy decides.
 * Only a fault in cutover's own settings throws.
 */
export interface AnalysisSource {
  readonly name: string;
  readonly kind: string;
  measure(window: MeasureWindow): Promise<Record<Role, ColorMeasurement>>;
  close(): Promise<void>;
}

/** What every source kind may use; each takes its own settings from its config entry. */
export interface SourceContext {
  /** The source's name, for messages: `analysis.sources.<name>`. */
  name: string;
  colors: ColorSettings;
  router: Router;
  baseDir: string;
  logger: Logger;
  /** Resolves `env:` references (a bearer token, say) and masks them. */
  secrets: Secrets;
  /** The environment the user's commands run with. */
  env: NodeJS.ProcessEnv;
}
