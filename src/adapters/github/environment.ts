import type { Snapshot } from '../../core/snapshot.js';

/**
 * The GitHub Actions run a step belongs to. The front end works it out once
 * (the Action from `@actions/github`'s context, the CLI from the runner's
 * variables); the snapshot's `source` and the GitHub tracker both use it.
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

/** What a runner tells a step about its run, however it is read. */
export interface RunFacts {
  repository: { owner: string; repo: string } | null;
  runId: number;
  runAttempt: number;
  sha: string | undefined;
  actor: string | undefined;
  /** Whoever started this attempt (a re-run's); the context of `@actions/github` lacks it. */
  triggeringActor: string | undefined;
  apiUrl: string | undefined;
  serverUrl: string | undefined;
}

/** The run from its facts, or null when they name no repository or run. */
export function gitHubRun(facts: RunFacts): GitHubRun | null {
  const { owner, repo } = facts.repository ?? {};
  if (!owner || !repo || !Number.isSafeInteger(facts.runId) || facts.runId <= 0) return null;
  const server = (facts.serverUrl || 'https://github.com').replace(/\/$/, '');
  return {
    apiUrl: (facts.apiUrl || 'https://api.github.com').replace(/\/$/, ''),
    owner,
    repo,
    runId: facts.runId,
    runAttempt: Number.isSafeInteger(facts.runAttempt) && facts.runAttempt > 0 ? facts.runAttempt : 1,
    sha: facts.sha || null,
    actor: facts.actor || null,
    triggeringActor: facts.triggeringActor || facts.actor || null,
    runUrl: `${server}/${owner}/${repo}/actions/runs/${facts.runId}`
  };
}

/**
 * The run from the variables every GitHub runner sets, for the CLI (which may run in a
 * job as `npx cutover`). Null outside GitHub Actions: on a laptop, or in another CI.
 */
export function gitHubRunOf(env: NodeJS.ProcessEnv): GitHubRun | null {
  if (env.GITHUB_ACTIONS !== 'true') return null;
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return gitHubRun({
    repository: { owner, repo },
    runId: Number(env.GITHUB_RUN_ID),
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT),
    sha: env.GITHUB_SHA,
    actor: env.GITHUB_ACTOR,
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR,
    apiUrl: env.GITHUB_API_URL,
    serverUrl: env.GITHUB_SERVER_URL
  });
}

/** Where a release came from, as its snapshot records it: nothing outside GitHub Actions. */
export function sourceOf(run: GitHubRun | null): Snapshot['source'] {
  return { git_sha: run?.sha ?? null, run_id: run ? String(run.runId) : null, actor: run?.actor ?? null };
}
