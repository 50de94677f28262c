export * from './config';
export * from './correlation';
export * from './database';
export * from './logger';
export * from './messaging.module';
export * from './process';
