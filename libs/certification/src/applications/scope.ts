import { DomainError, fieldError } from '@app/shared';
import type { ApplicationBasis, EligibilityCheck } from '@app/scheme';
import type { ScopeDto } from './application.dto';

/** Keeps only the part of the scope its kind uses; sending both parts is a mistake worth naming. */
export function normalizeScope(scope: ScopeDto): ScopeDto {
  if (scope.kind === 'products') {
    if (scope.service !== undefined) throw fieldError('VALIDATION_FAILED', 'scope.service', 'must be absent when scope.kind is products');
    return { kind: 'products', products: scope.products };
  }
  if (scope.products !== undefined) throw fieldError('VALIDATION_FAILED', 'scope.products', 'must be absent when scope.kind is service');
  return { kind: 'service', service: scope.service };
}

/** A product catalogue entry takes a products scope, a service entry a service scope. */
export function assertScopeFitsEntry(scope: ScopeDto, basis: ApplicationBasis): void {
  const expected = basis.entryKind === 'product' ? 'products' : 'service';
  if (scope.kind !== expected) {
    throw fieldError('VALIDATION_FAILED', 'scope.kind', `must be ${expected}: the catalogue entry is a ${basis.entryKind} type`);
  }
}

/** Every model to be certified must be covered by the self-declaration (when it lists models). */
export function scopeCheck(scope: ScopeDto, declaredModels: string[]): EligibilityCheck {
  if (scope.kind !== 'products' || declaredModels.length === 0) {
    return { check: 'scope_within_declaration', passed: true, message: 'the scope is covered by the self-declaration' };
  }
  const declared = new Set(declaredModels);
  const missing = (scope.products ?? []).flatMap((p) => p.models).filter((m) => !declared.has(m));
  return {
    check: 'scope_within_declaration',
    passed: missing.length === 0,
    message: missing.length
      ? `models not covered by the self-declaration: ${missing.join(', ')}`
      : 'every model in the scope is covered by the self-declaration',
  };
}

export function submissionRefused(checks: EligibilityCheck[]): DomainError {
  const failed = checks.filter((c) => !c.passed);
  return new DomainError('SUBMISSION_CHECK_FAILED', `the application cannot be submitted: ${failed.map((c) => c.message).join('; ')}`, {
    failedChecks: failed.map((c) => c.check),
    checks,
  });
}
