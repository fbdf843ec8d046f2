export * from './config/app-config';
export * from './config/config.module';
export * from './errors/domain-error';
export * from './http/error-body';
export * from './http/exception.filter';
export * from './http/validation';
export * from './http/pagination';
export * from './state/state-machine';
