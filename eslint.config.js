import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'scratch',
      'dist',
      'dist-bench',
      'test-results',
      'playwright-report',
      'public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The core is framework-free: it runs in the page, in tests and in node:http alike.
    files: ['src/api/**/*.ts'],
    // Tests may build fixture instants with Date.UTC; the rule is for the running core.
    ignores: ['src/api/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'msw', 'msw/*', 'zustand', 'zustand/*'],
              message: 'The core imports no UI or interception framework.',
            },
            { group: ['node:*'], message: 'The core runs in the browser too: no Node built-ins.' },
            {
              group: ['**/adapters/**', '**/ui/**'],
              message: 'The core never imports adapters or UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Read time from the virtual clock.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Read time from the virtual clock.' },
      ],
    },
  },
);
