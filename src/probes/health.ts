import type { Color } from '../core/color.js';
import { ReleaseError } from '../core/errors.js';
import type { HealthSettings } from '../config/schema.js';
import type { Secrets } from '../config/secrets.js';
import { formatDuration } from '../config/duration.js';
import { httpGet } from '../io/http.js';
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
 * off from `interval` up to `max-interval`, and fails after `timeout`.
 */
export async function waitHealthy(target: HealthTarget, wait: HealthWait): Promise<{ attempts: number; elapsedMs: number }> {
  const timeoutMs = wait.timeoutMs ?? wait.settings.timeout;
  const started = Date.now();
  let delay = wait.settings.interval;
  for (let attempt = 1; ; attempt++) {
    const result = await probeHealth(target, wait);
    const elapsedMs = Date.now() - started;
    if (result.ok) {
      wait.logger.info(`${target.color} is healthy at ${target.url} (${result.detail}, attempt ${attempt}, ${formatDuration(elapsedMs)})`);
      return { attempts: attempt, elapsedMs };
    }
    wait.logger.debug(`${target.color} not healthy yet: ${result.detail}`);
    if (elapsedMs + delay > timeoutMs) {
      throw new ReleaseError(
        `${target.color} did not become healthy at ${target.url} within ${formatDuration(timeoutMs)} (${attempt} attempts; last: ${result.detail}; expected HTTP ${wait.settings['expect-status'].join(' or ')}).`
      );
    }
    await new Promise(resolve => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, wait.settings['max-interval']);
  }
}
