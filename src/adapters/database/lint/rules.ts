import type { Rule } from './rule.js';
import { backfillWithoutTrigger } from './rules-backfill.js';
import { addColumnNotNullWithoutDefault, changeColumnType, volatileDefault } from './rules-columns.js';
import { dropColumn, dropDefault, dropTable, renameColumn, renameTable } from './rules-compat.js';
import { checkNotValid, foreignKeyNotValid, setNotNull, uniqueWithoutIndex } from './rules-constraints.js';
import { deleteWithoutWhere, truncate, updateWithoutWhere } from './rules-data.js';
import { createIndexNotConcurrently, dropIndexNotConcurrently, refreshMatviewNotConcurrently, reindexNotConcurrently } from './rules-index.js';
import { cluster, rewriteTable, setTablespace, vacuumFull } from './rules-rewrite.js';
import { copyServerFile, sideEffectFunction } from './rules-effects.js';
import { dropObject, renameObject, revokeAccess } from './rules-objects.js';
import { callNewFunction, callProcedure, doBlock, executePrepared, loadLibrary } from './rules-opaque.js';
import { alterSystem, explicitTransaction, lockTable, sessionSetting, setRole } from './rules-session.js';

export type { Rule } from './rule.js';

/** Every lint rule, in the order findings for one statement are reported. */
export const rules: readonly Rule[] = [
  dropColumn,
  dropTable,
  renameColumn,
  renameTable,
  dropObject,
  renameObject,
  revokeAccess,
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
  backfillWithoutTrigger,
  lockTable,
  explicitTransaction,
  doBlock,
  callProcedure,
  executePrepared,
  callNewFunction,
  sideEffectFunction,
  loadLibrary,
  copyServerFile,
  setRole,
  sessionSetting,
  alterSystem
];

/** The ids an allow comment may name. */
export const ruleIds: readonly string[] = rules.map(rule => rule.id);
