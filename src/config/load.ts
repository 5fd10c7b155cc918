import path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { BadInputError } from '../shared/errors.js';
import { readTextFile } from '../shared/io/files.js';
import { describeIssues } from '../shared/problems.js';
import { configSchema, type Config } from './schema.js';

/** A value given as an action input or CLI flag, replacing the config file's value at `path`. */
export interface Override {
  path: readonly string[];
  value: unknown;
  /** How the user wrote it, e.g. `input "health-timeout"` or `--health-timeout`. */
  label: string;
}

export interface LoadedConfig {
  config: Config;
  file: string;
  /** Relative paths in the config are taken from the folder that holds it. */
  baseDir: string;
}

/** A config is a page of settings; a cap keeps a huge file from being read into memory at all. */
export const MAX_CONFIG_BYTES = 1_048_576;

export async function loadConfig(file: string, overrides: readonly Override[] = []): Promise<LoadedConfig> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readTextFile(absolute, file, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new BadInputError(`config: cannot read ${file} (${reason}). Create it (see docs/reference/actions.md) or pass its path with --config / the "config" input.`);
  }
  return { config: parseConfig(text, file, overrides), file: absolute, baseDir: path.dirname(absolute) };
}

/** Validates config text; every problem is reported at once, and nothing is touched. */
export function parseConfig(text: string, file: string, overrides: readonly Override[] = []): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map(e => {
      const at = lines.linePos(e.pos[0]);
      return `  line ${at.line}, column ${at.col}: ${e.message.split('\n')[0]}`;
    });
    throw new BadInputError(`${file} is not valid YAML:\n${problems.join('\n')}`);
  }
  const raw = plainValueOf(doc, file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new BadInputError(`${file}: expected a mapping of settings (service, colors, router, ...) at the top level.`);
  }
  for (const override of overrides) setAt(raw as Record<string, unknown>, override.path, override.value);

  const result = configSchema.safeParse(raw);
  if (result.success) return result.data as Config;

  const labelFor = (dotted: string) => {
    const override = overrides.find(o => dotted === o.path.join('.') || dotted.startsWith(o.path.join('.') + '.'));
    if (override) return `${override.label} (${dotted})`;
    const line = lineOf(doc, lines, dotted);
    return line ? `${dotted} (line ${line})` : dotted;
  };
  const problems = describeIssues(result.error.issues, raw, configSchema, labelFor);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new BadInputError(`${file} has ${count}; nothing was changed:\n${problems.map(p => `  ${p}`).join('\n')}`);
}

/** Aliases may repeat a value, but a nest of them could grow the document past all memory (yaml's default limit, made explicit). */
const MAX_ALIASES = 100;

function plainValueOf(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const reason = error.message.startsWith('Excessive alias count')
      ? `its aliases (*name) expand to more than ${MAX_ALIASES} copies, counting nested ones; write the values out instead of nesting aliases`
      : error.message;
    throw new BadInputError(`${file} is not valid YAML: ${reason}. Nothing was changed.`);
  }
}

function setAt(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = target;
  keys.slice(0, -1).forEach(key => {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] as string] = value;
}

function lineOf(doc: Document, lines: LineCounter, dotted: string): number | undefined {
  const keys = dotted.split('.').map(k => (/^\d+$/.test(k) ? Number(k) : k));
  for (let n = keys.length; n > 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
