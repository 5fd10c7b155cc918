import type { Node } from 'libpg-query';
import { nodeAs, nodesAs, optionOn } from './nodes.js';

/**
 * Whether PostgreSQL lets the statement run inside a transaction block. The
 * runner wraps each statement in its own transaction unless this says no;
 * these are the commands that call PreventInTransactionBlock in PostgreSQL 15–18.
 */
export function isTransactional(node: Node): boolean {
  const index = nodeAs(node, 'IndexStmt');
  if (index) return !index.concurrent;
  const drop = nodeAs(node, 'DropStmt');
  if (drop) return !drop.concurrent;
  const reindex = nodeAs(node, 'ReindexStmt');
  if (reindex) {
    const wholeDatabase = ['REINDEX_OBJECT_SCHEMA', 'REINDEX_OBJECT_SYSTEM', 'REINDEX_OBJECT_DATABASE'].includes(reindex.kind ?? '');
    return !wholeDatabase && !optionOn(reindex.params, 'concurrently');
  }
  // VACUUM refuses a transaction block; ANALYZE alone (the same node) does not.
  const vacuum = nodeAs(node, 'VacuumStmt');
  if (vacuum) return !vacuum.is_vacuumcmd;
  // CLUSTER without a table reclusters every table, one transaction each.
  const cluster = nodeAs(node, 'ClusterStmt');
  if (cluster) return cluster.relation !== undefined;
  const alterTable = nodeAs(node, 'AlterTableStmt');
  if (alterTable) {
    return !nodesAs(alterTable.cmds, 'AlterTableCmd').some(cmd => cmd.subtype === 'AT_DetachPartition' && nodeAs(cmd.def, 'PartitionCmd')?.concurrent);
  }
  const alterDatabase = nodeAs(node, 'AlterDatabaseStmt');
  if (alterDatabase) return !nodesAs(alterDatabase.options, 'DefElem').some(o => o.defname === 'tablespace');
  const subscription = nodeAs(node, 'CreateSubscriptionStmt');
  if (subscription) return turnedOff(subscription.options, 'create_slot') || turnedOff(subscription.options, 'connect');
  const alterSubscription = nodeAs(node, 'AlterSubscriptionStmt');
  if (alterSubscription) return !refreshesSubscription(alterSubscription.kind, alterSubscription.options);
  const discard = nodeAs(node, 'DiscardStmt');
  if (discard) return discard.target !== 'DISCARD_ALL';
  const never: string[] = ['CreatedbStmt', 'DropdbStmt', 'AlterSystemStmt', 'CreateTableSpaceStmt', 'DropTableSpaceStmt', 'DropSubscriptionStmt'];
  return !never.some(kind => kind in node);
}

/** An option written and set off; create_slot and connect default to on. */
function turnedOff(options: readonly Node[] | undefined, name: string): boolean {
  return hasOption(options, name) && !optionOn(options, name);
}

function hasOption(options: readonly Node[] | undefined, name: string): boolean {
  return nodesAs(options, 'DefElem').some(o => o.defname === name);
}

/** ALTER SUBSCRIPTION ... REFRESH PUBLICATION, and SET/ADD/DROP PUBLICATION unless `refresh = false`. */
function refreshesSubscription(kind: string | undefined, options: readonly Node[] | undefined): boolean {
  if (kind === 'ALTER_SUBSCRIPTION_REFRESH') return true;
  const changesPublications = ['ALTER_SUBSCRIPTION_SET_PUBLICATION', 'ALTER_SUBSCRIPTION_ADD_PUBLICATION', 'ALTER_SUBSCRIPTION_DROP_PUBLICATION'].includes(kind ?? '');
  return changesPublications && (!hasOption(options, 'refresh') || optionOn(options, 'refresh'));
}
