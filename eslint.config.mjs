// Flat ESLint config shared by every package: typed rules from typescript-eslint,
// formatting left to prettier, and a complexity bound that keeps functions small.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** A no-restricted-imports pattern refusing another package's code. */
const outside = (regex, what) => ({
  regex,
  message: `Production code does not import ${what}: put what both sides share in chaincode/src/contract.`,
});

const chaincodeInternals = {
  regex: '(^|/)chaincode/src/(?!contract$|contract/testing$)',
  message:
    'Import the chaincode through its contract surface: chaincode/src/contract (tests also chaincode/src/contract/testing).',
};

const scriptsInternals = {
  regex: '(^|/)scripts/src/.',
  message: 'Tests use the scripts through their entry point: scripts/src (index.ts).',
};

const gatewayInternals = {
  regex: '(^|/)gateway-api/(?!src$|test/support$)',
  message:
    "Other packages' tests use the gateway through its entry points: gateway-api/src (index.ts) and gateway-api/test/support (index.ts).",
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.govtrace/**', 'network/builders/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      complexity: ['error', 15],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS config files (jest.config.js).
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    // The staff console's browser modules (served as they are, no bundler).
    files: ['gateway-api/src/console/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'localStorage',
          'fetch',
          'crypto',
          'CSS',
          'Node',
          'URLSearchParams',
          'FileReader',
          'DOMParser',
          'TextDecoder',
          'Blob',
          'URL',
          'setTimeout',
          'clearTimeout',
          'console',
          'Chart',
          'bwipjs',
          'Intl',
          'navigator',
          'HTMLElement',
          'Event',
        ].map((name) => [name, 'readonly']),
      ),
    },
    // plain JavaScript: there are no types to declare
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
  // Package boundaries (scripts/src/lib/package-boundaries.test.ts checks them on deliberate
  // violations). The chaincode's contract surface has one entry point, chaincode/src/contract: the
  // gateway, the scripts and the tests import nothing else of the chaincode. The gateway's and the
  // scripts' own code import nothing of each other (shared shapes live in the contract surface).
  // Tests reach another package through its entry points only: scripts/src, gateway-api/src and
  // gateway-api/test/support (each an index.ts). Later blocks replace the rule for their files, so
  // each lists every pattern that applies to it.
  {
    files: ['gateway-api/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [chaincodeInternals] }] },
  },
  {
    files: ['gateway-api/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            chaincodeInternals,
            outside('(^|/)(scripts|test)/', 'the scripts or the end-to-end tests'),
          ],
        },
      ],
    },
  },
  {
    // the scripts' tests and test fixtures (production code: the next block)
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [chaincodeInternals, gatewayInternals] }] },
  },
  {
    files: ['scripts/src/**/*.ts'],
    // The bench drives the running system from outside, as the end-to-end tests do, and uses the
    // same test support (the gateway's PostgreSQL starter among it): it is held to the tests' rule.
    ignores: ['**/*.test.ts', '**/testing/**', 'scripts/src/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [chaincodeInternals, outside('(^|/)gateway-api/', 'the gateway')] },
      ],
    },
  },
  {
    // the gateway's own tests use the scripts through their entry point
    files: ['gateway-api/test/**/*.ts', 'gateway-api/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [chaincodeInternals, scriptsInternals] }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [chaincodeInternals, scriptsInternals, gatewayInternals] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
