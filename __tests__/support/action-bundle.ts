import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
}

/** Runs a committed bundle the way the runner does: inputs as INPUT_* variables, outputs in the GITHUB_OUTPUT file. */
export async function runBundle(bundle: string, inputs: Record<string, string>, runnerTemp: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  await mkdir(runnerTemp, { recursive: true });
  const outputFile = path.join(runnerTemp, `output-${Date.now()}-${Math.random()}`);
  const summaryFile = path.join(runnerTemp, 'summary.md');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_SHA: 'f00d', GITHUB_RUN_ID: '7', GITHUB_ACTOR: 'octocat', ...extraEnv };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [path.resolve('dist', bundle, 'index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', chunk => (stdout += String(chunk)));
  child.stderr.on('data', chunk => (stdout += String(chunk)));
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? 1)));
  const outputs: Record<string, string> = {};
  const text = await readFile(outputFile, 'utf8');
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1] as string] = match[3] as string;
  return { code, stdout, outputs };
}
