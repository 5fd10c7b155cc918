import type { Node, RangeVar } from 'libpg-query';
import { deparseSync, QuoteUtils } from 'pgsql-deparser';
import { columnsRead } from '../sql/columns-read.js';
import { nodeAs, nodesAs, relationName } from '../sql/nodes.js';
import type { Hit, Rule } from './rule.js';

/* A backfill the old version undoes while it keeps writing until promote. */

/**
 * The expression as a trigger function reads it: the row's own columns
 * through NEW. A subquery's columns are left as written, since they may be
 * its own tables'.
 */
function readingNew(expr: Node, names: readonly string[]): string {
  const copy = structuredClone(expr);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'SubLink') continue;
      const ref = key === 'ColumnRef' ? (child as { fields?: Node[] }) : undefined;
      const fields = ref?.fields ?? [];
      const column = fields[fields.length - 1];
      const owner = fields.length === 2 ? nodeAs(fields[0], 'String')?.sval : undefined;
      if (ref && column && nodeAs(column, 'String') && (fields.length === 1 || (owner !== undefined && names.includes(owner)))) {
        ref.fields = [{ String: { sval: 'new' } }, column];
      }
      visit(child);
    }
  };
  visit(copy);
  return deparseSync(copy as never);
}

/** expand.sql and contract.sql text that keeps `column` in step, named after the table and the column. */
function triggerFix(table: RangeVar, column: string, expr: string): string {
  const quote = (name: string) => QuoteUtils.quoteIdentifier(name);
  const base = `${table.relname ?? 'table'}_${column}_sync`;
  const fn = QuoteUtils.quoteDottedName([...(table.schemaname ? [table.schemaname] : []), base]);
  const on = QuoteUtils.quoteDottedName([...(table.schemaname ? [table.schemaname] : []), table.relname ?? '']);
  return [
    `add to expand.sql a trigger that sets ${column} from the same expression on every write of the old version:`,
    `    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$`,
    `    BEGIN NEW.${quote(column)} := ${expr}; RETURN NEW; END $$;`,
    `    CREATE TRIGGER ${quote(base)} BEFORE INSERT OR UPDATE ON ${on}`,
    `      FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
    `  and drop it in contract.sql: DROP TRIGGER ${quote(base)} ON ${on}; DROP FUNCTION ${fn}();`,
    '  Or write the migration as change.yml: cutover generates that trigger in expand and drops it in contract.'
  ].join('\n');
}

export const backfillWithoutTrigger: Rule = {
  id: 'backfill-without-trigger',
  phases: ['migrate'],
  why: 'The old version keeps serving and writing the source columns until promote: a row it updates after its batch keeps the value computed from its old data, and a row it inserts after the high-water mark is never backfilled. Under a pgbench-like load that left thousands of rows wrong within seconds of the backfill, and more the longer the old version ran.',
  fix: 'Add to expand.sql a BEFORE INSERT OR UPDATE ... FOR EACH ROW trigger whose function sets NEW.<column> from the same expression, and drop it in contract.sql; or write the migration as change.yml, which generates that trigger.',
  check: (statement, facts) => {
    const update = nodeAs(statement.node, 'UpdateStmt');
    const table = update?.relation;
    if (!update || !table) return [];
    const names = [table.relname ?? '', ...(table.alias?.aliasname ? [table.alias.aliasname] : [])];
    const hits: Hit[] = [];
    for (const target of nodesAs(update.targetList, 'ResTarget')) {
      const column = target.name;
      if (column === undefined || target.val === undefined) continue;
      // FROM items count too: the value comes from their rows as much as from the expression.
      const sources = columnsRead([target.val, ...(update.fromClause ?? [])]).filter(c => c !== column && !facts.isNewColumn(table, c));
      if (sources.length === 0) continue;
      const gap = facts.keepers.gap(table, column, sources);
      if (!gap) continue;
      const reasons = gap.reasons.length ? ` (${gap.reasons.join('; ')})` : '';
      hits.push({
        message: `backfills ${column} of ${relationName(table)} from ${sources.join(', ')}, which the running version still writes, and no earlier part keeps ${column} in step on ${gap.events.join(' or ')}${reasons}`,
        table,
        fix: triggerFix(table, column, readingNew(target.val, names))
      });
    }
    return hits;
  }
};
