import { getOctokit } from '@actions/github';
import { CLIENT_PLUGINS, clientOptions, type GitHubClientFactory } from '../adapters/github/client.js';

/** `getOctokit` with the runner's proxy settings, plus the plugins and options the CLI's client has too. */
export const actionsGitHubClient: GitHubClientFactory = (token, baseUrl, logger) => getOctokit(token, clientOptions(baseUrl, logger), ...CLIENT_PLUGINS);
