import { context, getOctokit } from '@actions/github';
import { CLIENT_PLUGINS, clientOptions, type GitHubClientFactory } from '../adapters/github/client.js';
import { gitHubRun, type GitHubRun } from '../adapters/github/environment.js';

/** This job's run, from `@actions/github`'s context; null when the runner names no repository or run. */
export function actionsRun(): GitHubRun | null {
  let repository: { owner: string; repo: string } | null;
  try {
    repository = context.repo;
  } catch {
    repository = null;
  }
  return gitHubRun({
    repository,
    runId: context.runId,
    runAttempt: context.runAttempt,
    sha: context.sha,
    actor: context.actor,
    triggeringActor: process.env.GITHUB_TRIGGERING_ACTOR,
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl
  });
}

/** `getOctokit` with the runner's proxy settings, plus the plugins and options the CLI's client has too. */
export const actionsGitHubClient: GitHubClientFactory = (token, baseUrl, logger) => getOctokit(token, clientOptions(baseUrl, logger), ...CLIENT_PLUGINS);
