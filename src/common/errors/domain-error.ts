/**
 * Every failure the service reports on purpose is a DomainError: a stable UPPER_SNAKE `code`, the
 * HTTP status it maps to, a human `detail` and the extra problem+json members of that status
 * (`errors`, `currentVersion`, `legalBasis`, `missing`, …). One global filter renders them.
 */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

export class DomainError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export class BadRequestError extends DomainError {
  constructor(errors: FieldError[], detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ')) {
    super(400, 'VALIDATION_FAILED', detail, { errors });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(404, 'NOT_FOUND', `${what} ${id} not found`);
  }
}

export class VersionConflictError extends DomainError {
  constructor(currentVersion: number, detail = 'expectedVersion is stale') {
    super(409, 'VERSION_CONFLICT', detail, { currentVersion });
  }
}
