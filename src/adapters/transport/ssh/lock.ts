import { hostname } from 'node:os';
import type { SFTPWrapper } from 'ssh2';
import { ReleaseError } from '../../../shared/errors.js';
import { isAlive } from '../../../shared/io/processes.js';
import { lockFileFor } from '../host.js';
import { createExclusive, readRemote, removeRemote } from './sftp-files.js';

/** Who holds a lock, for the message; null when that holder is known to be gone. */
function liveOwner(content: string): string | null {
  const match = /^(\S+) (\d+)$/.exec(content.trim());
  if (!match) return `an unknown holder (the lock file holds ${JSON.stringify(content.trim().slice(0, 80))}, not "<machine> <pid>")`;
  const machine = match[1] as string;
  const pid = Number(match[2]);
  // Only this machine's processes can be checked; a lock from elsewhere is assumed held.
  if (machine !== hostname()) return `pid ${pid} on machine ${machine}, which cannot be checked from here`;
  return isAlive(pid) ? `pid ${pid} on this machine` : null;
}

/**
 * An exclusive lock beside `file` on the remote host: `lockFileFor(file)`,
 * created only if absent and holding `<machine> <pid>` of this process. A lock
 * left by a process of this machine that no longer exists is taken over.
 */
export async function lockRemote(session: () => Promise<SFTPWrapper>, file: string, host: string): Promise<() => Promise<void>> {
  const lockFile = lockFileFor(file);
  const sftp = await session();
  for (;;) {
    if (await createExclusive(sftp, lockFile, `${hostname()} ${process.pid}\n`, 0o600, host)) {
      // A fresh session: the connection may have been replaced while the lock was held.
      return async () => removeRemote(await session(), lockFile, host);
    }
    const content = await readRemote(sftp, lockFile, host);
    // Released between the two requests: try again.
    if (content === null) continue;
    const owner = liveOwner(content);
    if (owner !== null) {
      throw new ReleaseError(
        `${file} on ${host} is being changed by another cutover run (${owner}); nothing was changed. Wait for it to finish, or, if no cutover run is changing it, remove ${lockFile} on that host.`
      );
    }
    // The owner is gone (killed mid-switch): its lock protects nothing.
    await removeRemote(sftp, lockFile, host);
  }
}
