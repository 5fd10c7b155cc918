import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Secrets } from '../../src/shared/secrets.js';
import { cli, type CliRun } from '../support/cli.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';

/** Every part of `secret` long enough to identify it (4 characters and more), found anywhere in what the run printed. */
function leakedParts(run: CliRun, secret: string): string[] {
  const printed = run.out + run.err;
  const found: string[] = [];
  for (let start = 0; start < secret.length; start++) {
    for (let end = start + 4; end <= secret.length; end++) {
      if (printed.includes(secret.slice(start, end))) found.push(secret.slice(start, end));
    }
  }
  return found;
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe('database.url never shows a secret, not even a part of it', () => {
  let setup: ProxySetup;
  let baseConfig: string;
  let record: string;

  beforeAll(async () => {
    setup = await proxySetup();
    baseConfig = await readFile(setup.config, 'utf8');
    record = path.join(setup.dir, 'release.json');
  });
  afterAll(() => setup.stop());

  /** A snapshot with `url` as database.url and `env` added to the environment: refused with exit 2, and no release recorded. */
  async function refusedSnapshot(url: string, env: Record<string, string> = {}): Promise<CliRun> {
    await writeFile(setup.config, `${baseConfig}database:\n  url: ${JSON.stringify(url)}\n  migrations: migrations\n`);
    const run = await cli(['snapshot', '--config', setup.config, '--snapshot-file', record], { ...process.env, ...env });
    expect(run.code).toBe(2);
    expect(await exists(record)).toBe(false);
    return run;
  }

  it('refuses a value from env: that is not a URL, naming the field and the variable only', async () => {
    const secret = 'hunter2=Zq7wXv9kPl3m;no url';
    const run = await refusedSnapshot('env:DATABASE_URL', { DATABASE_URL: secret });
    expect(run.err).toMatch(/database\.url \(from env:DATABASE_URL\): expected postgres:\/\/.*the value is not shown.*Set DATABASE_URL/);
    expect(leakedParts(run, secret)).toEqual([]);
  });

  it('refuses a malformed postgres URL from env: without showing any of it', async () => {
    const secret = 'postgres://admin:Zq7wXv9kPl3m@db.internal:notaport/app';
    const run = await refusedSnapshot('env:DATABASE_URL', { DATABASE_URL: secret });
    expect(run.err).toMatch(/database\.url \(from env:DATABASE_URL\): expected postgres:\/\//);
    expect(leakedParts(run, 'Zq7wXv9kPl3m')).toEqual([]);
  });

  it('refuses an sslkey given as the key itself, without quoting pg quoting it', async () => {
    const key = '-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC';
    const run = await refusedSnapshot('env:DATABASE_URL', { DATABASE_URL: `postgres://app@127.0.0.1:1/app?sslkey=${encodeURIComponent(key)}` });
    expect(run.err).toMatch(/database\.url \(from env:DATABASE_URL\): pg cannot use this URL \(a file named in sslcert, sslkey or sslrootcert does not exist\)/);
    expect(leakedParts(run, key)).toEqual([]);
  });

  it.each([
    ['in its user info', 'postgres://admin:Zq7wXv9kPl3m@127.0.0.1:5432/app', /holds a password in its user info/],
    ['as ?password=', 'postgres://admin@127.0.0.1:5432/app?sslmode=disable&password=Zq7wXv9kPl3m', /holds a secret in its query parameter password/],
    ['as ?sslpassword=', 'postgresql://admin@127.0.0.1/app?sslpassword=Zq7wXv9kPl3m', /holds a secret in its query parameter sslpassword/],
    ['in libpq key=value form', "host=127.0.0.1 dbname=app password='Zq7wXv9kPl3m'", /holds a secret in its password= setting/],
    ['inside a mistyped env reference', 'env:postgres://admin:Zq7wXv9kPl3m@127.0.0.1/app', /an env reference is written env:NAME/]
  ])('refuses a literal password %s at load, without printing it', async (_, url, why) => {
    const run = await refusedSnapshot(url);
    expect(run.err).toMatch(/database\.url \(line \d+\): /);
    expect(run.err).toMatch(why);
    expect(run.err).toMatch(/the value given is not shown/);
    expect(leakedParts(run, 'Zq7wXv9kPl3m')).toEqual([]);
  });

  it('refuses a literal value that is no database URL at all, naming the field', async () => {
    const run = await refusedSnapshot('mysql://localhost/app');
    expect(run.err).toMatch(/database\.url \(line \d+\): expected postgres:\/\/\.\.\., postgresql:\/\/\.\.\., pglite:<folder> or pglite:memory/);
  });
});

describe('a multi-line secret', () => {
  const key = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz', 'c2gtZWQyNTUxOQAAACDx9fKlq0D1c2Vkc2VjcmV0LWtleS1tYXRlcmlhbA==', '-----END OPENSSH PRIVATE KEY-----'].join('\n');

  it('is masked line by line: a log line holding one of its lines shows ***', () => {
    const secrets = new Secrets({ SSH_KEY: key }, () => undefined);
    secrets.resolve('router.ssh.key', 'env:SSH_KEY');
    const lines = key.split('\n');
    expect(secrets.redact(`  | ${lines[1]}`)).toBe('  | ***');
    expect(secrets.redact(`${lines[2]} and ${lines[1]}`)).toBe('*** and ***');
    expect(secrets.redact(key)).toBe('***');
  });

  it('is masked whole even when a shorter secret inside it was registered first', () => {
    const secrets = new Secrets({}, () => undefined);
    secrets.add('inner-secret-1234');
    secrets.add('outer-inner-secret-1234-outer');
    expect(secrets.redact('token outer-inner-secret-1234-outer end')).toBe('token *** end');
  });

  it('masks the password of a URL on its own too, decoded as a driver would quote it', () => {
    const secrets = new Secrets({}, () => undefined);
    secrets.add('postgres://admin:p%40ss-Zq7wXv9kPl3m@db/app');
    expect(secrets.redact('authentication failed for p@ss-Zq7wXv9kPl3m')).toBe('authentication failed for ***');
  });

  describe('printed by a deploy command', () => {
    let setup: ProxySetup;
    beforeAll(async () => {
      setup = await proxySetup(`deploy:
  command: [${JSON.stringify(process.execPath)}, -e, "console.log(process.env.SIGNING_KEY.split('\\\\n')[1]); console.log(process.env.SIGNING_KEY.split('\\\\n')[2])"]
  env: { SIGNING_KEY: env:SIGNING_KEY }
`);
    });
    afterAll(() => setup.stop());

    it('shows *** for each line in the CLI log', async () => {
      const env = { ...process.env, SIGNING_KEY: key };
      const file = path.join(setup.dir, 'release.json');
      expect((await cli(['snapshot', '--config', setup.config, '--snapshot-file', file], env)).code).toBe(0);
      const run = await cli(['deploy', '--config', setup.config, '--snapshot-file', file], env);
      expect(run.code).toBe(0);
      expect(run.err).toMatch(/\| \*\*\*\n.*\| \*\*\*\n/);
      for (const line of key.split('\n').slice(1, 3)) expect(leakedParts(run, line)).toEqual([]);
    });
  });
});
