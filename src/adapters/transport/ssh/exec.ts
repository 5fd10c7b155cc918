import type { Readable } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import { BadInputError, ReleaseError } from '../../../shared/errors.js';
import type { Secrets } from '../../../shared/secrets.js';
import { DRAIN_MS, KILL_GRACE_MS, lineSplitter, OUTPUT_MAX, type CommandOptions, type CommandResult } from '../../../shared/io/command.js';
import { PID_LINE, remoteCommand, stopCommand } from '../remote-command.js';

/**
 * Collects a stream's text and hands out whole lines as they arrive. Lines
 * `skip` claims are kept out of both; `flush` gives the last partial line.
 */
function relay(stream: Readable, name: 'stdout' | 'stderr', out: CommandResult, onLine: CommandOptions['onLine'], skip: (line: string) => boolean = () => false): () => void {
  const lines = lineSplitter((line, complete) => {
    if (skip(line)) return;
    // Kept up to OUTPUT_MAX, as for a local command; every line still reaches onLine.
    if (out[name].length < OUTPUT_MAX) out[name] += (complete ? `${line}\n` : line).slice(0, OUTPUT_MAX - out[name].length);
    onLine?.(line, name);
  });
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => lines.push(chunk));
  return () => lines.flush();
}

/**
 * Starts `command` on an exec channel, or fails once the host has not
 * confirmed it within `answerMs`. A channel confirmed later is closed at once.
 */
function openExec(client: Client, command: string, answerMs: number): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`the host did not start it within ${answerMs}ms`));
    }, answerMs);
    client.exec(command, (error, channel) => {
      clearTimeout(timer);
      if (late) channel?.close();
      else if (error) reject(error);
      else resolve(channel);
    });
  });
}

export interface RemoteRun {
  client: () => Promise<Client>;
  /** Whether `dir` is a folder on the host, checked before a command is started in it. */
  isFolder: (dir: string) => Promise<boolean>;
  host: string;
  secrets: Secrets;
  /** How long the host may take to start a command (router.ssh.connect-timeout). */
  answerMs: number;
}

function refuseSecrets(remote: RemoteRun, field: string, env: CommandOptions['env']): void {
  const secret = Object.entries(env ?? {}).find(([, value]) => value !== undefined && remote.secrets.redact(value) !== value);
  if (secret !== undefined) {
    throw new BadInputError(
      `${field}: the variable ${secret[0]} holds a secret, and variables for a remote command travel in its command line, which other users of ${remote.host} can read. Keep the secret on the host instead.`
    );
  }
}

/**
 * Runs `argv` on the host over an SSH exec channel, with the semantics of a
 * local `runCommand`: a finished command resolves with its exit code and
 * output; a timeout stops the remote process group (TERM, then KILL) and
 * rejects naming `options.field`. Connecting and starting the command are
 * bounded apart, by router.ssh.connect-timeout.
 */
export async function runRemote(remote: RemoteRun, argv: readonly string[], options: CommandOptions): Promise<CommandResult> {
  const { field } = options;
  refuseSecrets(remote, field, options.env);
  const command = remoteCommand(argv, { field, env: options.env, cwd: options.cwd });
  const program = JSON.stringify(argv[0]);
  if (options.cwd !== undefined && !(await remote.isFolder(options.cwd))) {
    throw new BadInputError(`${field}: the working folder ${options.cwd} is not a folder that can be read on ${remote.host}. Create it or change the folder.`);
  }
  const client = await remote.client();
  const channel = await openExec(client, command, remote.answerMs).catch((error: Error) => {
    throw new ReleaseError(`${field}: could not start ${program} on ${remote.host}: ${error.message}`);
  });

  // sshd refuses SSH "signal" requests for root logins, so a timeout stops the command by its pid, over a second channel.
  let pid: number | null = null;
  const stop = (signal: 'TERM' | 'KILL') => {
    if (pid === null) return channel.signal(signal);
    openExec(client, stopCommand(pid, signal), remote.answerMs).then(
      killer => killer.resume().stderr.resume(),
      () => channel.signal(signal)
    );
  };
  const claimPid = (line: string) => {
    const match = pid === null ? PID_LINE.exec(line) : null;
    if (match) pid = Number(match[1]);
    return match !== null;
  };

  return new Promise((resolve, reject) => {
    const out: CommandResult = { code: 0, stdout: '', stderr: '' };
    const flushes = [relay(channel, 'stdout', out, options.onLine), relay(channel.stderr, 'stderr', out, options.onLine, claimPid)];
    const timers: NodeJS.Timeout[] = [];
    let exit: { code: number | null; signal?: string } | null = null;
    let timedOut = false;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      flushes.forEach(flush => flush());
      if (timedOut) {
        const fate = exit ? 'was stopped' : `its channel was closed, but ${remote.host} did not report it stopped`;
        reject(new ReleaseError(`${field}: ${program} did not finish within ${options.timeoutMs}ms on ${remote.host} and ${fate}.`));
      } else if (exit === null) {
        reject(new ReleaseError(`${field}: the connection to ${remote.host} ended while ${program} ran; whether it finished is unknown.`));
      } else {
        resolve({ ...out, code: exit.code ?? (exit.signal ? 128 : 1) });
      }
    };
    if (options.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          stop('TERM');
          timers.push(
            setTimeout(() => {
              stop('KILL');
              channel.close();
              // A server that never confirms the close must not hold the caller forever.
              timers.push(setTimeout(settle, DRAIN_MS));
            }, KILL_GRACE_MS)
          );
        }, options.timeoutMs)
      );
    }
    channel.on('exit', (code: number | null, signal?: string) => {
      exit = { code, signal };
      // A background process started by the command may hold its output open; stop waiting after a moment.
      timers.push(setTimeout(() => channel.close(), DRAIN_MS));
    });
    channel.on('close', settle);
  });
}
