export * from './database';
export * from './messaging.module';
