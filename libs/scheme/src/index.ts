export * from './scheme.module';
export * from './eligibility/eligibility';
export * from './eligibility/eligibility.service';
