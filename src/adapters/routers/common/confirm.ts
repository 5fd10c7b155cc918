import { ReleaseError } from '../../../shared/errors.js';
import { shortDigest } from '../../../core/canonical.js';
import { routerDigest, type RouterState } from '../../../core/router-state.js';
import { headerValue, httpGet, type HttpResponse } from '../../../shared/io/http.js';
import { budget, poll } from '../../../shared/io/wait.js';

export const COLOR_HEADER = 'X-Cutover-Color';
/** The longest one answer may take; a slower router is not serving. */
const REQUEST_MS = 5000;
export const GENERATION_HEADER = 'X-Cutover-Generation';

export interface ConfirmOptions {
  url: string;
  /** Consecutive answers that must come from the new state. */
  responses: number;
  timeoutMs: number;
  intervalMs: number;
  /**
   * The generation tag answers must carry; null for routers whose state lives
   * only at runtime (HAProxy's socket), where the color alone tells, and the
   * router's own read-back proves the weights.
   */
  generation?: string | null;
  /** The step's: a cancelled job stops waiting at once. */
  signal?: AbortSignal;
}

/** The tag a router puts on responses served under `state`, so clients can tell which state answered. */
export function generationOf(state: RouterState): string {
  return shortDigest(routerDigest(state));
}

/**
 * Waits until the router serves `state`: `responses` answers in a row on new
 * connections, each tagged with the state's generation and a color that has
 * weight in it. A reload command returning proves nothing; answers do.
 */
export async function confirmServing(state: RouterState, options: ConfirmOptions): Promise<void> {
  const generation = options.generation === undefined ? generationOf(state) : options.generation;
  // A router that answers slowly but keeps answering must not stretch the wait past its timeout.
  const { left } = budget(options.timeoutMs);
  let lastFailure: string | null = null;
  /** One attempt: answers in a row until one is not from `state`; null when `responses` were. */
  const attempt = async (): Promise<string | null> => {
    for (let answered = 0; answered < options.responses; answered++) {
      if (options.signal?.aborted) return 'cancelled';
      // The poll's last attempt falls at the deadline: the answer before it stands.
      if (left() < 1) return lastFailure ?? `no time left for answer ${answered + 1} of ${options.responses}`;
      const timeoutMs = Math.min(REQUEST_MS, left());
      let response: HttpResponse;
      try {
        response = await httpGet(options.url, { timeoutMs, signal: options.signal });
      } catch (error) {
        // A request the deadline cut short says less than a whole answer before it.
        return timeoutMs < REQUEST_MS && lastFailure !== null ? lastFailure : (error as Error).message;
      }
      const seen = headerValue(response.headers, GENERATION_HEADER);
      const color = headerValue(response.headers, COLOR_HEADER);
      const weighted = color === 'blue' || color === 'green' ? state.weights[color] > 0 : false;
      if ((generation === null || seen === generation) && weighted) continue;
      return generation === null
        ? `HTTP ${response.status} ${color === undefined ? `without a ${COLOR_HEADER} header` : `from ${color}`}`
        : seen === undefined
          ? `HTTP ${response.status} without a ${GENERATION_HEADER} header`
          : `HTTP ${response.status} from ${color ?? 'an unknown color'} under generation ${seen}`;
    }
    return null;
  };
  const streak = async (): Promise<string | null> => (lastFailure = await attempt());
  await poll(streak, {
    what: `the router to serve the new state${generation === null ? '' : ` (generation ${generation})`} at ${options.url}`,
    done: last => last === null,
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs,
    signal: options.signal,
    timeoutError: last =>
      new ReleaseError(
        `the router did not serve the new state${generation === null ? '' : ` (generation ${generation})`} at ${options.url} within ${options.timeoutMs}ms; last answer: ${last}. ` +
          (generation === null
            ? `If the answer has no ${COLOR_HEADER} header, no color answered it through the router: check that router.probe is served through the router.`
            : `If the answer has no ${GENERATION_HEADER} header, the location that proxies to this upstream sets its own add_header lines and must repeat cutover's (docs/routers/nginx.md, "mode reload").`)
      )
  });
}
