import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../../core/canonical.js';
import { BadInputError } from '../../shared/errors.js';
import { closest } from '../../shared/problems.js';
import { readTextFile } from '../../shared/io/files.js';
import { compileChange } from './change/compile.js';

export type DbPhase = 'expand' | 'migrate' | 'contract';
export const DB_PHASES: readonly DbPhase[] = ['expand', 'migrate', 'contract'];

/** One phase's file of a migration, read once so that what is checked is what runs. */
export interface MigrationPart {
  phase: DbPhase;
  /** Where it comes from, for messages: the file, or the change.yml it was compiled from. */
  file: string;
  /** What `text` is: SQL statements, or migrate.yml's fields. */
  format: 'sql' | 'yaml';
  text: string;
  /** sha256 of the file as written (for a compiled part, of its change.yml), recorded in the history. */
  checksum: string;
}

export interface Migration {
  id: string;
  name: string;
  dir: string;
  parts: Partial<Record<DbPhase, MigrationPart>>;
}

const FOLDER = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_-]*)$/;
const PART_FILES: Record<string, DbPhase> = {
  'expand.sql': 'expand',
  'migrate.sql': 'migrate',
  'migrate.yml': 'migrate',
  'migrate.yaml': 'migrate',
  'contract.sql': 'contract'
};
/** Declarative changes, compiled into the three parts. */
export const CHANGE_FILE = 'change.yml';

