import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../core/errors.js';
import { backfillPlanOf } from './backfill-plan.js';
import { lintStatements, type Finding } from './lint/lint.js';
import { lintBackfill, statementsBefore } from './lint/migration-parts.js';
import { DB_PHASES, readPart, type DbPhase, type MigrationPart } from './migrations.js';
import { parseSql } from './sql/statements.js';

const PHASE_OF_FILE: Record<string, DbPhase> = {
  'expand.sql': 'expand',
  'migrate.sql': 'migrate',
  'migrate.yml': 'migrate',
  'migrate.yaml': 'migrate',
  'contract.sql': 'contract'
};

/**
 * The findings of one part, judged as the phase step judges it: knowing the
 * parts before it, and for a migrate part, after reading it as the backfill it
 * describes (migrate.yml's fields, or migrate.sql's one UPDATE), which throws
 * BadInputError naming the file and the field.
 */
async function lintPart(part: MigrationPart, parts: Partial<Record<DbPhase, MigrationPart>>): Promise<Finding[]> {
  const earlier = await statementsBefore(parts, part.phase);
  if (part.phase === 'migrate') return lintBackfill(part, await backfillPlanOf(part), earlier);
  return lintStatements(await parseSql(part.text, part.file), part.phase, part.file, earlier);
}

/**
 * Lints a migration folder (each part by its phase, knowing what the parts
 * before it create) or one file, judged as expand, the strictest phase,
 * unless its name says otherwise. Unreadable, unparseable or malformed files
 * throw BadInputError.
 */
export async function lintPath(target: string): Promise<{ files: string[]; findings: Finding[] }> {
  let info;
  let real;
  try {
    info = await stat(target);
    real = await realpath(info.isDirectory() ? target : path.dirname(target));
  } catch (error) {
    throw new BadInputError(`${target}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give a migration folder or a .sql file.`);
  }
  const dir = info.isDirectory() ? target : path.dirname(target);
  const names = info.isDirectory() ? (await readdir(target)).filter(name => name in PHASE_OF_FILE).sort() : [path.basename(target)];
  if (names.length === 0) throw new BadInputError(`${target}: no expand.sql, migrate.sql, migrate.yml or contract.sql in this folder. Give a migration folder or a .sql file.`);
  // Read as the phases read them: regular UTF-8 files, never through a link that leaves the folder.
  const root = { shown: dir, real };
  const parts: Partial<Record<DbPhase, MigrationPart>> = {};
  for (const name of names) {
    const part = await readPart(root, dir, name, PHASE_OF_FILE[name] ?? 'expand');
    const other = parts[part.phase];
    if (other) throw new BadInputError(`${target}: has both ${path.basename(other.file)} and ${name}. Keep one migrate file: SQL for one UPDATE, YAML for the backfill settings.`);
    parts[part.phase] = part;
  }
  const findings: Finding[] = [];
  for (const phase of DB_PHASES) {
    const part = parts[phase];
    if (part) findings.push(...(await lintPart(part, parts)));
  }
  return { files: names.map(name => path.join(dir, name)), findings };
}
