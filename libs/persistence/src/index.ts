export * from './database';
export * from './migrate';
export * from './persistence.module';
export * from './preflight';
export * from './redis';
export * from './redis.module';
export * from './rate-limit';