/** Orders ids as numbers, so 10 follows 9 whatever the zero padding. */
function compareIds(a: Migration, b: Migration): number {
  const [x, y] = [BigInt(a.id), BigInt(b.id)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The migrations folder as given (for messages) and as it really is on disk (to tell where links lead). */
export interface Root {
  shown: string;
  real: string;
}

function cannotRead(file: string, error: unknown): BadInputError {
  return new BadInputError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
}

/**
 * Where `file` really is, refused when a link takes it out of the migrations
 * folder: cutover reads, runs and quotes migrations, and must never do that
 * with some other file (a key, /etc/shadow) that a link points at. A link that
 * stays inside the folder leads to a migration file like any other, so it is followed.
 */
async function insideRoot(root: Root, file: string): Promise<string> {
  const real = await realpath(file).catch((error: unknown) => {
    throw cannotRead(file, error);
  });
  const relative = path.relative(root.real, real);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new BadInputError(
      `${file}: a link to ${real}, outside the migrations folder ${root.shown}. Migrations are read only from inside it; put the file itself there instead of a link.`
    );
  }
  return real;
}

/** A migration file's text, read as the phases read it: a regular UTF-8 file, never through a link that leaves the folder. */
async function readSource(root: Root, dir: string, name: string): Promise<{ file: string; text: string }> {
  const file = path.join(dir, name);
  const real = await insideRoot(root, file);
  const text = await readTextFile(real, file).catch((error: unknown) => {
    throw error instanceof BadInputError ? error : cannotRead(file, error);
  });
  return { file, text };
}

export async function readPart(root: Root, dir: string, name: string, phase: DbPhase): Promise<MigrationPart> {
  const { file, text } = await readSource(root, dir, name);
  return { phase, file, format: name.endsWith('.sql') ? 'sql' : 'yaml', text, checksum: sha256(text) };
}

/** The migration id a folder's name gives, which generated names carry; undefined for a name that is not <id>_<name>. */
export function migrationIdOf(dir: string): string | undefined {
  return FOLDER.exec(path.basename(dir))?.[1];
}

/**
 * The parts change.yml compiles into, each checked, planned and run like a
 * written one. Their checksum is change.yml's, so a newer cutover that
 * generates different SQL does not make applied migrations look edited.
 */
export async function readChangeParts(root: Root, dir: string, migrationId: string): Promise<Partial<Record<DbPhase, MigrationPart>>> {
  const { file, text } = await readSource(root, dir, CHANGE_FILE);
  const compiled = await compileChange(text, file, migrationId);
  const checksum = sha256(text);
  const parts: Partial<Record<DbPhase, MigrationPart>> = {};
  for (const phase of DB_PHASES) {
    const generated = compiled[phase];
    if (generated !== undefined) parts[phase] = { phase, file, format: phase === 'migrate' ? 'yaml' : 'sql', text: generated, checksum };
  }
  return parts;
}

/** Whether a part was compiled from change.yml: nobody wrote its text, so it is shown in full. */
export function isGenerated(part: MigrationPart): boolean {
  return path.basename(part.file) === CHANGE_FILE;
}

/** Refuses a folder holding change.yml and written parts: which one runs would be a guess. */
export function refuseChangeWithParts(dir: string, written: readonly string[]): void {
  if (written.length === 0) return;
  throw new BadInputError(
    `${dir}: has both ${CHANGE_FILE} and ${written.join(', ')}. ${CHANGE_FILE} generates expand, migrate and contract itself: keep either ${CHANGE_FILE} or the written files, and move the other into a migration of its own.`
  );
}

async function loadMigration(root: Root, folder: string): Promise<Migration> {
  const match = FOLDER.exec(folder) as RegExpExecArray;
  const dir = path.join(root.shown, folder);
  await insideRoot(root, dir);
  const migration: Migration = { id: match[1] as string, name: match[2] as string, dir, parts: {} };
  const names = (await readdir(dir)).sort();
  if (names.includes(CHANGE_FILE)) {
    refuseChangeWithParts(dir, names.filter(name => name in PART_FILES));
    migration.parts = await readChangeParts(root, dir, migration.id);
  }
  for (const name of names) {
    if (name === CHANGE_FILE) continue;
    const phase = PART_FILES[name];
    if (phase === undefined) {
      if (!/\.(sql|ya?ml)$/.test(name)) continue;
      const guess = closest(name, [...Object.keys(PART_FILES), CHANGE_FILE]);
      throw new BadInputError(
        `${path.join(dir, name)}: not a migration part. A migration folder holds expand.sql, migrate.sql or migrate.yml, and contract.sql, or change.yml instead of them${guess ? `; did you mean ${guess}?` : ''}.`
      );
    }
    if (migration.parts[phase]) {
      throw new BadInputError(`${dir}: has both ${path.basename(migration.parts[phase].file)} and ${name}. Keep one migrate file: SQL for one UPDATE, YAML for the backfill settings.`);
    }
    migration.parts[phase] = await readPart(root, dir, name, phase);
  }
  return migration;
}

/**
 * Reads `db/migrations/<id>_<name>/` folders in id order. Anything that is not
 * a migration folder is refused rather than skipped, so a misnamed folder
 * cannot silently miss a release.
 */
export async function loadMigrations(root: string): Promise<Migration[]> {
  let entries: string[];
  let real: string;
  try {
    entries = (await readdir(root)).sort();
    real = await realpath(root);
  } catch (error) {
    throw new BadInputError(`database.migrations: cannot read ${root} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Create the folder or point database.migrations at it.`);
  }
  const migrations: Migration[] = [];
  for (const entry of entries) {
    if (entry.startsWith('.')) continue;
    const info = await stat(path.join(root, entry)).catch((error: unknown) => {
      throw cannotRead(path.join(root, entry), error);
    });
    if (!info.isDirectory()) continue;
    if (!FOLDER.test(entry)) {
      throw new BadInputError(`${path.join(root, entry)}: a migration folder is named <id>_<name> with a numeric id, like 0007_split_name. Rename it.`);
    }
    migrations.push(await loadMigration({ shown: root, real }, entry));
  }
  migrations.sort(compareIds);
  for (let i = 1; i < migrations.length; i++) {
    const [a, b] = [migrations[i - 1] as Migration, migrations[i] as Migration];
    if (compareIds(a, b) === 0) {
      throw new BadInputError(`${a.dir} and ${b.dir}: both have id ${BigInt(a.id)}. Each migration needs its own id; renumber the newer one.`);
    }
  }
  return migrations;
}
