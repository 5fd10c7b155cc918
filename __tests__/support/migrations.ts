import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../src/adapters/database/connection.js';
import type { PhaseOptions } from '../../src/adapters/database/phases.js';
import { renderNginxFile } from '../../src/adapters/routers/nginx/router.js';
import { DEFAULT_BATCH } from '../../src/adapters/database/backfill-plan.js';
import { DEFAULT_LOCK_POLICY } from '../../src/adapters/database/lock-policy.js';
import { sleep } from '../../src/shared/io/wait.js';

/** Writes migration folders: { '0001_people': { 'expand.sql': '...' } }. */
export async function writeMigrations(root: string, folders: Record<string, Record<string, string>>): Promise<string> {
  for (const [folder, files] of Object.entries(folders)) {
    await mkdir(path.join(root, folder), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, folder, name), text);
  }
  return root;
}

/**
 * A release whose only real part is its database: an nginx upstream file with blue live (never served,
 * so no nginx runs) and a cutover.yml for `service` with `database` (its YAML lines, indented) below it.
 * Returns the config's path.
 */
export async function writeDatabaseRelease(dir: string, service: string, database: string): Promise<string> {
  const routerFile = path.join(dir, 'router.conf');
  const endpoints = { blue: '127.0.0.1:1', green: '127.0.0.1:2' };
  await writeFile(routerFile, renderNginxFile({ kind: 'nginx', endpoints, weights: { blue: 100, green: 0 }, settings: { upstream: `cutover_${service}` } }));
  const config = path.join(dir, 'cutover.yml');
  await writeFile(
    config,
    `service: ${service}
colors:
  blue: { upstream: ${endpoints.blue}, health: http://${endpoints.blue}/healthz }
  green: { upstream: ${endpoints.green}, health: http://${endpoints.green}/healthz }
router: { kind: nginx, file: ${routerFile}, probe: http://127.0.0.1:3/ }
database:
${database}`
  );
  return config;
}

/** A cutover.yml for the database phases alone: `service` and its `database` (YAML lines, indented), no router or colors. Returns its path. */
export async function writeDatabaseOnlyConfig(dir: string, service: string, database: string): Promise<string> {
  const config = path.join(dir, 'cutover.yml');
  await writeFile(config, `service: ${service}\ndatabase:\n${database}`);
  return config;
}

/** The columns `table` has, by name: what a phase added or dropped. */
export async function columnsOf(db: Database, table: string): Promise<string[]> {
  const found = await db.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1 ORDER BY 1`, [table]);
  return found.rows.map(row => row.name);
}

/** The split-name change every engine test runs: expand keeps the old version writing, contract drops its columns. */
export const SPLIT_NAME = {
  '0001_people': {
    'expand.sql': `CREATE TABLE people (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  first_name text NOT NULL,
  last_name text NOT NULL
);
`
  },
  '0002_full_name': {
    'expand.sql': `ALTER TABLE people ADD COLUMN full_name text;
ALTER TABLE people ALTER COLUMN first_name DROP NOT NULL;
ALTER TABLE people ALTER COLUMN last_name DROP NOT NULL;
-- The old version still writes first and last names; keep full_name in step for its rows.
CREATE FUNCTION people_full_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.first_name IS NOT NULL THEN
    NEW.full_name := NEW.first_name || ' ' || NEW.last_name;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER people_full_name BEFORE INSERT OR UPDATE ON people FOR EACH ROW EXECUTE FUNCTION people_full_name();
CREATE INDEX CONCURRENTLY people_full_name_idx ON people (full_name);
`,
    'migrate.yml': `table: people
set:
  full_name: first_name || ' ' || last_name
where: full_name IS NULL
`,
    'contract.sql': `DROP TRIGGER people_full_name ON people;
DROP FUNCTION people_full_name();
ALTER TABLE people DROP COLUMN first_name;
ALTER TABLE people DROP COLUMN last_name;
`
  }
};

export interface Recorded {
  lines: string[];
  retries: number;
}

/** Phase options for tests: real lock policy, a log kept in memory, pauses that really wait. */
export function testPhaseOptions(overrides: Partial<PhaseOptions> = {}, hooks: Partial<PhaseOptions['hooks']> = {}): PhaseOptions & { recorded: Recorded } {
  const recorded: Recorded = { lines: [], retries: 0 };
  return {
    policy: DEFAULT_LOCK_POLICY,
    lockWaitMs: 5000,
    batch: DEFAULT_BATCH,
    who: { runId: '77', actor: 'octocat', release: 'sha256:test' },
    forced: null,
    ...overrides,
    hooks: {
      log: message => recorded.lines.push(message),
      progress: () => undefined,
      pause: ms => sleep(ms),
      onRetry: () => {
        recorded.retries++;
      },
      ...hooks
    },
    recorded
  };
}
