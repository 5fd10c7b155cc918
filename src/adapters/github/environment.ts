import type { Snapshot } from '../../core/snapshot.js';

/**
 * The GitHub Actions run a step belongs to. The front end works it out once,
 * from the runner's variables; the snapshot's `source` and the GitHub tracker
 * both use it.
 */
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
 * The run from the variables every GitHub runner sets: the Action's front end and
 * the CLI (which may run in a job as `npx cutover`) both read them here. Null
 * outside GitHub Actions (on a laptop, or in another CI), and when they name no
 * repository or run.
 */
export function gitHubRunOf(env: NodeJS.ProcessEnv): GitHubRun | null {
  if (env.GITHUB_ACTIONS !== 'true') return null;
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = Number(env.GITHUB_RUN_ID);
  const runAttempt = Number(env.GITHUB_RUN_ATTEMPT);
  if (!owner || !repo || !Number.isSafeInteger(runId) || runId <= 0) return null;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  return {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    owner,
    repo,
    runId,
    runAttempt: Number.isSafeInteger(runAttempt) && runAttempt > 0 ? runAttempt : 1,
    sha: env.GITHUB_SHA || null,
    actor: env.GITHUB_ACTOR || null,
    // Whoever started this attempt (a re-run's).
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
    runUrl: `${server}/${owner}/${repo}/actions/runs/${runId}`
  };
}

/** Where a release came from, as its snapshot records it: nothing outside GitHub Actions. */
export function sourceOf(run: GitHubRun | null): Snapshot['source'] {
  return { git_sha: run?.sha ?? null, run_id: run ? String(run.runId) : null, actor: run?.actor ?? null };
}
