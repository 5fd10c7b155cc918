import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process, as `cutover <args>` would, capturing what it prints. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: text => (out += text),
    err: text => (err += text),
    env,
    self: [process.execPath, 'dist/cli/index.js']
  });
  return { code, out, err };
}

/** What a step on a runner of run 7 sees: the CLI in-process against the fake `github`, building commit `sha`. */
export function actionsRunEnv(github: { url: string; owner: string; repo: string }, sha: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example.test',
    GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
    GITHUB_RUN_ID: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: sha,
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat'
  };
}
