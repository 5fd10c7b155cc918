import { parse, type Node } from 'libpg-query';
import { deparse } from 'pgsql-deparser';
import { BadInputError } from '../../../shared/errors.js';
import { columnsRead } from '../sql/columns-read.js';
import { walk } from '../sql/nodes.js';

/*
 * The SQL a change.yml holds: expressions and types, each parsed on its own
 * so that a fragment cannot close a parenthesis and smuggle in more, and
 * emitted from the parse tree, never from the text as written.
 */

/** Where a value came from, for messages: the file and the field path. */
export interface Field {
  file: string;
  path: string;
}

/** One SQL expression over the columns of one row. */
export class Expression {
  private constructor(private readonly tree: Node) {}

  /** The columns it reads: a write to one of them makes a value computed from it stale. */
  get reads(): string[] {
    return columnsRead(this.tree);
  }

  /** As a backfill's UPDATE writes it: plain column names. */
  plain(): Promise<string> {
    return deparse(qualified(this.tree, []) as never);
  }

  /** As a trigger writes it: every column read from the row the trigger got (`new.price`, `old.price`). */
  of(row: 'new' | 'old'): Promise<string> {
    return deparse(qualified(this.tree, [row]) as never);
  }

  /** `CAST((expr) AS type)`: the value a column of that type stores, so comparing with it matches what was written. */
  castTo(type: SqlType): Expression {
    return new Expression({ TypeCast: { arg: this.tree, typeName: type.tree } } as Node);
  }

  static column(name: string): Expression {
    return new Expression({ ColumnRef: { fields: [{ String: { sval: name } }] } } as Node);
  }

  static async parse(text: string, field: Field, example: string): Promise<Expression> {
    const select = await selectOf(`SELECT (${text})`, text, field, `one SQL expression, like ${example}`);
    const target = select?.targetList?.[0]?.ResTarget;
    if (!select || select.targetList?.length !== 1 || !target?.val || target.name !== undefined) throw notOne(text, field, `one SQL expression, like ${example}`);
    let sub = false;
    walk(target.val, kind => (sub ||= kind === 'SubLink'));
    if (sub) {
      throw new BadInputError(`${field.file}: ${field.path}: ${JSON.stringify(text)} holds a subquery. A trigger computes the value from the row being written alone; read only that row's columns, or write this change as SQL files.`);
    }
    return new Expression(target.val);
  }
}

/** A column type, as `CAST(NULL AS <type>)` parses it. */
export class SqlType {
  private constructor(readonly tree: Node) {}

  text(): Promise<string> {
    return deparse({ TypeName: this.tree } as never);
  }

  static async parse(text: string, field: Field): Promise<SqlType> {
    const what = 'one column type, like bigint, text or numeric(12, 2)';
    const select = await selectOf(`SELECT CAST(NULL AS ${text})`, text, field, what);
    const cast = select?.targetList?.[0]?.ResTarget?.val?.TypeCast;
    if (!select || select.targetList?.length !== 1 || !cast?.typeName || !cast.arg?.A_Const?.isnull) throw notOne(text, field, what);
    return new SqlType(cast.typeName as Node);
  }
}

interface SelectTree {
  targetList?: { ResTarget?: { name?: string; val?: Node & { TypeCast?: { arg?: { A_Const?: { isnull?: boolean } }; typeName?: unknown } } } }[];
  [key: string]: unknown;
}

/** Keys a bare `SELECT <targets>` has; any other (FROM, WHERE, ...) means the text reached past its parentheses. */
const BARE_SELECT = new Set(['targetList', 'limitOption', 'op']);

async function selectOf(sql: string, text: string, field: Field, what: string): Promise<SelectTree | undefined> {
  let result;
  try {
    result = await parse(sql);
  } catch (error) {
    throw new BadInputError(`${field.file}: ${field.path}: ${JSON.stringify(text)} is not ${what} (${(error as Error).message}).`);
  }
  const statements = result.stmts ?? [];
  const select = statements.length === 1 ? (statements[0]?.stmt as { SelectStmt?: SelectTree } | undefined)?.SelectStmt : undefined;
  if (!select || Object.keys(select).some(key => !BARE_SELECT.has(key))) return undefined;
  return select;
}

function notOne(text: string, field: Field, what: string): BadInputError {
  return new BadInputError(`${field.file}: ${field.path}: ${JSON.stringify(text)} is not ${what}. Write exactly one, without a trailing FROM, WHERE or second item.`);
}

/** A copy of `tree` with every column reference's qualifier replaced by `prefix` (none: the bare column). */
function qualified(tree: Node, prefix: string[]): Node {
  const copy = structuredClone(tree);
  walk(copy, (kind, body) => {
    if (kind !== 'ColumnRef') return;
    const fields = (body.fields ?? []) as { String?: { sval?: string } }[];
    const last = fields[fields.length - 1];
    if (last?.String === undefined) return;
    body.fields = [...prefix.map(sval => ({ String: { sval } })), last];
  });
  return copy;
}
