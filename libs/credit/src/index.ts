// The credit context's public surface: services, request and response shapes, state machines, its sweep.
export * from './credit.module';
export * from './credit.machines';
export * from './credit.dto';
export * from './credit.views';
export * from './serious-violations.service';
export * from './credit-applications.service';
export * from './credit-actions.service';
export * from './credit-record.service';
export * from './credit-sweeper';
