import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import * as espree from 'espree';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The dashboard's browser script, served as is: a classic ES2017 script with browser globals, no Node.
    files: ['src/dashboard/assets/*.js'],
    languageOptions: {
      // espree, not the TypeScript parser, so that syntax newer than ES2017 is an error.
      parser: espree,
      ecmaVersion: 2017,
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        TextEncoder: 'readonly',
        process: 'off',
        Buffer: 'off',
      },
    },
  },
);
