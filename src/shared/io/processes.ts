import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { ReleaseError } from '../errors.js';
import { poll } from './wait.js';
import { REAP_MS, SUPERVISOR_MARKER } from './supervisor.js';

/** Whether a process of this machine still exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A command supervisor running on this machine, and the cutover process that started it. */
export interface Supervisor {
  pid: number;
  owner: number;
}

const SUPERVISOR_ARGS = new RegExp(`(?:^|\\s)${SUPERVISOR_MARKER} (\\d+) `);

/** Each process of this machine as its pid and command line, from `ps` (the same flags work on Linux and macOS). */
async function processes(ps: string): Promise<{ pid: number; args: string }[]> {
  try {
    // -ww: whole command lines; the marker comes after the supervisor's source.
    const { stdout } = await promisify(execFile)(ps, ['-ww', '-A', '-o', 'pid=,args='], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.split('\n').flatMap(line => {
      const match = /^\s*(\d+)\s+(.*)$/.exec(line);
      return match ? [{ pid: Number(match[1]), args: match[2] as string }] : [];
    });
  } catch (error) {
    // Slim Linux containers often lack procps; /proc holds the same.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const pids = (await readdir('/proc')).filter(name => /^\d+$/.test(name));
    const lines = await Promise.all(pids.map(pid => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
    return pids.map((pid, index) => ({ pid: Number(pid), args: (lines[index] as string).split('\0').join(' ') }));
  }
}

/** Every command supervisor on this machine. `ps` names the program that lists processes. */
export async function findSupervisors(ps = 'ps'): Promise<Supervisor[]> {
  return (await processes(ps)).flatMap(({ pid, args }) => {
    const owner = SUPERVISOR_ARGS.exec(args);
    return owner ? [{ pid, owner: Number(owner[1]) }] : [];
  });
}

/** Supervisors whose cutover is gone; with `owner`, only that cutover's. They are stopping their command's group. */
export async function findOrphans(owner?: number): Promise<Supervisor[]> {
  return (await findSupervisors()).filter(s => (owner === undefined || s.owner === owner) && !isAlive(s.owner));
}

/** Long enough for an orphaned supervisor to stop its group: its grace, the wait for zombies, and a margin. */
export function orphanWaitMs(graceMs: number): number {
  return graceMs + REAP_MS + 3000;
}

/**
 * Waits until no supervisor left by a dead cutover (`owner`, or any) is
 * running, so that a rerun never acts beside the commands of the run it
 * replaces. Throws naming them when they are still there at the deadline.
 */
export async function waitForOrphans(what: string, options: { owner?: number; timeoutMs: number; signal?: AbortSignal }): Promise<void> {
  await poll(() => findOrphans(options.owner), {
    what: `the commands of a killed cutover run to stop`,
    done: orphans => orphans.length === 0,
    timeoutMs: options.timeoutMs,
    intervalMs: 50,
    backoff: { maxIntervalMs: 500 },
    signal: options.signal,
    timeoutError: orphans =>
      new ReleaseError(
        `${what}: a killed cutover run (pid ${orphans.map(o => o.owner).join(', ')}) still has commands running after ${options.timeoutMs}ms: ${orphans
          .map(o => `supervisor pid ${o.pid}`)
          .join(', ')}; nothing was changed. Stop them (kill <pid> makes a supervisor stop its command's process group), then run this step again.`
      )
  });
}
