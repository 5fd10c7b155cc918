import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import { ReleaseError } from '../../../shared/errors.js';
import type { Secrets } from '../../../shared/secrets.js';
import type { Logger } from '../../../shared/logging/logger.js';
import { describeTarget, type Host, type SocketTarget } from '../host.js';
import { parseKnownHosts } from './known-hosts.js';
import type { SshOptions } from '../../routers/options.js';
import { answerWithin, sftpFiles, statRemote } from './sftp-files.js';
import { sshConnection, type SshLogin } from './connection.js';
import { runRemote } from './exec.js';
import { lockRemote } from './lock.js';

/** Resolves `router.ssh` on first use; the key and passphrase are masked wherever cutover prints. */
function loginFrom(options: SshOptions, secrets: Secrets): SshLogin {
  const privateKey = secrets.resolve('router.ssh.key', options.key);
  // A key written literally is as secret as one from the environment.
  secrets.add(privateKey);
  const passphrase = options.passphrase === undefined ? undefined : secrets.resolve('router.ssh.passphrase', options.passphrase);
  if (passphrase !== undefined) secrets.add(passphrase);
  return {
    host: options.host,
    port: options.port,
    user: options.user,
    privateKey,
    passphrase,
    knownHosts: parseKnownHosts(secrets.resolve('router.ssh.known-hosts', options['known-hosts'])),
    connectTimeoutMs: options['connect-timeout']
  };
}

/** A stream to `target` as the host sees it: TCP through direct-tcpip, a UNIX socket through OpenSSH's streamlocal. */
function forward(client: Client, target: SocketTarget, timeoutMs: number, host: string): Promise<Duplex> {
  const failure = (reason: string) => {
    const allow = 'path' in target ? 'AllowStreamLocalForwarding' : 'AllowTcpForwarding';
    const hint = /prohibited/i.test(reason) ? ` The host's sshd must allow it: ${allow} yes.` : '';
    return new ReleaseError(`cannot connect to ${describeTarget(target)} on ${host}: ${reason}.${hint}`);
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(failure(`no connection within ${timeoutMs}ms`));
    }, timeoutMs);
    const done = (error: Error | undefined, channel: Duplex) => {
      clearTimeout(timer);
      if (settled) {
        channel?.destroy();
        return;
      }
      settled = true;
      if (error) reject(failure(error.message));
      else resolve(channel);
    };
    if ('path' in target) client.openssh_forwardOutStreamLocal(target.path, done);
    else client.forwardOut('127.0.0.1', 0, target.host, target.port, done);
  });
}

/**
 * The router's host reached over SSH: files over SFTP, commands over exec
 * channels with quoted argv, sockets over forwarding. One connection, opened
 * on first use, after the host key matched `router.ssh.known-hosts`.
 */
export function createSshHost(options: SshOptions, context: { secrets: Secrets; logger: Logger }): Host {
  const address = options.host.includes(':') ? `[${options.host}]` : options.host;
  const name = `ssh ${options.user}@${address}:${options.port}`;
  const connection = sshConnection(name, () => loginFrom(options, context.secrets), context.logger);
  // connect-timeout also bounds each answer the host owes later: an SFTP reply, starting a command.
  const answerMs = options['connect-timeout'];
  const sftp = async () => answerWithin(await connection.sftp(), answerMs);
  const remote = {
    client: connection.client,
    host: name,
    secrets: context.secrets,
    answerMs,
    isFolder: async (dir: string) =>
      statRemote(await sftp(), dir, name).then(
        stats => stats.isDirectory(),
        () => false
      )
  };
  return {
    name,
    ...sftpFiles(sftp, name),
    run: (argv, runOptions) => runRemote(remote, argv, runOptions),
    lock: file => lockRemote(sftp, file, name),
    connect: async (target, timeoutMs) => forward(await connection.client(), target, timeoutMs, name),
    close: connection.close
  };
}
