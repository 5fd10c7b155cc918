import type { RangeVar } from 'libpg-query';
import { nodeAs, nodesAs, relationName, walk } from '../sql/nodes.js';
import type { SqlStatement } from '../sql/statement.js';
import { ALL_PHASES, type Rule } from './rule.js';

/* Statements that change every row of a table at once. */

/** Tables a statement (or a WITH query inside it) updates or deletes from without a WHERE. */
function unboundedTargets(statement: SqlStatement, kind: 'UpdateStmt' | 'DeleteStmt'): RangeVar[] {
  const targets: RangeVar[] = [];
  walk(statement.node, (found, body) => {
    const { relation, whereClause } = body as { relation?: RangeVar; whereClause?: unknown };
    if (found === kind && relation && whereClause === undefined) targets.push(relation);
  });
  return targets;
}

export const truncate: Rule = {
  id: 'truncate',
  phases: ALL_PHASES,
  why: 'TRUNCATE takes an ACCESS EXCLUSIVE lock and empties the table at once: queries wait on the lock, and the running version loses every row.',
  fix: 'If nothing uses the table any more, drop it in contract.sql; to remove some rows, DELETE them with a WHERE in batches. If emptying it is intended, say why with "-- cutover:allow truncate: <reason>".',
  check: statement => {
    const stmt = nodeAs(statement.node, 'TruncateStmt');
    return nodesAs(stmt?.relations, 'RangeVar').map(table => ({ message: `truncates ${relationName(table)}`, table }));
  }
};

export const deleteWithoutWhere: Rule = {
  id: 'delete-without-where',
  phases: ALL_PHASES,
  why: 'A DELETE without WHERE removes every row in one transaction: the rows stay locked until it commits, so writes to them wait, and the running version loses the data.',
  fix: 'Add a WHERE naming the rows to remove and delete in bounded batches, or drop the table in contract.sql if nothing uses it. If emptying it is intended, say why with "-- cutover:allow delete-without-where: <reason>".',
  check: statement => unboundedTargets(statement, 'DeleteStmt').map(table => ({ message: `deletes every row of ${relationName(table)}`, table }))
};

export const updateWithoutWhere: Rule = {
  id: 'update-without-where',
  phases: ['expand', 'contract'],
  why: "An UPDATE without WHERE rewrites every row in one transaction: each row stays locked until it commits, so the running version's writes to them wait, a large table runs into statement_timeout, and the table bloats.",
  fix: 'Backfill in migrate (migrate.sql with one UPDATE, or migrate.yml): cutover runs it in short batches over the primary key and resumes where it stopped.',
  check: statement => unboundedTargets(statement, 'UpdateStmt').map(table => ({ message: `updates every row of ${relationName(table)}`, table }))
};
