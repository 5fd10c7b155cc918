import { functionCalls, nodeAs, nodesAs, strings, walk } from '../sql/nodes.js';
import { ALL_PHASES, statementWords, type Rule } from './rule.js';

/*
 * Code the linter cannot read. It judges statements by their parse trees; a
 * procedural block, a procedure, a prepared statement or a library runs
 * statements it never sees, so a DROP TABLE inside one would pass every rule.
 */

const READ_IT = 'Write the statements themselves into the migration file, where the linter checks each one; if the code must run, review it and allow it with a reason.';

export const doBlock: Rule = {
  id: 'do-block',
  phases: ALL_PHASES,
  why: 'A DO block runs procedural code the linter cannot see into: any statement it builds or runs (a DROP TABLE through EXECUTE, a lock held for minutes) passes unchecked.',
  fix: READ_IT,
  check: statement => {
    const block = nodeAs(statement.node, 'DoStmt');
    if (!block) return [];
    const language = nodesAs(block.args, 'DefElem').find(d => d.defname === 'language');
    const name = nodeAs(language?.arg, 'String')?.sval ?? 'plpgsql';
    return [{ message: `DO runs a ${name} block, which the linter cannot see into` }];
  }
};

export const callProcedure: Rule = {
  id: 'call-procedure',
  phases: ALL_PHASES,
  why: 'CALL runs a procedure whose body the linter cannot see into; a procedure may also commit, so statements inside it escape the short transaction cutover runs each statement in.',
  fix: READ_IT,
  check: statement => {
    const call = nodeAs(statement.node, 'CallStmt');
    if (!call) return [];
    return [{ message: `CALL runs procedure ${strings(call.funccall?.funcname).join('.')}(), which the linter cannot see into` }];
  }
};

export const executePrepared: Rule = {
  id: 'execute-prepared',
  phases: ALL_PHASES,
  why: 'EXECUTE runs a statement prepared elsewhere: in this session by an earlier statement or by anything that shared the connection, so what it runs is not in this statement.',
  fix: 'Write the statement itself into the migration file instead of PREPARE and EXECUTE.',
  check: statement => {
    // Also inside EXPLAIN ANALYZE and CREATE TABLE ... AS EXECUTE, which run it too.
    const names: string[] = [];
    walk(statement.node, (kind, body) => {
      if (kind === 'ExecuteStmt') names.push(String(body.name));
    });
    return names.map(name => ({ message: `${statementWords(statement)} runs prepared statement ${name}, which the linter cannot see into` }));
  }
};

export const callNewFunction: Rule = {
  id: 'call-new-function',
  phases: ALL_PHASES,
  why: 'The function was created earlier in this migration and this statement runs it now (or on every row it writes): its body is a string the linter cannot see into, so whatever it does passes unchecked. Attaching it to a trigger is fine; calling it is not.',
  fix: 'Write what the function does as statements of the migration file, or, if calling it is intended, review its body and allow the call with a reason (a backfill that needs it is written as migrate.sql, where the comment goes above its UPDATE).',
  check: (statement, facts) => {
    // The CREATE itself only stores the body; a recursive body is not a call now.
    if (statement.kind === 'CreateFunctionStmt') return [];
    const called = functionCalls(statement.node).filter(call => facts.isNewRoutine(call));
    return [...new Set(called.map(call => call.names.join('.')))].map(name => ({
      message: `${statementWords(statement)} calls ${name}(), created earlier in this migration; the linter cannot see into its body`
    }));
  }
};

export const loadLibrary: Rule = {
  id: 'load-library',
  phases: ALL_PHASES,
  why: 'LOAD puts a shared library into the database session: native code the linter cannot see into, running with the server\'s own rights.',
  fix: 'Install what the library provides as an extension outside the release (CREATE EXTENSION names code the database administrator installed), or load it through shared_preload_libraries.',
  check: statement => {
    const load = nodeAs(statement.node, 'LoadStmt');
    return load ? [{ message: `LOAD loads the shared library ${JSON.stringify(load.filename ?? '')} into the session` }] : [];
  }
};
