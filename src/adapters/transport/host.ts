import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReleaseError } from '../../shared/errors.js';
import { KILL_GRACE_MS, runCommand, type CommandOptions, type CommandResult } from '../../shared/io/command.js';
import { writeFileAtomic } from '../../shared/io/files.js';
import { isAlive, orphanWaitMs, waitForOrphans } from '../../shared/io/processes.js';

/** A socket on the router's host: a UNIX socket path, or a TCP address as the host itself sees it. */
export type SocketTarget = { path: string } | { host: string; port: number };

export function describeTarget(target: SocketTarget): string {
  return 'path' in target ? target.path : `${target.host}:${target.port}`;
}

/**
 * The machine a router's files and commands live on: this one, or a remote
 * host over SSH. Routers speak only to this interface, so the same router code
 * drives either.
 */
export interface Host {
  /** For messages: "this machine", or "ssh deploy@lb1:22". */
  readonly name: string;
  /** File content, or null when the file does not exist. */
  readFile(file: string): Promise<string | null>;
  /** Replaces `file` in one step: readers see the old content or the new, never a mix. */
  writeFileAtomic(file: string, content: string): Promise<void>;
  removeFile(file: string): Promise<void>;
  /** A fresh private folder for scratch files, removed by the returned function. */
  scratchDir(): Promise<{ dir: string; remove: () => Promise<void> }>;
  run(argv: readonly string[], options: CommandOptions): Promise<CommandResult>;
  /**
   * Takes an exclusive lock beside `file`, so two cutover runs never change one
   * router at once. A lock left by a process that no longer exists is taken over
   * once the commands that process started have stopped.
   */
  lock(file: string): Promise<() => Promise<void>>;
  /** A stream to a socket as seen from the host (an admin socket on its loopback, say). */
  connect(target: SocketTarget, timeoutMs: number): Promise<Duplex>;
  /** Ends the connection to the host, if there is one. */
  close(): Promise<void>;
}

/** Runs `work` holding the host's lock beside `file`, and always lets it go. `lockFailed` rewords an error taking the lock. */
export async function withLock<T>(host: Host, file: string, work: () => Promise<T>, lockFailed: (error: Error) => Error = error => error): Promise<T> {
  const release = await host.lock(file).catch((error: Error) => {
    throw lockFailed(error);
  });
  try {
    return await work();
  } finally {
    await release();
  }
}

export function lockFileFor(file: string): string {
  // Dot-prefixed, so an include glob like conf.d/* never picks it up.
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

function connectLocal(target: SocketTarget, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const socket = 'path' in target ? net.connect(target.path) : net.connect(target.port, target.host);
    const timer = setTimeout(() => socket.destroy(new Error(`no connection within ${timeoutMs}ms`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', error => {
      clearTimeout(timer);
      reject(new ReleaseError(`cannot connect to ${describeTarget(target)}: ${error.message}`));
    });
  });
}

export const localHost: Host = {
  name: 'this machine',
  async readFile(file) {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  writeFileAtomic: (file, content) => writeFileAtomic(file, content),
  async removeFile(file) {
    await rm(file, { force: true });
  },
  async scratchDir() {
    const dir = await mkdtemp(path.join(tmpdir(), 'cutover-'));
    return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
  },
  run: runCommand,
  async lock(file) {
    const lockFile = lockFileFor(file);
    for (;;) {
      try {
        const handle = await open(lockFile, 'wx', 0o600);
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        return () => rm(lockFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (owner > 0 && isAlive(owner)) {
        throw new ReleaseError(
          `${file} is being changed by another cutover run (pid ${owner}); nothing was changed. Wait for it to finish, or remove ${lockFile} if that process is not cutover.`
        );
      }
      // The owner is gone (killed mid-switch), but a reload it started may still be running: its supervisor is stopping it.
      // Taking over before that command is gone would race it.
      await waitForOrphans(file, { owner: owner > 0 ? owner : undefined, timeoutMs: orphanWaitMs(KILL_GRACE_MS) });
      await rm(lockFile, { force: true });
    }
  },
  connect: connectLocal,
  close: async () => {}
};
