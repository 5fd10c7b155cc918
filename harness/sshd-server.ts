import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort } from '../src/shared/io/ports.js';
import { poll } from '../src/shared/io/wait.js';
import type { SshOptions } from '../src/adapters/routers/options.js';

const SSHD = '/usr/sbin/sshd';
const START_DEADLINE_MS = 10_000;

/** sshd, and ssh-keygen for its keys (which exits non-zero on `-?` but exists). */
export function sshdInstalled(): boolean {
  return spawnSync(SSHD, ['-V'], { stdio: 'ignore' }).status === 0 && spawnSync('ssh-keygen', ['-?'], { stdio: 'ignore' }).error === undefined;
}

/** A private OpenSSH server on 127.0.0.1, for the current user, with keys of its own. */
export interface Sshd {
  host: string;
  port: number;
  user: string;
  /** The client's private key (OpenSSH form), authorized for `user`. */
  clientKey: string;
  /** This server's known_hosts line, `[127.0.0.1]:port ssh-ed25519 ...`, taken from its own host key. */
  knownHosts: string;
  /** `router.ssh` settings that reach this server with the client key. */
  options: SshOptions;
  /** A scratch folder on the "remote" host, which is this machine. */
  dir: string;
  /** What sshd logged so far (one line per login, disconnect, refusal). */
  log(): string;
  stop(): Promise<void>;
}

function keygen(file: string): void {
  const result = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ssh-keygen failed: ${result.stderr}`);
}

/** Resolves once `port` answers with an SSH banner; rejects on the first non-SSH answer. */
function banner(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    let seen = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      seen += chunk;
      if (seen.includes('\n')) done(seen.startsWith('SSH-2.0-'));
    });
    socket.on('error', () => done(false));
    socket.on('end', () => done(false));
  });
}

export async function startSshd(): Promise<Sshd> {
  const home = await mkdtemp(path.join(tmpdir(), 'cutover-sshd-'));
  const dir = path.join(home, 'files');
  await mkdir(dir);
  const hostKey = path.join(home, 'host_ed25519');
  const clientKey = path.join(home, 'client_ed25519');
  keygen(hostKey);
  keygen(clientKey);
  const authorizedKeys = path.join(home, 'authorized_keys');
  await writeFile(authorizedKeys, await readFile(`${clientKey}.pub`, 'utf8'), { mode: 0o600 });
  // sshd refuses to start without its privilege separation folder.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });

  const port = await freePort();
  const config = path.join(home, 'sshd_config');
  await writeFile(
    config,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${hostKey}`,
      `PidFile ${path.join(home, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      // The keys live in a temp folder that StrictModes would find too open.
      'StrictModes no',
      'UsePAM no',
      'AllowTcpForwarding yes',
      'AllowStreamLocalForwarding yes',
      'Subsystem sftp internal-sftp',
      ''
    ].join('\n')
  );
  const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (log += chunk));
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(home, { recursive: true, force: true });
  };

  const failed = async () => {
    await stop();
    return new Error(`sshd did not answer on 127.0.0.1:${port} within ${START_DEADLINE_MS}ms:\n${log.trim()}`);
  };
  const answers = async () => {
    if (await banner(port)) return true;
    if (child.exitCode !== null) throw await failed();
    return false;
  };
  await poll(answers, { what: `sshd to answer on 127.0.0.1:${port}`, done: up => up, timeoutMs: START_DEADLINE_MS, intervalMs: 50, timeoutError: failed });

  const [type, key] = (await readFile(`${hostKey}.pub`, 'utf8')).trim().split(/\s+/);
  const knownHosts = `[127.0.0.1]:${port} ${type} ${key}`;
  const user = userInfo().username;
  const privateKey = await readFile(clientKey, 'utf8');
  return {
    host: '127.0.0.1',
    port,
    user,
    clientKey: privateKey,
    knownHosts,
    options: { host: '127.0.0.1', port, user, key: privateKey, 'known-hosts': knownHosts, 'connect-timeout': START_DEADLINE_MS },
    dir,
    log: () => log,
    stop
  };
}
