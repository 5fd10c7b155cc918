import pg from 'pg';
import { secretsInUrl } from '../../shared/database-url.js';
import { BadInputError, ReleaseError } from '../../shared/errors.js';
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

/** `message` without any secret of `url` in it (a driver's message may quote what it was given). */
function withoutSecrets(message: string, url: string): string {
  const secrets = secretsInUrl(url).sort((a, b) => b.length - a.length);
  return secrets.reduce((text, secret) => text.split(secret).join('***'), message.split(url).join('***'));
}

/** `field` names database.url in messages, with the variable it came from. */
export async function openPostgres(url: string, applicationName: string, field = 'database.url'): Promise<Database> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, application_name: applicationName });
  } catch (error) {
    // pg parses the URL and reads its sslcert, sslkey and sslrootcert files here; their messages quote what they were given, so only the code is shown.
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'a file named in sslcert, sslkey or sslrootcert does not exist' : (code ?? 'not a URL it can read');
    throw new BadInputError(`${field}: pg cannot use this URL (${why}); the value is not shown, as it may hold a password. Fix the URL.`);
  }
  const label = labelOf(url);
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new ReleaseError(`database ${label}: cannot connect: ${withoutSecrets((error as Error).message, url)}. Check that the server runs and ${field} is right.`);
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
