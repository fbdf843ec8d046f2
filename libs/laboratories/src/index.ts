export * from './laboratories.module';
