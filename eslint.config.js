// The layering as rules: the domain is pure TypeScript; islands and stores run in the browser and
// reach the server only over HTTP. Imports are resolved (tsconfig paths included), so a relative path
// and an alias are judged alike, and an import the resolver cannot follow is an error rather than a pass.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import astro from 'eslint-plugin-astro';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// typescript-eslint's recommended rules, for .astro frontmatter too (whose parser astro's config sets).
const typescriptRecommended = Object.assign({}, ...tseslint.configs.recommended.map((config) => config.rules ?? {}));

const frameworkPackages = {
  regex: '^(astro|preact|nanostores)([:/].*)?$|^@(astrojs|preact|nanostores)/',
  message: 'The domain is pure TypeScript: no Astro, Preact or nanostores. Pass what it needs in as plain data.',
};

// Run by plain Node (npm start, the benchmarks, the size budget): Node's type stripping does not read
// tsconfig "paths", so these files and what they import keep relative imports.
const plainNodeFiles = ['src/cli/**', 'tests/bench/server.ts', 'tests/bench/site.ts', 'tests/bench/web.ts', 'tests/budget/**', 'tests/helpers/server-process.ts', 'tests/helpers/pglite-template.ts', 'tests/helpers/lock.ts'];

export default defineConfig(
  globalIgnores(['dist/', '.astro/', 'data/', 'node_modules/']),
  {
    files: ['**/*.{js,mjs,ts,tsx,astro}'],
    extends: [tseslint.configs.base],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
      'import-x/extensions': ['.js', '.mjs', '.ts', '.tsx', '.astro'],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...typescriptRecommended,
      // `{ dropped, ...rest }` is how the edits leave a field out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // astro:* modules are virtual (made by Astro's Vite plugins), so no resolver finds them on disk.
      'import-x/no-unresolved': ['error', { ignore: ['^astro:'] }],
    },
  },
  astro.configs['flat/recommended'],
  {
    // Tests hand schemas deliberately malformed data, built by mutating a loosely typed copy.
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [frameworkPackages] }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src/server', './src/stores', './src/islands', './src/pages', './src/components', './src/layouts', './src/actions', './src/middleware.ts'],
              message: 'The domain sits below every other layer: they call into it, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/islands/**', 'src/stores/**'],
    // A test may build its fixtures with server code (clientData); the shipped code may not.
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./src/islands', './src/stores'],
              from: './src/server',
              message: 'Islands and stores run in the browser: reach the server over HTTP (an action or /api), or take what a page passes in.',
            },
            {
              target: './src/stores',
              from: './src/islands',
              message: 'Stores sit below the islands that render them: what a store needs (steps, rules) belongs in the domain or the store.',
            },
          ],
        },
      ],
    },
  },
  {
    files: plainNodeFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^~/', message: 'Run by plain Node, which does not read tsconfig paths: import with a relative path.' }] },
      ],
    },
  },
);
