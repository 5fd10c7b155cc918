import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PID_LINE, remoteCommand, shellQuote } from '../../src/adapters/transport/remote-command.js';
import { tempDir } from '../support/servers.js';

/** sshd hands the command string to the user's login shell as `$SHELL -c command`; these are the usual ones. */
const SHELLS = ['/bin/bash', '/bin/dash'].filter(shell => existsSync(shell));

/**
 * Runs `command` as sshd does, through a login shell, with input on the session's stdin that the
 * command must not see. The session's stdin stays open until the command ends, as cutover's channel
 * does: its end while the command runs means cutover is gone.
 */
async function asLoginShell(shell: string, command: string) {
  const child = spawn(shell, ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.write('from the session\n');
  const [code] = (await once(child, 'close')) as [number | null];
  child.stdin.end();
  const [first, ...rest] = stderr.split('\n');
  return { code, stdout, pidLine: first ?? '', stderr: rest.join('\n') };
}

const received = (stdout: string) => stdout.split('\0').slice(0, -1);

describe('the remote command string', () => {
  let dir: string;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });

  afterEach(async () => {
    await remove();
  });

  it("quotes with POSIX single quotes, writing ' as '\\''", () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(x) `y` "z" \\')).toBe('\'$(x) `y` "z" \\\'');
  });

  it.each(SHELLS)('reads back as the same argument list in %s, with nothing run', async shell => {
    const touch = (name: string) => `touch ${path.join(dir, name)}`;
    const args = [
      `; ${touch('semicolon')}`,
      `$(${touch('dollar')})`,
      `\`${touch('backtick')}\``,
      `'; ${touch('quote')}; '`,
      `"; ${touch('double')}; "`,
      `\\'; ${touch('backslash')}; '`,
      `\n${touch('newline')}\n`,
      `&& ${touch('and')}`,
      `| ${touch('pipe')}`,
      `> ${path.join(dir, 'redirect')}`,
      '*',
      '$HOME ${HOME} $1 $@ $$',
      '-e',
      '',
      "'''",
      '!event',
      '~root',
      '#comment',
      'é ✓'
    ];
    const result = await asLoginShell(shell, remoteCommand(['printf', '%s\\0', ...args], { field: 'router.test' }));
    expect(result.code).toBe(0);
    expect(received(result.stdout)).toEqual(args);
    expect(result.pidLine).toMatch(PID_LINE);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each(SHELLS)('in %s, sets exactly the given variables and enters the given folder, literally', async shell => {
    const folder = path.join(dir, `-n $(touch x) 'y'`);
    await mkdir(folder);
    const value = `$(touch ${path.join(dir, 'env')}) '"\n`;
    const command = remoteCommand(['sh', '-c', 'printf "%s\\0" "$PWD" "$V" "$#" "$1"', 'sh', '$V'], { field: 'router.test', env: { V: value, UNSET: undefined }, cwd: folder });
    const result = await asLoginShell(shell, command);
    expect(received(result.stdout)).toEqual([folder, value, '1', '$V']);
    expect(result.stderr).toBe('');
    expect(await readdir(dir)).toEqual([path.basename(folder)]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('gives the command /dev/null as stdin, and the pid that ends up running it', async () => {
    const result = await asLoginShell('/bin/sh', remoteCommand(['sh', '-c', 'cat; echo "$$"'], { field: 'router.test' }));
    expect(result.stdout).toBe(`${PID_LINE.exec(result.pidLine)?.[1]}\n`);
  });

  it('refuses a program name with "=" when variables are set, since env would take it for one', () => {
    expect(() => remoteCommand(['A=b', 'x'], { field: 'router.reload', env: { V: '1' } })).toThrow(
      'router.reload: the program "A=b" contains "=", which env would read as a variable. Give the program\'s path.'
    );
    expect(remoteCommand(['A=b'], { field: 'router.reload' })).toContain("'A=b'");
  });
});
