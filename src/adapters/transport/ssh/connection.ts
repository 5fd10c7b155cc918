import ssh2, { type Client, type ServerHostKeyAlgorithm, type SFTPWrapper } from 'ssh2';
import { BadInputError, ReleaseError } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logging/logger.js';
import { checkHostKey, fingerprintOf, linesFor, type KnownHostLine } from './known-hosts.js';

/** What a connection needs, resolved from `router.ssh` only when it is first used. */
export interface SshLogin {
  host: string;
  port: number;
  user: string;
  privateKey: string;
  passphrase?: string;
  knownHosts: KnownHostLine[];
  connectTimeoutMs: number;
}

export interface SshConnection {
  client(): Promise<Client>;
  /** One SFTP session per connection, opened on first use. */
  sftp(): Promise<SFTPWrapper>;
  close(): Promise<void>;
}

/** Host key algorithms in ssh2's order of preference, without SHA-1 ssh-rsa and DSA. */
const HOST_KEY_ALGORITHMS: { algorithm: ServerHostKeyAlgorithm; keyType: string }[] = [
  { algorithm: 'ssh-ed25519', keyType: 'ssh-ed25519' },
  { algorithm: 'ecdsa-sha2-nistp256', keyType: 'ecdsa-sha2-nistp256' },
  { algorithm: 'ecdsa-sha2-nistp384', keyType: 'ecdsa-sha2-nistp384' },
  { algorithm: 'ecdsa-sha2-nistp521', keyType: 'ecdsa-sha2-nistp521' },
  { algorithm: 'rsa-sha2-512', keyType: 'ssh-rsa' },
  { algorithm: 'rsa-sha2-256', keyType: 'ssh-rsa' }
];

/**
 * Asks first for the key types known_hosts lists, as ssh does: a host with
 * several keys then presents the one that can be checked.
 */
function hostKeyAlgorithms(lines: KnownHostLine[]): ServerHostKeyAlgorithm[] {
  const known = new Set(lines.map(line => line.keyType));
  const first = HOST_KEY_ALGORITHMS.filter(entry => known.has(entry.keyType));
  const rest = HOST_KEY_ALGORITHMS.filter(entry => !known.has(entry.keyType));
  return [...first, ...rest].map(entry => entry.algorithm);
}

/** Turns ssh2's wording into what the reader can act on; never includes the key. */
function connectError(error: Error, name: string, login: SshLogin): ReleaseError {
  if (/Timed out while waiting for handshake/.test(error.message)) {
    return new ReleaseError(`cannot connect to ${name}: no SSH handshake within ${login.connectTimeoutMs}ms (router.ssh.connect-timeout). Check the host and port, and that sshd answers there.`);
  }
  if (/authentication methods failed/.test(error.message)) {
    return new ReleaseError(
      `cannot log in to ${name}: the host refused the key in router.ssh.key for user ${login.user}. Add its public key to that user's authorized_keys on the host.`
    );
  }
  return new ReleaseError(`cannot connect to ${name}: ${error.message}`);
}

/**
 * One SSH connection, opened on first use and shared by every call after it.
 * The host key is checked against known_hosts during key exchange, before the
 * client authenticates: a refused key ends the connection before anything runs.
 */
export function sshConnection(name: string, login: () => SshLogin, logger: Logger): SshConnection {
  interface Live {
    client: Promise<Client>;
    closed: Promise<void>;
    sftp: Promise<SFTPWrapper> | null;
  }
  let live: Live | null = null;

  function open(onClose: () => void): Promise<Client> {
    const settings = login();
    const accepting = linesFor(settings.knownHosts, settings.host, settings.port);
    const parsed = ssh2.utils.parseKey(settings.privateKey, settings.passphrase);
    if (parsed instanceof Error) {
      throw new BadInputError(
        `router.ssh.key: cannot read the private key (${parsed.message}). Give the whole key file, OpenSSH or PEM, and router.ssh.passphrase if it is encrypted.`
      );
    }
    return new Promise((resolve, reject) => {
      const client = new ssh2.Client();
      let refusal: Error | null = null;
      let ready = false;
      client.on('ready', () => {
        ready = true;
        resolve(client);
      });
      client.on('error', error => {
        if (!ready) reject(refusal ?? connectError(error, name, settings));
        else logger.debug(`${name}: ${error.message}`);
      });
      client.on('close', () => {
        onClose();
        if (!ready) reject(refusal ?? new ReleaseError(`cannot connect to ${name}: the connection closed during the handshake.`));
      });
      client.connect({
        host: settings.host,
        port: settings.port,
        username: settings.user,
        privateKey: settings.privateKey,
        passphrase: settings.passphrase,
        readyTimeout: settings.connectTimeoutMs,
        // Notices a host that went away during a long drain, instead of hanging.
        keepaliveInterval: 15_000,
        algorithms: { serverHostKey: hostKeyAlgorithms(accepting) },
        hostVerifier: (key: Buffer) => {
          try {
            const line = checkHostKey(settings.knownHosts, settings.host, settings.port, key);
            logger.debug(`${name}: host key ${fingerprintOf(key)} matches line ${line.line} of router.ssh.known-hosts`);
            return true;
          } catch (error) {
            refusal = error as Error;
            return false;
          }
        }
      });
    });
  }

  function connection(): Live {
    if (live !== null) return live;
    let markClosed = () => {};
    const entry: Live = {
      // Settings are resolved here, on first use; a throw becomes this attempt's rejection.
      client: Promise.resolve().then(() =>
        open(() => {
          if (live === entry) live = null;
          markClosed();
        })
      ),
      closed: new Promise<void>(resolve => (markClosed = resolve)),
      sftp: null
    };
    live = entry;
    // A failed attempt is forgotten, so the next call tries again.
    entry.client.catch(() => {
      if (live === entry) live = null;
    });
    return entry;
  }

  function startSftp(entry: Live): Promise<SFTPWrapper> {
    return entry.client.then(
      client =>
        new Promise<SFTPWrapper>((resolve, reject) => {
          client.sftp((error, sftp) => {
            if (error) {
              entry.sftp = null;
              reject(new ReleaseError(`${name}: cannot start SFTP (${error.message}). The host's sshd must offer the sftp subsystem.`));
              return;
            }
            sftp.on('close', () => {
              entry.sftp = null;
            });
            resolve(sftp);
          });
        })
    );
  }

  return {
    client: () => connection().client,
    sftp() {
      const entry = connection();
      entry.sftp ??= startSftp(entry);
      return entry.sftp;
    },
    async close() {
      const entry = live;
      live = null;
      if (entry === null) return;
      const client = await entry.client.catch(() => null);
      if (client === null) return;
      client.end();
      await entry.closed;
    }
  };
}
