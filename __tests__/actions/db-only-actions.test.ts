import path from 'node:path';
import { existsSync } from 'node:fs';
import { readHistory } from '../../src/adapters/database/history.js';
import { openDatabase } from '../../src/adapters/database/open.js';
import { runActionEntry } from '../support/action-entry.js';
import { TEST_TOKEN } from '../support/action-bundle.js';
import { columnsOf, SPLIT_NAME, writeDatabaseOnlyConfig, writeMigrations } from '../support/migrations.js';
import { tempDir } from '../support/servers.js';

describe('the migrate and contract actions with a database-only cutover.yml', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(() => remove());

  it('leave the steps that need a router refusing such a config before they do anything', async () => {
    const config = await writeDatabaseOnlyConfig(dir, 'shop', '  url: pglite:db\n');
    for (const step of ['snapshot', 'promote'] as const) {
      const run = await runActionEntry(step, { config }, {}, TEST_TOKEN);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`::error::${step}: cutover.yml has no router: it is a database-only config.*cutover db expand\\|migrate\\|contract \\(the migrate and contract actions in a workflow\\)`));
    }
    expect(existsSync(path.join(dir, 'db'))).toBe(false);
  });

  it('run expand and migrate; contract refuses without old-version-retired, and with it drops and records the reason', async () => {
    await writeMigrations(path.join(dir, 'migrations'), SPLIT_NAME);
    const config = await writeDatabaseOnlyConfig(dir, 'shop', '  url: env:DATABASE_URL\n  migrations: migrations\n');
    const env = { DATABASE_URL: `pglite:${path.join(dir, 'db')}` };
    // Every input at its action.yml default, github-token included, as the runner passes them.
    const run = (step: 'migrate' | 'contract', inputs: Record<string, string>) => runActionEntry(step, { config, ...inputs }, env, TEST_TOKEN);
    const open = () => openDatabase(env.DATABASE_URL, dir);

    expect((await run('migrate', { phase: 'expand' })).code).toBe(0);
    expect((await run('migrate', { phase: 'migrate' })).code).toBe(0);

    const refused = await run('contract', {});
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error::input "old-version-retired": required for contract with a database-only config\./);
    let db = await open();
    try {
      expect(await columnsOf(db, 'people')).toEqual(['first_name', 'full_name', 'id', 'last_name']);
      expect((await readHistory(db)).some(row => row.phase === 'contract')).toBe(false);
    } finally {
      await db.close();
    }

    const contract = await run('contract', { 'old-version-retired': 'v1 scaled to zero in deploy #812' });
    expect([contract.code, contract.stdout]).toEqual([0, expect.stringMatching(/0002_full_name: 4 statement\(s\)/)]);
    expect(contract.stdout).toMatch(/::set-output name=applied::.*"id":"0002"/);
    db = await open();
    try {
      expect(await columnsOf(db, 'people')).toEqual(['full_name', 'id']);
      const history = await readHistory(db);
      expect(history.map(row => [row.id, row.phase, row.release])).toEqual([
        ['0001', 'expand', null],
        ['0002', 'expand', null],
        ['0002', 'migrate', null],
        ['0002', 'contract', null]
      ]);
      expect(history.at(-1)?.forced).toBe('old version retired: v1 scaled to zero in deploy #812');
    } finally {
      await db.close();
    }
  });
});
