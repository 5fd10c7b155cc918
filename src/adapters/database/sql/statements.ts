import { hasSqlDetails, parse, scan, type Node, type ScanToken } from 'libpg-query';
import { BadInputError } from '../../../shared/errors.js';
import { ruleIds } from '../lint/rules.js';
import { readAllow, type Allow } from './allow.js';
import type { SqlStatement } from './statement.js';
import { kindOf } from './nodes.js';
import { SourceText } from './source.js';
import { isTransactional } from './transactional.js';

export type { Allow } from './allow.js';

/** One statement of a migration file, as PostgreSQL 18 parses it. */

/** Byte offsets of a statement's first and past-last token. */
interface Span {
  start: number;
  end: number;
}

const isComment = (token: ScanToken) => token.tokenName === 'SQL_COMMENT' || token.tokenName === 'C_COMMENT';

/**
 * Splits and parses a migration file with the real PostgreSQL parser, so a
 * file that would not run is refused before anything runs, and rules read
 * parse trees rather than guessing from text.
 */
export async function parseSql(text: string, file: string): Promise<SqlStatement[]> {
  if (text.trim() === '') return [];
  const source = new SourceText(text);
  let result;
  try {
    result = await parse(text);
  } catch (error) {
    throw syntaxError(error, source, file);
  }
  const tokens = (await scan(text)).tokens;
  const code = tokens.filter(token => !isComment(token));
  const parsed: { node: Node; span: Span }[] = [];
  // Statements and tokens are both in file order: one pass over the tokens, however long the file.
  let cursor = 0;
  for (const raw of result.stmts ?? []) {
    const from = raw.stmt_location ?? 0;
    // stmt_len excludes the semicolon; 0 means "to the end of the file".
    const to = raw.stmt_len ? from + raw.stmt_len : source.byteLength;
    while (cursor < code.length && (code[cursor] as ScanToken).start < from) cursor++;
    const begin = cursor;
    while (cursor < code.length && (code[cursor] as ScanToken).end <= to) cursor++;
    const [first, last] = [code[begin], code[cursor - 1]];
    if (raw.stmt && cursor > begin && first && last) parsed.push({ node: raw.stmt, span: { start: first.start, end: last.end } });
  }
  const allows = allowsOf(tokens.filter(isComment), parsed.map(p => p.span), source, file);
  return parsed.map(({ node, span }, i) => ({
    text: source.slice(span.start, span.end),
    line: source.lineAt(span.start),
    node,
    kind: kindOf(node),
    allows: allows[i] ?? [],
    transactional: isTransactional(node)
  }));
}

function syntaxError(error: unknown, source: SourceText, file: string): unknown {
  if (!hasSqlDetails(error) || error.sqlDetails === undefined) return error;
  const { line, column } = source.positionOfCharacter(error.sqlDetails.cursorPosition);
  const excerpt = source.lineText(line);
  const pad = [...excerpt].slice(0, column - 1).map(char => (char === '\t' ? '\t' : ' ')).join('');
  return new BadInputError(
    `${file}:${line}:${column}: ${error.sqlDetails.message}. Fix the SQL syntax; cutover parses files with the PostgreSQL 18 parser.\n  ${excerpt}\n  ${pad}^`
  );
}

/** The allows of each statement, by index. */
function allowsOf(comments: readonly ScanToken[], spans: readonly Span[], source: SourceText, file: string): Allow[][] {
  const allows: Allow[][] = spans.map(() => []);
  for (const comment of comments) {
    const line = source.lineAt(comment.start);
    const text = source.slice(comment.start, comment.end);
    const allow = readAllow(text, line, file, ruleIds);
    if (!allow) continue;
    const index = statementOf(comment, spans, source);
    if (index === undefined) {
      throw new BadInputError(
        `${file}:${line}: the allow comment ${JSON.stringify(text.trim())} applies to no statement. Put it on the line above the statement it allows, or at the end of that statement's last line.`
      );
    }
    allows[index]?.push(allow);
  }
  return allows;
}

/**
 * The statement a comment applies to: the one it sits inside, else the next
 * one when that starts on the line the comment ends (a block comment), else
 * the one whose last line it trails, else the next one.
 */
function statementOf(comment: ScanToken, spans: readonly Span[], source: SourceText): number | undefined {
  const inside = spans.findIndex(s => s.start <= comment.start && comment.start < s.end);
  if (inside >= 0) return inside;
  const next = spans.findIndex(s => s.start >= comment.end);
  if (next >= 0 && source.lineAt((spans[next] as Span).start) === source.lineAt(comment.end)) return next;
  const line = source.lineAt(comment.start);
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i] as Span;
    if (span.end <= comment.start && source.lineAt(span.end - 1) === line) return i;
  }
  return next >= 0 ? next : undefined;
}
