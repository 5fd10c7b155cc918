import { functionCalls, nodeAs, relationName } from '../sql/nodes.js';
import { ALL_PHASES, statementWords, type Rule } from './rule.js';
import { sideEffectOf } from './side-effect-functions.js';

/* Statements that reach beyond the database's rows: other sessions, the server, its files and programs. */

export const sideEffectFunction: Rule = {
  id: 'side-effect-function',
  phases: ALL_PHASES,
  why: "The call acts outside the rows the statement changes (other sessions, server settings and files, other connections, locks that outlive the statement): no rule about tables and columns can judge it, and the running version or the server may pay for it.",
  fix: 'Leave administration of the server and its sessions out of migrations: do it by hand, reviewed, or in a deploy step built for it. If the call is intended here, allow it with a reason.',
  check: statement =>
    functionCalls(statement.node).flatMap(call => {
      const effect = sideEffectOf(call);
      return effect === undefined ? [] : [{ message: `${statementWords(statement)} calls ${call.names.join('.')}(), which ${effect}` }];
    })
};

export const copyServerFile: Rule = {
  id: 'copy-server-file',
  phases: ALL_PHASES,
  why: 'COPY ... PROGRAM runs a shell command on the database server, and COPY ... TO or FROM a file name reads or writes the server\'s files, with the rights of the server\'s operating system user.',
  fix: 'Load data with INSERT ... SELECT from tables the migration can read, or from the client side (psql \\copy) outside the release.',
  check: statement => {
    const copy = nodeAs(statement.node, 'CopyStmt');
    if (!copy?.filename) return [];
    const table = copy.relation ? relationName(copy.relation) : 'a query';
    const direction = copy.is_from ? 'FROM' : 'TO';
    if (copy.is_program) return [{ message: `COPY ${table} ${direction} PROGRAM runs the shell command ${JSON.stringify(copy.filename)} on the database server` }];
    return [{ message: `COPY ${table} ${direction} the server file ${JSON.stringify(copy.filename)}` }];
  }
};
