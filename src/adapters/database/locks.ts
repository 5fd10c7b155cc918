import type { AlterTableCmd, Node, RangeVar } from 'libpg-query';
import { FileFacts } from './sql/file-facts.js';
import { rowsToFill } from './sql/column-fill.js';
import { columnConstraints, kindOf, nodeAs, nodesAs, optionOn, relationName, relationOf, strings, typeText, walk } from './sql/nodes.js';
import type { SqlStatement } from './sql/statement.js';

/*
 * The table locks a statement takes, for `cutover db plan`, following the
 * PostgreSQL 15–18 documentation ("Explicit Locking", ALTER TABLE, CREATE
 * INDEX, ...) and AlterTableGetLockLevel in tablecmds.c.
 */

export type LockMode =
  | 'ACCESS EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'SHARE ROW EXCLUSIVE'
  | 'SHARE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'ROW EXCLUSIVE'
  | 'ROW SHARE'
  | 'ACCESS SHARE'
  | 'none';

export interface StatementLock {
  mode: LockMode;
  /** The table, index or other object locked. */
  target: string;
  /** What concurrent work waits while the lock is held, in plain words. */
  blocks: string;
  /** Whether the statement rewrites or scans the whole table while holding the lock. */
  rewrite: boolean;
}

/** Weakest to strongest; the index is PostgreSQL's lock mode number (LOCK TABLE's parse tree uses it). */
const STRENGTH: readonly LockMode[] = ['none', 'ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'];

/** LOCK TABLE's mode number as a name; 8, ACCESS EXCLUSIVE, is LOCK's default. */
export function lockModeOfNumber(mode: number): LockMode {
  return STRENGTH[mode] ?? 'ACCESS EXCLUSIVE';
}

/** What each mode makes ordinary traffic wait for, from the table-level lock conflict table. */
const BLOCKS: Record<LockMode, string> = {
  'ACCESS EXCLUSIVE': 'reads and writes',
  EXCLUSIVE: 'writes (reads continue)',
  'SHARE ROW EXCLUSIVE': 'writes',
  SHARE: 'writes',
  'SHARE UPDATE EXCLUSIVE': 'other DDL only',
  'ROW EXCLUSIVE': 'other DDL only',
  'ROW SHARE': 'other DDL only',
  'ACCESS SHARE': 'other DDL only',
  none: 'nothing'
};

const stronger = (a: LockMode, b: LockMode) => (STRENGTH.indexOf(a) >= STRENGTH.indexOf(b) ? a : b);

function lock(mode: LockMode, target: string, rewrite = false, blocks = BLOCKS[mode]): StatementLock {
  return { mode, target, blocks, rewrite };
}

/** One lock per target: the strongest mode, and a rewrite if any part rewrites. */
function merge(locks: StatementLock[]): StatementLock[] {
  const byTarget = new Map<string, StatementLock>();
  for (const next of locks) {
    const seen = byTarget.get(next.target);
    if (!seen) byTarget.set(next.target, { ...next });
    else {
      const mode = stronger(seen.mode, next.mode);
      byTarget.set(next.target, { mode, target: next.target, blocks: mode === seen.mode ? seen.blocks : next.blocks, rewrite: seen.rewrite || next.rewrite });
    }
  }
  return [...byTarget.values()];
}

/* ---- ALTER TABLE: the strongest lock over its subcommands ---- */

const SHARE_UPDATE_EXCLUSIVE_COMMANDS = new Set(['AT_SetStatistics', 'AT_ClusterOn', 'AT_DropCluster', 'AT_SetOptions', 'AT_ResetOptions', 'AT_ValidateConstraint', 'AT_AttachPartition', 'AT_DetachPartitionFinalize']);
const TRIGGER_COMMANDS = new Set(['AT_EnableTrig', 'AT_EnableAlwaysTrig', 'AT_EnableReplicaTrig', 'AT_EnableTrigAll', 'AT_EnableTrigUser', 'AT_DisableTrig', 'AT_DisableTrigAll', 'AT_DisableTrigUser']);
const REWRITE_COMMANDS = new Set(['AT_AlterColumnType', 'AT_SetTableSpace', 'AT_SetLogged', 'AT_SetUnLogged', 'AT_SetAccessMethod', 'AT_SetExpression', 'AT_ValidateConstraint']);
/** Storage parameters the ALTER TABLE documentation lists as SHARE UPDATE EXCLUSIVE; others take ACCESS EXCLUSIVE. */
const LIGHT_OPTIONS = new Set(['fillfactor', 'parallel_workers', 'toast_tuple_target', 'log_autovacuum_min_duration', 'vacuum_index_cleanup', 'vacuum_truncate']);

