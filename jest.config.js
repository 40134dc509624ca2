// One jest run, four projects. Unit tests live beside the code they test
// (`*.test.ts`); end-to-end tests under test/ drive the real Fabric network.

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
      transform: tsJest('<rootDir>/tsconfig.json'),
    },
    {
      displayName: 'scripts',
      rootDir: '<rootDir>/scripts',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
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
