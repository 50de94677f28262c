// One jest run over every workspace, so `npm test` ends with a single summary.
// The global set-up starts (or reuses) a real Kafka broker and a real PostgreSQL; see packages/testing.
/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/*/jest.config.js', '<rootDir>/apps/*/jest.config.js'],
  globalSetup: '<rootDir>/packages/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/packages/testing/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
