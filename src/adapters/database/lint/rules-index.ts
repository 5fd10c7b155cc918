import { nodeAs, nodesAs, optionOn, relationName, strings } from '../sql/nodes.js';
import { ALL_PHASES, type Hit, type Rule } from './rule.js';

/* Index builds and refreshes that have a CONCURRENTLY form which keeps traffic flowing. */

export const createIndexNotConcurrently: Rule = {
  id: 'create-index-not-concurrently',
  phases: ALL_PHASES,
  why: 'Without CONCURRENTLY the build holds a SHARE lock on the table from start to end: every INSERT, UPDATE and DELETE waits until the index is built.',
  fix: 'CREATE INDEX CONCURRENTLY (also for UNIQUE indexes); cutover runs it outside a transaction and drops the INVALID index a failed build leaves. On a partitioned table: CREATE INDEX ON ONLY the parent (it builds nothing; allow it with a comment), CREATE INDEX CONCURRENTLY on each partition, then ALTER INDEX ... ATTACH PARTITION.',
  check: statement => {
    const index = nodeAs(statement.node, 'IndexStmt');
    if (!index?.relation || index.concurrent) return [];
    const what = `${index.unique ? 'unique ' : ''}index${index.idxname ? ` ${index.idxname}` : ''}`;
    return [{ message: `creates ${what} on ${relationName(index.relation)} without CONCURRENTLY`, table: index.relation }];
  }
};

export const dropIndexNotConcurrently: Rule = {
  id: 'drop-index-not-concurrently',
  phases: ALL_PHASES,
  why: "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table: reads and writes wait, and the drop itself queues behind every running query on the table.",
  fix: 'DROP INDEX CONCURRENTLY name: one index per statement, without CASCADE; cutover runs it outside a transaction.',
  check: statement => {
    const drop = nodeAs(statement.node, 'DropStmt');
    if (drop?.removeType !== 'OBJECT_INDEX' || drop.concurrent) return [];
    return nodesAs(drop.objects, 'List').map(list => {
      const index = strings(list.items).join('.');
      return { message: `drops index ${index} without CONCURRENTLY`, index };
    });
  }
};

export const reindexNotConcurrently: Rule = {
  id: 'reindex-not-concurrently',
  phases: ALL_PHASES,
  why: 'REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, until every index is rebuilt.',
  fix: 'REINDEX ... CONCURRENTLY (PostgreSQL 12+); cutover runs it outside a transaction.',
  check: statement => {
    const reindex = nodeAs(statement.node, 'ReindexStmt');
    if (!reindex || optionOn(reindex.params, 'concurrently')) return [];
    const name = relationName(reindex.relation);
    const hit: Record<string, Hit> = {
      REINDEX_OBJECT_INDEX: { message: `reindexes index ${name} without CONCURRENTLY`, index: name },
      REINDEX_OBJECT_TABLE: { message: `reindexes every index of ${name} without CONCURRENTLY`, ...(reindex.relation ? { table: reindex.relation } : {}) },
      REINDEX_OBJECT_SCHEMA: { message: `reindexes every table of schema ${reindex.name} without CONCURRENTLY` }
    };
    return [hit[reindex.kind ?? ''] ?? { message: `reindexes the whole database${reindex.name ? ` ${reindex.name}` : ''} without CONCURRENTLY` }];
  }
};

export const refreshMatviewNotConcurrently: Rule = {
  id: 'refresh-matview-not-concurrently',
  phases: ALL_PHASES,
  why: 'REFRESH MATERIALIZED VIEW without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on the view while its query runs: every read of the view waits.',
  fix: 'REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique index); reads continue during the refresh.',
  check: statement => {
    const refresh = nodeAs(statement.node, 'RefreshMatViewStmt');
    if (!refresh?.relation || refresh.concurrent) return [];
    return [{ message: `refreshes materialized view ${relationName(refresh.relation)} without CONCURRENTLY`, table: refresh.relation }];
  }
};
