import type { Color } from '../../core/color.js';
import { ReleaseError } from '../../shared/errors.js';
import type { HealthSettings } from './settings.js';
import type { Secrets } from '../../shared/secrets.js';
import { formatDuration } from '../../shared/duration.js';
import { HttpError, httpGet, shownUrl } from '../../shared/io/http.js';
import { budget, poll } from '../../shared/io/wait.js';
import type { Logger } from '../../shared/logging/logger.js';

export interface HealthTarget {
  color: Color;
  url: string;
}

export interface HealthWait {
  settings: HealthSettings;
  secrets: Secrets;
  logger: Logger;
  /** Overrides settings.timeout, e.g. for a short check right before a switch. */
  timeoutMs?: number;
  /** The step's: a cancelled job stops waiting at once. */
  signal?: AbortSignal;
}

type HealthAnswer = { ok: boolean; detail: string };

/** One probe: the status that came back, or why nothing did. It ends within `timeoutMs`, however slowly the color answers. */
export async function probeHealth(target: HealthTarget, wait: HealthWait, timeoutMs = wait.settings['request-timeout']): Promise<HealthAnswer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(wait.settings.headers)) {
    headers[name] = wait.secrets.resolve(`health.headers.${name}`, value);
  }
  try {
    const response = await httpGet(target.url, { timeoutMs, headers, signal: wait.signal });
    const ok = wait.settings['expect-status'].includes(response.status);
    return { ok, detail: `HTTP ${response.status}` };
  } catch (error) {
    // The wait's messages name the URL already.
    return { ok: false, detail: error instanceof HttpError ? error.reason : (error as Error).message };
  }
}

/**
 * Polls a color's health URL until it answers with an expected status, backing
 * off from `interval` up to `max-interval`, and fails after `timeout`: the
 * whole wait, so no probe runs past it, whatever `request-timeout` says. A
 * cancelled job (`signal`) ends the wait at once with an AbortedError.
 */
export async function waitHealthy(target: HealthTarget, wait: HealthWait): Promise<{ attempts: number; elapsedMs: number }> {
  const timeoutMs = wait.timeoutMs ?? wait.settings.timeout;
  const url = shownUrl(target.url);
  const { left } = budget(timeoutMs);
  let last: HealthAnswer | null = null;
  const probe = async () => {
    // The poll's last attempt falls at the deadline: with no time left to answer in, the answer before it stands.
    if (left() < 1 && last !== null) return last;
    last = await probeHealth(target, wait, Math.max(1, Math.min(wait.settings['request-timeout'], left())));
    if (!last.ok) wait.logger.debug(`${target.color} not healthy yet: ${last.detail}`);
    return last;
  };
  const { result, attempts, elapsedMs } = await poll(probe, {
    what: `${target.color} to become healthy at ${url}`,
    done: answer => answer.ok,
    timeoutMs,
    intervalMs: wait.settings.interval,
    backoff: { maxIntervalMs: wait.settings['max-interval'] },
    signal: wait.signal,
    timeoutError: (last, polled) =>
      new ReleaseError(
        `${target.color} did not become healthy at ${url} within ${formatDuration(timeoutMs)} (${polled.attempts} attempts; last: ${last.detail}; expected HTTP ${wait.settings['expect-status'].join(' or ')}).`
      )
  });
  wait.logger.info(`${target.color} is healthy at ${url} (${result.detail}, attempt ${attempts}, ${formatDuration(elapsedMs)})`);
  return { attempts, elapsedMs };
}
