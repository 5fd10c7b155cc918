/**
 * One database session. The engine code runs against PostgreSQL (`pg`) and
 * PGlite alike through this, so both are tested by the same suite.
 */
export interface Database {
  readonly engine: 'postgresql' | 'pglite';
  /** Where it is, with any password removed, for messages. */
  readonly label: string;
  /** One statement; `params` bind `$1`, `$2`, ... */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
  close(): Promise<void>;
}

/** The SQLSTATE of a database error (both drivers set `code`), if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** SQLSTATEs worth another attempt: the statement waited too long for a lock, or lost a deadlock. */
export const LOCK_NOT_AVAILABLE = '55P03';
export const DEADLOCK_DETECTED = '40P01';
export const QUERY_CANCELED = '57014';

/** Quotes an identifier the way PostgreSQL's quote_ident would, for names read from the catalog or config. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `schema.table` or `table`, quoted. */
export function qualifiedName(table: string): string {
  return table
    .split('.')
    .map(part => quoteIdent(part))
    .join('.');
}
