import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../../src/shared/io/ports.js';
import { cli } from '../support/cli.js';
import { SPLIT_NAME, writeMigrations } from '../support/migrations.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

/**
 * Done is read from the database, the source of truth, and rollback fails closed when it cannot
 * read it and the record cannot rule contract out.
 */
describe('contract and rollback against the record and the database', () => {
  let setup: ProxySetup;
  afterEach(() => setup.stop());

  const file = () => path.join(setup.dir, 'release.json');
  const pglite = 'pglite:db';
  const step = (databaseUrl: string, name: string, ...args: string[]) =>
    cli([name, '--config', setup.config, '--snapshot-file', file(), ...args], { ...process.env, DATABASE_URL: databaseUrl });
  const unreachable = async () => `postgres://cutover@127.0.0.1:${await freePort()}/shop`;
  const phaseOf = async () => (JSON.parse(await readFile(file(), 'utf8')) as { phase: string }).phase;

  async function promoted(migrations: Record<string, Record<string, string>> = SPLIT_NAME): Promise<void> {
    setup = await proxySetup('database:\n  url: env:DATABASE_URL\n  migrations: migrations\n  contract: { soak: 0s }\n');
    await writeMigrations(path.join(setup.dir, 'migrations'), migrations);
    for (const args of [['snapshot'], ['deploy'], ['migrate', '--phase', 'expand'], ['migrate', '--phase', 'migrate'], ['promote']]) {
      const run = await step(pglite, args[0] as string, ...args.slice(1));
      expect({ step: args.join(' '), code: run.code, err: run.code ? run.err : '' }).toEqual({ step: args.join(' '), code: 0, err: '' });
    }
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });
  }

  it('records contracted when the database shows this release contracted but the record was not saved, and rollback then refuses', async () => {
    await promoted();
    // A contract killed after its database work, before its record was saved, leaves the record as it was before.
    await copyFile(file(), `${file()}.before`);
    expect((await step(pglite, 'contract')).code).toBe(0);
    await copyFile(`${file()}.before`, file());

    const rerun = await step(pglite, 'contract');
    expect(rerun.code).toBe(0);
    expect(rerun.err).toMatch(/contract: already done by this release at \d{4}-\d\d-\d\d [^;]+; recorded/);
    expect(rerun.err).not.toMatch(/nothing to do/);
    expect(await phaseOf()).toBe('contracted');

    const rollback = await step(await unreachable(), 'rollback');
    expect(rollback.code).toBe(1);
    expect(rollback.err).toMatch(/rollback: this release's contract already ran/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });
  });

  it('refuses a rollback with the database unreachable after a contract that started and recorded no outcome', async () => {
    // The second statement fails after the first dropped the trigger: contract started, did part of its work, and stopped.
    const failing = {
      ...SPLIT_NAME,
      '0002_full_name': { ...SPLIT_NAME['0002_full_name'], 'contract.sql': 'DROP TRIGGER people_full_name ON people;\nALTER TABLE people DROP COLUMN no_such_column;\n' }
    };
    await promoted(failing);
    const contract = await step(pglite, 'contract');
    expect(contract.code).toBe(1);
    expect(await phaseOf()).toBe('promoted');
    const before = await readFile(file(), 'utf8');

    const rollback = await step(await unreachable(), 'rollback');
    expect(rollback.code).toBe(1);
    expect(rollback.err).toMatch(/rollback: refused: it could not read the migration history \(.*\), and the release record shows contract started at \S+/);
    expect(rollback.err).toMatch(/Restore the connection to the database and run rollback again; or, if you know contract never ran, run rollback with force and the reason\./);
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });
    expect(await readFile(file(), 'utf8')).toBe(before);
  });

  it('rolls back with a warning when the database is unreachable but the sealed record shows no contract started', async () => {
    await promoted();
    const rollback = await step(await unreachable(), 'rollback');
    expect({ code: rollback.code, err: rollback.code ? rollback.err : '' }).toEqual({ code: 0, err: '' });
    expect(rollback.err).toMatch(/rollback: could not read the migration history \(.*\); going by the release record alone, which is sealed at promoted with no contract started/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  it('rolls back a record that cannot rule contract out only when forced with a reason', async () => {
    await promoted();
    // A bare snapshot, as handed over from the snapshot step's output, says nothing about what ran.
    const { snapshot } = JSON.parse(await readFile(file(), 'utf8'));
    await writeFile(file(), JSON.stringify(snapshot));
    const url = await unreachable();
    const refused = await step(url, 'rollback');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/and the release record is not sealed \(a bare snapshot, or a record without a record digest\)/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });
    const forced = await step(url, 'rollback', '--force', 'contract never ran: the contract job was never started');
    expect(forced.code).toBe(0);
    expect(forced.err).toMatch(/rollback forced \(contract never ran: the contract job was never started\)/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });
});