function lightOptions(def: Node | undefined): boolean {
  const options = nodesAs(nodeAs(def, 'List')?.items, 'DefElem');
  return options.every(o => o.defnamespace === 'toast' || o.defname?.startsWith('autovacuum_') || LIGHT_OPTIONS.has(o.defname ?? ''));
}

function commandMode(cmd: AlterTableCmd): LockMode {
  const subtype = cmd.subtype ?? '';
  if (SHARE_UPDATE_EXCLUSIVE_COMMANDS.has(subtype)) return 'SHARE UPDATE EXCLUSIVE';
  if (TRIGGER_COMMANDS.has(subtype)) return 'SHARE ROW EXCLUSIVE';
  if (subtype === 'AT_SetRelOptions' || subtype === 'AT_ResetRelOptions') return lightOptions(cmd.def) ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
  if (subtype === 'AT_DetachPartition') return nodeAs(cmd.def, 'PartitionCmd')?.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
  if (subtype === 'AT_AddConstraint' && nodeAs(cmd.def, 'Constraint')?.contype === 'CONSTR_FOREIGN') return 'SHARE ROW EXCLUSIVE';
  return 'ACCESS EXCLUSIVE';
}

/** Whether an added column writes every existing row, or checks every row (constraints, index builds). */
function addColumnTouchesRows(cmd: AlterTableCmd): boolean {
  const column = nodeAs(cmd.def, 'ColumnDef');
  if (!column) return false;
  const checked = ['CONSTR_CHECK', 'CONSTR_FOREIGN', 'CONSTR_UNIQUE', 'CONSTR_PRIMARY'];
  return rowsToFill(column) !== undefined || columnConstraints(column.constraints).some(c => checked.includes(c.contype ?? ''));
}

function commandRewrites(cmd: AlterTableCmd, table: RangeVar, facts: FileFacts): boolean {
  const subtype = cmd.subtype ?? '';
  if (REWRITE_COMMANDS.has(subtype)) return true;
  if (subtype === 'AT_AddColumn') return addColumnTouchesRows(cmd);
  // SET NOT NULL scans for NULLs unless a validated CHECK (col IS NOT NULL) earlier in the file proves there are none.
  if (subtype === 'AT_SetNotNull') return !facts.hasValidatedNotNull(table, cmd.name ?? '');
  const constraint = subtype === 'AT_AddConstraint' ? nodeAs(cmd.def, 'Constraint') : undefined;
  if (!constraint) return false;
  if (['CONSTR_UNIQUE', 'CONSTR_PRIMARY'].includes(constraint.contype ?? '')) return constraint.indexname === undefined;
  if (constraint.contype === 'CONSTR_EXCLUSION') return true;
  return ['CONSTR_CHECK', 'CONSTR_FOREIGN', 'CONSTR_NOTNULL'].includes(constraint.contype ?? '') && !constraint.skip_validation;
}

function alterTableLocks(statement: SqlStatement, facts: FileFacts): StatementLock[] | undefined {
  const alter = nodeAs(statement.node, 'AlterTableStmt');
  const table = alter?.relation;
  if (!alter || !table) return undefined;
  const cmds = nodesAs(alter.cmds, 'AlterTableCmd');
  const mode = cmds.map(commandMode).reduce(stronger, 'SHARE UPDATE EXCLUSIVE' as LockMode);
  const locks = [lock(mode, relationName(table), cmds.some(cmd => commandRewrites(cmd, table, facts)))];
  for (const cmd of cmds) {
    // A foreign key adds triggers to the referenced table too: SHARE ROW EXCLUSIVE there.
    const constraints = [nodeAs(cmd.def, 'Constraint'), ...columnConstraints(nodeAs(cmd.def, 'ColumnDef')?.constraints)];
    for (const c of constraints) if (c?.contype === 'CONSTR_FOREIGN' && c.pktable) locks.push(lock('SHARE ROW EXCLUSIVE', relationName(c.pktable)));
    // ALTER INDEX ... ATTACH PARTITION only links two indexes; ALTER TABLE also locks the partition.
    const partition = alter.objtype === 'OBJECT_INDEX' ? undefined : nodeAs(cmd.def, 'PartitionCmd')?.name;
    // ATTACH scans the partition to prove its rows fit, unless a matching CHECK constraint already proves it.
    if (partition && cmd.subtype === 'AT_AttachPartition') locks.push(lock('ACCESS EXCLUSIVE', relationName(partition), true));
    if (partition && cmd.subtype === 'AT_DetachPartition') locks.push(lock(commandMode(cmd), relationName(partition)));
  }
  return locks;
}

