export * from './embedded-postgres';
export * from './databases';
export * from './outbox';
export * from './postgres-log.transport';
export * from './backup';
export * from './json-columns';
export * from './compressed-json';
