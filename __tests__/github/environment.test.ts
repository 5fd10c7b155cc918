import { gitHubRunOf } from '../../src/adapters/github/environment.js';

const RUNNER = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_ACTOR: 'octocat',
  GITHUB_SERVER_URL: 'https://ghe.example/',
  GITHUB_API_URL: 'https://ghe.example/api/v3/'
};

describe('gitHubRunOf', () => {
  it("reads the run from the runner's variables, linking its page on the run's server", () => {
    expect(gitHubRunOf(RUNNER)).toEqual({
      apiUrl: 'https://ghe.example/api/v3',
      owner: 'acme',
      repo: 'shop',
      runId: 4242,
      runAttempt: 2,
      sha: 'f'.repeat(40),
      actor: 'octocat',
      triggeringActor: 'octocat',
      runUrl: 'https://ghe.example/acme/shop/actions/runs/4242'
    });
  });

  it("names whoever started a re-run, and defaults the servers and the attempt to GitHub.com's and the first", () => {
    const run = gitHubRunOf({ ...RUNNER, GITHUB_SERVER_URL: undefined, GITHUB_API_URL: undefined, GITHUB_RUN_ATTEMPT: undefined, GITHUB_TRIGGERING_ACTOR: 'hubot' });
    expect(run).toMatchObject({ apiUrl: 'https://api.github.com', runAttempt: 1, actor: 'octocat', triggeringActor: 'hubot', runUrl: 'https://github.com/acme/shop/actions/runs/4242' });
  });

  it('is null outside GitHub Actions, and when the variables name no repository or run', () => {
    expect(gitHubRunOf({ ...RUNNER, GITHUB_ACTIONS: undefined })).toBeNull();
    expect(gitHubRunOf({ ...RUNNER, GITHUB_REPOSITORY: 'acme' })).toBeNull();
    expect(gitHubRunOf({ ...RUNNER, GITHUB_RUN_ID: '' })).toBeNull();
    expect(gitHubRunOf({ ...RUNNER, GITHUB_RUN_ID: 'abc' })).toBeNull();
  });
});
