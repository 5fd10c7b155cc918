import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import resolvableImports from './scripts/eslint/resolvable-imports.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'bench-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Relative imports must resolve, .mjs included: see scripts/eslint/resolvable-imports.mjs.
    files: ['**/*.{ts,mjs,js,cjs}'],
    plugins: { local: { rules: { 'resolvable-imports': resolvableImports } } },
    rules: { 'local/resolvable-imports': 'error' }
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [] }]
    }
  },
  {
    // The core is pure: no I/O and no Actions toolkit.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*', '@octokit/*', 'node:fs*', 'node:child_process', 'node:net', 'node:http*', 'fs', 'child_process'], message: 'src/core is pure: move I/O to an adapter.' }
          ]
        }
      ]
    }
  },
  {
    // Only the entry points talk to the Actions toolkit.
    files: ['src/**/*.ts'],
    ignores: ['src/actions/**', 'src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*'], message: 'Only src/actions/ touches the Actions toolkit (@actions/*).' }] }]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', module: 'writable', require: 'readonly', performance: 'readonly', setTimeout: 'readonly' } }
  }
);
