import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../support/servers.js';

const CONFIG = path.resolve('.dependency-cruiser.cjs');
const DEPCRUISE = path.resolve('node_modules/.bin/depcruise');

/** Runs the project's dependency rules, as `npm run lint` does, over a small tree of files; returns the rules broken. */
async function broken(files: Record<string, string>): Promise<string[]> {
  const { dir, remove } = await tempDir();
  try {
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    const run = await promisify(execFile)(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', 'json'], { cwd: dir, timeout: 60_000 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })
    );
    const result = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string } }[] } };
    return [...new Set(result.summary.violations.map(violation => violation.rule.name))].sort();
  } finally {
    await remove();
  }
}

describe('the dependency rules npm run lint checks', () => {
  it('pass a tree that keeps the layers', async () => {
    expect(
      await broken({
        'src/shared/errors.ts': 'export const e = 1;\n',
        'src/core/release.ts': "import { e } from '../shared/errors.js';\nexport const r = e;\n",
        'src/adapters/routers/nginx/router.ts': "import { r } from '../../../core/release.js';\nexport const n = r;\n",
        'src/steps/promote.ts': "import { n } from '../adapters/routers/nginx/router.js';\nexport const p = n;\n"
      })
    ).toEqual([]);
  });

  it('fail on an import cycle, type-only imports included', async () => {
    expect(
      await broken({
        'src/core/a.ts': "import type { B } from './b.js';\nexport type A = B | 1;\n",
        'src/core/b.ts': "import type { A } from './a.js';\nexport type B = A | 2;\n"
      })
    ).toEqual(['no-cycle']);
  });

  it('fail on an import against the layers: a shared helper reaching into the core, an adapter into the steps, a step into a registry', async () => {
    expect(
      await broken({
        'src/core/release.ts': 'export const r = 1;\n',
        'src/shared/errors.ts': "import { r } from '../core/release.js';\nexport const e = r;\n",
        'src/steps/promote.ts': 'export const p = 1;\n',
        'src/adapters/github/tracker.ts': "import { p } from '../../steps/promote.js';\nexport const t = p;\n",
        'src/adapters/routers/registry.ts': 'export const k = 1;\n',
        'src/steps/run.ts': "import { k } from '../adapters/routers/registry.js';\nexport const s = k;\n"
      })
    ).toEqual(['adapters-below-the-use-cases', 'registries-wired-in-one-place', 'shared-is-a-leaf']);
  });
});
