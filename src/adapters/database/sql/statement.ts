import type { Node } from 'libpg-query';
import type { Allow } from './allow.js';

/** One statement of a migration file, parsed (src/adapters/database/sql/statements.ts reads them). */
export interface SqlStatement {
  /** Exact source text, without the trailing semicolon: what the runner sends. */
  text: string;
  /** 1-based line of the statement's first token (leading comments skipped). */
  line: number;
  /** The parse tree, e.g. `{ AlterTableStmt: {...} }`. */
  node: Node;
  /** The node type, e.g. 'AlterTableStmt'. */
  kind: string;
  /** The `-- cutover:allow` comments that apply to this statement. */
  allows: Allow[];
  /** False for statements PostgreSQL refuses inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, ...). */
  transactional: boolean;
}
