export * from './roles';
export * from './identity.module';
export * from './auth/principal';
export * from './auth/access.decorators';
export * from './auth/access.guard';
export * from './auth/auth.service';
// The lock-out counters, for the operator's unlock script.
export { LoginThrottle } from './auth/login-throttle';
export * from './credit-code/credit-code';
export * from './organizations/organization.entity';
export * from './organizations/organization.dto';
export * from './organizations/organizations.service';
export * from './users/user.entity';
export * from './users/user.dto';
export * from './users/users.service';
export * from './api-keys/api-key.entity';
export * from './api-keys/api-key.dto';
export * from './api-keys/api-keys.service';
export * from './auth/principal.resolver';
