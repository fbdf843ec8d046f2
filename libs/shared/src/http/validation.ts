import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';

/** Flattens class-validator's tree into `scope.products[0].name: reason` entries. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const path = parent ? (isIndex ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    if (e.constraints) {
      out.push({ field: path, reasons: Object.values(e.constraints) });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

/** The 400 for refused input: every field with its reasons, in the message too. */
export function invalidInput(fields: FieldError[]): DomainError {
  const summary = fields.map((f) => `${f.field}: ${f.reasons.join('; ')}`).join(' | ');
  return new DomainError('VALIDATION_FAILED', `Invalid input — ${summary}`, undefined, fields);
}

/** Unknown fields are refused, not silently dropped: a typo in a field name must not pass. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => invalidInput(flattenValidationErrors(errors)),
  });
}
