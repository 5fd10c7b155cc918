import type { Node, RangeVar } from 'libpg-query';
import { nodeAs, nodesAs, sameRelation, strings, walk, type FunctionCall } from './nodes.js';
import type { SqlStatement } from './statement.js';
import { ColumnKeepers } from './column-keepers.js';
import { addedColumns, alterTableOf } from './alter-table.js';

/** A constraint that proves columns hold no NULL once validated. */
interface NotNullProof {
  table: RangeVar;
  name: string;
  columns: string[];
  validated: boolean;
}

/**
 * What the earlier statements of a file did, for rules that depend on them:
 * tables and indexes it created (new and empty, so nobody waits on their
 * locks), the constraints it added and the NOT NULL checks it validated, and
 * the functions and procedures it (or an earlier part of its migration) created,
 * the columns those added, and the triggers and rules that keep columns in step.
 */
export class FileFacts {
  private readonly tables: RangeVar[] = [];
  private readonly indexes: string[] = [];
  private readonly proofs: NotNullProof[] = [];
  private readonly constraints: { table: RangeVar; name: string }[] = [];
  /** Lower-cased qualified names, as calls are compared. */
  private readonly routines: string[][] = [];
  private readonly columns: { table: RangeVar; name: string }[] = [];
  readonly keepers = new ColumnKeepers();

  /** Learns what an earlier part of the same migration created: its functions, columns, triggers and rules exist when this part runs. */
  addEarlierPart(statement: SqlStatement): void {
    const created = nodeAs(statement.node, 'CreateFunctionStmt');
    if (created) this.routines.push(strings(created.funcname).map(n => n.toLowerCase()));
    this.columns.push(...addedColumns(statement).map(({ relation, name }) => ({ table: relation, name })));
    const table = nodeAs(statement.node, 'CreateStmt');
    if (table?.relation) {
      const relation = table.relation;
      this.columns.push(...nodesAs(table.tableElts, 'ColumnDef').map(c => ({ table: relation, name: c.colname ?? '?' })));
    }
    this.keepers.learn(statement);
    // A CHECK (col IS NOT NULL) expand added NOT VALID proves NOT NULL once contract validates it.
    const alter = alterTableOf(statement);
    if (alter) for (const cmd of alter.cmds) this.learnConstraint(alter.relation, cmd.subtype, cmd.name, cmd.def);
  }

  /** Learns from a statement; call in file order, after checking it. */
  add(statement: SqlStatement): void {
    this.addEarlierPart(statement);
    const created = createdTable(statement.node);
    if (created) this.tables.push(created);
    // A new table keeps being new under its new name.
    const rename = nodeAs(statement.node, 'RenameStmt');
    if (rename?.renameType === 'OBJECT_TABLE' && rename.relation && rename.newname && this.isNewTable(rename.relation)) {
      this.tables.push({ ...rename.relation, relname: rename.newname });
    }
    const index = nodeAs(statement.node, 'IndexStmt');
    if (index?.idxname) this.indexes.push(index.idxname);
  }

  isNewTable(table: RangeVar): boolean {
    return this.tables.some(t => sameRelation(t, table));
  }

  /** `name` may be schema-qualified (`app.users_email_idx`). */
  isNewIndex(name: string): boolean {
    const bare = name.slice(name.lastIndexOf('.') + 1);
    return this.indexes.includes(bare);
  }

  /** Whether a call may run a function or procedure created earlier in the migration; without a schema on one side, names alone are compared. */
  isNewRoutine(call: FunctionCall): boolean {
    return this.routines.some(names => {
      if (names[names.length - 1] !== call.name) return false;
      return names.length === 1 || call.names.length === 1 || names[names.length - 2] === call.names[call.names.length - 2];
    });
  }

  /** Whether this migration added `column` to `table` (or created the table with it): the old version does not write it. */
  isNewColumn(table: RangeVar, column: string): boolean {
    return this.columns.some(c => c.name === column && sameRelation(c.table, table));
  }

