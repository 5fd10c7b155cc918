import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { tempFileFor } from '../../../shared/io/files.js';
import ssh2, { type SFTPWrapper, type Stats } from 'ssh2';
import { ReleaseError } from '../../../shared/errors.js';
import type { Host } from '../host.js';

/** Files on a remote host over SFTP: no shell is involved, so no path is ever parsed. */

type Done<T> = (error: Error | null | undefined, value: T) => void;

/** A failed SFTP request, with the server's status code (see ssh2.utils.sftp.STATUS_CODE). */
class SftpError extends ReleaseError {
  constructor(
    message: string,
    readonly status: unknown
  ) {
    super(message);
    this.name = 'SftpError';
  }
}

/** How long requests on each session may wait for the host's answer; see answerWithin. */
const answerLimits = new WeakMap<SFTPWrapper, number>();

/**
 * Bounds every request on `sftp`: one the host leaves unanswered for `ms`
 * fails, and the session is ended, so that the next call opens a fresh one
 * instead of queueing behind a request that will never be answered.
 */
export function answerWithin(sftp: SFTPWrapper, ms: number): SFTPWrapper {
  answerLimits.set(sftp, ms);
  return sftp;
}

/** An SFTP request on `sftp` as a promise; a failure names the host, what was being done and the server's reason. */
export function sftpRequest<T = void>(sftp: SFTPWrapper, what: string, start: (done: Done<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const limitMs = answerLimits.get(sftp);
    let settled = false;
    const timer =
      limitMs === undefined
        ? undefined
        : setTimeout(() => {
            settled = true;
            sftp.end();
            reject(new SftpError(`${what}: no answer from the host within ${limitMs}ms (router.ssh.connect-timeout)`, undefined));
          }, limitMs);
    start((error, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(new SftpError(`${what}: ${error.message}`, (error as { code?: unknown }).code));
      else resolve(value);
    });
  });
}

function isMissing(error: unknown): boolean {
  return error instanceof SftpError && error.status === ssh2.utils.sftp.STATUS_CODE.NO_SUCH_FILE;
}

/** Far more than any file a router keeps; a larger one is not the file cutover wrote, and is not read into memory. */
export const REMOTE_FILE_MAX = 16 * 1024 * 1024;

export async function readRemote(sftp: SFTPWrapper, file: string, host: string): Promise<string | null> {
  try {
    const what = `cannot read ${file} on ${host}`;
    const { size } = await sftpRequest<Stats>(sftp, what, done => sftp.stat(file, done));
    if (size > REMOTE_FILE_MAX) {
      throw new ReleaseError(`${what}: it is ${size} bytes, more than the ${REMOTE_FILE_MAX} a file cutover reads can be. Check that the setting names the right file.`);
    }
    const content = await sftpRequest<Buffer>(sftp, what, done => sftp.readFile(file, done));
    return content.toString('utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export async function removeRemote(sftp: SFTPWrapper, file: string, host: string): Promise<void> {
  try {
    await sftpRequest(sftp, `cannot remove ${file} on ${host}`, done => sftp.unlink(file, done));
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

export function statRemote(sftp: SFTPWrapper, file: string, host: string): Promise<Stats> {
  return sftpRequest<Stats>(sftp, `cannot read the attributes of ${file} on ${host}`, done => sftp.stat(file, done));
}

/** Creates `file` with `content` only if it does not exist yet; false when it does. */
export async function createExclusive(sftp: SFTPWrapper, file: string, content: string, mode: number, host: string): Promise<boolean> {
  let handle: Buffer;
  try {
    handle = await sftpRequest<Buffer>(sftp, `cannot create ${file} on ${host}`, done => sftp.open(file, 'wx', { mode }, done));
  } catch (error) {
    // SFTP reports an existing file only as a generic failure; look for it.
    const exists = await statRemote(sftp, file, host).then(() => true, () => false);
    if (exists) return false;
    throw error;
  }
  await writeAndClose(sftp, handle, Buffer.from(content, 'utf8'), file, host);
  return true;
}

async function writeAndClose(sftp: SFTPWrapper, handle: Buffer, data: Buffer, file: string, host: string): Promise<void> {
  try {
    await sftpRequest(sftp, `cannot write ${file} on ${host}`, done => sftp.write(handle, data, 0, data.length, 0, done));
    await sftpRequest(sftp, `cannot sync ${file} on ${host}`, done => {
      try {
        sftp.ext_openssh_fsync(handle, error => done(error, undefined));
      } catch {
        // ssh2 throws at once when the server does not offer fsync@openssh.com; the rename still is atomic.
        done(undefined, undefined);
      }
    });
  } finally {
    await sftpRequest(sftp, `cannot close ${file} on ${host}`, done => sftp.close(handle, done));
  }
}

/**
 * Moves `from` over `to` in one step. Plain SFTP rename refuses an existing
 * target, so this uses OpenSSH's posix-rename extension when it is offered.
 */
function replace(sftp: SFTPWrapper, from: string, to: string, host: string): Promise<void> {
  return sftpRequest(sftp, `cannot move ${from} to ${to} on ${host}`, done => {
    try {
      sftp.ext_openssh_rename(from, to, done);
    } catch {
      // ssh2 throws at once when the server does not offer posix-rename@openssh.com.
      sftp.rename(from, to, error =>
        done(error && new Error(`${error.message} (the SFTP server does not offer posix-rename@openssh.com, so an existing file cannot be replaced in one step)`))
      );
    }
  });
}

async function removeTree(sftp: SFTPWrapper, dir: string, host: string): Promise<void> {
  const entries = await sftpRequest<{ filename: string; attrs: Stats }[]>(sftp, `cannot list ${dir} on ${host}`, done => sftp.readdir(dir, done)).catch(error => {
    if (isMissing(error)) return null;
    throw error;
  });
  if (entries === null) return;
  for (const entry of entries) {
    const child = path.posix.join(dir, entry.filename);
    // readdir reports links as links: a link is removed, never followed.
    if (entry.attrs.isDirectory()) await removeTree(sftp, child, host);
    else await removeRemote(sftp, child, host);
  }
  await sftpRequest(sftp, `cannot remove ${dir} on ${host}`, done => sftp.rmdir(dir, done));
}

export function sftpFiles(sftp: () => Promise<SFTPWrapper>, host: string): Pick<Host, 'readFile' | 'writeFileAtomic' | 'removeFile' | 'scratchDir'> {
  return {
    readFile: async file => readRemote(await sftp(), file, host),
    async writeFileAtomic(file, content) {
      const session = await sftp();
      const temp = tempFileFor(file, path.posix);
      // An existing file keeps its mode; a new one is readable by the router's user.
      const mode = await statRemote(session, file, host).then(
        stats => stats.mode & 0o777,
        () => 0o644
      );
      const handle = await sftpRequest<Buffer>(session, `cannot create ${temp} on ${host}`, done => session.open(temp, 'wx', { mode }, done));
      try {
        await writeAndClose(session, handle, Buffer.from(content, 'utf8'), temp, host);
        await replace(session, temp, file, host);
      } catch (error) {
        await removeRemote(session, temp, host);
        throw error;
      }
    },
    removeFile: async file => removeRemote(await sftp(), file, host),
    async scratchDir() {
      const session = await sftp();
      const dir = `/tmp/cutover-${randomBytes(12).toString('hex')}`;
      // mkdir never follows or reuses an existing path, and 0700 keeps other users out.
      await sftpRequest(session, `cannot create ${dir} on ${host}`, done => session.mkdir(dir, { mode: 0o700 }, done));
      return { dir, remove: async () => removeTree(await sftp(), dir, host) };
    }
  };
}
