import { Expression } from './expressions.js';
import type { GeneratedNames } from './names.js';

/*
 * The row triggers a change keeps columns in step with. Each is BEFORE ...
 * FOR EACH ROW with a WHEN clause, so PostgreSQL calls the function only for
 * a row that needs fixing: the backfill, which writes the right value, and
 * writes that touch none of the columns never pay for a call.
 */

export interface RowTrigger {
  suffix: 'insert' | 'update' | 'write';
  events: 'INSERT' | 'UPDATE' | 'INSERT OR UPDATE';
  /** Over `new.` (and for UPDATE `old.`) columns. */
  when: string;
}

export interface TriggerSet {
  table: string;
  names: GeneratedNames;
  /** plpgsql variable declarations, one per line. */
  declare: string[];
  /** plpgsql statements run before RETURN NEW. */
  body: string[];
  triggers: RowTrigger[];
}

/** A dollar-quote tag the body does not contain, so no expression can end the function's text early. */
function dollarTag(body: string): string {
  for (let i = 0; ; i++) {
    const tag = i === 0 ? '$cutover$' : `$cutover_${i}$`;
    if (!body.includes(tag)) return tag;
  }
}

/** `new.col` as the deparser writes a column of the row a trigger got. */
export function rowColumn(row: 'new' | 'old', column: string): Promise<string> {
  return Expression.column(column).of(row);
}

/** The statements that create the function, then its triggers. */
export function createTriggers(set: TriggerSet): string[] {
  const declare = set.declare.length ? `DECLARE\n${set.declare.map(line => `  ${line}\n`).join('')}` : '';
  const body = `${declare}BEGIN\n${set.body.map(line => `  ${line}\n`).join('')}  RETURN NEW;\nEND\n`;
  const tag = dollarTag(body);
  return [
    `CREATE FUNCTION ${set.names.functionName}() RETURNS trigger LANGUAGE plpgsql AS ${tag}\n${body}${tag}`,
    ...set.triggers.map(
      t => `CREATE TRIGGER ${set.names.trigger(t.suffix)} BEFORE ${t.events} ON ${set.table} FOR EACH ROW WHEN (${t.when}) EXECUTE FUNCTION ${set.names.functionName}()`
    )
  ];
}

/** The statements that drop the triggers, then the function. */
export function dropTriggers(set: TriggerSet): string[] {
  return [...set.triggers.map(t => `DROP TRIGGER ${set.names.trigger(t.suffix)} ON ${set.table}`), `DROP FUNCTION ${set.names.functionName}()`];
}
