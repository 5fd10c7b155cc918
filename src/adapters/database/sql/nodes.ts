import type { Constraint, DefElem, FuncCall, Node, RangeVar, TypeName } from 'libpg-query';

/**
 * Small readers over the PostgreSQL parse tree (`@pgsql/types`), so rules and
 * the lock plan read nodes by name instead of re-testing shapes everywhere.
 * The JSON tree omits false and empty fields, so every field may be missing.
 */

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
/** The node type names, e.g. 'AlterTableStmt'. */
export type NodeKind = KeysOfUnion<Node>;
/** The body of a node of type `K`. */
export type NodeOf<K extends NodeKind> = Extract<Node, Record<K, unknown>>[K];

/** The type name of a node: its single key. */
export function kindOf(node: Node): string {
  return Object.keys(node)[0] ?? 'Unknown';
}

/** The body of `node` when it is a `kind` node, else undefined. */
export function nodeAs<K extends NodeKind>(node: Node | undefined, kind: K): NodeOf<K> | undefined {
  if (node === undefined || !(kind in node)) return undefined;
  return (node as unknown as Record<K, NodeOf<K>>)[kind];
}

/** The bodies of the `kind` nodes in a list, skipping others. */
export function nodesAs<K extends NodeKind>(nodes: readonly Node[] | undefined, kind: K): NodeOf<K>[] {
  return (nodes ?? []).flatMap(node => {
    const body = nodeAs(node, kind);
    return body === undefined ? [] : [body];
  });
}

/** The string values of a list of String nodes (a qualified name, a column list). */
export function strings(nodes: readonly Node[] | undefined): string[] {
  return nodesAs(nodes, 'String').map(s => s.sval ?? '');
}

/** `schema.table` as written (without the schema when none was given). */
export function relationName(relation: RangeVar | undefined): string {
  if (!relation?.relname) return '(unknown)';
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}

/** A qualified name list (`[schema, name]`) as the RangeVar it names. */
export function relationOf(names: readonly string[]): RangeVar {
  const relname = names[names.length - 1] ?? '';
  const schemaname = names.length > 1 ? names[names.length - 2] : undefined;
  return schemaname === undefined ? { relname } : { schemaname, relname };
}

/**
 * Whether two names may be the same relation. Without a schema on one side
 * the search path decides, so the relation names alone are compared.
 */
export function sameRelation(a: RangeVar | undefined, b: RangeVar | undefined): boolean {
  if (!a?.relname || !b?.relname || a.relname !== b.relname) return false;
  return a.schemaname === undefined || b.schemaname === undefined || a.schemaname === b.schemaname;
}

/** The constraints written on a column definition. */
export function columnConstraints(constraints: readonly Node[] | undefined): Constraint[] {
  return nodesAs(constraints, 'Constraint');
}

/** A type name for messages: `bigint`, `varchar(20)`, `text[]`. */
export function typeText(type: TypeName | undefined): string {
  if (!type) return '?';
  const names = strings(type.names).filter(n => n !== 'pg_catalog');
  const mods = nodesAs(type.typmods, 'A_Const').map(c => String(c.ival?.ival ?? 0));
  const base = names.join('.') + (mods.length ? `(${mods.join(',')})` : '');
  return base + '[]'.repeat(type.arrayBounds?.length ?? 0);
}

/** Words for object types whose enum name does not read as English once `OBJECT_` is cut. */
const OBJECT_WORDS: Record<string, string> = {
  OBJECT_MATVIEW: 'materialized view',
  OBJECT_FDW: 'foreign data wrapper',
  OBJECT_FOREIGN_SERVER: 'server',
  OBJECT_TABCONSTRAINT: 'constraint',
  OBJECT_DOMCONSTRAINT: 'domain constraint',
  OBJECT_OPCLASS: 'operator class',
  OBJECT_OPFAMILY: 'operator family',
  OBJECT_STATISTIC_EXT: 'statistics object',
  OBJECT_TSCONFIGURATION: 'text search configuration',
  OBJECT_TSDICTIONARY: 'text search dictionary',
  OBJECT_TSPARSER: 'text search parser',
  OBJECT_TSTEMPLATE: 'text search template',
  OBJECT_LARGEOBJECT: 'large object'
};

