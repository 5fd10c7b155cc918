import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findSupervisors, isAlive } from '../../src/shared/io/processes.js';
import { poll } from '../../src/shared/io/wait.js';

/**
 * The real CLI as its own process, as a job runs it, so that a test can kill
 * it with SIGKILL at a point tied to its progress and then run the step again.
 */
export interface CliProcess {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

const CLI = path.resolve('dist/cli/index.js');

export function startCli(args: string[], env: NodeJS.ProcessEnv = process.env): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', chunk => (text += String(chunk)));
  child.stderr?.on('data', chunk => (text += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(resolve =>
    child.once('close', (code, signal) => resolve({ code, signal, output: text }))
  );
  return { child, pid: child.pid as number, output: () => text, exited };
}

export async function runCli(args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const { code, output } = await startCli(args, env).exited;
  return { code, output };
}

/** Polls `probe` until it is truthy, failing with the CLI's output if the CLI ended first. */
export async function whileRunning<T>(run: CliProcess, what: string, probe: () => Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const { result } = await poll(
    async () => {
      const value = await probe();
      if (!value && run.child.exitCode !== null) throw new Error(`the CLI ended (code ${run.child.exitCode}) before ${what}:\n${run.output()}`);
      return value;
    },
    { what, done: value => Boolean(value), timeoutMs, intervalMs: 10 }
  );
  return result as NonNullable<T>;
}

/** Kills the CLI with SIGKILL, as a runner that loses its machine or a `kill -9` does, and waits for it to be gone. */
export async function killHard(run: CliProcess): Promise<void> {
  run.child.kill('SIGKILL');
  expect((await run.exited).signal).toBe('SIGKILL');
}

/** Waits until no supervisor started by `owner` is left: whatever it was stopping is gone too. */
export async function supervisorsGone(owner: number): Promise<void> {
  await poll(async () => (await findSupervisors()).filter(s => s.owner === owner), {
    what: `the supervisors of the killed cutover (pid ${owner}) to finish`,
    done: left => left.length === 0,
    timeoutMs: 20_000,
    intervalMs: 20
  });
}

/** Waits until none of `pids` exists any more. */
export async function processesGone(pids: readonly number[], what: string): Promise<void> {
  await poll(async () => pids.filter(isAlive), { what, done: alive => alive.length === 0, timeoutMs: 20_000, intervalMs: 20 });
}

/** The numbers in a file of pids, one or more a line; none while it does not exist. */
export async function pidsIn(file: string): Promise<number[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split(/\s+/).filter(Boolean).map(Number);
}

/** A file's content as JSON (a release record), or null while it does not exist. */
export async function readJson<T>(file: string): Promise<T | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as T);
}
