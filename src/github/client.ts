import { Octokit } from 'octokit';
import type { Logger } from '../logging/logger.js';

/** How often a rate-limited request is tried again before the step fails. */
const RATE_LIMIT_RETRIES = 3;

export type GitHubClient = Octokit;

/**
 * octokit with GitHub's own advice built in: writes spaced and queued by the
 * throttling plugin, rate-limited requests retried after `retry-after`, 5xx
 * answers retried with backoff. `baseUrl` is GitHub Enterprise's (or a test server's).
 */
export function createGitHubClient(token: string, baseUrl: string, logger: Logger): GitHubClient {
  const retryLimited = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= RATE_LIMIT_RETRIES) return false;
    logger.warn(`GitHub ${kind} rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s (${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
    return true;
  };
  return new Octokit({
    auth: token,
    baseUrl,
    userAgent: 'cutover',
    throttle: { onRateLimit: retryLimited('primary'), onSecondaryRateLimit: retryLimited('secondary') },
    log: { debug: () => undefined, info: message => logger.debug(message), warn: message => logger.debug(message), error: message => logger.debug(message) }
  });
}
