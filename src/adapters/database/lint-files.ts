import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../../shared/errors.js';
import { backfillPlanOf } from './backfill-plan.js';
import { lintStatements, type Finding } from './lint/lint.js';
import { lintBackfill, statementsBefore } from './lint/migration-parts.js';
import { CHANGE_FILE, DB_PHASES, migrationIdOf, readChangeParts, readPart, refuseChangeWithParts, type DbPhase, type MigrationPart, type Root } from './migrations.js';
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
 * before it create; for change.yml, the parts it generates) or one file,
 * judged as expand, the strictest phase, unless its name says otherwise.
 * Unreadable, unparseable or malformed files throw BadInputError.
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
  // Read as the phases read them: regular UTF-8 files, never through a link that leaves the folder.
  const root = { shown: dir, real };
  const entries = info.isDirectory() ? await readdir(target) : [path.basename(target)];
  const names = entries.filter(name => name in PHASE_OF_FILE).sort();
  if (entries.includes(CHANGE_FILE)) {
    refuseChangeWithParts(dir, names);
    return lintParts(await changeParts(root, dir), [path.join(dir, CHANGE_FILE)]);
  }
  if (!info.isDirectory() && names.length === 0) names.push(path.basename(target));
  if (names.length === 0) throw new BadInputError(`${target}: no expand.sql, migrate.sql, migrate.yml, contract.sql or ${CHANGE_FILE} in this folder. Give a migration folder or a .sql file.`);
  const parts: Partial<Record<DbPhase, MigrationPart>> = {};
  for (const name of names) {
    const part = await readPart(root, dir, name, PHASE_OF_FILE[name] ?? 'expand');
    const other = parts[part.phase];
    if (other) throw new BadInputError(`${target}: has both ${path.basename(other.file)} and ${name}. Keep one migrate file: SQL for one UPDATE, YAML for the backfill settings.`);
    parts[part.phase] = part;
  }
  return lintParts(parts, names.map(name => path.join(dir, name)));
}

/** change.yml's generated parts; their names carry the migration id, so the folder must be named as a migration. */
async function changeParts(root: Root, dir: string): Promise<Partial<Record<DbPhase, MigrationPart>>> {
  const id = migrationIdOf(dir);
  if (id === undefined) throw new BadInputError(`${path.join(dir, CHANGE_FILE)}: its folder ${dir} is not named <id>_<name>, and the names of what it generates carry the id. Lint the migration folder, named like 0007_split_name.`);
  return readChangeParts(root, dir, id);
}

async function lintParts(parts: Partial<Record<DbPhase, MigrationPart>>, files: string[]): Promise<{ files: string[]; findings: Finding[] }> {
  const findings: Finding[] = [];
  for (const phase of DB_PHASES) {
    const part = parts[phase];
    if (part) findings.push(...(await lintPart(part, parts)));
  }
  return { files, findings };
}
