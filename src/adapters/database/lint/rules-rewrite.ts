import { nodeAs, nodesAs, optionOn, relationName } from '../sql/nodes.js';
import { alterTableOf } from '../sql/alter-table.js';
import { ALL_PHASES, type Hit, type Rule } from './rule.js';

/* Maintenance commands that copy a whole table while every query on it waits. */

const ONLINE_TOOL = 'Leave it out of the release: autovacuum and plain VACUUM reclaim space without blocking, and an online tool such as pg_repack rewrites a table without the long lock.';

export const vacuumFull: Rule = {
  id: 'vacuum-full',
  phases: ALL_PHASES,
  why: 'VACUUM FULL writes a new copy of the table under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole copy.',
  fix: ONLINE_TOOL,
  check: statement => {
    const vacuum = nodeAs(statement.node, 'VacuumStmt');
    if (!vacuum?.is_vacuumcmd || !optionOn(vacuum.options, 'full')) return [];
    const tables = nodesAs(vacuum.rels, 'VacuumRelation').flatMap(r => (r.relation ? [r.relation] : []));
    if (tables.length === 0) return [{ message: 'VACUUM FULL rewrites every table of the database' }];
    return tables.map(table => ({ message: `VACUUM FULL rewrites ${relationName(table)}`, table }));
  }
};

export const cluster: Rule = {
  id: 'cluster',
  phases: ALL_PHASES,
  why: 'CLUSTER writes a new, sorted copy of the table under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole copy.',
  fix: ONLINE_TOOL,
  check: statement => {
    const stmt = nodeAs(statement.node, 'ClusterStmt');
    if (!stmt) return [];
    if (!stmt.relation) return [{ message: 'CLUSTER rewrites every clustered table of the database' }];
    return [{ message: `CLUSTER rewrites ${relationName(stmt.relation)}`, table: stmt.relation }];
  }
};

export const setTablespace: Rule = {
  id: 'set-tablespace',
  phases: ALL_PHASES,
  why: 'SET TABLESPACE copies every block of the table or index to the new tablespace under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole copy.',
  fix: 'Create new tables and indexes in the target tablespace from the start, or move existing ones outside the release with an online tool (pg_repack --tablespace).',
  check: statement => {
    const hits: Hit[] = [];
    const alter = alterTableOf(statement);
    if (alter) {
      const name = relationName(alter.relation);
      const isIndex = alter.objtype === 'OBJECT_INDEX';
      for (const cmd of alter.cmds.filter(c => c.subtype === 'AT_SetTableSpace')) {
        hits.push({ message: `moves ${isIndex ? 'index' : 'table'} ${name} to tablespace ${cmd.name}`, ...(isIndex ? { index: name } : { table: alter.relation }) });
      }
    }
    const all = nodeAs(statement.node, 'AlterTableMoveAllStmt');
    if (all) hits.push({ message: `moves everything in tablespace ${all.orig_tablespacename} to ${all.new_tablespacename}` });
    return hits;
  }
};

const REWRITES: Record<string, string> = {
  AT_SetLogged: 'SET LOGGED',
  AT_SetUnLogged: 'SET UNLOGGED',
  AT_SetAccessMethod: 'SET ACCESS METHOD',
  AT_SetExpression: 'ALTER COLUMN ... SET EXPRESSION'
};

export const rewriteTable: Rule = {
  id: 'rewrite-table',
  phases: ALL_PHASES,
  why: 'SET LOGGED, SET UNLOGGED, SET ACCESS METHOD and ALTER COLUMN ... SET EXPRESSION rewrite the whole table under an ACCESS EXCLUSIVE lock: reads and writes wait for the rewrite.',
  fix: 'Create a new table with the setting you want, copy rows into it in batches and switch over across releases; or accept the lock in a quiet window with "-- cutover:allow rewrite-table: <reason>".',
  check: statement => {
    const alter = alterTableOf(statement);
    if (!alter) return [];
    return alter.cmds
      .filter(cmd => REWRITES[cmd.subtype ?? ''] !== undefined)
      .map(cmd => ({
        message: `${REWRITES[cmd.subtype ?? '']}${cmd.subtype === 'AT_SetExpression' ? ` of ${cmd.name}` : ''} rewrites ${relationName(alter.relation)}`,
        table: alter.relation
      }));
  }
};
