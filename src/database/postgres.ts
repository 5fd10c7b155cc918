import pg from 'pg';
import { ReleaseError } from '../core/errors.js';
import type { Database } from './connection.js';

/** The URL as it may be shown: no password, no query string (which can carry one too). */
export function labelOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgresql://(unparseable URL)';
  }
}

export async function openPostgres(url: string, applicationName: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  const label = labelOf(url);
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new ReleaseError(`database ${label}: cannot connect: ${(error as Error).message}. Check that the server runs and database.url is right.`);
  }
  return {
    engine: 'postgresql',
    label,
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async close() {
      await client.end();
    }
  };
}
