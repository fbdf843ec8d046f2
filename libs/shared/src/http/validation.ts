import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DomainError, FieldError, FieldRule } from '../errors/domain-error';

/** The names of a constraint's values, for the rules whose sentence needs them (others carry none). */
const PARAM_NAMES: Record<string, string[]> = {
  isLength: ['min', 'max'],
  minLength: ['min'],
  maxLength: ['max'],
  min: ['min'],
  max: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
  isIn: ['values'],
};

type Storage = ReturnType<typeof getMetadataStorage>;
type DtoClass = Parameters<Storage['getTargetValidationMetadatas']>[0];
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

/**
 * A DTO class's validation metadata, its parents' included, read once per class: the lookup walks
 * every registered class, and the decorators have all run by the time a request is validated.
 */
const metadataCache = new Map<DtoClass, ValidationMetadata[]>();
function metadataOf(target: DtoClass): ValidationMetadata[] {
  let found = metadataCache.get(target);
  if (!found) {
    found = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    metadataCache.set(target, found);
  }
  return found;
}

/**
 * The rule a class-validator constraint stands for, with its values read from the decorator's
 * metadata (the error carries only the English sentence): `isLength` on `name` → { min: 1, max: 100 }.
 */
function ruleOf(e: ValidationError, rule: string): FieldRule {
  const names = PARAM_NAMES[rule];
  const target = e.target?.constructor;
  if (!names || !target) return { rule };
  const meta = metadataOf(target).find((m) => m.propertyName === e.property && m.name === rule);
  if (!meta?.constraints) return { rule };
  return { rule, params: Object.fromEntries(names.map((n, i) => [n, meta.constraints[i] as unknown])) };
}

/** Flattens class-validator's tree into `scope.products[0].name: reason` entries, each reason with its rule. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const path = parent ? (isIndex ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    if (e.constraints) {
      out.push({ field: path, reasons: Object.values(e.constraints), rules: Object.keys(e.constraints).map((rule) => ruleOf(e, rule)) });
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
    // Each error keeps the object it was found in: its class is where the rules' values are read
    // (ruleOf). Nest leaves it out by default; the error body never carries it.
    validationError: { target: true },
    exceptionFactory: (errors) => invalidInput(flattenValidationErrors(errors)),
  });
}
