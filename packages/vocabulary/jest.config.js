module.exports = { ...require('@leaderscope/testing/jest-preset'), displayName: 'vocabulary' };
