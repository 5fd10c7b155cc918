import { Octokit } from '@octokit/core';
import type { OctokitOptions, OctokitPlugin } from '@octokit/core/types';
import { paginateRest, type PaginateInterface } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods, type Api } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../../shared/logging/logger.js';

/** How often a rate-limited request is tried again before the step fails. */
const RATE_LIMIT_RETRIES = 3;

/** The REST client the steps use: octokit's core with its REST methods and pagination. */
export type GitHubClient = Octokit & Api & { paginate: PaginateInterface };

/**
 * Builds the client for a token. The Action's comes from `@actions/github`'s
 * `getOctokit` (which adds the runner's proxy settings), the CLI's from
 * `@octokit/core`; both with CLIENT_PLUGINS and clientOptions().
 */
export type GitHubClientFactory = (token: string, baseUrl: string, logger: Logger) => GitHubClient;

/**
 * GitHub's own advice built in: writes spaced and queued by the throttling
 * plugin, rate-limited requests retried after `retry-after`, 5xx answers
 * retried with backoff by the retry plugin.
 */
export const CLIENT_PLUGINS: OctokitPlugin[] = [throttling, retry];

/** The options both clients share. `baseUrl` is GitHub Enterprise's (or a test server's). */
export function clientOptions(baseUrl: string, logger: Logger): OctokitOptions {
  const retryLimited = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= RATE_LIMIT_RETRIES) return false;
    logger.warn(`GitHub ${kind} rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s (${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
    return true;
  };
  return {
    baseUrl,
    userAgent: 'cutover',
    throttle: { onRateLimit: retryLimited('primary'), onSecondaryRateLimit: retryLimited('secondary') },
    log: { debug: () => undefined, info: message => logger.debug(message), warn: message => logger.debug(message), error: message => logger.debug(message) }
  };
}

const CliOctokit = Octokit.plugin(restEndpointMethods, paginateRest, ...CLIENT_PLUGINS);

/** The CLI's client, outside the Actions toolkit. */
export const createGitHubClient: GitHubClientFactory = (token, baseUrl, logger) => new CliOctokit({ auth: token, ...clientOptions(baseUrl, logger) });
