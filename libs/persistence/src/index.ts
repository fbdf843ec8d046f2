export * from './advisory-locks';
export * from './database';
export * from './migrate';
export * from './persistence.module';
export * from './preflight';
export * from './public-reads';
export * from './redis';
export * from './redis.module';
