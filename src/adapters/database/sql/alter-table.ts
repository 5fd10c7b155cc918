import type { AlterTableCmd, ColumnDef, RangeVar } from 'libpg-query';
import { nodeAs, nodesAs } from './nodes.js';
import type { SqlStatement } from './statement.js';

export interface AlterTable {
  relation: RangeVar;
  /** 'OBJECT_TABLE', 'OBJECT_INDEX', ... as written (ALTER TABLE, ALTER INDEX). */
  objtype: string;
  cmds: AlterTableCmd[];
}

/** The ALTER TABLE (or ALTER INDEX/VIEW/...) a statement is, if it is one. */
export function alterTableOf(statement: SqlStatement): AlterTable | undefined {
  const alter = nodeAs(statement.node, 'AlterTableStmt');
  if (!alter?.relation) return undefined;
  return { relation: alter.relation, objtype: alter.objtype ?? 'OBJECT_TABLE', cmds: nodesAs(alter.cmds, 'AlterTableCmd') };
}

/** The subcommands of an ALTER TABLE of type `subtype`. */
export function commandsOf(statement: SqlStatement, subtype: AlterTableCmd['subtype']): { relation: RangeVar; cmd: AlterTableCmd }[] {
  const alter = alterTableOf(statement);
  if (!alter) return [];
  return alter.cmds.filter(cmd => cmd.subtype === subtype).map(cmd => ({ relation: alter.relation, cmd }));
}

/** The columns an ALTER TABLE ... ADD COLUMN adds. */
export function addedColumns(statement: SqlStatement): { relation: RangeVar; column: ColumnDef; name: string }[] {
  return commandsOf(statement, 'AT_AddColumn').flatMap(({ relation, cmd }) => {
    const column = nodeAs(cmd.def, 'ColumnDef');
    return column ? [{ relation, column, name: column.colname ?? '?' }] : [];
  });
}
