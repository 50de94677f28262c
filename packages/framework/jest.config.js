module.exports = {
  ...require('@leaderscope/testing/jest-preset'),
  displayName: 'framework',
  // Tests run against the scoring sources, so they do not depend on a prior build of the scoring package.
  moduleNameMapper: { '^@leaderscope/scoring$': '<rootDir>/../scoring/src/index.ts' },
};
