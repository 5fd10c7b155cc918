import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../../src/shared/errors.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import { fileStore } from '../../src/adapters/store/file-store.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { tempDir } from '../support/servers.js';

const snapshot = takeSnapshot({
  service: 'vault',
  environment: 'staging',
  takenAt: new Date('2026-11-23T10:00:00Z'),
  source: { git_sha: null, run_id: null, actor: null },
  router: { kind: 'evm-proxy', endpoints: { blue: '0x' + '1'.repeat(40), green: '0x' + '2'.repeat(40) }, weights: { blue: 100, green: 0 }, settings: { chain_id: 31337 } },
  versions: { blue: null, green: null },
  database: null
});

const record: ReleaseRecord = {
  snapshot,
  phase: 'promoted',
  history: [{ step: 'promote', at: '2026-11-23T10:05:00Z', outcome: 'done', detail: 'upgraded' }],
  journal: [
    { step: 'deploy', at: '2026-11-23T10:01:00Z', action: 'deploy', implementation: '0x' + '2'.repeat(40), tx: '0x' + 'a'.repeat(64), block: 7, initializer: null, data: '0x' },
    { step: 'promote', at: '2026-11-23T10:05:00Z', action: 'upgrade', implementation: '0x' + '2'.repeat(40), tx: '0x' + 'b'.repeat(64), block: 9, initializer: 'function initializeV2(uint256 fee)', data: '0x1234' }
  ],
  prepared: { endpoint: '0x' + '2'.repeat(40), version: 'VaultV2', checks: ['layout compatible'], diff: ['+ fee uint256 slot 2 offset 0'] }
};

describe('the release record file', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir()));
  afterEach(() => remove());

  it('keeps what the router did and what deploy checked across steps', async () => {
    const file = path.join(dir, 'release.json');
    await fileStore({ file }).save(record);
    expect(await fileStore({ file }).load()).toEqual({ ...record, sealed: true });
  });

  const refusal = (file: string) => fileStore({ file }).load().then(() => new Error('expected a refusal'), (error: Error) => error);

  it('refuses a sealed field edited by hand, naming it', async () => {
    const file = path.join(dir, 'release.json');
    await fileStore({ file }).save(record);
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.journal[1].tx = '0x' + 'c'.repeat(64);
    await writeFile(file, JSON.stringify(raw));
    const refused = await refusal(file);
    expect(refused).toBeInstanceOf(BadInputError);
    expect(refused.message).toMatch(/release\.json: the release record does not match its record digest .*; fields changed since cutover wrote it: journal\./);
  });

  it('loads a record without a record digest that claims nothing past its snapshot, unsealed', async () => {
    const file = path.join(dir, 'release.json');
    const claimsNothing: ReleaseRecord = { snapshot, phase: 'snapshotted', history: [{ step: 'snapshot', at: '2026-11-23T10:00:00Z', outcome: 'done', detail: 'live blue' }] };
    await writeFile(file, JSON.stringify(claimsNothing));
    expect(await fileStore({ file }).load()).toEqual(claimsNothing);
    await writeFile(file, JSON.stringify({ ...claimsNothing, phase: 'promoted' }));
    expect((await refusal(file)).message).toMatch(/release\.json: the release record has no record digest, yet claims phase "promoted"\./);
  });

  it('refuses a damaged journal in an unsealed record, naming the entry and field, rather than forget a transaction', async () => {
    const file = path.join(dir, 'release.json');
    const raw = JSON.parse(JSON.stringify({ ...record, phase: 'snapshotted', history: [] }));
    raw.journal[1].tx = 42;
    await writeFile(file, JSON.stringify(raw));
    const refused = await refusal(file);
    expect(refused).toBeInstanceOf(BadInputError);
    expect(refused.message).toMatch(/release\.json: journal\[1\]\.tx is damaged \(.*\)\. It records the transactions this release sent/);
  });
});
