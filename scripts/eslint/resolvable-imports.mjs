// Every relative import must point at a file that is there. Neither tsc (which skips .mjs) nor the
// tests (which never load the benchmarks) notice a missing one: a bench once imported a helper that
// .gitignore kept out of the repo, and only failed on a clean clone at run time.
//
// Rules: a relative specifier resolves to an existing file (no directory or extensionless guesses;
// ESM has none). In TypeScript a `.js` specifier may stand for its `.ts` source (`.mjs` for `.mts`,
// `.cjs` for `.cts`). `<repo>/lib/X.js` is tsc's output (of src/ and harness/), git-ignored and perhaps
// not built at lint time, so it must resolve to `<repo>/X.ts` instead. Static imports, re-exports, `import()` and
// `require()` with a string literal all count.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIB = path.join(ROOT, 'lib') + path.sep;
const TS_FILE = /\.[cm]?tsx?$/;
const TS_FOR = { '.js': ['.ts', '.tsx', '.d.ts'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'], '.jsx': ['.tsx'] };

const isFile = file => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
const sources = file => {
  const ext = path.extname(file);
  return (TS_FOR[ext] ?? []).map(alt => file.slice(0, -ext.length) + alt);
};

/** The files `specifier` may resolve to from `importer`; the import is good when one exists. */
function candidates(importer, specifier) {
  const target = path.resolve(path.dirname(importer), specifier);
  if (target.startsWith(LIB)) return sources(ROOT + target.slice(LIB.length));
  return TS_FILE.test(importer) ? [target, ...sources(target)] : [target];
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports must resolve to a file in the repository (lib/ output to its src/ source).' },
    schema: [],
    messages: { unresolved: "'{{specifier}}' does not resolve: none of {{looked}} exists." }
  },
  create(context) {
    const importer = context.physicalFilename ?? context.filename;
    const check = node => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string' || !/^\.\.?(\/|$)/.test(node.value)) return;
      const files = candidates(importer, node.value);
      if (files.some(isFile)) return;
      const looked = files.map(file => path.relative(ROOT, file) || '.').join(', ') || '(no file)';
      context.report({ node, messageId: 'unresolved', data: { specifier: node.value, looked } });
    };
    return {
      ImportDeclaration: node => check(node.source),
      ExportNamedDeclaration: node => check(node.source),
      ExportAllDeclaration: node => check(node.source),
      ImportExpression: node => check(node.source),
      TSExternalModuleReference: node => check(node.expression),
      TSImportType: node => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      CallExpression: node => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node.arguments[0]);
      }
    };
  }
};
