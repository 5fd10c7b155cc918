import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../core/errors.js';
import { lintStatements, type Finding, type MigrationPhase } from './lint/lint.js';
import { parseSql } from './sql/statements.js';

const PHASE_OF_FILE: Record<string, MigrationPhase> = { 'expand.sql': 'expand', 'contract.sql': 'contract', 'migrate.sql': 'migrate' };

/**
 * Lints a migration folder (each file by its phase) or one .sql file, judged
 * as expand, the strictest phase. Unreadable or unparseable files throw
 * BadInputError.
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
        .sort()
        .map(name => ({ file: path.join(target, name), phase: PHASE_OF_FILE[name] as MigrationPhase }))
    : [{ file: target, phase: PHASE_OF_FILE[path.basename(target)] ?? ('expand' as const) }];
  if (files.length === 0) throw new BadInputError(`${target}: no expand.sql, migrate.sql or contract.sql in this folder. Give a migration folder or a .sql file.`);
  const findings: Finding[] = [];
  for (const { file, phase } of files) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new BadInputError(`${file}: cannot read it (${error.code ?? error.message}).`);
    });
    findings.push(...lintStatements(await parseSql(text, file), phase, file));
  }
  return { files: files.map(f => f.file), findings };
}
