import { parsePlPgSQLSync, type CreateFunctionStmt, type CreateTrigStmt, type RangeVar, type RuleStmt } from 'libpg-query';
import { nodeAs, nodesAs, relationName, sameRelation, strings, walk } from './nodes.js';
import type { SqlStatement } from './statement.js';

/*
 * What keeps a column in step while the old version writes its row: a
 * BEFORE ... FOR EACH ROW trigger whose function assigns NEW.<column>, or a
 * rule that writes it, on INSERT and on UPDATE. Learned from the parts of a
 * migration that run before its backfill.
 */

// CREATE TRIGGER's bit masks, as PostgreSQL's pg_trigger.h defines them.
const TIMING_BEFORE = 2;
const TIMING_INSTEAD = 64;
const EVENT_INSERT = 4;
const EVENT_UPDATE = 16;

type WriteEvent = 'INSERT' | 'UPDATE';

interface Trigger {
  name: string;
  table: RangeVar;
  timing: number;
  row: boolean;
  events: WriteEvent[];
  /** `UPDATE OF` columns; empty fires on any UPDATE. */
  updateOf: string[];
  routine: string[];
}

interface RowRule {
  name: string;
  table: RangeVar;
  event: WriteEvent | undefined;
  writes: string[];
}

/** A function body's NEW columns it assigns; `all` when it assigns NEW whole; `unread` when it is not PL/pgSQL. */
type Assigns = Set<string> | 'all' | 'unread';

/** Why a column is not kept in step: the write events nothing covers, and why each trigger or rule on the table does not count. */
export interface Gap {
  events: WriteEvent[];
  reasons: string[];
}

export class ColumnKeepers {
  private readonly triggers: Trigger[] = [];
  private readonly rules: RowRule[] = [];
  private readonly routines: { names: string[]; assigns: Assigns }[] = [];

  learn(statement: SqlStatement): void {
    const routine = nodeAs(statement.node, 'CreateFunctionStmt');
    if (routine) this.routines.push({ names: strings(routine.funcname), assigns: assignedByBody(routine, statement.text) });
    const trigger = nodeAs(statement.node, 'CreateTrigStmt');
    if (trigger?.relation) this.triggers.push(triggerOf(trigger, trigger.relation));
    const rule = nodeAs(statement.node, 'RuleStmt');
    if (rule?.relation) this.rules.push(ruleOf(rule, rule.relation));
  }

  /**
   * What is missing for `column` of `table` to stay in step with `sources`,
   * or undefined when INSERT and UPDATE are both covered. A trigger function
   * not created in this migration (or not in PL/pgSQL) cannot be read, so it
   * is trusted to assign the column.
   */
  gap(table: RangeVar, column: string, sources: readonly string[]): Gap | undefined {
    const covered = new Set<WriteEvent>();
    const reasons: string[] = [];
    const unrelated: string[] = [];
    for (const trigger of this.triggers.filter(t => sameRelation(t.table, table))) {
      const assigns = this.routineAssigns(trigger.routine);
      if (assigns instanceof Set && !assigns.has(column)) {
        unrelated.push(`${trigger.name} runs ${trigger.routine.join('.')}()`);
        continue;
      }
      const problem = triggerProblem(trigger);
      if (problem) {
        reasons.push(`trigger ${trigger.name} ${problem}`);
        continue;
      }
      const unwatched = trigger.updateOf.length ? sources.filter(s => !trigger.updateOf.includes(s)) : [];
      if (trigger.events.includes('UPDATE') && unwatched.length) reasons.push(`trigger ${trigger.name} fires on UPDATE OF ${trigger.updateOf.join(', ')}, not when ${unwatched.join(', ')} change`);
      for (const event of trigger.events) if (event === 'INSERT' || unwatched.length === 0) covered.add(event);
    }
    for (const rule of this.rules.filter(r => sameRelation(r.table, table) && r.event)) {
      if (rule.writes.includes(column)) covered.add(rule.event as WriteEvent);
      else reasons.push(`rule ${rule.name} does not write ${column}`);
    }
    const events = (['INSERT', 'UPDATE'] as const).filter(e => !covered.has(e));
    // Triggers that keep other columns matter only when nothing else on the table comes close.
    if (reasons.length === 0 && unrelated.length) reasons.push(`trigger ${unrelated.join(', trigger ')}, which never assign${unrelated.length === 1 ? 's' : ''} NEW.${column}`);
    return events.length ? { events, reasons } : undefined;
  }