/* ---- other statements ---- */

/** Kinds of relation DROP and RENAME take an ACCESS EXCLUSIVE lock on. */
const RELATION_KINDS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE', 'OBJECT_SEQUENCE', 'OBJECT_INDEX']);
/** Objects that live on a table: dropping or renaming them locks the table. */
const TABLE_MEMBERS = new Set(['OBJECT_TRIGGER', 'OBJECT_RULE', 'OBJECT_POLICY']);

function objectName(node: Node): string {
  const list = nodeAs(node, 'List');
  if (list) return strings(list.items).join('.');
  const func = nodeAs(node, 'ObjectWithArgs');
  if (func) return strings(func.objname).join('.');
  const type = nodeAs(node, 'TypeName');
  if (type) return typeText(type);
  return nodeAs(node, 'String')?.sval ?? kindOf(node);
}

function dropLocks(statement: SqlStatement): StatementLock[] | undefined {
  const drop = nodeAs(statement.node, 'DropStmt');
  if (!drop) return undefined;
  const type = drop.removeType ?? '';
  const locks = (drop.objects ?? []).map(object => {
    const names = strings(nodeAs(object, 'List')?.items);
    if (type === 'OBJECT_INDEX' && drop.concurrent) return lock('SHARE UPDATE EXCLUSIVE', objectName(object));
    if (type === 'OBJECT_INDEX') return lock('ACCESS EXCLUSIVE', objectName(object), false, 'reads and writes of its table');
    if (RELATION_KINDS.has(type)) return lock('ACCESS EXCLUSIVE', objectName(object));
    // DROP TRIGGER t ON s.tab: the list is [s, tab, t]; the table is locked.
    if (TABLE_MEMBERS.has(type)) return lock('ACCESS EXCLUSIVE', relationName(relationOf(names.slice(0, -1))));
    return lock('none', objectName(object));
  });
  if (drop.behavior === 'DROP_CASCADE') locks.push(lock('ACCESS EXCLUSIVE', `whatever depends on ${(drop.objects ?? []).map(objectName).join(', ')}`, false, 'reads and writes of every table CASCADE changes'));
  return locks;
}

function renameLocks(statement: SqlStatement): StatementLock[] | undefined {
  const rename = nodeAs(statement.node, 'RenameStmt');
  if (!rename) return undefined;
  const type = rename.renameType ?? '';
  // Since PostgreSQL 12, ALTER INDEX ... RENAME takes SHARE UPDATE EXCLUSIVE.
  if (type === 'OBJECT_INDEX') return [lock('SHARE UPDATE EXCLUSIVE', relationName(rename.relation))];
  if (rename.relation) return [lock('ACCESS EXCLUSIVE', relationName(rename.relation))];
  return [lock('none', rename.subname ?? (rename.object ? objectName(rename.object) : type))];
}

function reindexLocks(statement: SqlStatement): StatementLock[] | undefined {
  const reindex = nodeAs(statement.node, 'ReindexStmt');
  if (!reindex) return undefined;
  const target = reindex.relation ? relationName(reindex.relation) : `every table of ${reindex.kind === 'REINDEX_OBJECT_SCHEMA' ? 'schema' : 'database'} ${reindex.name ?? ''}`.trim();
  if (optionOn(reindex.params, 'concurrently')) return [lock('SHARE UPDATE EXCLUSIVE', target, true)];
  // REINDEX locks the table SHARE and each index being rebuilt ACCESS EXCLUSIVE.
  if (reindex.kind === 'REINDEX_OBJECT_INDEX') return [lock('ACCESS EXCLUSIVE', target, true, 'reads that use the index, and writes to its table')];
  return [lock('SHARE', target, true, 'writes, and reads that use its indexes')];
}

