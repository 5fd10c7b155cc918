import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../core/canonical.js';
import { BadInputError } from '../core/errors.js';
import { backfillPlanOf, type BackfillPlan } from './backfill-plan.js';
import { quoteIdent } from './connection.js';
import { lintStatements, type Finding, type MigrationPhase } from './lint/lint.js';
import { parseSql, type SqlStatement } from './sql/statements.js';

/** The parts of a migration folder, in the order they run. */
const PHASE_OF_FILE: Record<string, MigrationPhase> = {
  'expand.sql': 'expand',
  'migrate.sql': 'migrate',
  'migrate.yml': 'migrate',
  'migrate.yaml': 'migrate',
  'contract.sql': 'contract'
};
const RUN_ORDER = Object.keys(PHASE_OF_FILE);

/** The UPDATE a backfill runs in batches, so its expressions meet the same rules as SQL files. */
function backfillUpdate(plan: BackfillPlan): string {
  const set = plan.set.map(s => `${quoteIdent(s.column)} = ${s.expr}`).join(', ');
  return `UPDATE ${plan.table}${plan.alias ? ` AS ${plan.alias}` : ''} SET ${set}${plan.where ? ` WHERE ${plan.where}` : ''}`;
}

/**
 * The statements of one part, and its findings. A migrate part must also be
 * a backfill cutover can run (one UPDATE, or migrate.yml's fields), checked
 * by the same reader the migrate step uses; a problem throws BadInputError
 * naming the file and the field.
 */
async function lintPart(file: string, text: string, phase: MigrationPhase, earlier: readonly SqlStatement[]): Promise<{ statements: SqlStatement[]; findings: Finding[] }> {
  if (phase === 'migrate') {
    const plan = await backfillPlanOf({ phase, file, text, checksum: sha256(text) });
    if (!file.endsWith('.sql')) return { statements: [], findings: lintStatements(await parseSql(backfillUpdate(plan), file), phase, file, earlier) };
  }
  const statements = await parseSql(text, file);
  return { statements, findings: lintStatements(statements, phase, file, earlier) };
}

/**
 * Lints a migration folder (each part by its phase, in the order they run,
 * so contract knows the functions expand created) or one file, judged as
 * expand, the strictest phase, unless its name says otherwise. Unreadable,
 * unparseable or malformed files throw BadInputError.
 */
export async function lintPath(target: string): Promise<{ files: string[]; findings: Finding[] }> {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    throw new BadInputError(`${target}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give a migration folder or a .sql file.`);
  }
  const files = info.isDirectory()
    ? (await readdir(target))
        .filter(name => name in PHASE_OF_FILE)
        .sort((a, b) => RUN_ORDER.indexOf(a) - RUN_ORDER.indexOf(b))
        .map(name => ({ file: path.join(target, name), phase: PHASE_OF_FILE[name] as MigrationPhase }))
    : [{ file: target, phase: PHASE_OF_FILE[path.basename(target)] ?? ('expand' as const) }];
  if (files.length === 0) throw new BadInputError(`${target}: no expand.sql, migrate.sql, migrate.yml or contract.sql in this folder. Give a migration folder or a .sql file.`);
  const findings: Finding[] = [];
  const earlier: SqlStatement[] = [];
  for (const { file, phase } of files) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new BadInputError(`${file}: cannot read it (${error.code ?? error.message}).`);
    });
    const part = await lintPart(file, text, phase, earlier);
    findings.push(...part.findings);
    earlier.push(...part.statements);
  }
  return { files: files.map(f => f.file), findings };
}