/** An object type for messages: 'OBJECT_EVENT_TRIGGER' reads 'event trigger'. */
export function objectKind(objtype: string | undefined): string {
  if (objtype === undefined) return 'object';
  return OBJECT_WORDS[objtype] ?? objtype.replace(/^OBJECT_/, '').toLowerCase().replace(/_/g, ' ');
}

/**
 * An object name as DROP or ALTER wrote it: `app.f(int4)`, `mood`, `(int4 AS text)`
 * for a cast's type pair; `objtype` reads the lists whose first item is not a schema.
 */
export function objectName(node: Node | undefined, objtype?: string): string {
  if (node === undefined) return '?';
  const [first, ...rest] = nodeAs(node, 'List')?.items ?? [];
  if (first && (objtype === 'OBJECT_OPCLASS' || objtype === 'OBJECT_OPFAMILY')) return `${rest.map(n => objectName(n)).join('.')} USING ${objectName(first)}`;
  if (first && objtype === 'OBJECT_TRANSFORM') return `FOR ${objectName(first)} LANGUAGE ${rest.map(n => objectName(n)).join('.')}`;
  const text = nodeAs(node, 'String');
  if (text) return text.sval ?? '';
  const type = nodeAs(node, 'TypeName');
  if (type) return typeText(type);
  const list = nodeAs(node, 'List');
  if (list) {
    const items = list.items ?? [];
    if (nodesAs(items, 'TypeName').length === 2 && items.length === 2) return `(${items.map(n => objectName(n)).join(' AS ')})`;
    return items.map(n => objectName(n)).join('.');
  }
  const routine = nodeAs(node, 'ObjectWithArgs');
  if (routine) {
    const args = routine.args_unspecified ? '' : `(${nodesAs(routine.objargs, 'TypeName').map(typeText).join(', ')})`;
    return strings(routine.objname).join('.') + args;
  }
  const relation = nodeAs(node, 'RangeVar');
  if (relation) return relationName(relation);
  return nodeAs(node, 'RoleSpec')?.rolename ?? kindOf(node);
}

/** A function call found in a tree: its name parts, lower-cased to compare (PostgreSQL folds unquoted names), and its arguments. */
export interface FunctionCall {
  /** `['pg_catalog', 'pg_terminate_backend']` */
  names: string[];
  /** The name as PostgreSQL resolves it without the schema. */
  name: string;
  args: Node[];
}

/** Every function call anywhere in a tree: select lists, subqueries, CTEs, defaults, index expressions. */
export function functionCalls(tree: unknown): FunctionCall[] {
  const calls: FunctionCall[] = [];
  walk(tree, (kind, body) => {
    if (kind !== 'FuncCall') return;
    const call = body as FuncCall;
    const names = strings(call.funcname).map(n => n.toLowerCase());
    calls.push({ names, name: names[names.length - 1] ?? '', args: call.args ?? [] });
  });
  return calls;
}

/** Whether an option list (`(CONCURRENTLY)`, `(FULL, ANALYZE)`) turns `name` on. */
export function optionOn(options: readonly Node[] | undefined, name: string): boolean {
  const option = nodesAs(options, 'DefElem').find(d => d.defname === name);
  return option !== undefined && defElemTrue(option);
}

/** A DefElem without a value means on; `false`, `off` and `0` mean off. */
function defElemTrue(option: DefElem): boolean {
  const arg = option.arg;
  if (arg === undefined) return true;
  const bool = nodeAs(arg, 'Boolean');
  if (bool !== undefined) return bool.boolval === true;
  const int = nodeAs(arg, 'Integer');
  if (int !== undefined) return (int.ival ?? 0) !== 0;
  const text = nodeAs(arg, 'String')?.sval?.toLowerCase();
  return text === undefined || !['false', 'off', 'no', '0'].includes(text);
}

/** Calls `visit` for every node in a tree, depth first. */
export function walk(value: unknown, visit: (kind: string, body: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    // Node wrappers are `{ TypeName: {...} }`: an upper-case key holding an object.
    if (/^[A-Z]/.test(key) && child !== null && typeof child === 'object' && !Array.isArray(child)) visit(key, child as Record<string, unknown>);
    walk(child, visit);
  }
}
