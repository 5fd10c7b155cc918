import { spawn, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../src/shared/io/ports.js';
import { exchange } from '../src/shared/io/exchange.js';
import { budget, poll } from '../src/shared/io/wait.js';
import { MAX_ANSWER_BYTES } from '../src/adapters/routers/haproxy/runtime.js';
import { localHost } from '../src/adapters/transport/host.js';

/** The haproxy binary on PATH or in the usual sbin folders; null when HAProxy is not installed. */
export function findHaproxy(): string | null {
  for (const candidate of ['haproxy', '/usr/sbin/haproxy', '/usr/local/sbin/haproxy']) {
    if (spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

export interface LocalHaproxy {
  /** The master process: it stays while workers come and go, and reloads on SIGUSR2. */
  pid: number;
  url: string;
  /** The runtime API at level admin, and a second one at level operator, which may read but not change. */
  socket: string;
  operatorSocket: string;
  /** The same runtime API on a loopback TCP port, as host:port. */
  tcpSocket: string;
  /** The master CLI (-S), which is not the runtime API cutover needs. */
  masterSocket: string;
  stateFile: string;
  /** Where cutover's backend file goes: a folder HAProxy loads with -f, so it may start before cutover init. */
  routerFile: string;
  /** Commands a cutover.yml uses for this instance. */
  test: string[];
  reload: string[];
  /** The `router` settings of a cutover.yml for this instance. */
  routerSettings: Record<string, unknown>;
  /** The worker serving the runtime API now. */
  workerPid(): Promise<number>;
  /** Reloads through the master and returns once a new worker serves and the master CLI answers again. */
  reloadAndWait(): Promise<void>;
  stop(): Promise<void>;
}

/** One command on a runtime API socket, as an operator would send it with socat. */
export async function askSocket(socket: string, command: string): Promise<string> {
  try {
    return (await exchange(net.connect(socket), `${command}\n`, { limit: budget(5000), maxBytes: MAX_ANSWER_BYTES })).toString('utf8');
  } catch (error) {
    throw new Error(`no answer to "${command}" on ${socket}: ${(error as Error).message}`, { cause: error });
  }
}

/** Polls `check` until it returns a value, failing after `timeoutMs` with the last error. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const attempt = () => check().then(value => ({ value, last: 'not yet' }), (error: Error) => ({ value: undefined, last: error.message }));
  const { result } = await poll(attempt, {
    what,
    done: answer => answer.value !== undefined,
    timeoutMs,
    intervalMs: 20,
    timeoutError: answer => new Error(`${what} did not happen within ${timeoutMs}ms (${answer.last})`)
  });
  return result.value as T;
}

/**
 * Runs a private HAProxy in master-worker mode on 127.0.0.1:`port`, set up as
 * docs/routers/haproxy.md asks of a user's config: an admin stats socket that
 * survives reloads, a server-state file, idle keep-alive connections kept over
 * a reload. The frontend names `backend` per request, so HAProxy starts
 * before cutover init writes that backend; until then it answers 503.
 */
export async function startHaproxy(binary: string, dir: string, port: number, backend: string): Promise<LocalHaproxy> {
  const confDir = path.join(dir, 'conf.d');
  await mkdir(confDir, { recursive: true });
  const main = path.join(dir, 'haproxy.cfg');
  const socket = path.join(dir, 'admin.sock');
  const operatorSocket = path.join(dir, 'operator.sock');
  const masterSocket = path.join(dir, 'master.sock');
  const tcpSocket = `127.0.0.1:${await freePort()}`;
  const stateFile = path.join(dir, 'server-state');
  await writeFile(
    main,
    `global
    master-worker
    stats socket ${socket} level admin expose-fd listeners
    stats socket ${operatorSocket} level operator
    stats socket ${tcpSocket} level admin
    server-state-file ${stateFile}
    hard-stop-after 30s
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    option idle-close-on-response

frontend web
    bind 127.0.0.1:${port}
    use_backend %[str(${backend})]
`
  );
  const configArgs = ['-f', main, '-f', confDir];
  const child = spawn(binary, ['-W', '-db', '-S', masterSocket, ...configArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', chunk => (stderr += String(chunk)));
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  const pid = child.pid as number;
  const workerPid = async () => {
    const found = /^Pid: (\d+)$/m.exec(await askSocket(socket, 'show info'));
    if (!found) throw new Error('show info has no Pid line');
    return Number(found[1]);
  };
  const running = async <T>(what: string, check: () => Promise<T | undefined>) => {
    const waiting = waitFor(what, check).then(value => ({ value }));
    waiting.catch(() => undefined); // When haproxy exits first, the wait's own failure is moot.
    const outcome = await Promise.race([exited.then(code => ({ code })), waiting]);
    if ('code' in outcome) throw new Error(`haproxy exited with code ${outcome.code}: ${stderr.trim()}`);
    return outcome.value;
  };
  // The master binds its CLI on its own schedule, apart from the worker's sockets, and again after re-executing on a
  // reload. A connection is the test: the master CLI keeps one open after answering a command.
  const masterAnswering = async () => {
    await running('the haproxy master CLI accepting connections', () =>
      localHost.connect({ path: masterSocket }, 1000).then(
        stream => (stream.destroy(), true),
        () => undefined
      )
    );
  };
  try {
    await running('haproxy answering on its stats socket', workerPid);
    await masterAnswering();
  } catch (error) {
    child.kill('SIGTERM');
    await exited;
    throw error;
  }
  return {
    pid,
    url: `http://127.0.0.1:${port}/`,
    socket,
    operatorSocket,
    tcpSocket,
    masterSocket,
    stateFile,
    routerFile: path.join(confDir, `${backend}.cfg`),
    test: [binary, '-c', '-q', ...configArgs],
    reload: ['kill', '-USR2', String(pid)],
    routerSettings: {
      kind: 'haproxy',
      socket,
      file: path.join(confDir, `${backend}.cfg`),
      'state-file': stateFile,
      probe: `http://127.0.0.1:${port}/`,
      test: [binary, '-c', '-q', ...configArgs],
      reload: ['kill', '-USR2', String(pid)]
    },
    workerPid,
    async reloadAndWait() {
      const before = await workerPid();
      process.kill(pid, 'SIGUSR2');
      await running('a new haproxy worker after the reload', async () => ((await workerPid()) !== before ? true : undefined));
      await masterAnswering();
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    }
  };
}
