import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { tempDir } from '../support/servers.js';
import { blocksOf, where, type CodeBlock } from './markdown.js';

/**
 * Every cutover.yml shown in README.md and docs/ loads with the real loader.
 *
 * A ```yaml block is a cutover.yml when its top level has `service:`, and is
 * loaded as it stands. A deliberate piece of one (a section, a few settings) is
 * marked by an HTML comment on the line before its fence, which readers do not see:
 *
 *   <!-- fragment -->          the block holds top-level sections of cutover.yml
 *   <!-- fragment: router -->  the block holds settings under `router` (a dotted path)
 *
 * A fragment is merged into the last complete example above it in the same file
 * (the setup it changes), or into BASE when there is none. Mappings merge key by
 * key, the fragment winning, except that a mapping naming its `kind` replaces the
 * base's whole: the settings of one router or source kind do not fit another.
 * A block without `service:` whose top-level keys are all cutover.yml sections is
 * taken for an unmarked fragment and fails, so that no example goes unchecked.
 *
 * Secrets are `env:NAME` references. The loader checks their form only (steps read
 * the values when they use them), so no variable is set here.
 */

const BASE = {
  service: 'shop-api',
  colors: {
    blue: { upstream: '127.0.0.1:8081', health: 'http://127.0.0.1:8081/healthz' },
    green: { upstream: '127.0.0.1:8082', health: 'http://127.0.0.1:8082/healthz' }
  },
  router: { kind: 'nginx', file: '/etc/nginx/cutover/shop-api.conf', probe: 'https://shop.example.com/healthz' }
};

const SECTIONS = new Set(Object.keys(configSchema.shape));

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping => value !== null && typeof value === 'object' && !Array.isArray(value);

function merge(base: Mapping, fragment: Mapping): Mapping {
  const merged: Mapping = { ...base };
  for (const [key, value] of Object.entries(fragment)) {
    const under = merged[key];
    merged[key] = isMapping(value) && isMapping(under) && !('kind' in value) ? merge(under, value) : value;
  }
  return merged;
}

interface Example {
  block: CodeBlock;
  /** The cutover.yml to load; null for an unmarked fragment. */
  text: string | null;
}

/** The cutover.yml examples of the docs, fragments completed; other YAML (workflows, migrate.yml) is left out. */
function examples(): Example[] {
  const found: Example[] = [];
  const lastComplete = new Map<string, Mapping>();
  for (const block of blocksOf('yaml')) {
    const fragment = /^fragment(?::\s*([\w.-]+))?$/.exec(block.marker ?? '');
    const value: unknown = parse(block.text);
    if (fragment) {
      const keys = fragment[1]?.split('.') ?? [];
      const nested = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      found.push({ block, text: stringify(merge(lastComplete.get(block.file) ?? BASE, nested as Mapping), { lineWidth: 0 }) });
    } else if (isMapping(value) && 'service' in value) {
      lastComplete.set(block.file, value);
      found.push({ block, text: block.text });
    } else if (isMapping(value) && Object.keys(value).length > 0 && Object.keys(value).every(key => SECTIONS.has(key))) {
      found.push({ block, text: null });
    }
  }
  return found;
}

const all = examples();

describe('cutover.yml examples in the docs', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  it('finds the examples', () => {
    // A change to the extraction that drops examples would otherwise pass quietly.
    expect(all.filter(e => e.block.file.startsWith('docs/routers/')).length).toBeGreaterThanOrEqual(6);
    expect(all.some(e => e.block.file === 'README.md')).toBe(true);
  });

  it.each(all.map(example => [where(example.block), example] as const))('%s loads', async (at, { block, text }) => {
    if (text === null) {
      throw new Error(`${at}: this YAML looks like part of a cutover.yml but has no service: and no <!-- fragment --> comment on the line before its fence. Mark it, or complete it.`);
    }
    const file = path.join(dir, `${block.file.replace(/\W/g, '_')}_${block.line}.yml`);
    await writeFile(file, text);
    try {
      await loadConfig(file);
    } catch (error) {
      // A complete example is written as it stands, so the loader's line numbers map back to the doc.
      const message = (error as Error).message.replace(/\(line (\d+)\)/g, (all, line: string) => (block.marker ? all : `(${block.file}:${block.line + Number(line)})`));
      throw new Error(`${at}: the example does not load:\n${message}${block.marker ? `\nMerged into its base, it reads:\n${text}` : ''}`, { cause: error });
    }
  });
});
