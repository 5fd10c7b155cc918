import path from 'node:path';
import { DATABASE_URL_FORMS, databaseUrlKind } from '../../shared/database-url.js';
import { fieldFrom, referenceIn } from '../../shared/secrets.js';
import { BadInputError } from '../../shared/errors.js';
import type { Database } from './connection.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/**
 * Opens `url`: `postgres://` or `postgresql://` for a server, `pglite:<folder>`
 * (relative to the config file) or `pglite:memory` for the embedded engine.
 * `written` is database.url as the config has it (`env:NAME` or the URL), so
 * that a refusal names where the value came from; the value itself is never shown.
 */
export async function openDatabase(url: string, baseDir: string, applicationName = 'cutover', written = url): Promise<Database> {
  const field = fieldFrom('database.url', written);
  const kind = databaseUrlKind(url);
  if (kind === 'postgres') return openPostgres(url, applicationName, field);
  if (url === 'pglite:memory') return openPglite(undefined);
  if (kind === 'pglite') return openPglite(path.resolve(baseDir, url.slice('pglite:'.length)));
  const name = referenceIn(written);
  throw new BadInputError(
    `${field}: expected ${DATABASE_URL_FORMS}; the value is not shown, as it may hold a password. ${name === undefined ? 'Fix database.url' : `Set ${name} to such a URL`}.`
  );
}
