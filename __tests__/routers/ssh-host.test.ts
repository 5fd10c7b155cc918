import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { Secrets } from '../../src/shared/secrets.js';
import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import { runChecked } from '../../src/shared/io/command.js';
import { freePort } from '../../src/shared/io/ports.js';
import { poll } from '../../src/shared/io/wait.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { lockFileFor, type Host } from '../../src/adapters/transport/host.js';
import type { SshOptions } from '../../src/adapters/routers/options.js';
import { createSshHost } from '../../src/adapters/transport/ssh/host.js';
import { describeWithSshd, startSshd, type Sshd } from '../support/sshd.js';

const WAIT_MS = 10_000;

const waitFor = (what: string, condition: () => boolean | Promise<boolean>) => poll(async () => condition(), { what, done: met => met, timeoutMs: WAIT_MS, intervalMs: 20 });

const exists = (file: string) => stat(file).then(() => true, () => false);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every element printf received, split on the NUL it wrote after each. */
const received = (stdout: string) => stdout.split('\0').slice(0, -1);

const logins = (sshd: Sshd) => sshd.log().match(/Accepted publickey/g)?.length ?? 0;

describeWithSshd('a router host over SSH (real sshd)', () => {
  let sshd: Sshd;
  let dir: string;
  const opened: Host[] = [];

  function open(overrides: Partial<SshOptions> = {}, secrets = new Secrets({}, () => {}), log: string[] = []): Host {
    const logger = terminalLogger({ write: text => log.push(text), redact: text => secrets.redact(text), verbose: true });
    const host = createSshHost({ ...sshd.options, ...overrides }, { secrets, logger });
    opened.push(host);
    return host;
  }

  beforeAll(async () => {
    sshd = await startSshd();
  });

  beforeEach(async () => {
    dir = path.join(sshd.dir, String(Date.now() + Math.random()));
    await mkdir(dir);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map(host => host.close()));
  });

  afterAll(async () => {
    await sshd?.stop();
  });

  it('is named after the user, host and port', () => {
    expect(open().name).toBe(`ssh ${sshd.user}@127.0.0.1:${sshd.port}`);
  });

  describe('files over SFTP', () => {
    it('writes, reads back, replaces in place and removes a file', async () => {
      const host = open();
      const file = path.join(dir, 'router.conf');
      expect(await host.readFile(file)).toBeNull();
      await host.writeFileAtomic(file, 'first\n');
      expect(await readFile(file, 'utf8')).toBe('first\n');
      await chmod(file, 0o640);
      // Plain SFTP rename refuses an existing target: this replace needs posix-rename.
      const large = 'é'.repeat(300_000);
      await host.writeFileAtomic(file, large);
      expect(await readFile(file, 'utf8')).toBe(large);
      expect(await host.readFile(file)).toBe(large);
      expect((await stat(file)).mode & 0o777).toBe(0o640);
      expect(await readdir(dir)).toEqual(['router.conf']);
      await host.removeFile(file);
      expect(await exists(file)).toBe(false);
      await host.removeFile(file);
    });

    it('gives a private scratch folder under /tmp and removes it with everything in it', async () => {
      const host = open();
      const scratch = await host.scratchDir();
      expect(path.dirname(scratch.dir)).toBe('/tmp');
      expect((await stat(scratch.dir)).mode & 0o777).toBe(0o700);
      await host.writeFileAtomic(path.join(scratch.dir, 'candidate.conf'), 'x');
      await mkdir(path.join(scratch.dir, 'logs', 'deeper'), { recursive: true });
      await writeFile(path.join(scratch.dir, 'logs', 'deeper', 'error.log'), 'y');
      await scratch.remove();
      expect(await exists(scratch.dir)).toBe(false);
    });

    it('names the host and the file when a write is refused', async () => {
      const host = open();
      await expect(host.writeFileAtomic(path.join(dir, 'missing-folder', 'f.conf'), 'x')).rejects.toThrow(
        new RegExp(`cannot create .*missing-folder.* on ssh ${sshd.user}@127\\.0\\.0\\.1:${sshd.port}`)
      );
    });
  });

  describe('commands over exec channels', () => {
    it('returns stdout, stderr and the exit code, and streams lines', async () => {
      const host = open();
      const lines: string[] = [];
      const result = await host.run(['sh', '-c', 'echo one; echo two >&2; printf three; exit 3'], {
        field: 'router.test',
        onLine: (line, stream) => lines.push(`${stream}:${line}`)
      });
      expect(result).toEqual({ code: 3, stdout: 'one\nthree', stderr: 'two\n' });
      expect(lines.sort()).toEqual(['stderr:two', 'stdout:one', 'stdout:three']);
    });

    it('works as the run function a router hands to runChecked', async () => {
      const host = open();
      await expect(runChecked(['sh', '-c', 'echo broken config >&2; exit 1'], { field: 'router.test' }, host.run)).rejects.toThrow(
        'router.test: sh exited with code 1:\nbroken config'
      );
    });

    it('hands every argument to the remote program literally, whatever shell syntax it holds', async () => {
      const host = open();
      const marker = (name: string) => path.join(dir, name);
      const args = [
        `a; touch ${marker('semicolon')}`,
        `$(touch ${marker('dollar')})`,
        `\`touch ${marker('backtick')}\``,
        "it's",
        "'",
        '"double"',
        'back\\slash\\',
        `line\ntouch ${marker('newline')}`,
        `&& touch ${marker('and')}`,
        `| touch ${marker('pipe')}`,
        '*',
        '$HOME',
        '-n',
        '--',
        '',
        ' spaced  out ',
        `'$(touch ${marker('quoted')})'`,
        'tab\there',
        'ünïcødé ✓'
      ];
      const result = await host.run(['printf', '%s\\0', ...args], { field: 'router.test' });
      expect(result.code).toBe(0);
      expect(received(result.stdout)).toEqual(args);
      expect(await readdir(dir)).toEqual([]);
    });

    it('quotes the program name too', async () => {
      const host = open();
      const program = path.join(dir, "my prog's $(x)");
      await writeFile(program, '#!/bin/sh\nprintf "%s\\0" "$0" "$@"\n', { mode: 0o755 });
      const result = await host.run([program, 'a b'], { field: 'router.reload' });
      expect(received(result.stdout)).toEqual([program, 'a b']);
    });

    it('sets only the variables given, literally, and runs in the folder given', async () => {
      const host = open();
      const folder = path.join(dir, `-odd $(touch injected) 'name'`);
      await mkdir(folder);
      const value = `$(touch ${dir}/env) \`x\` 'q' "d"\nnext`;
      const result = await host.run(['sh', '-c', 'printf "%s\\0" "$PWD" "$CUTOVER_VALUE" "${CUTOVER_UNSET-unset}"'], {
        field: 'router.reload',
        env: { CUTOVER_VALUE: value },
        cwd: folder
      });
      expect(received(result.stdout)).toEqual([folder, value, 'unset']);
      expect(await readdir(dir)).toEqual([path.basename(folder)]);
      expect(await readdir(folder)).toEqual([]);
    });

    it('refuses, naming the field, what no remote command can take safely', async () => {
      const host = open();
      const secrets = new Secrets({ TOKEN: 'hunter2-secret' }, () => {});
      secrets.resolve('deploy.env.TOKEN', 'env:TOKEN');
      const withSecrets = open({}, secrets);
      const field = { field: 'router.reload' };
      await expect(host.run([], field)).rejects.toThrow(new BadInputError('router.reload: empty command. Give the program and its arguments as a list.'));
      await expect(host.run(['echo', 'a\0b'], field)).rejects.toThrow(/router\.reload: argument 1 "a\\u0000b" contains a NUL byte/);
      await expect(host.run(['echo'], { ...field, env: { PATH: '/usr/bin' } })).rejects.toThrow(/router\.reload: .* sets PATH, which belongs to this machine/);
      await expect(host.run(['echo'], { ...field, env: { 'BAD-NAME': 'x' } })).rejects.toThrow(/"BAD-NAME" is not a variable name/);
      await expect(withSecrets.run(['echo'], { ...field, env: { TOKEN: 'hunter2-secret' } })).rejects.toThrow(/variable TOKEN holds a secret/);
      await expect(host.run(['pwd'], { ...field, cwd: path.join(dir, 'absent') })).rejects.toThrow(BadInputError);
      await expect(host.run(['pwd'], { ...field, cwd: path.join(dir, 'absent') })).rejects.toThrow(/router\.reload: the working folder .*absent is not a folder/);
    });

    it('stops a command that runs past its timeout, with its children, naming the field', async () => {
      const host = open();
      const pids = path.join(dir, 'pids');
      const run = host.run(['sh', '-c', `sleep 30 & echo $$ $! > ${pids}; wait`], { field: 'router.reload', timeoutMs: 300 });
      await expect(run).rejects.toThrow(new ReleaseError(`router.reload: "sh" did not finish within 300ms on ${host.name} and was stopped.`));
      const [shell, child] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number) as [number, number];
      await waitFor('the timed-out command and its child to be gone', () => !isAlive(shell) && !isAlive(child));
    });
  });

  describe('host key verification', () => {
    const otherKey = () => {
      const pair = ssh2.utils.generateKeyPairSync('ed25519');
      return pair.public.split(' ').slice(0, 2).join(' ');
    };

    it('refuses a host whose key differs from its known_hosts line, before anything runs', async () => {
      const before = logins(sshd);
      const wrong = `[127.0.0.1]:${sshd.port} ${otherKey()}`;
      const host = open({ 'known-hosts': wrong });
      const marker = path.join(dir, 'ran');
      const refusal = host.run(['touch', marker], { field: 'router.reload' });
      await expect(refusal).rejects.toThrow(ReleaseError);
      await expect(refusal).rejects.toThrow(/presented the host key ssh-ed25519 SHA256:[A-Za-z0-9+/]{43}, but router\.ssh\.known-hosts expects ssh-ed25519 SHA256:[A-Za-z0-9+/]{43} \(line 1\)/);
      await expect(host.writeFileAtomic(path.join(dir, 'written'), 'x')).rejects.toThrow(/presented the host key/);
      expect(await readdir(dir)).toEqual([]);
      expect(logins(sshd)).toBe(before);
    });

    it('refuses a host that has no known_hosts line, without trusting it on first use', async () => {
      const host = open({ 'known-hosts': `[127.0.0.1]:1 ${sshd.knownHosts.split(' ').slice(1).join(' ')}` });
      const refusal = host.readFile('/etc/hostname');
      await expect(refusal).rejects.toThrow(BadInputError);
      await expect(refusal).rejects.toThrow(`has no line for [127.0.0.1]:${sshd.port}`);
      await expect(refusal).rejects.toThrow(`ssh-keyscan -p ${sshd.port} 127.0.0.1`);
    });

    it('accepts a hashed known_hosts line (ssh-keygen -H)', async () => {
      const file = path.join(dir, 'known_hosts');
      await writeFile(file, `${sshd.knownHosts}\n`);
      const hashing = spawnSync('ssh-keygen', ['-H', '-f', file], { encoding: 'utf8' });
      expect(hashing.status).toBe(0);
      const hashed = await readFile(file, 'utf8');
      expect(hashed).toMatch(/^\|1\|/);
      expect(hashed).not.toContain('127.0.0.1');
      const host = open({ 'known-hosts': hashed });
      expect((await host.run(['echo', 'hi'], { field: 'router.test' })).stdout).toBe('hi\n');
    });
  });

  describe('the private key', () => {
    it('given as env:NAME, is masked and never appears in logs or errors', async () => {
      const unauthorized = ssh2.utils.generateKeyPairSync('ed25519').private;
      const lines = sshd.clientKey.trim().split('\n');
      const garbled = [...lines.slice(0, 2), ...lines.slice(-1)].join('\n');
      const env = { SSH_KEY: sshd.clientKey, WRONG_KEY: unauthorized, GARBLED_KEY: garbled };
      const secrets = new Secrets(env, () => {});
      const log: string[] = [];

      const host = open({ key: 'env:SSH_KEY' }, secrets, log);
      expect((await host.run(['echo', 'ok'], { field: 'router.test' })).stdout).toBe('ok\n');
      expect(secrets.redact(`key: ${sshd.clientKey}`)).toBe('key: ***');
      expect(log.join('')).toContain('matches line 1 of router.ssh.known-hosts');

      const errors: string[] = [];
      for (const name of ['WRONG_KEY', 'GARBLED_KEY']) {
        await open({ key: `env:${name}` }, secrets, log)
          .readFile('/etc/hostname')
          .then(
            () => errors.push(`${name} was accepted`),
            (error: Error) => errors.push(error.message)
          );
      }
      expect(errors[0]).toMatch(/cannot log in to .*: the host refused the key in router\.ssh\.key for user/);
      expect(errors[1]).toMatch(/^router\.ssh\.key: cannot read the private key/);
      const printed = [...errors, ...log].join('\n');
      for (const key of Object.values(env)) {
        for (const line of key.split('\n').filter(line => line.length > 20)) expect(printed).not.toContain(line);
      }
    });

    it('given as an unset env:NAME, is refused naming the field', async () => {
      await expect(open({ key: 'env:CUTOVER_TEST_NO_SUCH_KEY' }).readFile('/etc/hostname')).rejects.toThrow(
        'router.ssh.key: env:CUTOVER_TEST_NO_SUCH_KEY is not set in the environment'
      );
    });
  });

  describe('sockets on the remote host', () => {
    async function echoServer(listen: (server: net.Server) => void): Promise<net.Server> {
      const server = net.createServer(socket => socket.pipe(socket));
      await new Promise<void>(resolve => {
        server.once('listening', () => resolve());
        listen(server);
      });
      return server;
    }

    async function exchange(stream: NodeJS.ReadWriteStream, text: string): Promise<string> {
      return new Promise((resolve, reject) => {
        let answer = '';
        stream.on('data', chunk => {
          answer += String(chunk);
          if (answer.length >= text.length) resolve(answer);
        });
        stream.on('error', reject);
        stream.write(text);
      });
    }

    it('reaches a TCP server and a UNIX socket server on the host', async () => {
      const port = await freePort();
      const socketPath = path.join(dir, 'admin.sock');
      const tcp = await echoServer(server => server.listen(port, '127.0.0.1'));
      const unix = await echoServer(server => server.listen(socketPath));
      try {
        const host = open();
        const overTcp = await host.connect({ host: '127.0.0.1', port }, 5000);
        expect(await exchange(overTcp, 'show stat\n')).toBe('show stat\n');
        overTcp.destroy();
        const overUnix = await host.connect({ path: socketPath }, 5000);
        expect(await exchange(overUnix, 'show info\n')).toBe('show info\n');
        overUnix.destroy();
      } finally {
        await new Promise(resolve => tcp.close(resolve));
        await new Promise(resolve => unix.close(resolve));
      }
    });

    it('names the target and the host when nothing listens there', async () => {
      const host = open();
      const port = await freePort();
      await expect(host.connect({ host: '127.0.0.1', port }, 5000)).rejects.toThrow(new RegExp(`^cannot connect to 127\\.0\\.0\\.1:${port} on ${host.name}: `));
      await expect(host.connect({ path: path.join(dir, 'none.sock') }, 5000)).rejects.toThrow(new RegExp(`^cannot connect to .*none\\.sock on ${host.name}: `));
    });
  });

  describe('locks', () => {
    it('lets one run at a time change a file, and names the holder to the other', async () => {
      const file = path.join(dir, 'router.conf');
      const first = open();
      const second = open();
      const release = await first.lock(file);
      expect(await readFile(lockFileFor(file), 'utf8')).toBe(`${hostname()} ${process.pid}\n`);
      await expect(second.lock(file)).rejects.toThrow(
        `${file} on ${second.name} is being changed by another cutover run (pid ${process.pid} on this machine); nothing was changed. Wait for it to finish, or, if no cutover run is changing it, remove ${lockFileFor(file)} on that host.`
      );
      await release();
      expect(await exists(lockFileFor(file))).toBe(false);
      const again = await second.lock(file);
      await again();
    });

    it("takes over a lock left by this machine's dead process, but not one from another machine", async () => {
      const file = path.join(dir, 'router.conf');
      const dead = spawn(process.execPath, ['-e', '']);
      const deadPid = dead.pid as number;
      await new Promise(resolve => dead.once('exit', resolve));
      await writeFile(lockFileFor(file), `${hostname()} ${deadPid}\n`);
      const host = open();
      const release = await host.lock(file);
      expect(await readFile(lockFileFor(file), 'utf8')).toBe(`${hostname()} ${process.pid}\n`);
      await release();

      await writeFile(lockFileFor(file), `elsewhere.example ${deadPid}\n`);
      await expect(host.lock(file)).rejects.toThrow(`(pid ${deadPid} on machine elsewhere.example, which cannot be checked from here)`);
      expect(await readFile(lockFileFor(file), 'utf8')).toBe(`elsewhere.example ${deadPid}\n`);
    });
  });

  describe('the connection', () => {
    it('is opened on first use, shared, and ended by close()', async () => {
      const before = logins(sshd);
      const host = open();
      await host.close();
      expect(logins(sshd)).toBe(before);
      await host.readFile('/etc/hostname');
      await host.run(['true'], { field: 'router.test' });
      await host.writeFileAtomic(path.join(dir, 'f'), 'x');
      expect(logins(sshd)).toBe(before + 1);
      const disconnects = () => sshd.log().match(/Disconnected from user/g)?.length ?? 0;
      const closedBefore = disconnects();
      await host.close();
      await waitFor('sshd to log the disconnect', () => disconnects() === closedBefore + 1);
      // A host used again after close() connects again.
      await host.readFile('/etc/hostname');
      expect(logins(sshd)).toBe(before + 2);
    });

    it('gives up on a handshake that takes longer than connect-timeout', async () => {
      const port = await freePort();
      const silent = net.createServer(() => {});
      await new Promise<void>(resolve => silent.listen(port, '127.0.0.1', resolve));
      try {
        const host = open({ port, 'connect-timeout': 300, 'known-hosts': `[127.0.0.1]:${port} ${sshd.knownHosts.split(' ').slice(1).join(' ')}` });
        await expect(host.readFile('/etc/hostname')).rejects.toThrow(
          `cannot connect to ssh ${sshd.user}@127.0.0.1:${port}: no SSH handshake within 300ms (router.ssh.connect-timeout).`
        );
      } finally {
        silent.close();
      }
    });
  });
});
