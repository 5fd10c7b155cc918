/**
 * What `database.url` may be, checked without ever showing it: the value can
 * hold a password, so every message here says where the problem is, not what.
 */

export type DatabaseUrlKind = 'postgres' | 'pglite';

export const DATABASE_URL_FORMS = 'postgres://..., postgresql://..., pglite:<folder> or pglite:memory';

/** The engine `url` is for, or undefined when it is none of the forms cutover opens. */
export function databaseUrlKind(url: string): DatabaseUrlKind | undefined {
  // pg also reads a URL with an empty host (user@/db?host=/run/postgresql), so that form must parse as well.
  if (/^postgres(ql)?:\/\//.test(url)) return URL.canParse(url.replace('@/', '@localhost/')) ? 'postgres' : undefined;
  if (url.startsWith('pglite:') && url.length > 'pglite:'.length) return 'pglite';
  return undefined;
}

/** Query parameters and `key=value` settings that carry a password or key (password, pass, pwd, sslpassword, ...). */
const SECRET_KEY = /pass|pwd|secret|token/i;

/** A secret in a setting: a password-like key, or sslkey given as the key itself instead of its file. */
function carriesSecret(key: string, value: string): boolean {
  return SECRET_KEY.test(key) || (key.toLowerCase() === 'sslkey' && /-----BEGIN|\n/.test(value));
}

/** The settings of libpq's `host=db password='...'` form. */
function keywordSettings(text: string): [string, string][] {
  return [...text.matchAll(/([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|\S*)/g)].map(m => [m[1] as string, m[2] as string]);
}

/**
 * Where a URL written in the config file holds a secret (a password in its
 * user info, in a query parameter, or in libpq's `key=value` form), said
 * without the secret; undefined when it holds none.
 */
export function literalSecretIn(url: string): string | undefined {
  if (URL.canParse(url)) {
    const parsed = new URL(url);
    if (parsed.password) return 'a password in its user info (user:password@)';
    const key = [...parsed.searchParams].find(([name, value]) => carriesSecret(name, value))?.[0];
    return key === undefined ? undefined : `a secret in its query parameter ${key}`;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@]*:[^/@]*@/i.test(url)) return 'a password in its user info (user:password@)';
  const key = keywordSettings(url).find(([name, value]) => carriesSecret(name, value))?.[0];
  return key === undefined ? undefined : `a secret in its ${key}= setting`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The secrets a URL carries (its password, password-like query values), as written and decoded, for masking. */
export function secretsInUrl(url: string): string[] {
  if (!URL.canParse(url)) return [];
  const parsed = new URL(url);
  const values = [parsed.password, ...[...parsed.searchParams].filter(([name, value]) => carriesSecret(name, value)).map(([, value]) => value)];
  return values.filter(value => value !== '').flatMap(value => [value, decoded(value), encodeURIComponent(value)]);
}
