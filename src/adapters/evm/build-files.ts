import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BadInputError } from '../../shared/errors.js';
import type { BuildFormat, BuildJson, WholeBuild } from './build-format.js';
import { FOUNDRY } from './build-foundry.js';
import { HARDHAT_2, HARDHAT_3, isHardhat3Output } from './build-hardhat.js';
import { SOLC } from './build-solc.js';

/** Tried in this order; solc's {solcVersion, input, output} takes what no tool claims. */
const FORMATS: BuildFormat[] = [FOUNDRY, HARDHAT_2, HARDHAT_3, SOLC];

/** Each format's setting for a build cutover can read, for messages that cannot tell which tool made the build. */
export const HOW_TO_BUILD = [...new Set(FORMATS.map(format => format.fix))].join(' ');

/** The whole build in `file`, in whichever format its contents show. */
export async function readBuildFile(file: string, field: string): Promise<WholeBuild> {
  const { json, format } = await parseBuildFile(file, field);
  return format.read(json, file, field);
}

async function parseBuildFile(file: string, field: string): Promise<{ json: BuildJson; format: BuildFormat }> {
  const text = await readFile(file, 'utf8');
  let json: BuildJson;
  try {
    const parsed: unknown = JSON.parse(text);
    json = typeof parsed === 'object' && parsed !== null ? (parsed as BuildJson) : {};
  } catch (error) {
    throw new BadInputError(`${field}: ${file} is not JSON (${(error as Error).message}). Point it at a build-info file or directory. ${HOW_TO_BUILD}`);
  }
  return { json, format: formatOf(json, file, field) };
}

function formatOf(json: BuildJson, file: string, field: string): BuildFormat {
  if ('abi' in json && ('bytecode' in json || 'deployedBytecode' in json)) {
    // forge's per-contract artifacts keep bytecode as an object, Hardhat's as a hex string.
    const fix = typeof json.bytecode === 'object' ? FOUNDRY.fix : HARDHAT_2.fix;
    throw new BadInputError(`${field}: ${file} is a per-contract artifact (abi and bytecode), not a whole build; upgrade checks need every source's AST and storage layout. ${fix}`);
  }
  const format = FORMATS.find(f => f.recognizes(json)) as BuildFormat;
  if (format === SOLC && !('input' in json) && !('output' in json)) {
    throw new BadInputError(`${field}: ${file} is not a build-info file (no compiler input and output). ${HOW_TO_BUILD}`);
  }
  return format;
}

/** The folder holding a project's build-info files: `dir` itself, or its build-info folder (Foundry's out/, Hardhat's artifacts/). */
export async function buildInfoDir(dir: string): Promise<string> {
  const inner = join(dir, 'build-info');
  return (await stat(inner).catch(() => null))?.isDirectory() ? inner : dir;
}

/**
 * Every build in the folder with its modification time. Files that are no
 * builds are passed over and counted; `why` is the setting that makes builds
 * of the tool whose files they are (forge without build_info = true still
 * writes out/build-info/<id>.json, with neither input nor output).
 */
export async function readBuildDir(dir: string, field: string): Promise<{ builds: { build: WholeBuild; mtimeMs: number }[]; files: number; why: string }> {
  const names = (await readdir(dir)).filter(name => name.endsWith('.json') && !isHardhat3Output(name));
  const builds: { build: WholeBuild; mtimeMs: number }[] = [];
  const unread = new Set<string>();
  for (const name of names) {
    const file = join(dir, name);
    let format: BuildFormat | null = null;
    try {
      const parsed = await parseBuildFile(file, field);
      format = parsed.format;
      builds.push({ build: await format.read(parsed.json, file, field), mtimeMs: (await stat(file)).mtimeMs });
    } catch {
      if (format !== null && format !== SOLC) unread.add(format.fix);
    }
  }
  const [fix] = unread;
  return { builds, files: names.length, why: unread.size === 1 && fix ? fix : HOW_TO_BUILD };
}
