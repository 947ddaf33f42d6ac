import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// A module uses another only through what its index.ts names (seeds, which build a whole
// installation, and tests may reach further).
const MODULE_BOUNDARY = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)',
  message: 'Use another module only through its index.ts (add there what this module needs of it).',
};
// The accounts machinery's system context bypasses row-level security on credentials and sessions.
const ACCOUNTS_CONTEXT = {
  name: '../../platform/access/access.js',
  importNames: ['unsafeAccountsTransaction', 'unsafeAccountsStatement'],
  message: 'Only the accounts module opens the accounts system context.',
};
const NOT_MODULE_CODE = [
  'server/src/modules/**/*.test.ts',
  'server/src/modules/**/*.demo.ts',
  'server/src/modules/**/*.seed.ts',
  'server/src/modules/demo/**',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'reference-data/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // One door to personal data: module code reaches the database only through the scoped
    // transaction that withScope / withPublicScope (or a named system context: a job's, a seed's,
    // the accounts machinery's) hands it, never through the raw handle. Jobs, demo seeds and tests
    // are exempt, and nothing else is.
    files: ['server/src/modules/**/*.ts'],
    ignores: [
      'server/src/modules/**/*.jobs.ts',
      'server/src/modules/**/*.test.ts',
      'server/src/modules/demo/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='db'][object.property.name='database']",
          message:
            'The raw database handle skips the access layer: run the use case in withScope(ctx, capability, (tx) => …) and pass tx to the repository.',
        },
        {
          selector:
            "VariableDeclarator[init.property.name='database'] > ObjectPattern > Property[key.name='db']",
          message:
            'The raw database handle skips the access layer: run the use case in withScope(ctx, capability, (tx) => …) and pass tx to the repository.',
        },
      ],
    },
  },
  {
    // modules/routes.ts and modules/jobs.ts compose the modules: they stand outside them.
    files: ['server/src/modules/*/**/*.ts'],
    ignores: [...NOT_MODULE_CODE, 'server/src/modules/accounts/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ACCOUNTS_CONTEXT], patterns: [MODULE_BOUNDARY] }] },
  },
  {
    files: ['server/src/modules/accounts/**/*.ts'],
    ignores: NOT_MODULE_CODE,
    rules: { 'no-restricted-imports': ['error', { patterns: [MODULE_BOUNDARY] }] },
  },
  {
    // The platform is cross-cutting: it imports no module (server/src/app.ts composes them).
    files: ['server/src/platform/**/*.ts'],
    ignores: ['server/src/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)modules/', message: 'The platform imports no module.' }] },
      ],
    },
  },
);
