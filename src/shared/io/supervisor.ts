/**
 * Every command cutover starts runs under a small supervisor, so that it never
 * outlives cutover: a `kill -9` of cutover must not leave a reload to land
 * later, nor a deploy command racing the rerun's copy.
 *
 * The supervisor is `node -e SOURCE` (so it ships inside the bundle, with no
 * file beside it). It starts the command in its own process group, with
 * stdout and stderr passed straight through, and reads its stdin: a lifeline
 * whose other end only cutover holds. When the lifeline closes before the
 * command exits (cutover died, or cutover ends it on a timeout), it stops the
 * command's whole group: SIGTERM, SIGKILL after the grace, then waits until
 * the group is gone. When the command exits by itself, the supervisor exits
 * with its code and leaves the group alone: a deploy command may start an app
 * that must keep running.
 *
 * Its arguments carry a marker and cutover's pid, so a rerun finds (with `ps`)
 * the supervisors whose cutover died and waits for them: see processes.ts.
 */

/** The argument that marks a supervisor in `ps`; the next one is the pid of the cutover that started it. */
export const SUPERVISOR_MARKER = 'cutover-supervisor';

/** How long a supervisor waits for a group that SIGKILL did not empty (zombies nobody reaps) before it exits anyway. */
export const REAP_MS = 2000;

/** The file descriptor on which the supervisor reports a command it could not start. */
export const REPORT_FD = 3;

// Plain CommonJS, run as written: argv is marker, owner pid, grace ms, then the command.
const SOURCE = `'use strict';
const { spawn } = require('node:child_process');
const { writeSync } = require('node:fs');
const [, , , graceText, file, ...args] = process.argv;
const grace = Number(graceText);
let stopping = false;
const child = spawn(file, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
child.on('error', error => {
  writeSync(${REPORT_FD}, JSON.stringify({ code: error.code, message: error.message }));
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (stopping) return;
  if (signal) process.kill(process.pid, signal);
  process.exit(code === null ? 128 : code);
});
const signalGroup = signal => {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
const stop = () => {
  if (stopping || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  stopping = true;
  signalGroup('SIGTERM');
  const killAt = Date.now() + grace;
  const giveUpAt = killAt + ${REAP_MS};
  setInterval(() => {
    if (!signalGroup(0) || Date.now() > giveUpAt) process.exit(1);
    if (Date.now() > killAt) signalGroup('SIGKILL');
  }, 20);
};
// kill <supervisor pid> stops the command too, as the message about orphans tells.
process.on('SIGTERM', stop);
process.stdin.on('error', stop);
process.stdin.on('close', stop);
process.stdin.resume();
`;

/** The argv that runs `argv` under a supervisor owned by `ownerPid`. */
export function supervised(argv: readonly string[], ownerPid: number, graceMs: number): string[] {
  // --: node stops reading options there, so the command's own flags (nginx -s reload) stay the command's.
  return [process.execPath, '--input-type=commonjs', '-e', SOURCE, '--', SUPERVISOR_MARKER, String(ownerPid), String(graceMs), ...argv];
}
