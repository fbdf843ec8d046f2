export * from './inspections.module';
