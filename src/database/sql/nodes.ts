import type { Constraint, DefElem, Node, RangeVar, TypeName } from 'libpg-query';

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
