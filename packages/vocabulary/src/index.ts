/** @leaderscope/vocabulary: the domain's words, defined once and used by every package and app. */
export * from './rater-groups';
export * from './roles';
export * from './identifiers';
export * from './report';