  /** Whether an earlier statement added the constraint `name` to `table`. */
  isNewConstraint(table: RangeVar, name: string): boolean {
    return this.constraints.some(c => c.name === name && sameRelation(c.table, table));
  }

  /** Whether an earlier statement validated a constraint proving `column` of `table` holds no NULL. */
  hasValidatedNotNull(table: RangeVar, column: string): boolean {
    return this.proofs.some(p => p.validated && sameRelation(p.table, table) && p.columns.includes(column));
  }

  private learnConstraint(table: RangeVar, subtype: string | undefined, name: string | undefined, def: Node | undefined): void {
    if (subtype === 'AT_ValidateConstraint') {
      for (const proof of this.proofs) if (proof.name === name && sameRelation(proof.table, table)) proof.validated = true;
      return;
    }
    if (subtype === 'AT_DropConstraint') {
      const kept = this.proofs.filter(p => !(p.name === name && sameRelation(p.table, table)));
      this.proofs.splice(0, this.proofs.length, ...kept);
      return;
    }
    const constraint = subtype === 'AT_AddConstraint' ? nodeAs(def, 'Constraint') : undefined;
    if (!constraint) return;
    const validated = !constraint.skip_validation;
    if (constraint.conname) this.constraints.push({ table, name: constraint.conname });
    if (constraint.contype === 'CONSTR_CHECK') {
      const name = constraint.conname ?? defaultCheckName(table, constraint.raw_expr);
      if (!constraint.conname) this.constraints.push({ table, name });
      const columns = notNullColumns(constraint.raw_expr);
      if (columns.length === 0) return;
      this.proofs.push({ table, name, columns, validated });
    }
    // PostgreSQL 18: ADD CONSTRAINT name NOT NULL col [NOT VALID].
    if (constraint.contype === 'CONSTR_NOTNULL') {
      const columns = strings(constraint.keys);
      const name = constraint.conname ?? `${table.relname}_${columns[0] ?? ''}_not_null`;
      if (!constraint.conname) this.constraints.push({ table, name });
      this.proofs.push({ table, name, columns, validated });
    }
  }
}

/**
 * The table (or materialized view) a statement creates. IF NOT EXISTS may
 * find a table that exists and has rows, so it does not count as new.
 */
function createdTable(node: Node): RangeVar | undefined {
  const create = nodeAs(node, 'CreateStmt') ?? nodeAs(node, 'CreateForeignTableStmt')?.base;
  if (create?.if_not_exists || nodeAs(node, 'CreateTableAsStmt')?.if_not_exists) return undefined;
  return (
    create?.relation ??
    nodeAs(node, 'CreateTableAsStmt')?.into?.rel ??
    nodeAs(node, 'SelectStmt')?.intoClause?.rel
  );
}

/** Columns a CHECK expression proves non-NULL: `col IS NOT NULL`, alone or AND-ed. */
function notNullColumns(expr: Node | undefined): string[] {
  const test = nodeAs(expr, 'NullTest');
  if (test) {
    const column = strings(nodeAs(test.arg, 'ColumnRef')?.fields).pop();
    return test.nulltesttype === 'IS_NOT_NULL' && column !== undefined ? [column] : [];
  }
  const bool = nodeAs(expr, 'BoolExpr');
  if (bool?.boolop === 'AND_EXPR') return (bool.args ?? []).flatMap(notNullColumns);
  return [];
}

/** The name PostgreSQL gives an unnamed CHECK: `<table>_<column>_check` with one column referenced, else `<table>_check`. */
function defaultCheckName(table: RangeVar, expr: Node | undefined): string {
  const columns = new Set<string>();
  walk(expr, (kind, body) => {
    if (kind !== 'ColumnRef') return;
    const column = strings((body as { fields?: Node[] }).fields).pop();
    if (column !== undefined) columns.add(column);
  });
  const relname = table.relname ?? '';
  return columns.size === 1 ? `${relname}_${[...columns][0]}_check` : `${relname}_check`;
}
