import { deparse } from 'pgsql-deparser';
import type { Node } from 'libpg-query';
import { BadInputError } from '../../shared/errors.js';
import { quoteIdent } from './connection.js';
import { failing, formatFinding, lintStatements } from './lint/lint.js';
import { columnsRead } from './sql/columns-read.js';
import { nodeAs } from './sql/nodes.js';
import { parseSql } from './sql/statements.js';

/*
 * The condition every row must satisfy once a backfill is done. The live
 * version keeps writing while the backfill runs, so a column computed from
 * columns it writes goes stale unless something (a trigger) keeps it in step;
 * this condition is how migrate and promote find out.
 */

/**
 * The default: each SET column computed from some other column equals its
 * expression. A constant fill or a self-update (`n = n + 1`) gets no check:
 * the application may legitimately write other values there.
 */
export function derivedCondition(set: readonly { column: string; expr: string; tree: Node }[]): string | undefined {
  const checks = set.filter(s => columnsRead(s.tree).some(c => c !== s.column)).map(s => `${quoteIdent(s.column)} IS NOT DISTINCT FROM (${s.expr})`);
  return checks.length ? checks.join(' AND ') : undefined;
}

const PLAIN_SELECT = new Set(['targetList', 'limitOption', 'op']);

/**
 * A `verify:` condition as written in migrate.yml: exactly one SQL expression,
 * returned as the parser prints it back, so nothing else can ride along into
 * the queries that embed it. It is checked by the linter's rules as well: it
 * runs in every verification, so it may not reach past the table's rows.
 */
export async function conditionOf(text: string, file: string): Promise<string> {
  const refuse = (what: string) =>
    new BadInputError(`${file}: verify: ${what}. Give one SQL boolean condition every row must satisfy after the backfill (like: total_cents = total * 100), or verify: false for no check.`);
  let statements;
  try {
    statements = await parseSql(`SELECT ${text}`, file);
  } catch (error) {
    throw refuse(`"${text}" is not an SQL expression (${(error as Error).message})`);
  }
  const select = statements.length === 1 ? nodeAs(statements[0]?.node, 'SelectStmt') : undefined;
  const plain = select && Object.keys(select).every(k => PLAIN_SELECT.has(k)) && select.op === 'SETOP_NONE' && select.limitOption === 'LIMIT_OPTION_DEFAULT';
  const target = plain && select.targetList?.length === 1 ? nodeAs(select.targetList[0], 'ResTarget') : undefined;
  if (!target?.val || target.name) throw refuse(`"${text}" is not one expression`);
  const condition = await deparse(target.val as never);
  const refused = failing(lintStatements(await parseSql(`SELECT ${condition}`, file), 'migrate', file));
  if (refused.length) throw refuse(`the condition is refused by the linter:\n${refused.map(formatFinding).join('\n')}\n`);
  return condition;
}
