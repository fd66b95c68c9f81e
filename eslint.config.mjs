import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.backup-lens/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  js.configs.recommended,
  { files: ['next.config.js'], languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly' } } },
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', globalThis: 'readonly', setImmediate: 'readonly', console: 'readonly' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [] }],
    },
  },
  {
    // The pure core must stay free of I/O, Next.js and React.
    files: ['lib/rules/**', 'lib/velero/**', 'lib/index/**', 'lib/model/**', 'lib/graph/**', 'lib/view/**', 'lib/util/**', 'lib/api/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@/lib/k8s/*', '../k8s/*', 'next', 'next/*', 'react', 'react-dom', 'server-only', 'node:*'], message: 'lib/rules, lib/velero, lib/index and lib/model are pure: no I/O, Next.js or React.' },
        ],
      }],
    },
  },
);
