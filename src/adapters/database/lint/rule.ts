import type { RangeVar } from 'libpg-query';
import type { SqlStatement } from '../sql/statement.js';
import type { FileFacts } from '../sql/file-facts.js';

/** The phase a migration part runs in: expand and migrate before promotion, contract after it. */
export type MigrationPhase = 'expand' | 'migrate' | 'contract';

/** One thing a rule found in a statement. */
export interface Hit {
  /** Concrete: names the table, column or index. */
  message: string;
  /** The table it touches: a table created earlier in the same file is new and empty, so the hit is dropped. */
  table?: RangeVar;
  /** The index it touches, by name: an index created earlier in the same file is exempt the same way. */
  index?: string;
  /** The rule's fix written out for this statement, with its real names; the rule's `fix` when absent. */
  fix?: string;
}

export interface Rule {
  /** kebab-case, used in findings and in `-- cutover:allow <id>: <reason>`. */
  id: string;
  /** The phases in which the rule refuses. */
  phases: readonly MigrationPhase[];
  /** Why it breaks the running version or blocks traffic. */
  why: string;
  /** The safe way to get the same result. */
  fix: string;
  /** What the statement does that the rule refuses; `facts` knows the earlier statements of the file. */
  check(statement: SqlStatement, facts: FileFacts): Hit[];
}

/** Before promotion the old version still serves traffic, so changes must stay backward compatible. */
export const BEFORE_PROMOTION: readonly MigrationPhase[] = ['expand', 'migrate'];
/** Long locks block traffic whichever version serves it. */
export const ALL_PHASES: readonly MigrationPhase[] = ['expand', 'migrate', 'contract'];

/** Statement kinds whose parse node name does not read as their SQL. */
const STATEMENT_WORDS: Record<string, string> = {
  CreateStmt: 'CREATE TABLE',
  IndexStmt: 'CREATE INDEX',
  ViewStmt: 'CREATE VIEW',
  CreateTableAsStmt: 'CREATE TABLE AS',
  CreateTrigStmt: 'CREATE TRIGGER',
  VariableSetStmt: 'SET'
};

/** A statement's kind as SQL words, for messages: 'AlterTableStmt' reads 'ALTER TABLE'. */
export function statementWords(statement: SqlStatement): string {
  return STATEMENT_WORDS[statement.kind] ?? statement.kind.replace(/Stmt$/, '').replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toUpperCase();
}
