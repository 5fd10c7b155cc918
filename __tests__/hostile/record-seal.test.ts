import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from '../support/cli.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

/** A release record edited by hand: the phase and history are sealed as well as the snapshot. */
describe('a hand-edited release record', () => {
  let setup: ProxySetup;
  afterEach(() => setup.stop());

  const file = () => path.join(setup.dir, 'release.json');
  const step = (name: string) => cli([name, '--config', setup.config, '--snapshot-file', file()]);
  const edit = async (change: (record: Record<string, unknown> & { history: { detail: string }[] }) => void) => {
    const record = JSON.parse(await readFile(file(), 'utf8'));
    change(record);
    await writeFile(file(), JSON.stringify(record, null, 2));
    return readFile(file(), 'utf8');
  };

  it('refuses a phase set to deployed with no deploy run: promote exits 2 naming the sealed fields, and traffic stays', async () => {
    setup = await proxySetup();
    expect((await step('snapshot')).code).toBe(0);
    const edited = await edit(record => {
      record.phase = 'deployed';
    });
    const run = await step('promote');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/release\.json: the release record does not match its record digest .*; fields changed since cutover wrote it: phase\./);
    expect(run.err).toMatch(/The record digest seals snapshot, phase, history, deployment, journal, traffic, analysis, prepared/);
    expect(run.err).toMatch(/Restore the file as cutover wrote it .* or take a new snapshot\./);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
    expect(await readFile(file(), 'utf8')).toBe(edited);
  });

  it('refuses an edited history entry the same way', async () => {
    setup = await proxySetup();
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    const edited = await edit(record => {
      record.history[1]!.detail = 'green 2.0.0 healthy (checked by hand)';
    });
    const run = await step('promote');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/fields changed since cutover wrote it: history\./);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
    expect(await readFile(file(), 'utf8')).toBe(edited);
  });

  it('refuses a record stripped of its record digest that still claims a phase, and loads the bare snapshot', async () => {
    setup = await proxySetup();
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    const { snapshot } = JSON.parse(await readFile(file(), 'utf8'));
    await edit(record => {
      delete record.record_digest;
      delete record.record_fingerprints;
    });
    const run = await step('promote');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/release\.json: the release record has no record digest, yet claims phase "deployed" and history of deploy\./);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
    // A bare snapshot, as handed over from the snapshot step's output, claims nothing and still loads.
    await writeFile(file(), JSON.stringify(snapshot));
    expect((await step('deploy')).code).toBe(0);
  });
});
