import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'db/migrations/**', 'playwright-report/**', 'test-results/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*', 'better-sqlite3', 'drizzle-orm*', '**/main/**', '**/db/**'], message: 'The renderer talks to main only through window.pos.' },
      ] }],
    },
  },
  {
    // The renderer tests' backend: main's real router over a temp database, in the test process,
    // and a real cloud in a child process for main's sync engine to reach.
    files: ['src/renderer/test/real-pos.ts', 'src/renderer/test/cloud.ts', 'src/renderer/test/cloud-child.ts', 'src/renderer/test/node-fetch.ts', 'src/renderer/test/corrupting-fetch.ts', 'src/renderer/test/update-feed.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Domain, db and shared code run under plain Node (tests, CLI, web bridge): no Electron, no DOM.
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts', 'src/web/**/*.ts', 'src/release/**/*.ts', 'db/**/*.ts'],
    // The update policy (src/main/updater) drives electron-updater, which runs under plain Node: no electron either.
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/index.ts and src/main/electron/ may import electron.' }] }],
    },
  },
  {
    // The cloud shares only the sync contract with the till: never its services, its SQLite or Electron.
    files: ['cloud/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'better-sqlite3', '**/src/main/**', '**/src/renderer/**', '**/src/preload/**', '**/db/schema/**'], message: 'cloud/ imports only src/shared.' },
      ] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*', 'better-sqlite3', 'drizzle-orm*', '**/main/**', '**/renderer/**'], message: 'src/shared is imported by every process: keep it pure.' },
      ] }],
    },
  },
);