function createTableLocks(statement: SqlStatement): StatementLock[] | undefined {
  const created = nodeAs(statement.node, 'CreateTableAsStmt')?.into?.rel;
  if (created) return [lock('none', relationName(created), false, 'nothing (a new table)')];
  const create = nodeAs(statement.node, 'CreateStmt') ?? nodeAs(statement.node, 'CreateForeignTableStmt')?.base;
  if (!create) return undefined;
  const locks = [lock('none', relationName(create.relation), false, 'nothing (a new table)')];
  const parents = nodesAs(create.inhRelations, 'RangeVar');
  // PARTITION OF locks the parent ACCESS EXCLUSIVE; INHERITS takes SHARE UPDATE EXCLUSIVE.
  for (const parent of parents) locks.push(lock(create.partbound ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE', relationName(parent)));
  const constraints = [...nodesAs(create.tableElts, 'Constraint'), ...nodesAs(create.tableElts, 'ColumnDef').flatMap(c => columnConstraints(c.constraints))];
  for (const c of constraints) if (c.contype === 'CONSTR_FOREIGN' && c.pktable) locks.push(lock('SHARE ROW EXCLUSIVE', relationName(c.pktable)));
  return locks;
}

/** Tables a query reads, named in its FROM clauses (and subqueries). */
function tablesRead(node: Node | undefined): RangeVar[] {
  const tables: RangeVar[] = [];
  walk(node, (kind, body) => {
    if (kind !== 'SelectStmt') return;
    walk((body as { fromClause?: unknown }).fromClause, (inner, rv) => inner === 'RangeVar' && tables.push(rv as RangeVar));
  });
  return tables;
}

function dmlLocks(statement: SqlStatement): StatementLock[] | undefined {
  const node = statement.node;
  const insert = nodeAs(node, 'InsertStmt');
  if (insert?.relation) return [lock('ROW EXCLUSIVE', relationName(insert.relation)), ...tablesRead(insert.selectStmt).map(t => lock('ACCESS SHARE', relationName(t)))];
  const change = nodeAs(node, 'UpdateStmt') ?? nodeAs(node, 'DeleteStmt');
  if (change?.relation) {
    const everyRow = change.whereClause === undefined;
    return [lock('ROW EXCLUSIVE', relationName(change.relation), everyRow, everyRow ? 'writes to every row until it commits' : 'writes to the rows it changes')];
  }
  const merge = nodeAs(node, 'MergeStmt');
  if (merge?.relation) return [lock('ROW EXCLUSIVE', relationName(merge.relation), false, 'writes to the rows it changes')];
  const copy = nodeAs(node, 'CopyStmt');
  if (copy) return copy.relation ? [lock(copy.is_from ? 'ROW EXCLUSIVE' : 'ACCESS SHARE', relationName(copy.relation))] : tablesRead(copy.query).map(t => lock('ACCESS SHARE', relationName(t)));
  const select = nodeAs(node, 'SelectStmt');
  if (!select) return undefined;
  if (select.intoClause?.rel) return [lock('none', relationName(select.intoClause.rel), false, 'nothing (a new table)'), ...tablesRead(node).map(t => lock('ACCESS SHARE', relationName(t)))];
  const mode: LockMode = select.lockingClause?.length ? 'ROW SHARE' : 'ACCESS SHARE';
  return tablesRead(node).map(t => lock(mode, relationName(t)));
}

/** Statements whose lock is one mode on one relation field. */
function simpleLocks(statement: SqlStatement): StatementLock[] | undefined {
  const node = statement.node;
  const index = nodeAs(node, 'IndexStmt');
  // Both scan the whole table; CONCURRENTLY does it under a lock that lets writes through.
  if (index?.relation) return [lock(index.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', relationName(index.relation), true)];
  const trigger = nodeAs(node, 'CreateTrigStmt');
  if (trigger?.relation) return [lock('SHARE ROW EXCLUSIVE', relationName(trigger.relation))];
  const table = nodeAs(node, 'RuleStmt')?.relation ?? nodeAs(node, 'CreatePolicyStmt')?.table ?? nodeAs(node, 'AlterPolicyStmt')?.table;
  if (table) return [lock('ACCESS EXCLUSIVE', relationName(table))];
  const truncate = nodeAs(node, 'TruncateStmt');
  if (truncate) return nodesAs(truncate.relations, 'RangeVar').map(t => lock('ACCESS EXCLUSIVE', relationName(t)));
  const locked = nodeAs(node, 'LockStmt');
  if (locked) return nodesAs(locked.relations, 'RangeVar').map(t => lock(lockModeOfNumber(locked.mode ?? 8), relationName(t)));
  const vacuum = nodeAs(node, 'VacuumStmt');
  if (vacuum) {
    const full = vacuum.is_vacuumcmd === true && optionOn(vacuum.options, 'full');
    const targets = nodesAs(vacuum.rels, 'VacuumRelation').map(r => relationName(r.relation));
    return (targets.length ? targets : ['every table']).map(t => lock(full ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE', t, vacuum.is_vacuumcmd === true));
  }
  const cluster = nodeAs(node, 'ClusterStmt');
  if (cluster) return [lock('ACCESS EXCLUSIVE', cluster.relation ? relationName(cluster.relation) : 'every clustered table', true)];
  const refresh = nodeAs(node, 'RefreshMatViewStmt');
  if (refresh?.relation) {
    return [refresh.concurrent ? lock('EXCLUSIVE', relationName(refresh.relation), true, 'other refreshes and DDL (reads continue)') : lock('ACCESS EXCLUSIVE', relationName(refresh.relation), true, 'reads')];
  }
  const moveAll = nodeAs(node, 'AlterTableMoveAllStmt');
  if (moveAll) return [lock('ACCESS EXCLUSIVE', `everything in tablespace ${moveAll.orig_tablespacename}`, true)];
  const view = nodeAs(node, 'ViewStmt');
  // CREATE OR REPLACE VIEW locks an existing view ACCESS EXCLUSIVE; a new one locks nothing in use.
  if (view?.view) return [view.replace ? lock('ACCESS EXCLUSIVE', relationName(view.view), false, 'reads of the view, if it exists') : lock('none', relationName(view.view), false, 'nothing (a new view)')];
  const moved = nodeAs(node, 'AlterObjectSchemaStmt');
  if (moved) return [moved.relation ? lock('ACCESS EXCLUSIVE', relationName(moved.relation)) : lock('none', moved.object ? objectName(moved.object) : '')];
  const stats = nodeAs(node, 'CreateStatsStmt');
  if (stats) return nodesAs(stats.relations, 'RangeVar').map(t => lock('SHARE UPDATE EXCLUSIVE', relationName(t)));
  const comment = nodeAs(node, 'CommentStmt');
  if (comment && ['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_INDEX', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(comment.objtype ?? '')) {
    const names = strings(nodeAs(comment.object, 'List')?.items);
    return [lock('SHARE UPDATE EXCLUSIVE', relationName(relationOf(comment.objtype === 'OBJECT_COLUMN' ? names.slice(0, -1) : names)))];
  }
  return undefined;
}

/** Each reads one family of statements, undefined for the others. */
const HANDLERS: ((statement: SqlStatement, facts: FileFacts) => StatementLock[] | undefined)[] = [
  alterTableLocks,
  dropLocks,
  renameLocks,
  reindexLocks,
  createTableLocks,
  dmlLocks,
  simpleLocks
];

/**
 * The locks a statement takes, one per object. `earlier` are the statements
 * before it in the same file: SET NOT NULL after a validated CHECK
 * (col IS NOT NULL) skips its scan.
 */
export function locksOf(statement: SqlStatement, earlier: readonly SqlStatement[] = []): StatementLock[] {
  const facts = new FileFacts();
  for (const before of earlier) facts.add(before);
  if (statement.kind === 'DoStmt') return [lock('none', 'DO block', false, 'unknown: cutover cannot see what a DO block locks')];
  for (const locksFor of HANDLERS) {
    const locks = locksFor(statement, facts);
    if (locks?.length) return merge(locks);
  }
  return [lock('none', '', false, 'nothing on existing tables')];
}

/** One line for the plan: `ACCESS EXCLUSIVE on users: blocks reads and writes; rewrites or scans the whole table while holding it`. */
export function formatLock(lock: StatementLock): string {
  const rewrite = lock.rewrite ? '; scans or rewrites the whole table while holding it' : '';
  if (lock.mode === 'none') return `no lock on ${lock.target || 'existing tables'}${lock.blocks.startsWith('nothing') ? '' : `: ${lock.blocks}`}${rewrite}`;
  return `${lock.mode} on ${lock.target}: blocks ${lock.blocks}${rewrite}`;
}
