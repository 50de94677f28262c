module.exports = { ...require('@leaderscope/testing/jest-preset'), displayName: 'service-kit' };
