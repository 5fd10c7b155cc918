import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../../src/shared/errors.js';
import { runCommand } from '../../src/shared/io/command.js';
import { lockFileFor, localHost } from '../../src/adapters/transport/host.js';
import { findOrphans, findSupervisors, isAlive, waitForOrphans } from '../../src/shared/io/processes.js';
import { SUPERVISOR_MARKER, supervised } from '../../src/shared/io/supervisor.js';
import { poll } from '../../src/shared/io/wait.js';
import { tempDir } from '../support/servers.js';

/** A node script as a command: it writes its pid, and that of a child in its group, to `dir`, then waits. */
const familyScript = (dir: string, exit = false) => [
  process.execPath,
  '-e',
  `const { spawn } = require('node:child_process');
   const { writeFileSync } = require('node:fs');
   const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
   writeFileSync(${JSON.stringify(path.join(dir, 'pids'))}, process.pid + ' ' + child.pid);
   ${exit ? 'child.unref(); process.exit(0);' : 'setInterval(() => {}, 1000);'}`
];

const pidsIn = async (dir: string) =>
  (
    await poll(() => readFile(path.join(dir, 'pids'), 'utf8').catch(() => ''), { what: 'the command to write its pids', done: text => text !== '', timeoutMs: 10_000, intervalMs: 20 })
  ).result
    .split(' ')
    .map(Number);

const allGone = (pids: number[], what: string) => poll(async () => pids.filter(isAlive), { what, done: alive => alive.length === 0, timeoutMs: 15_000, intervalMs: 20 });

/**
 * A stand-in for cutover: a process that starts `argv` under a supervisor it owns, as runCommand does, and
 * then waits, so that the test can kill it with SIGKILL.
 */
function startOwner(argv: string[]): ChildProcess {
  const source = `const { spawn } = require('node:child_process');
    const argv = JSON.parse(process.argv[1]);
    argv[argv.indexOf(${JSON.stringify(SUPERVISOR_MARKER)}) + 1] = String(process.pid);
    spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'inherit', 'inherit', 'pipe'], detached: true });
    setInterval(() => {}, 1000);`;
  return spawn(process.execPath, ['-e', source, JSON.stringify(supervised(argv, 0, 5000))], { stdio: 'ignore' });
}

async function killed(owner: ChildProcess): Promise<void> {
  const gone = new Promise(resolve => owner.once('exit', resolve));
  owner.kill('SIGKILL');
  await gone;
}

/** The pid of a process that has exited: an owner that no longer exists. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise(resolve => child.once('exit', resolve));
  return child.pid as number;
}

describe('commands under a supervisor', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let leftovers: number[];

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    leftovers = [];
  });
  afterEach(async () => {
    for (const pid of leftovers.filter(isAlive)) process.kill(pid, 'SIGKILL');
    await remove();
  });

  it('stops the command and everything in its group when its cutover is killed with SIGKILL', async () => {
    const owner = startOwner(familyScript(dir));
    const pids = await pidsIn(dir);
    leftovers.push(...pids);
    expect(pids.every(isAlive)).toBe(true);
    expect((await findSupervisors()).map(s => s.owner)).toContain(owner.pid);

    await killed(owner);
    await allGone(pids, 'the command of the killed owner and its child to stop');
    await waitForOrphans('deploy.command', { owner: owner.pid, timeoutMs: 10_000 });
    expect(await findOrphans(owner.pid)).toEqual([]);
  });

  it('leaves what a finished command started running: a deploy may start an app in the background', async () => {
    const result = await runCommand(familyScript(dir, true), { field: 'deploy.command' });
    expect(result.code).toBe(0);
    const [command, app] = await pidsIn(dir);
    leftovers.push(app as number);
    await allGone([command as number], 'the command to exit');
    expect(isAlive(app as number)).toBe(true);
    expect((await findSupervisors()).filter(s => s.owner === process.pid)).toEqual([]);
  });

  it('stops the whole group on a timeout, and reports the timeout only once the group is gone', async () => {
    const error = await runCommand(familyScript(dir), { field: 'router.reload', timeoutMs: 500 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ReleaseError);
    expect((error as Error).message).toMatch(/^router\.reload: .*node did not finish within 500ms and was stopped\.$/);
    const pids = await pidsIn(dir);
    leftovers.push(...pids);
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('passes exit codes and output through, and a signal death as 128', async () => {
    const run = (source: string) => runCommand([process.execPath, '-e', source], { field: 'deploy.command' });
    expect(await run('process.stdout.write("out"); process.stderr.write("err"); process.exit(3)')).toEqual({ code: 3, stdout: 'out', stderr: 'err' });
    expect((await run('process.kill(process.pid, "SIGKILL")')).code).toBe(128);
  });

  it('finds supervisors through /proc where ps is not installed', async () => {
    const owner = startOwner(familyScript(dir));
    leftovers.push(...(await pidsIn(dir)));
    const byProc = await findSupervisors('cutover-no-such-ps');
    expect(byProc.filter(s => s.owner === owner.pid)).toEqual((await findSupervisors()).filter(s => s.owner === owner.pid));
    expect(byProc.filter(s => s.owner === owner.pid)).toHaveLength(1);
    await killed(owner);
  });

  it('lets the router lock of a killed run be taken only once the reload that run started is gone', async () => {
    // A reload that needs a moment to wind down on SIGTERM, and then records that it stopped.
    const stopped = path.join(dir, 'stopped');
    const reload = [
      process.execPath,
      '-e',
      `require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, 'pids'))}, String(process.pid));
       process.on('SIGTERM', () => setTimeout(() => { require('node:fs').writeFileSync(${JSON.stringify(stopped)}, 'yes'); process.exit(0); }, 700));
       setInterval(() => {}, 1000);`
    ];
    const owner = startOwner(reload);
    const [pid] = await pidsIn(dir);
    leftovers.push(pid as number);
    const file = path.join(dir, 'router.conf');
    await writeFile(lockFileFor(file), `${owner.pid}\n`);
    await killed(owner);

    const release = await localHost.lock(file);
    expect(isAlive(pid as number)).toBe(false);
    expect(await readFile(stopped, 'utf8')).toBe('yes');
    expect(await readFile(lockFileFor(file), 'utf8')).toBe(`${process.pid}\n`);
    await release();
  });

  it('refuses at the deadline while a dead run still has a supervisor, naming it and how to stop it', async () => {
    const owner = await deadPid();
    // Something that looks like a supervisor of that dead run and does not stop by itself.
    const stuck = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', SUPERVISOR_MARKER, String(owner), '0', 'reload'], { stdio: 'ignore' });
    leftovers.push(stuck.pid as number);
    await poll(() => findOrphans(owner), { what: 'the stuck supervisor to show', done: found => found.length === 1, timeoutMs: 5000, intervalMs: 20 });
    const error = await waitForOrphans('/etc/nginx/cutover/shop.conf', { owner, timeoutMs: 300 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ReleaseError);
    expect((error as Error).message).toBe(
      `/etc/nginx/cutover/shop.conf: a killed cutover run (pid ${owner}) still has commands running after 300ms: supervisor pid ${stuck.pid}; nothing was changed. Stop them (kill <pid> makes a supervisor stop its command's process group), then run this step again.`
    );
  });
});
