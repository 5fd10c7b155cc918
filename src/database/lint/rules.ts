import type { Rule } from './rule.js';
import { addColumnNotNullWithoutDefault, changeColumnType, volatileDefault } from './rules-columns.js';
import { dropColumn, dropDefault, dropTable, renameColumn, renameTable } from './rules-compat.js';
import { checkNotValid, foreignKeyNotValid, setNotNull, uniqueWithoutIndex } from './rules-constraints.js';
import { deleteWithoutWhere, truncate, updateWithoutWhere } from './rules-data.js';
import { createIndexNotConcurrently, dropIndexNotConcurrently, refreshMatviewNotConcurrently, reindexNotConcurrently } from './rules-index.js';
import { cluster, rewriteTable, setTablespace, vacuumFull } from './rules-rewrite.js';
import { explicitTransaction, lockTable } from './rules-session.js';

export type { Rule } from './rule.js';

/** Every lint rule, in the order findings for one statement are reported. */
export const rules: readonly Rule[] = [
  dropColumn,
  dropTable,
  renameColumn,
  renameTable,
  dropDefault,
  changeColumnType,
  addColumnNotNullWithoutDefault,
  volatileDefault,
  setNotNull,
  foreignKeyNotValid,
  checkNotValid,
  uniqueWithoutIndex,
  createIndexNotConcurrently,
  dropIndexNotConcurrently,
  reindexNotConcurrently,
  refreshMatviewNotConcurrently,
  vacuumFull,
  cluster,
  setTablespace,
  rewriteTable,
  truncate,
  deleteWithoutWhere,
  updateWithoutWhere,
  lockTable,
  explicitTransaction
];

/** The ids an allow comment may name. */
export const ruleIds: readonly string[] = rules.map(rule => rule.id);
