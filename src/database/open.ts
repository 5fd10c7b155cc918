import path from 'node:path';
import { BadInputError } from '../core/errors.js';
import type { Database } from './connection.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/**
 * Opens `url`: `postgres://` or `postgresql://` for a server, `pglite:<folder>`
 * (relative to the config file) or `pglite:memory` for the embedded engine.
 */
export async function openDatabase(url: string, baseDir: string, applicationName = 'cutover'): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, applicationName);
  if (url === 'pglite:memory') return openPglite(undefined);
  if (url.startsWith('pglite:') && url.length > 'pglite:'.length) return openPglite(path.resolve(baseDir, url.slice('pglite:'.length)));
  throw new BadInputError(
    `database.url: expected postgres://..., postgresql://..., pglite:<folder> or pglite:memory, got a value starting ${JSON.stringify(url.slice(0, 12))}. Put server URLs in a secret and write env:DATABASE_URL.`
  );
}
