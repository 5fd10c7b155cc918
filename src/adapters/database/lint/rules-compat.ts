import { nodeAs, nodesAs, objectKind, relationName, relationOf, strings } from '../sql/nodes.js';
import { commandsOf } from '../sql/alter-table.js';
import { BEFORE_PROMOTION, type Hit, type Rule } from './rule.js';

/*
 * Changes the running (old) version cannot survive. They are refused before
 * promotion and belong in contract.sql, once no running version depends on them.
 */

/** Relation kinds that queries name; other kinds of object are rules-objects.ts's. */
export const RELATION_KINDS: readonly string[] = ['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'];

/** The relation kind as a word, or undefined for any other kind of object. */
function relationKind(objtype: string | undefined): string | undefined {
  return RELATION_KINDS.includes(objtype ?? '') ? objectKind(objtype) : undefined;
}

export const dropColumn: Rule = {
  id: 'drop-column',
  phases: BEFORE_PROMOTION,
  why: 'The running version still reads and writes this column: its queries fail from the moment the column is gone.',
  fix: 'Ship a version that no longer uses the column, then drop it in contract.sql, which runs after promotion.',
  check: statement =>
    commandsOf(statement, 'AT_DropColumn').map(({ relation, cmd }) => ({ message: `drops column ${relationName(relation)}.${cmd.name}`, table: relation }))
};

export const dropTable: Rule = {
  id: 'drop-table',
  phases: BEFORE_PROMOTION,
  why: 'The running version still queries it: every query naming it fails from the moment it is dropped.',
  fix: 'Ship a version that no longer uses it, then drop it in contract.sql, which runs after promotion.',
  check: statement => {
    const drop = nodeAs(statement.node, 'DropStmt');
    const kind = relationKind(drop?.removeType);
    if (!drop || !kind) return [];
    return nodesAs(drop.objects, 'List').map(list => {
      const table = relationOf(strings(list.items));
      return { message: `drops ${kind} ${relationName(table)}`, table };
    });
  }
};

export const renameColumn: Rule = {
  id: 'rename-column',
  phases: BEFORE_PROMOTION,
  why: 'The running version still uses the old name: every query naming the column fails from the moment it is renamed.',
  fix: 'Add a column with the new name in expand.sql, keep both written (by the new version or a trigger), backfill it in migrate, and drop the old column in contract.sql. A rename in contract.sql is allowed once no running version uses the old name.',
  check: statement => {
    const rename = nodeAs(statement.node, 'RenameStmt');
    if (rename?.renameType !== 'OBJECT_COLUMN' || !rename.relation) return [];
    return [{ message: `renames column ${relationName(rename.relation)}.${rename.subname} to ${rename.newname}`, table: rename.relation }];
  }
};

export const renameTable: Rule = {
  id: 'rename-table',
  phases: BEFORE_PROMOTION,
  why: 'The running version still uses the old name: every query naming it fails from the moment it is renamed or moved.',
  fix: 'Keep the old name working until the old version is gone: create the new table in expand.sql and keep both in step, or rename it and create a view with the old name in the same file (simple views accept writes; allow the rename with a comment); remove the old name in contract.sql.',
  check: statement => {
    const hits: Hit[] = [];
    const rename = nodeAs(statement.node, 'RenameStmt');
    const kind = relationKind(rename?.renameType);
    if (rename?.relation && kind) hits.push({ message: `renames ${kind} ${relationName(rename.relation)} to ${rename.newname}`, table: rename.relation });
    if (rename?.renameType === 'OBJECT_SCHEMA') hits.push({ message: `renames schema ${rename.subname} to ${rename.newname}` });
    const move = nodeAs(statement.node, 'AlterObjectSchemaStmt');
    const moved = relationKind(move?.objectType);
    if (move?.relation && moved) hits.push({ message: `moves ${moved} ${relationName(move.relation)} to schema ${move.newschema}`, table: move.relation });
    return hits;
  }
};

export const dropDefault: Rule = {
  id: 'drop-default',
  phases: BEFORE_PROMOTION,
  why: 'The running version may insert rows without this column and rely on its default (or identity): after DROP DEFAULT or DROP IDENTITY those rows get NULL, or fail on a NOT NULL column.',
  fix: 'Drop the default in contract.sql, after the version that relies on it is gone.',
  check: statement => [
    ...commandsOf(statement, 'AT_ColumnDefault')
      .filter(({ cmd }) => cmd.def === undefined)
      .map(({ relation, cmd }) => ({ message: `drops the default of ${relationName(relation)}.${cmd.name}`, table: relation })),
    ...commandsOf(statement, 'AT_DropIdentity').map(({ relation, cmd }) => ({ message: `drops the identity of ${relationName(relation)}.${cmd.name}`, table: relation }))
  ]
};
