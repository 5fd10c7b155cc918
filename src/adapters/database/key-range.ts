import { BadInputError } from '../../shared/errors.js';
import { qualifiedName, quoteIdent, type Database } from './connection.js';

/*
 * Walking a table in ranges of its key: the backfill updates each range, the
 * verification reads it. Both find the key and build the range SQL here, so
 * they cover the same rows the same way.
 */

export interface KeyColumn {
  name: string;
  type: string;
}

/** The table a walk covers, as a backfill plan names it. */
export interface KeyedTable {
  table: string;
  alias?: string;
  /** Key columns; the table's primary key when not given. */
  key?: string[];
}

export async function keyColumns(db: Database, plan: KeyedTable): Promise<KeyColumn[]> {
  const table = qualifiedName(plan.table);
  const exists = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table]);
  if (!exists.rows[0]?.t) throw new BadInputError(`backfill: table ${plan.table} does not exist. Create it in expand.sql, or fix the table name.`);
  if (plan.key) {
    const { rows } = await db.query<KeyColumn>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attname = ANY($2::text[]) AND NOT a.attisdropped`,
      [table, plan.key]
    );
    const missing = plan.key.filter(name => !rows.some(r => r.name === name));
    if (missing.length) throw new BadInputError(`backfill: key column ${missing.join(', ')} is not a column of ${plan.table}. Set key to its primary key or another unique, indexed column.`);
    return plan.key.map(name => rows.find(r => r.name === name) as KeyColumn);
  }
  const { rows } = await db.query<KeyColumn>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_index i JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary ORDER BY k.n`,
    [table]
  );
  if (rows.length === 0) throw new BadInputError(`backfill: ${plan.table} has no primary key to batch over. Add key: <column> (unique and indexed) to migrate.yml.`);
  return rows;
}

/** The key-range SQL of one table, built once from its key. */
export class KeyRange {
  /** The table as a FROM item: quoted, with its alias. */
  readonly table: string;
  protected readonly keyList: string;
  private readonly keyText: string;

  constructor(
    plan: KeyedTable,
    protected readonly key: KeyColumn[]
  ) {
    this.table = `${qualifiedName(plan.table)}${plan.alias ? ` AS ${quoteIdent(plan.alias)}` : ''}`;
    this.keyList = key.map(k => quoteIdent(k.name)).join(', ');
    // Aliased, so that ORDER BY <key> sorts by the column, not by this text output of the same name.
    this.keyText = key.map((k, i) => `${quoteIdent(k.name)}::text AS k${i}`).join(', ');
  }

  /** `(k1, k2) > ($n::t1, $m::t2)`, with parameters numbered from `first`. */
  compare(op: '>' | '<=', first: number): string {
    return `(${this.keyList}) ${op} (${this.key.map((k, i) => `$${first + i}::${k.type}`).join(', ')})`;
  }

  range(lower: boolean, first = 1): string {
    const upper = this.compare('<=', lower ? first + this.key.length : first);
    return lower ? `${this.compare('>', first)} AND ${upper}` : upper;
  }

  highWater(): string {
    return `SELECT ${this.keyText} FROM ${this.table} ORDER BY ${this.key.map(k => `${quoteIdent(k.name)} DESC`).join(', ')} LIMIT 1`;
  }

  /** The key `size` rows past the checkpoint, or nothing when fewer remain before the high-water mark. */
  batchEnd(lower: boolean): string {
    return `SELECT ${this.keyText} FROM ${this.table} WHERE ${this.range(lower)} ORDER BY ${this.keyList} LIMIT 1 OFFSET $${(lower ? 2 : 1) * this.key.length + 1}`;
  }
}

/** A key row's values as text, or null for no row. */
export const keyValues = (row: Record<string, unknown> | undefined): string[] | null => (row ? Object.values(row).map(v => String(v)) : null);
