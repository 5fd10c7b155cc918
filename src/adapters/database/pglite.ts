import { mkdir } from 'node:fs/promises';
import type { Database } from './connection.js';

/**
 * PGlite: PostgreSQL compiled to wasm, running in this process on a data
 * folder. It is one session, so advisory locks exclude nothing and
 * lock_timeout never fires; locking is tested on PostgreSQL.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // Loaded on demand: it is large, and only the embedded engine needs it.
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return {
    engine: 'pglite',
    label: dataDir ? `pglite:${dataDir}` : 'pglite:memory',
    async query(sql, params) {
      const result = await db.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
    async close() {
      await db.close();
    }
  };
}
