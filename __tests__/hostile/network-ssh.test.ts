import { spawnSync } from 'node:child_process';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { Secrets } from '../../src/shared/secrets.js';
import { ReleaseError } from '../../src/shared/errors.js';
import { poll } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { isAlive } from '../../src/shared/io/processes.js';
import type { Host } from '../../src/adapters/transport/host.js';
import { REMOTE_FILE_MAX } from '../../src/adapters/transport/ssh/sftp-files.js';
import { createSshHost } from '../../src/adapters/transport/ssh/host.js';
import { expectEndlessLineBounded } from '../support/endless-line.js';
import { describeWithSshd, startSshd, type Sshd } from '../support/sshd.js';

/** Room for a loaded two-core machine on top of a deadline. */
const MARGIN_MS = 3000;
const ANSWER_MS = 2000;

async function timed<T>(work: Promise<T>): Promise<{ value: T | Error; ms: number }> {
  const started = performance.now();
  const value = await work.catch((error: unknown) => error as Error);
  return { value, ms: performance.now() - started };
}

/** Every process below `pid` (ps exits 1 when there is none). */
function descendants(pid: number): number[] {
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout.split('\n').map(Number).filter(n => n > 0);
  return children.flatMap(child => [child, ...descendants(child)]);
}

describeWithSshd('SSH exchanges with a host that stops answering (real sshd)', () => {
  let sshd: Sshd;
  let host: Host;
  let frozen: number[] = [];

  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterEach(async () => {
    for (const pid of frozen.splice(0)) process.kill(pid, 'SIGCONT');
    await host?.close();
  });
  afterAll(() => sshd?.stop());

  const open = () => {
    const logger = terminalLogger({ write: () => undefined, redact: text => text, verbose: true });
    host = createSshHost({ ...sshd.options, 'connect-timeout': ANSWER_MS }, { secrets: new Secrets({}, () => undefined), logger });
    return host;
  };

  /** Stops (SIGSTOP) this test's sshd session processes: the connection stays up, and nothing on it is answered. */
  async function freezeSessions(): Promise<void> {
    const listener = Number((await readFile(path.join(path.dirname(sshd.dir), 'sshd.pid'), 'utf8')).trim());
    frozen = descendants(listener);
    expect(frozen.length).toBeGreaterThan(0);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
  }

  it('an SFTP read ends by connect-timeout, naming the file, the host and the setting', async () => {
    const file = path.join(sshd.dir, 'router.conf');
    await writeFile(file, 'served\n');
    const remote = open();
    expect(await remote.readFile(file)).toBe('served\n');
    await freezeSessions();
    const { value, ms } = await timed(remote.readFile(file));
    expect(ms).toBeLessThan(ANSWER_MS + MARGIN_MS);
    expect(value).toBeInstanceOf(ReleaseError);
    expect((value as Error).message).toBe(`cannot read ${file} on ${remote.name}: no answer from the host within ${ANSWER_MS}ms (router.ssh.connect-timeout)`);
  });

  it('a command the host never starts ends by connect-timeout, naming the field', async () => {
    const remote = open();
    expect((await remote.run(['true'], { field: 'router.test', timeoutMs: 60_000 })).code).toBe(0);
    await freezeSessions();
    const { value, ms } = await timed(remote.run(['true'], { field: 'router.reload', timeoutMs: 60_000 }));
    expect(ms).toBeLessThan(ANSWER_MS + MARGIN_MS);
    expect((value as Error).message).toBe(`router.reload: could not start "true" on ${remote.name}: the host did not start it within ${ANSWER_MS}ms`);
  });

  it('a command that never ends is stopped at its timeout, and leaves no process on the host', async () => {
    const remote = open();
    const pidFile = path.join(sshd.dir, 'sleep.pid');
    const { value, ms } = await timed(remote.run(['sh', '-c', `echo $$ > ${pidFile}; exec sleep 1000`], { field: 'router.reload', timeoutMs: 1000 }));
    expect(ms).toBeLessThan(1000 + MARGIN_MS);
    expect((value as Error).message).toMatch(/^router\.reload: "sh" did not finish within 1000ms on ssh .* and was stopped\.$/);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    await poll(async () => isAlive(pid), { what: `the remote sleep (pid ${pid}) to be gone`, done: alive => !alive, timeoutMs: 10_000, intervalMs: 50 });
  });

  /** The pid a remote command wrote to `file`, once it has. */
  const pidIn = async (file: string): Promise<number> =>
    (
      await poll(async () => Number((await readFile(file, 'utf8').catch(() => '')).trim()) || null, {
        what: `the remote command to write ${file}`,
        done: pid => pid !== null,
        timeoutMs: 10_000,
        intervalMs: 20
      })
    ).result as number;

  it('a command still running when the connection of cutover ends (cutover killed) is stopped on the host', async () => {
    const remote = open();
    const pidFile = path.join(sshd.dir, 'orphan.pid');
    const running = remote.run(['sh', '-c', `echo $$ > ${pidFile}; exec sleep 1000`], { field: 'router.reload', timeoutMs: 600_000 }).catch((error: unknown) => error as Error);
    const pid = await pidIn(pidFile);
    expect(isAlive(pid)).toBe(true);
    await remote.close();
    await poll(async () => isAlive(pid), { what: `the remote command (pid ${pid}) to be stopped`, done: alive => !alive, timeoutMs: 10_000, intervalMs: 50 });
    expect(((await running) as Error).message).toMatch(/^router\.reload: the connection to .* ended while "sh" ran; whether it finished is unknown\.$/);
  });

  it('a command that ended on its own leaves what it started in the background running', async () => {
    const remote = open();
    const pidFile = path.join(sshd.dir, 'background.pid');
    const result = await remote.run(['sh', '-c', `sleep 1000 </dev/null >/dev/null 2>&1 & echo $! > ${pidFile}`], { field: 'deploy.command', timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    const background = await pidIn(pidFile);
    expect(isAlive(background)).toBe(true);
    await remote.close();
    // Once every session process but the background one is gone, the lifeline has let go without stopping anything.
    const listener = Number((await readFile(path.join(path.dirname(sshd.dir), 'sshd.pid'), 'utf8')).trim());
    await poll(async () => descendants(listener).filter(pid => pid !== background), { what: 'the SSH session to end', done: left => left.length === 0, timeoutMs: 10_000, intervalMs: 50 });
    expect(isAlive(background)).toBe(true);
    process.kill(background, 'SIGKILL');
  });

  it('keeps at most OUTPUT_MAX of what a remote command prints, and hands on an endless line in bounded pieces', async () => {
    await expectEndlessLineBounded(open().run, 'router.reload', 3 * 1024 * 1024);
  });

  it('refuses to read a remote file larger than any router file, without reading it', async () => {
    const remote = open();
    const file = path.join(sshd.dir, 'huge.conf');
    await truncate(file, REMOTE_FILE_MAX + 1).catch(async () => {
      await writeFile(file, '');
      await truncate(file, REMOTE_FILE_MAX + 1);
    });
    await expect(remote.readFile(file)).rejects.toThrow(
      `cannot read ${file} on ${remote.name}: it is ${REMOTE_FILE_MAX + 1} bytes, more than the ${REMOTE_FILE_MAX} a file cutover reads can be. Check that the setting names the right file.`
    );
  });
});
