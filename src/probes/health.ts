import type { Color } from '../core/color.js';
import { ReleaseError } from '../core/errors.js';
import type { HealthSettings } from '../config/schema.js';
import type { Secrets } from '../config/secrets.js';
import { formatDuration } from '../config/duration.js';
import { httpGet } from '../io/http.js';
import { poll } from '../io/wait.js';
import type { Logger } from '../logging/logger.js';

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

/** One probe: the status that came back, or why nothing did. */
export async function probeHealth(target: HealthTarget, wait: HealthWait): Promise<{ ok: boolean; detail: string }> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(wait.settings.headers)) {
    headers[name] = wait.secrets.resolve(`health.headers.${name}`, value);
  }
  try {
    const response = await httpGet(target.url, { timeoutMs: wait.settings['request-timeout'], headers });
    const ok = wait.settings['expect-status'].includes(response.status);
    return { ok, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

/**
 * Polls a color's health URL until it answers with an expected status, backing
 * off from `interval` up to `max-interval`, and fails after `timeout`. A
 * cancelled job (`signal`) ends the wait at once with an AbortedError.
 */
export async function waitHealthy(target: HealthTarget, wait: HealthWait): Promise<{ attempts: number; elapsedMs: number }> {
  const timeoutMs = wait.timeoutMs ?? wait.settings.timeout;
  const probe = async () => {
    const result = await probeHealth(target, wait);
    if (!result.ok) wait.logger.debug(`${target.color} not healthy yet: ${result.detail}`);
    return result;
  };
  const { result, attempts, elapsedMs } = await poll(probe, {
    what: `${target.color} to become healthy at ${target.url}`,
    done: answer => answer.ok,
    timeoutMs,
    intervalMs: wait.settings.interval,
    backoff: { maxIntervalMs: wait.settings['max-interval'] },
    signal: wait.signal,
    timeoutError: (last, polled) =>
      new ReleaseError(
        `${target.color} did not become healthy at ${target.url} within ${formatDuration(timeoutMs)} (${polled.attempts} attempts; last: ${last.detail}; expected HTTP ${wait.settings['expect-status'].join(' or ')}).`
      )
  });
  wait.logger.info(`${target.color} is healthy at ${target.url} (${result.detail}, attempt ${attempts}, ${formatDuration(elapsedMs)})`);
  return { attempts, elapsedMs };
}
