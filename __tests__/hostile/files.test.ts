import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { openPglite } from '../../src/adapters/database/pglite.js';
import { cli, type CliRun } from '../support/cli.js';
import { writeMigrations } from '../support/migrations.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { tempDir } from '../support/servers.js';

const PEOPLE = { 'expand.sql': 'CREATE TABLE people (id bigint PRIMARY KEY, name text);\n' };

describe('migration files are what they claim to be', () => {
  let setup: ProxySetup;
  let outside: { dir: string; remove: () => Promise<void> };
  let migrations: string;
  let record: string;
  let recorded: string;

  beforeAll(async () => {
    setup = await proxySetup('database:\n  url: pglite:db\n  migrations: migrations\n');
    outside = await tempDir();
    migrations = path.join(setup.dir, 'migrations');
    record = path.join(setup.dir, 'release.json');
    await mkdir(migrations);
    const snapshot = await cli(['snapshot', '--config', setup.config, '--snapshot-file', record]);
    expect(snapshot.code).toBe(0);
    recorded = await readFile(record, 'utf8');
  });
  afterAll(async () => {
    await outside.remove();
    await setup.stop();
  });
  beforeEach(async () => {
    await rm(migrations, { recursive: true, force: true });
    await mkdir(migrations);
  });

  const tables = async (): Promise<string[]> => {
    const db = await openPglite(path.join(setup.dir, 'db'));
    try {
      const { rows } = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      return rows.map(row => row.name);
    } finally {
      await db.close();
    }
  };

  /** `cutover db expand`, refused with exit 2: the record and the schema are as they were. */
  async function refusedExpand(): Promise<CliRun> {
    const before = await tables();
    const run = await cli(['db', 'expand', '--config', setup.config, '--snapshot-file', record]);
    expect(run.code).toBe(2);
    expect(await readFile(record, 'utf8')).toBe(recorded);
    expect(await tables()).toEqual(before);
    return run;
  }

  it('refuses a part that links out of the migrations folder, and never prints what it points at', async () => {
    await mkdir(path.join(migrations, '0001_people'));
    const part = path.join(migrations, '0001_people', 'expand.sql');
    await symlink('/etc/passwd', part);
    const run = await refusedExpand();
    expect(run.err).toContain(`${part}: a link to /etc/passwd, outside the migrations folder`);
    const passwd = await readFile('/etc/passwd', 'utf8');
    for (const line of passwd.split('\n').filter(Boolean)) expect(run.out + run.err).not.toContain(line);
    expect(run.out + run.err).not.toMatch(/root:x?:?0:0/);
  });

  it('refuses a migration folder that links out of the migrations folder', async () => {
    await writeMigrations(outside.dir, { '0001_people': PEOPLE });
    const folder = path.join(migrations, '0001_people');
    await symlink(path.join(outside.dir, '0001_people'), folder);
    const run = await refusedExpand();
    expect(run.err).toContain(`${folder}: a link to ${path.join(outside.dir, '0001_people')}, outside the migrations folder`);
  });

  it('refuses SQL that is not UTF-8, naming the file and the byte offset', async () => {
    await mkdir(path.join(migrations, '0001_cafe'));
    const part = path.join(migrations, '0001_cafe', 'expand.sql');
    // "café" in Latin-1: the é is the single byte 0xe9, at offset 16.
    await writeFile(part, Buffer.from('CREATE TABLE caf\xe9 (id bigint PRIMARY KEY);\n', 'latin1'));
    const run = await refusedExpand();
    expect(run.err).toContain(`${part}: not UTF-8 text: byte 16 (0xe9)`);
  });

  it('refuses a migrate.yml that is not UTF-8 likewise', async () => {
    await writeMigrations(migrations, { '0001_people': PEOPLE });
    const part = path.join(migrations, '0001_people', 'migrate.yml');
    await writeFile(part, Buffer.concat([Buffer.from('table: people\nset:\n  name: \''), Buffer.from([0xc3, 0x28]), Buffer.from("'\n")]));
    const run = await refusedExpand();
    expect(run.err).toContain(`${part}: not UTF-8 text: byte 28 (0xc3)`);
  });

  it('refuses a part that is a pipe instead of waiting on it', async () => {
    await mkdir(path.join(migrations, '0001_people'));
    const part = path.join(migrations, '0001_people', 'expand.sql');
    execFileSync('mkfifo', [part]);
    const run = await refusedExpand();
    expect(run.err).toContain(`${part}: not a regular file`);
  });

  it('follows a link that stays inside the migrations folder: it leads to a migration file like any other', async () => {
    // Hidden entries are not migrations, so a shared file can live there.
    await mkdir(path.join(migrations, '.shared'));
    await writeFile(path.join(migrations, '.shared', 'people.sql'), PEOPLE['expand.sql']);
    await mkdir(path.join(migrations, '0001_people'));
    await symlink('../.shared/people.sql', path.join(migrations, '0001_people', 'expand.sql'));
    const run = await cli(['db', 'status', '--config', setup.config]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/0001_people: expand pending/);
  });
});
