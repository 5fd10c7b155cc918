/** The run a step belongs to, from the variables every GitHub runner sets. */
export interface GitHubRun {
  apiUrl: string;
  owner: string;
  repo: string;
  runId: number;
  runAttempt: number;
  sha: string | null;
  actor: string | null;
  triggeringActor: string | null;
  /** The run's page, linked from each deployment status as its log. */
  runUrl: string;
}

/**
 * The run, or null outside GitHub Actions or without a token: the CLI on a laptop,
 * or another CI. There the steps keep their record in a file only.
 */
export function gitHubRunOf(env: NodeJS.ProcessEnv, token: string | undefined): GitHubRun | null {
  if (env.GITHUB_ACTIONS !== 'true' || !token) return null;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = Number(env.GITHUB_RUN_ID);
  if (!owner || !repo || !Number.isSafeInteger(runId) || runId <= 0) return null;
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  return {
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    owner,
    repo,
    runId,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
    sha: env.GITHUB_SHA || null,
    actor: env.GITHUB_ACTOR || null,
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
    runUrl: `${server}/${owner}/${repo}/actions/runs/${runId}`
  };
}
