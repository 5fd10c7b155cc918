import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BadInputError, ReleaseError } from '../errors.js';
import { requirePosix } from './platform.js';
import { REPORT_FD, supervised } from './supervisor.js';

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
/** Output kept per stream: what cutover parses or quotes is far shorter, and a runaway command must not fill memory. */
export const OUTPUT_MAX = 1024 * 1024;
/** A line longer than this is handed on in pieces, so a command that never ends a line cannot grow one without bound. */
export const LINE_PIECE_MAX = 64 * 1024;

/**
 * Cuts a stream's text into lines as it arrives: `line(text, true)` for each
 * whole line, `line(piece, false)` for each LINE_PIECE_MAX piece of a line that
 * goes on, and, on `flush`, for what is left of the last one.
 */
export function lineSplitter(line: (text: string, complete: boolean) => void): { push(chunk: string): void; flush(): void } {
  let partial = '';
  return {
    push(chunk) {
      partial += chunk;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const whole of lines) line(whole, true);
      for (; partial.length > LINE_PIECE_MAX; partial = partial.slice(LINE_PIECE_MAX)) line(partial.slice(0, LINE_PIECE_MAX), false);
    },
    flush() {
      if (partial) line(partial, false);
      partial = '';
    }
  };
}

/** Whether `file` names a program that can be run: on PATH when bare, else relative to `cwd`. */
function programExists(file: string, env: NodeJS.ProcessEnv, cwd: string): boolean {
  const candidates = file.includes('/')
    ? [path.resolve(cwd, file)]
    : (env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map(dir => path.resolve(cwd, dir, file));
  return candidates.some(candidate => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * Runs `argv` without a shell: every element is one argument, so no input can
 * be parsed as shell syntax. The process gets its own process group, under a
 * supervisor (see supervisor.ts) that stops the whole group on timeout, and
 * when cutover dies before the command ends.
 */
export function runCommand(argv: readonly string[], options: CommandOptions): Promise<CommandResult> {
  const [file] = argv;
  if (!file) throw new BadInputError(`${options.field}: empty command. Give the program and its arguments as a list.`);
  requirePosix(options.field);
  // Known at once, rather than after the supervisor has started and failed to start it.
  if (!programExists(file, options.env ?? process.env, options.cwd ?? process.cwd())) throw notStarted(options.field, file, { code: 'ENOENT', message: 'not found' });
  return new Promise((resolve, reject) => {
    const [supervisor, ...args] = supervised(argv, process.pid, KILL_GRACE_MS);
    const child = spawn(supervisor as string, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // stdin is the lifeline: only this process holds its other end. The report fd says why a command did not start.
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      detached: true,
      shell: false
    });
    const lifeline = child.stdin;
    const report = child.stdio[REPORT_FD] as Readable;
    const out = { stdout: '', stderr: '' };
    let reported = '';
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const relay = (stream: 'stdout' | 'stderr') => {
      const lines = lineSplitter(line => options.onLine?.(line, stream));
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk: string) => {
        if (out[stream].length < OUTPUT_MAX) out[stream] += chunk.slice(0, OUTPUT_MAX - out[stream].length);
        lines.push(chunk);
      });
      child[stream].on('end', () => lines.flush());
    };
    relay('stdout');
    relay('stderr');
    report.setEncoding('utf8');
    report.on('data', (chunk: string) => (reported += chunk));
    lifeline.on('error', () => undefined);
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        // The supervisor takes a closed lifeline as the order to stop the group: TERM, then KILL after the grace.
        lifeline.destroy();
      }, options.timeoutMs);
    }
    child.on('error', error => {
      clearTimeout(timer);
      lifeline.destroy();
      reject(notStarted(options.field, file, error as NodeJS.ErrnoException));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      lifeline.destroy();
      // A background process started by the command may hold its pipes open; stop waiting for them after a moment.
      const drain = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        report.destroy();
      }, DRAIN_MS);
      const finish = () => {
        clearTimeout(drain);
        if (reported) {
          reject(notStarted(options.field, file, JSON.parse(reported) as { code?: string; message: string }));
          return;
        }
        if (timedOut) {
          reject(new ReleaseError(`${options.field}: ${file} did not finish within ${options.timeoutMs}ms and was stopped.`));
          return;
        }
        resolve({ code: code ?? (signal ? 128 : 1), ...out });
      };
      if (child.stdout.readableEnded && child.stderr.readableEnded && report.readableEnded) finish();
      else child.on('close', finish);
    });
  });
}

function notStarted(field: string, file: string, error: { code?: string; message: string }): Error {
  return error.code === 'ENOENT'
    ? new BadInputError(`${field}: command not found: ${JSON.stringify(file)}. Install it or give its full path.`)
    : new ReleaseError(`${field}: could not start ${JSON.stringify(file)}: ${error.message}`);
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
