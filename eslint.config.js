// Flat config: the recommended JavaScript rules and typescript-eslint's type-checked recommended set, strict about
// unused code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.local/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits, or one handed where a callback's result is ignored, loses its errors.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // The layout's boundaries (README "Architecture"): handlers reach the table through the store and AWS
  // through shared/ modules; rules are pure; the store knows nothing of HTTP.
  {
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*'],
              allowTypeImports: true,
              message: 'Handlers reach AWS through shared/store or shared/workflows.',
            },
          ],
        },
      ],
      // A status compared with a literal is a rule: it has a name in shared/domain/ (README "Architecture").
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[left.property.name='status'][right.type='Literal']",
          message: 'Name the rule in shared/domain/ (e.g. isDraftCall, isTrajectoryClosed) instead of comparing a status here.',
        },
      ],
    },
  },
  ...[
    // shared/domain/*.ts and its one level of folders (shared/domain/rules/): nothing outside shared/domain.
    { files: ['shared/domain/*.ts'], outside: ['../*', '../../*'] },
    { files: ['shared/domain/*/*.ts'], outside: ['../../*', '../../../*'] },
  ].map(({ files, outside }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*'], message: 'Domain rules are pure: no AWS SDK.' },
            { group: outside, message: 'Domain rules import only other domain modules.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['shared/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../http/*', '../../shared/http/*'], message: 'The store knows nothing of HTTP.' }] },
      ],
    },
  },
  {
    files: ['shared/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The one exception: the idempotency middleware takes its persistence layer (keys, table) from the store.
              group: ['../store/*', '../../store/*', '../../shared/store/*', '!../../store/idempotency.ts'],
              message: 'HTTP concerns do not reach the table; handlers call the store.',
            },
          ],
        },
      ],
    },
  },
  {
    // API tests read JSON responses of many shapes; where the shape matters they parse it with the zod schema.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Test files read response bodies as JSON typed `any` on purpose (test/helpers/test-api.ts): the assertions check
    // their shape. Vitest types its asymmetric matchers (expect.any, expect.stringContaining) `any` too. The test
    // helpers and production code keep these rules.
    files: ['test/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
