import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'out/',
      'coverage/',
      'site/',
      '.stryker-tmp/',
      'jest.config.js',
      'jest.mutate.config.js',
      'test/global-setup.js',
      'test/mutation-setup.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The checked workbook is rendered in Node (command line) and in the browser page alike.
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', 'SpreadsheetApp'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '../sheets/*', '../cli/*'] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core runs in Node and in Apps Script alike: no platform globals.
      'no-restricted-globals': [
        'error',
        'SpreadsheetApp',
        'HtmlService',
        'PropertiesService',
        'LockService',
        'Session',
        'Utilities',
        'DriveApp',
        'process',
        'require',
        'Buffer',
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '../sheets/*', '../cli/*'] }],
    },
  },
);
