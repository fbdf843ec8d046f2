export * from './registry.module';
export * from './registry.service';
export * from './registry.dto';
export * from './registry-writer';
export * from './export-format';
