import { ESLint } from 'eslint';

// The repository's own ESLint config, as `npm run lint` runs it, on snippets placed in the tree.
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = 'local/resolvable-imports';

async function unresolved(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter(message => message.ruleId === RULE || message.fatal).map(message => message.message);
}

describe('relative imports must resolve', () => {
  it('flags a bench import of a file that is not there (.mjs files are linted too)', async () => {
    const errors = await unresolved("import { startLoad } from './lib/load.js';\nconsole.log(startLoad);\n", 'bench/example.mjs');
    expect(errors).toEqual([expect.stringContaining("'./lib/load.js' does not resolve")]);
  });

  it('accepts a bench import of a file that is there', async () => {
    expect(await unresolved("import { startLoad } from './lib/load.mjs';\nconsole.log(startLoad);\n", 'bench/example.mjs')).toEqual([]);
  });

  it('resolves lib/ (tsc output, maybe not built) to its src/ source, dynamic import() included', async () => {
    const code = "import { httpGet } from '../lib/src/shared/io/http.js';\nconsole.log(httpGet, await import('../lib/src/shared/io/missing.js'));\n";
    expect(await unresolved(code, 'scripts/example.mjs')).toEqual([expect.stringContaining('src/shared/io/missing.ts')]);
  });

  it('lets a .js specifier in TypeScript stand for its .ts source, but not a missing one', async () => {
    const code = "import { httpGet } from './shared/io/http.js';\nexport * from './shared/io/missing.js';\nconsole.log(httpGet);\n";
    expect(await unresolved(code, 'src/example.ts')).toEqual([expect.stringContaining("'./shared/io/missing.js' does not resolve")]);
  });
});
