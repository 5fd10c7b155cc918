import { spawn } from 'node:child_process';
import { BadInputError, ReleaseError } from '../core/errors.js';
import { requirePosix } from './platform.js';

export interface CommandOptions {
  /** Names the command in errors, e.g. `deploy.command`. */
  field: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  /** Each line of output as it arrives, for live logs. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How long output may still arrive after the process exited, from children that kept its pipes. */
export const DRAIN_MS = 2000;
/** How long a process gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 5000;

/**
 * Runs `argv` without a shell: every element is one argument, so no input can
 * be parsed as shell syntax. The process gets its own process group, which is
 * terminated as a whole on timeout.
 */
export function runCommand(argv: readonly string[], options: CommandOptions): Promise<CommandResult> {
  const [file, ...args] = argv;
  if (!file) throw new BadInputError(`${options.field}: empty command. Give the program and its arguments as a list.`);
  requirePosix(options.field);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false
    });
    const out = { stdout: '', stderr: '' };
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    const relay = (stream: 'stdout' | 'stderr') => {
      let partial = '';
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk: string) => {
        out[stream] += chunk;
        partial += chunk;
        const lines = partial.split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) options.onLine?.(line, stream);
      });
      child[stream].on('end', () => {
        if (partial) options.onLine?.(partial, stream);
      });
    };
    relay('stdout');
    relay('stderr');
    if (options.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          killGroup(child.pid, 'SIGTERM');
          timers.push(setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS));
        }, options.timeoutMs)
      );
    }
    child.on('error', error => {
      timers.forEach(clearTimeout);
      const code = (error as NodeJS.ErrnoException).code;
      reject(
        code === 'ENOENT'
          ? new BadInputError(`${options.field}: command not found: ${JSON.stringify(file)}. Install it or give its full path.`)
          : new ReleaseError(`${options.field}: could not start ${JSON.stringify(file)}: ${error.message}`)
      );
    });
    child.on('exit', (code, signal) => {
      // A background process started by the command may hold its pipes open; stop waiting for them after a moment.
      const drain = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, DRAIN_MS);
      const finish = () => {
        clearTimeout(drain);
        timers.forEach(clearTimeout);
        if (timedOut) {
          reject(new ReleaseError(`${options.field}: ${file} did not finish within ${options.timeoutMs}ms and was stopped.`));
          return;
        }
        resolve({ code: code ?? (signal ? 128 : 1), ...out });
      };
      if (child.stdout.readableEnded && child.stderr.readableEnded) finish();
      else child.on('close', finish);
    });
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Runs a command that must succeed; a non-zero exit becomes a `ReleaseError` with its output. */
export async function runChecked(
  argv: readonly string[],
  options: CommandOptions,
  run: typeof runCommand = runCommand
): Promise<CommandResult> {
  const result = await run(argv, options);
  if (result.code !== 0) {
    const output = (result.stderr || result.stdout).trim().split('\n').slice(-20).join('\n');
    throw new ReleaseError(`${options.field}: ${argv[0]} exited with code ${result.code}${output ? `:\n${output}` : ''}`);
  }
  return result;
}
