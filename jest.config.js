// One jest run, six projects. Unit tests live beside the code they test
// (`*.test.ts`); end-to-end tests under test/ and the gateway's `*.network.spec.ts`
// drive the real Fabric network, so they run in the e2e stage, after `network up`.

/** @param {string} tsconfig path of the tsconfig ts-jest compiles with */
const tsJest = (tsconfig) => ({ '^.+\\.ts$': ['ts-jest', { tsconfig }] });

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'chaincode',
      rootDir: '<rootDir>/chaincode',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: tsJest('<rootDir>/tsconfig.json'),
    },
    {
      displayName: 'gateway-api',
      rootDir: '<rootDir>/gateway-api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.spec.ts'],
      // these need the running network: project gateway-network
      testPathIgnorePatterns: ['/node_modules/', '\\.network\\.spec\\.ts$'],
      transform: tsJest('<rootDir>/tsconfig.json'),
    },
    {
      // The gateway's HTTP specs against the real network. Run with --runInBand after
      // `network up` and `deploy`, like the e2e project.
      displayName: 'gateway-network',
      rootDir: '<rootDir>/gateway-api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.network.spec.ts'],
      transform: tsJest('<rootDir>/tsconfig.json'),
      testTimeout: 120000,
    },
    {
      displayName: 'scripts',
      rootDir: '<rootDir>/scripts',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: tsJest('<rootDir>/../tsconfig.json'),
    },
    {
      // Faults under load (test/faults): SIGKILLs network processes and the gateway, so it runs
      // alone, after the e2e stage, on the same network.
      displayName: 'faults',
      rootDir: '<rootDir>/test',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/faults/**/*.fault.ts'],
      transform: tsJest('<rootDir>/../tsconfig.json'),
    },
    {
      displayName: 'e2e',
      rootDir: '<rootDir>/test',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
      transform: tsJest('<rootDir>/../tsconfig.json'),
      testTimeout: 120000,
    },
  ],
};
