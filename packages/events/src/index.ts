export * from './envelope';
export * from './contracts';
export * from './transports';
export * from './sealed-token';
export * from './rater-pseudonym';
