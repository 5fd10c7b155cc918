import { closest } from '../../../shared/problems.js';
import { BadInputError } from '../../../shared/errors.js';

/** A lint rule a comment lets one statement break, and why that is fine here. */
export interface Allow {
  rule: string;
  reason: string;
  /** 1-based line of the comment. */
  line: number;
}

const EXPECTED = '-- cutover:allow <rule>: <reason>';
// Loose on purpose: "cutover: allow" and "Cutover:Allowed" are read (and refused if malformed), never silently ignored.
const PREFIX = /^cutover\s*:\s*allow/i;
const RULE = /^\s+([^\s:]+)/;
const REASON = /^\s*:\s*(\S[\s\S]*)$/;

/** The words of a `--` or `/* *\/` comment token, without its delimiters. */
function commentBody(token: string): string {
  const body = token.startsWith('--') ? token.slice(2) : token.slice(2, -2);
  return body.trim();
}

/**
 * The allow a comment token holds, undefined when it is an ordinary comment.
 * A comment that tries to allow but is malformed is refused, because ignoring
 * it would turn an intended exception into a confusing lint failure, or, with
 * a misspelt rule, into no exception at all.
 */
export function readAllow(token: string, line: number, file: string, knownRules: readonly string[]): Allow | undefined {
  const body = commentBody(token);
  if (!PREFIX.test(body)) return undefined;
  const refuse = (problem: string) =>
    new BadInputError(`${file}:${line}: malformed allow comment ${JSON.stringify(token.trim())}: ${problem}. Write it as "${EXPECTED}", one rule per comment, above the statement or at the end of its last line. Known rules: ${knownRules.join(', ')}.`);
  const rest = body.replace(PREFIX, '');
  const rule = RULE.exec(rest)?.[1];
  if (rule === undefined) throw refuse('it names no rule');
  if (!knownRules.includes(rule)) {
    const guess = closest(rule, knownRules);
    throw refuse(`there is no rule "${rule}"${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
  const reason = REASON.exec(rest.slice(rest.indexOf(rule) + rule.length))?.[1];
  if (reason === undefined) throw refuse(`it gives no reason after "${rule}:"; the reason is recorded in the migration history`);
  return { rule, reason: reason.replace(/\s+/g, ' ').trim(), line };
}
