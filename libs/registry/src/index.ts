export * from './registry.module';
export * from './registry.service';
export * from './registry.dto';
export * from './registry-writer';
export * from './export-format';
export * from './counterfeit-signals';
export * from './counterfeit-signals.service';
