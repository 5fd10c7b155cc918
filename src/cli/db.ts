import { loadConfig } from '../config/load.js';
import { BadInputError } from '../shared/errors.js';
import { readHistory, type HistoryRow } from '../adapters/database/history.js';
import { failing, formatFinding } from '../adapters/database/lint/lint.js';
import { lintPath } from '../adapters/database/lint-files.js';
import type { Migration } from '../adapters/database/migrations.js';
import { describePlan } from '../adapters/database/plan.js';
import { parseSql } from '../adapters/database/sql/statements.js';
import { statusOf } from '../adapters/database/status.js';
import { batchOf, databaseSettings, migrationsOf, withDatabase } from '../steps/database.js';
import { parseFlags } from './flags.js';
import { terminalSecrets, type Terminal } from './terminal.js';

function parse(command: string, args: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>, positionals = false) {
  return parseFlags(`db ${command}`, args, options, positionals, 'db');
}

async function context(configPath: string | undefined, terminal: Terminal) {
  const { config, baseDir } = await loadConfig(configPath ?? 'cutover.yml');
  databaseSettings({ config }, 'db');
  return { config, baseDir, secrets: terminalSecrets(terminal) };
}

async function statementCounts(migrations: readonly Migration[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const migration of migrations) {
    for (const phase of ['expand', 'contract'] as const) {
      const part = migration.parts[phase];
      if (part) counts[`${migration.id}:${phase}`] = (await parseSql(part.text, part.file)).length;
    }
  }
  return counts;
}

async function status(args: readonly string[], terminal: Terminal): Promise<number> {
  const { values } = parse('status', args, { config: { type: 'string' }, json: { type: 'boolean' } });
  const ctx = await context(values.config as string | undefined, terminal);
  const migrations = await migrationsOf(ctx, 'db status');
  const history = await withDatabase(ctx, 'db status', readHistory);
  const report = statusOf(migrations, history, await statementCounts(migrations));
  if (values.json) {
    terminal.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  terminal.out(`schema version: ${report.schema_version ?? 'none'}\n`);
  for (const m of report.migrations) {
    const phases = (['expand', 'migrate', 'contract'] as const)
      .filter(p => m.phases[p] !== 'absent')
      .map(p => {
        const notes = [m.phases[p] !== 'done' ? m.detail[p] : undefined, p === 'migrate' ? m.verification : undefined].filter(Boolean);
        return `${p} ${m.phases[p]}${notes.length ? ` (${notes.join('; ')})` : ''}`;
      });
    terminal.out(`  ${m.id}_${m.name}: ${phases.join(', ') || 'no parts'}\n`);
  }
  if (report.unknown.length) terminal.out(`in the history but not in the migrations folder: ${report.unknown.join(', ')}\n`);
  return 0;
}

async function plan(args: readonly string[], terminal: Terminal): Promise<number> {
  const { values } = parse('plan', args, { config: { type: 'string' } });
  const ctx = await context(values.config as string | undefined, terminal);
  const migrations = await migrationsOf(ctx, 'db plan');
  let history: HistoryRow[] | undefined;
  try {
    history = await withDatabase(ctx, 'db plan', readHistory);
  } catch (error) {
    terminal.err(`note: which parts already ran is unknown: ${(error as Error).message}\n`);
  }
  terminal.out(await describePlan(migrations, history, batchOf(databaseSettings(ctx, 'db plan'))));
  return 0;
}

async function lint(args: readonly string[], terminal: Terminal): Promise<number> {
  const { positionals } = parse('lint', args, {}, true);
  if (positionals.length !== 1) throw new BadInputError('cutover db lint: give one migration folder or .sql file, like cutover db lint db/migrations/0007_split_name.');
  const { files, findings } = await lintPath(positionals[0] as string);
  for (const finding of findings) terminal.out(`${formatFinding(finding)}\n\n`);
  const refused = failing(findings);
  terminal.out(`${files.length} file(s): ${refused.length} refused, ${findings.length - refused.length} allowed\n`);
  return refused.length > 0 ? 1 : 0;
}

/** `cutover db status|plan|lint`: the database tools that are not release steps. */
export async function dbToolCommand(command: string | undefined, args: readonly string[], terminal: Terminal): Promise<number> {
  switch (command) {
    case 'status':
      return status(args, terminal);
    case 'plan':
      return plan(args, terminal);
    case 'lint':
      return lint(args, terminal);
    default:
      throw new BadInputError(`cutover db: expected expand, migrate, contract, status, plan or lint, got ${JSON.stringify(command ?? '')}. See cutover db --help.`);
  }
}
