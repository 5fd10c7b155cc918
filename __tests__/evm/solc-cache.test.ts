import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileSolidity, type BuildInfo } from '../../src/demo/solidity.js';
import { tempDir } from '../support/servers.js';

const IMPORTED = '@openzeppelin/contracts/utils/Context.sol';
const source = (value: number) => ({
  'Tiny.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
import {Context} from "${IMPORTED}";
contract Tiny is Context { uint256 public value = ${value}; }`
});

/** What the tests write into a kept build: a compile cannot produce it, so a build that has it was read from the cache. */
const MARK = 'read from the cache';
const marked = (build: BuildInfo) => (build.output as Record<string, unknown>).mark === MARK;

describe('the compile cache of compileSolidity', () => {
  let dir: string;
  let remove: () => Promise<void>;
  /** The one build compiled in beforeAll, and the file it was kept in. */
  let first: BuildInfo;
  let kept: string;

  /** A cache folder of its own holding the kept build, marked and changed as `change` says. */
  async function cacheWith(name: string, change: (build: BuildInfo) => void = () => undefined): Promise<{ cache: string; file: string }> {
    const cache = path.join(dir, name);
    await mkdir(cache);
    const file = path.join(cache, path.basename(kept));
    const build = JSON.parse(await readFile(kept, 'utf8')) as BuildInfo;
    (build.output as Record<string, unknown>).mark = MARK;
    change(build);
    await writeFile(file, JSON.stringify(build));
    return { cache, file };
  }

  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    const cache = path.join(dir, 'first');
    first = await compileSolidity(source(1), { cache });
    const files = await readdir(cache);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/)]);
    kept = path.join(cache, files[0] as string);
  });
  afterAll(() => remove());

  it('keeps the whole build, imports included, and returns it on the next compile of the same sources without compiling', async () => {
    expect(JSON.parse(await readFile(kept, 'utf8'))).toEqual(first);
    expect(Object.keys(first.input.sources)).toEqual(expect.arrayContaining(['Tiny.sol', IMPORTED]));
    const { cache } = await cacheWith('hit');
    const again = await compileSolidity(source(1), { cache });
    expect(marked(again)).toBe(true);
    expect({ ...again, output: { ...again.output, mark: undefined } }).toEqual({ ...first, output: { ...first.output, mark: undefined } });
  });

  it('compiles a changed source or changed settings again, keeping each build apart', async () => {
    const { cache } = await cacheWith('changed');
    // Two compiles of the same new source at once, as parallel jest workers do: each entry is written whole.
    const [changed, twice] = await Promise.all([compileSolidity(source(2), { cache }), compileSolidity(source(2), { cache })]);
    expect([marked(changed), marked(twice)]).toEqual([false, false]);
    expect(changed.input.sources['Tiny.sol']?.content).toContain('value = 2');
    const optimized = await compileSolidity(source(1), { cache, optimizer: true });
    expect(marked(optimized)).toBe(false);
    expect(optimized.input.settings).toMatchObject({ optimizer: { enabled: true } });
    const files = await readdir(cache);
    expect(files).toHaveLength(3);
    for (const file of files) expect(JSON.parse(await readFile(path.join(cache, file), 'utf8'))).toHaveProperty('output.contracts');
    expect(marked(await compileSolidity(source(1), { cache }))).toBe(true);
  });

  it('compiles again when an imported source reads differently now, and keeps the new build', async () => {
    const { cache, file } = await cacheWith('import', build => {
      (build.input.sources[IMPORTED] as { content: string }).content += '\n// an older release of the library';
    });
    const build = await compileSolidity(source(1), { cache });
    expect(marked(build)).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
  });

  it('compiles again over a kept build that is cut short, and keeps the new one', async () => {
    const { cache, file } = await cacheWith('corrupt');
    const whole = await readFile(file, 'utf8');
    await writeFile(file, whole.slice(0, whole.length / 2));
    expect(await compileSolidity(source(1), { cache })).toEqual(first);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
  });

  it('compiles without a cache where the cache folder cannot be made, as from an installed bundle', async () => {
    const blocker = path.join(dir, 'a-file');
    await copyFile(kept, blocker);
    expect(await compileSolidity(source(1), { cache: path.join(blocker, 'cache') })).toEqual(first);
  });
});
