/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // Deadlines are judged against a fixed "today" passed to the engine; the zone is fixed too.
  globalSetup: '<rootDir>/test/global-setup.js',
};
