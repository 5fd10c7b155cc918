import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cli, type CliRun } from '../support/cli.js';
import { tempDir } from '../support/servers.js';

const VALID = `service: shop
colors:
  blue:  { upstream: 127.0.0.1:8081, health: http://127.0.0.1:8081/healthz }
  green: { upstream: 127.0.0.1:8082, health: http://127.0.0.1:8082/healthz }
router: { kind: proxy, admin: 127.0.0.1:9, probe: http://127.0.0.1:9/ }
`;

const exists = (file: string) => access(file).then(() => true, () => false);

describe('configs beyond what cutover can hold or wait for', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir()));
  afterEach(() => remove());

  /** A snapshot with `text` as cutover.yml: refused with exit 2 before anything is recorded. */
  async function refused(text: string | Buffer): Promise<CliRun & { config: string }> {
    const config = path.join(dir, 'cutover.yml');
    const record = path.join(dir, 'release.json');
    await writeFile(config, text);
    const run = await cli(['snapshot', '--config', config, '--snapshot-file', record]);
    expect(run.code).toBe(2);
    expect(await exists(record)).toBe(false);
    return { ...run, config };
  }

  it('refuses a cutover.yml over 1 MiB before reading it, naming the file, its size and the limit', async () => {
    const padding = `# ${'x'.repeat(1022)}\n`.repeat(2048);
    const run = await refused(VALID + padding);
    expect(run.err).toContain(`${run.config}: ${Buffer.byteLength(VALID + padding)} bytes, over the limit of 1048576 bytes (1 MiB)`);
  });

  it('refuses a YAML alias bomb, naming the file', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const run = await refused(`${VALID}bomb:\n${levels.map(line => `  ${line}`).join('\n')}\n`);
    expect(run.err).toMatch(new RegExp(`${run.config.replace(/[.]/g, '\\.')} is not valid YAML: its aliases \\(\\*name\\) expand to more than 100 copies`));
  });

  it('refuses a duration longer than a timer can wait, naming the field, the value and the maximum', async () => {
    const run = await refused(`${VALID}deploy: { command: [./deploy.sh], timeout: 1000h }\ntraffic: { pause: 600h }\n`);
    expect(run.err).toMatch(/deploy\.timeout \(line \d+\): expected at most 2147483647ms \(596h, about 24\.8 days: the longest a timer can wait\), got "1000h"/);
    expect(run.err).toMatch(/traffic\.pause \(line \d+\): expected at most 2147483647ms.*got "600h"/);
  });

  it('refuses counts past their sane bounds, naming the field, the value and the maximum', async () => {
    const run = await refused(`${VALID}database:
  url: pglite:db
  backfill: { batch-max: 100000000000 }
analysis:
  failures-allowed: 1000000000000
  sources: { probe: { kind: http, path: / } }
  checks: [{ name: errors, metric: error-rate, max: 1%, min-samples: 1e12 }]
`);
    expect(run.err).toMatch(/database\.backfill\.batch-max \(line \d+\): expected at most 1000000 rows per batch, got 100000000000/);
    expect(run.err).toMatch(/analysis\.failures-allowed \(line \d+\): expected at most 1000 failed intervals, got 1000000000000/);
    expect(run.err).toMatch(/analysis\.checks\.0\.min-samples \(line \d+\): expected at most 1000000 samples, got 1000000000000/);
    expect(await exists(path.join(dir, 'db'))).toBe(false);
  });
});
