import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_BATCH } from '../../src/adapters/database/backfill-plan.js';
import { BadInputError } from '../../src/shared/errors.js';
import { loadMigrations } from '../../src/adapters/database/migrations.js';
import { preparePhase } from '../../src/adapters/database/phases.js';
import { openPglite } from '../../src/adapters/database/pglite.js';
import { cli } from '../support/cli.js';
import { writeDatabaseRelease, writeMigrations } from '../support/migrations.js';
import { tempDir } from '../support/servers.js';

/*
 * The attack through the CLI: an expand.sql whose DO block drops the live
 * table. `db lint` must name it and `migrate --phase expand` must refuse it
 * before running anything, leaving the table and its rows in place.
 */

const ACCOUNTS = {
  '0001_accounts': {
    'expand.sql': "CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);\nINSERT INTO accounts SELECT g, 'user ' || g FROM generate_series(1, 250) AS g;\n"
  }
};
const ATTACK = "DO $$ BEGIN EXECUTE 'DROP TABLE accounts'; END $$;\n";

describe('SQL linter through the CLI', () => {
  let dir: string;
  let remove: () => Promise<void>;
  const migrations = () => path.join(dir, 'db/migrations');
  const run = (...args: string[]) => cli([...args, '--config', path.join(dir, 'cutover.yml'), '--snapshot-file', path.join(dir, 'record.json')]);

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    await writeDatabaseRelease(dir, 'shop', '  url: pglite:db\n  migrations: db/migrations\n');
  });
  afterEach(() => remove());

  async function query(sql: string): Promise<number> {
    const db = await openPglite(path.join(dir, 'db'));
    try {
      return Number((await db.query<{ v: string }>(sql)).rows[0]?.v);
    } finally {
      await db.close();
    }
  }
  const accounts = () => query('SELECT count(*) AS v FROM accounts');

  it('db lint names the DO block, and migrate --phase expand refuses it with the accounts table and its rows still there', async () => {
    await writeMigrations(migrations(), ACCOUNTS);
    expect((await run('snapshot')).code).toBe(0);
    expect((await run('migrate', '--phase', 'expand')).code).toBe(0);
    expect(await accounts()).toBe(250);

    await writeMigrations(migrations(), { '0002_cleanup': { 'expand.sql': ATTACK } });
    const attack = path.join(migrations(), '0002_cleanup');
    const lint = await cli(['db', 'lint', attack]);
    expect(lint.code).toBe(1);
    expect(lint.out).toContain(`${path.join(attack, 'expand.sql')}:1 do-block: DO runs a plpgsql block, which the linter cannot see into`);
    expect(lint.out).toContain('allow: -- cutover:allow do-block: <reason>');
    expect(lint.out).toContain('1 file(s): 1 refused, 0 allowed');

    const expand = await run('migrate', '--phase', 'expand');
    expect(expand.code).toBe(2);
    expect(expand.err).toContain('so expand changes nothing');
    expect(expand.err).toContain('expand.sql:1 do-block: DO runs a plpgsql block');
    expect(await accounts()).toBe(250);
  });

  it('db lint checks migrate.yml: a wrong field exits 2 naming the file and the field', async () => {
    await writeMigrations(migrations(), { '0003_backfill': { 'migrate.yml': 'tabel: accounts\nset:\n  name: upper(name)\n' } });
    const lint = await cli(['db', 'lint', path.join(migrations(), '0003_backfill')]);
    expect(lint.code).toBe(2);
    expect(lint.err).toContain(path.join(migrations(), '0003_backfill', 'migrate.yml'));
    expect(lint.err).toMatch(/tabel/);
  });

  it('db lint refuses a side-effect call in migrate.yml, and a call in contract of a function expand created', async () => {
    await writeMigrations(migrations(), {
      '0004_names': {
        'expand.sql': "CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM accounts $$;\n",
        'migrate.yml': "table: accounts\nset:\n  name: name || pg_catalog.pg_sleep(5)::text\nwhere: id > 0\n",
        'contract.sql': 'SELECT purge();\n'
      }
    });
    const folder = path.join(migrations(), '0004_names');
    const lint = await cli(['db', 'lint', folder]);
    expect(lint.code).toBe(1);
    expect(lint.out).toContain(`${path.join(folder, 'migrate.yml')}:1 side-effect-function: UPDATE calls pg_catalog.pg_sleep()`);
    expect(lint.out).toContain(`${path.join(folder, 'contract.sql')}:1 call-new-function: SELECT calls purge(), created earlier in this migration`);
    expect(lint.out).toContain('3 file(s): 2 refused, 0 allowed');
  });

  it('migrate --phase migrate refuses a backfill whose expression calls a side-effect function, and writes no row', async () => {
    await writeMigrations(migrations(), ACCOUNTS);
    expect((await run('snapshot')).code).toBe(0);
    expect((await run('migrate', '--phase', 'expand')).code).toBe(0);
    await writeMigrations(migrations(), { '0002_upper': { 'migrate.yml': 'table: accounts\nset:\n  name: upper(name) || pg_catalog.PG_CANCEL_BACKEND(0)::text\n' } });
    const backfill = await run('migrate', '--phase', 'migrate');
    expect(backfill.code).toBe(2);
    expect(backfill.err).toContain('so migrate changes nothing');
    expect(backfill.err).toContain('migrate.yml:1 side-effect-function: UPDATE calls pg_catalog.pg_cancel_backend()');
    expect(await query("SELECT count(*) AS v FROM accounts WHERE name LIKE 'user %'")).toBe(250);
  });

  it('contract refuses a call of a function the migration created in expand, before running anything', async () => {
    await writeMigrations(migrations(), {
      '0005_purge': { 'expand.sql': 'CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM accounts $$;\n', 'contract.sql': '-- tidy up\nSELECT purge();\n' }
    });
    const error = await preparePhase(await loadMigrations(migrations()), 'contract', DEFAULT_BATCH).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toContain('so contract changes nothing');
    expect((error as Error).message).toContain('contract.sql:2 call-new-function: SELECT calls purge(), created earlier in this migration');
  });

  it('db lint reads no file through a link that leaves the folder, and refuses non-UTF-8 SQL, printing neither', async () => {
    const secret = path.join(dir, 'secret.txt');
    await writeFile(secret, 'root:$6$very-secret-hash:19000:0:99999:7:::\n');
    const linked = path.join(migrations(), '0006_linked');
    await mkdir(linked, { recursive: true });
    await symlink(secret, path.join(linked, 'expand.sql'));
    const lint = await cli(['db', 'lint', linked]);
    expect(lint.code).toBe(2);
    expect(lint.err).toContain(`${path.join(linked, 'expand.sql')}: a link to`);
    expect(lint.err).not.toContain('very-secret-hash');

    const latin1 = path.join(migrations(), '0007_latin1');
    await mkdir(latin1, { recursive: true });
    await writeFile(path.join(latin1, 'expand.sql'), Buffer.from([...Buffer.from("COMMENT ON TABLE accounts IS 'caf"), 0xe9, ...Buffer.from("';\n")]));
    const bytes = await cli(['db', 'lint', latin1]);
    expect(bytes.code).toBe(2);
    expect(bytes.err).toContain(`${path.join(latin1, 'expand.sql')}: not UTF-8 text: byte 33`);
  });
});
