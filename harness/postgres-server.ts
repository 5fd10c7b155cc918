import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../src/adapters/database/connection.js';
import { openPostgres } from '../src/adapters/database/postgres.js';
import { freePort } from '../src/shared/io/ports.js';
import { poll } from '../src/shared/io/wait.js';

/** The folder holding initdb and postgres: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(root, version, 'bin');
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return null;
}

/** PostgreSQL refuses to run as root; under root the server runs as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface PostgresServer {
  port: number;
  pid: number;
  /** A URL for `database` (created by `createDatabase`). */
  url: (database?: string) => string;
  createDatabase: (name: string) => Promise<string>;
  connect: (database?: string, applicationName?: string) => Promise<Database>;
  stop: () => Promise<void>;
}

export interface PostgresOptions {
  /** Benchmarks keep fsync on; tests turn it off for speed, which changes no locking behaviour. */
  durable?: boolean;
}

/** A throwaway PostgreSQL on a free loopback port, in a temp folder, stopped by PID: for tests and benchmarks. */
export async function startPostgres(bin: string, options: PostgresOptions = {}): Promise<PostgresServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cutover-pg-'));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'cutover', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
    encoding: 'utf8',
    ...(user ?? {})
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const settings = ['listen_addresses=127.0.0.1', `port=${port}`, `unix_socket_directories=${dir}`, 'max_connections=50', 'log_min_messages=warning'];
  if (!options.durable) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  const server: ChildProcess = spawn(path.join(bin, 'postgres'), ['-D', data, ...settings.flatMap(s => ['-c', s])], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(user ?? {})
  });
  let log = '';
  server.stderr?.on('data', chunk => (log += String(chunk)));
  const exited = new Promise<void>(resolve => server.once('exit', () => resolve()));
  const url = (database = 'postgres') => `postgresql://cutover@127.0.0.1:${port}/${database}`;
  // Ready when it accepts a connection: polled like pg_isready does, giving up if the server exits.
  const notStarted = (error: Error) => new Error(`postgres did not start: ${error.message}\n${log}`, { cause: error });
  const accepts = async (): Promise<Error | null> => {
    try {
      await (await openPostgres(url(), 'cutover-test')).close();
      return null;
    } catch (error) {
      if (server.exitCode !== null) throw notStarted(error as Error);
      return error as Error;
    }
  };
  await poll(accepts, { what: 'postgres to accept connections', done: error => error === null, timeoutMs: 10_000, intervalMs: 20, timeoutError: error => notStarted(error as Error) });
  return {
    port,
    pid: server.pid as number,
    url,
    async createDatabase(name) {
      const admin = await openPostgres(url(), 'cutover-test');
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.close();
      }
      return url(name);
    },
    connect: (database, applicationName = 'cutover-test') => openPostgres(url(database), applicationName),
    async stop() {
      if (server.exitCode === null) {
        // SIGINT: fast shutdown, which ends client sessions and exits cleanly.
        process.kill(server.pid as number, 'SIGINT');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    }
  };
}
