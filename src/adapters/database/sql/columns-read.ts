import type { ColumnRef, Node } from 'libpg-query';
import { strings, walk } from './nodes.js';

/*
 * Which columns a backfill expression reads. A column the running version can
 * still write makes the backfilled value stale the moment the old version
 * updates it, so the linter, the verification and the declarative changes all
 * ask this of an expression's parse tree rather than of its text.
 */

/** The column a reference names: its last name part, lower-cased as PostgreSQL folds unquoted names. `*` is none. */
function columnOf(ref: ColumnRef): string | undefined {
  const names = strings(ref.fields);
  if (names.length !== (ref.fields ?? []).length) return undefined;
  return names[names.length - 1];
}

/**
 * The distinct columns an expression tree reads, in order of first use.
 * Qualified references (`t.a`, `NEW.a`) count by their column name; a
 * subquery's own columns count too, which errs on the side of "reads it".
 */
export function columnsRead(tree: Node | readonly Node[] | undefined): string[] {
  const columns: string[] = [];
  walk(tree, (kind, body) => {
    if (kind !== 'ColumnRef') return;
    const column = columnOf(body as ColumnRef);
    if (column !== undefined && !columns.includes(column)) columns.push(column);
  });
  return columns;
}
