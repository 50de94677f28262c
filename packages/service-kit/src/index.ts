export * from './database';
export * from './messaging.module';
export * from './process';
