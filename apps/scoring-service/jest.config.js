module.exports = { ...require('@leaderscope/testing/jest-preset'), displayName: 'scoring-service' };