  /** The latest definition of a routine created earlier in the migration; without a schema on one side, names alone are compared. */
  private routineAssigns(names: readonly string[]): Assigns {
    const match = this.routines.filter(r => sameRelation(qualified(r.names), qualified(names))).pop();
    return match?.assigns ?? 'unread';
  }
}

/** Why a trigger whose function may assign the column still does not keep it. */
function triggerProblem(trigger: Trigger): string | undefined {
  if (trigger.timing & TIMING_INSTEAD) return 'fires INSTEAD OF, on a view';
  if (!(trigger.timing & TIMING_BEFORE)) return 'fires AFTER the row is written, too late to set it';
  if (!trigger.row) return 'fires FOR EACH STATEMENT, so it sees no row';
  if (trigger.events.length === 0) return 'fires on neither INSERT nor UPDATE';
  return undefined;
}

/** A qualified routine name compared as relation names are. */
function qualified(names: readonly string[]): RangeVar {
  const [relname, schemaname] = [...names].reverse();
  return { relname: relname ?? '', ...(schemaname === undefined ? {} : { schemaname }) };
}

function triggerOf(trigger: CreateTrigStmt, table: RangeVar): Trigger {
  const mask = trigger.events ?? 0;
  const events: WriteEvent[] = [...(mask & EVENT_INSERT ? ['INSERT' as const] : []), ...(mask & EVENT_UPDATE ? ['UPDATE' as const] : [])];
  return {
    name: trigger.trigname ?? '?',
    table,
    timing: trigger.timing ?? 0,
    row: trigger.row === true,
    events,
    updateOf: strings(trigger.columns),
    routine: strings(trigger.funcname)
  };
}

/** A rule's actions write a column when one of them names it as a target (`SET c = ...`, `INSERT INTO t (c)`). */
function ruleOf(rule: RuleStmt, table: RangeVar): RowRule {
  const writes: string[] = [];
  walk(rule.actions, (kind, body) => {
    if (kind === 'ResTarget' && typeof body.name === 'string') writes.push(body.name);
  });
  const event = rule.event === 'CMD_INSERT' ? 'INSERT' : rule.event === 'CMD_UPDATE' ? 'UPDATE' : undefined;
  return { name: `${rule.rulename ?? '?'} on ${relationName(table)}`, table, event, writes };
}

interface PlpgsqlFunction {
  datums?: Record<string, { refname?: string; fieldname?: string; recparentno?: number }>[];
  action?: unknown;
}

/**
 * The NEW columns a PL/pgSQL body assigns, read with PostgreSQL's own
 * PL/pgSQL parser rather than by matching text: it resolves `NEW.c := `,
 * `NEW.c = `, `SELECT ... INTO NEW.c`, quoting and case folding, and is not
 * fooled by an assignment in a comment or a string. A body it cannot parse
 * assigns nothing: PostgreSQL would refuse that function at expand anyway.
 */
function assignedByBody(routine: CreateFunctionStmt, text: string): Assigns {
  const language = nodesAs(routine.options, 'DefElem').find(o => o.defname === 'language');
  if (nodeAs(language?.arg, 'String')?.sval?.toLowerCase() !== 'plpgsql') return 'unread';
  let fn: PlpgsqlFunction | undefined;
  try {
    const parsed = parsePlPgSQLSync(text) as unknown as { plpgsql_funcs?: { PLpgSQL_function?: PlpgsqlFunction }[] };
    fn = parsed.plpgsql_funcs?.[0]?.PLpgSQL_function;
  } catch {
    return new Set();
  }
  const datums = (fn?.datums ?? []).map(d => Object.values(d)[0] ?? {});
  const isNew = (dno: number) => datums[dno]?.refname === 'new' && datums[dno]?.fieldname === undefined;
  const assigned = new Set<string>();
  let whole = false;
  const target = (dno: number) => {
    const datum = datums[dno];
    if (isNew(dno)) whole = true;
    else if (datum?.fieldname !== undefined && isNew(datum.recparentno ?? 0)) assigned.add(datum.fieldname);
  };
  // The JSON tree leaves out zeros: a missing varno is datum 0.
  walk(fn?.action, (kind, body) => {
    if (kind === 'PLpgSQL_stmt_assign') target((body.varno as number | undefined) ?? 0);
    if (kind === 'PLpgSQL_row') for (const field of (body.fields as { varno?: number }[] | undefined) ?? []) target(field.varno ?? 0);
    if (kind === 'PLpgSQL_rec' && body.refname === 'new') whole = true;
  });
  return whole ? 'all' : assigned;
}
