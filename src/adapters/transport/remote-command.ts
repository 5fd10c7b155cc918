import { BadInputError } from '../../shared/errors.js';

/**
 * SSH carries one command string, which the remote user's login shell parses.
 * This is the one place where an argument list becomes that string: every
 * element is single-quoted, so the shell reads each back as one literal word.
 */

/** POSIX single quotes: nothing inside is special, and `'` is written `'\''`. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The first line the wrapper writes to stderr: the process id of the command, so a timeout can stop it. */
export const PID_LINE = /^cutover-pid (\d+)$/;
const REPORT_PID = 'echo "cutover-pid $$" >&2';
/**
 * The lifeline: sshd closes the channel's stdin when cutover's connection ends, and also once the
 * command has ended and been reaped. So the end of stdin while the command is still alive means cutover
 * died (or its network did) while it ran: the watcher stops the command's process group, TERM then KILL,
 * as a local command's supervisor does. It ignores TERM itself to live to send the KILL.
 */
const LIFELINE = `exec 3<&0; { trap '' TERM; cat <&3 >/dev/null; kill -0 "$$" && { kill -s TERM -- "-$$" || kill -s TERM "$$"; sleep 5; kill -s KILL -- "-$$" || kill -s KILL "$$"; }; } </dev/null >/dev/null 2>&1 &`;
/**
 * `exec` keeps the reported pid the command's, and stdin is /dev/null as for a
 * local command. The redirection sits inside the script so that the login
 * shell sees one plain command and execs it: the pid is then the session's
 * process group. `--` keeps a folder named like an option a folder.
 */
const RUN = `${REPORT_PID} && ${LIFELINE} exec "$@" </dev/null 3<&-`;
const RUN_IN_FOLDER = `${REPORT_PID} && cd -- "$1" && shift && ${LIFELINE} exec "$@" </dev/null 3<&-`;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Variables that describe this machine, not the remote one. An `env` holding
 * them was built from this process's whole environment, which must not be
 * copied to another host (it holds tokens).
 */
const LOCAL_ONLY = ['PATH', 'HOME'];

export interface RemoteCommandOptions {
  field: string;
  /** Only these variables are set on the host, on top of the remote user's own environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

function refuseNul(field: string, what: string, value: string): void {
  if (value.includes('\0')) {
    throw new BadInputError(`${field}: ${what} ${JSON.stringify(value)} contains a NUL byte, which no program can receive as an argument. Remove it.`);
  }
}

function envWords(field: string, program: string, given: RemoteCommandOptions['env']): string[] {
  const env = Object.entries(given ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (env.length === 0) return [];
  const local = env.find(([name]) => LOCAL_ONLY.includes(name));
  if (local) {
    throw new BadInputError(
      `${field}: the environment for a command on a remote host sets ${local[0]}, which belongs to this machine. Pass only the variables the remote command needs; give programs by full path instead of changing PATH.`
    );
  }
  for (const [name, value] of env) {
    if (!NAME.test(name)) throw new BadInputError(`${field}: ${JSON.stringify(name)} is not a variable name; use letters, digits and _.`);
    refuseNul(field, `variable ${name}`, value);
  }
  if (program.includes('=')) {
    throw new BadInputError(`${field}: the program ${JSON.stringify(program)} contains "=", which env would read as a variable. Give the program's path.`);
  }
  return ['env', '--', ...env.map(([name, value]) => `${name}=${value}`)];
}

/**
 * The command string for `argv` with `options.env` and `options.cwd`:
 * `sh -c '<report pid> && cd -- "$1" && shift && exec "$@"' sh DIR env -- NAME=value ... argv...`,
 * each word quoted.
 */
export function remoteCommand(argv: readonly string[], options: RemoteCommandOptions): string {
  const { field, cwd } = options;
  const [program] = argv;
  if (program === undefined) throw new BadInputError(`${field}: empty command. Give the program and its arguments as a list.`);
  argv.forEach((word, index) => refuseNul(field, `argument ${index}`, word));
  if (cwd !== undefined) refuseNul(field, 'working folder', cwd);
  const words = [
    ...(cwd === undefined ? ['sh', '-c', RUN, 'sh'] : ['sh', '-c', RUN_IN_FOLDER, 'sh', cwd]),
    ...envWords(field, program, options.env),
    ...argv
  ];
  return words.map(shellQuote).join(' ');
}

/** Stops the process group of a command started by `remoteCommand` (or the process alone, if it leads no group). */
export function stopCommand(pid: number, signal: 'TERM' | 'KILL'): string {
  return remoteCommand(['sh', '-c', 'kill -s "$1" -- "-$2" 2>/dev/null || kill -s "$1" "$2"', 'sh', signal, String(pid)], { field: 'stop' });
}
