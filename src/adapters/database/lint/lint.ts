import type { SqlStatement } from '../sql/statement.js';
import { shorten } from '../../../shared/logging/outside-text.js';
import { FileFacts } from '../sql/file-facts.js';
import { rules } from './rules.js';
import type { MigrationPhase } from './rule.js';

export type { MigrationPhase };



/** A statement a rule refuses in this phase. */
export interface Finding {
  rule: string;
  file: string;
  line: number;
  /** The statement's text. */
  statement: string;
  /** What the statement does, naming the table, column or index. */
  message: string;
  why: string;
  fix: string;
  /** The reason of a `-- cutover:allow` comment: the finding does not fail the lint, but is reported and recorded. */
  allowed?: string;
}

/**
 * Checks a file's statements against the rules of `phase`. Statements on a
 * table or index created earlier in the same file are exempt: it is new and
 * empty, and no running version uses it. `earlierParts` are the statements of
 * the migration's parts that run before this one (expand before contract):
 * a call of a function they created is as opaque as one created here.
 */
export function lintStatements(statements: readonly SqlStatement[], phase: MigrationPhase, file: string, earlierParts: readonly SqlStatement[] = []): Finding[] {
  const facts = new FileFacts();
  for (const statement of earlierParts) facts.addEarlierPart(statement);
  const findings: Finding[] = [];
  for (const statement of statements) {
    for (const rule of rules.filter(r => r.phases.includes(phase))) {
      const hits = rule.check(statement, facts).filter(hit => !(hit.table && facts.isNewTable(hit.table)) && !(hit.index && facts.isNewIndex(hit.index)));
      const allow = statement.allows.find(a => a.rule === rule.id);
      for (const hit of hits) {
        findings.push({
          rule: rule.id,
          file,
          line: statement.line,
          statement: statement.text,
          message: hit.message,
          why: rule.why,
          fix: hit.fix ?? rule.fix,
          ...(allow ? { allowed: allow.reason } : {})
        });
      }
    }
    facts.add(statement);
  }
  return findings;
}

/** The findings that fail the lint: those no allow comment covers. */
export function failing(findings: readonly Finding[]): Finding[] {
  return findings.filter(f => f.allowed === undefined);
}

/** A finding for people: where, what, and either why, how to fix it and how to allow it, or why it was allowed. */
export function formatFinding(f: Finding): string {
  const head = `${f.file}:${f.line} ${f.rule}: ${f.message}`;
  // migrate.yml has no statement to put a comment above: its allow is a field.
  const allow = /migrate\.ya?ml$/.test(f.file) ? `add "allow: { ${f.rule}: <reason> }" to migrate.yml` : `-- cutover:allow ${f.rule}: <reason>, on the line above the statement`;
  const tail = f.allowed === undefined ? [`  why: ${f.why}`, `  fix: ${f.fix}`, `  allow: ${allow}`] : [`  allowed: ${f.allowed}`];
  return [head, `  ${shorten(f.statement, 120)}`, ...tail].join('\n');
}
