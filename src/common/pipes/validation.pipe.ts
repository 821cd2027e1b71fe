import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { BadRequestError, type FieldError } from '../errors/domain-error';

/** Enough to fix a request; a generated payload with thousands of bad items does not get a 1 MB answer. */
const MAX_FIELD_ERRORS = 50;

/**
 * The global validation pipe: DTOs are class-validator classes; unknown fields are refused (not
 * silently dropped), values are transformed into the DTO classes, and every failure becomes a
 * 400 VALIDATION_FAILED problem with `errors: [{ field, message }]`. Nested fields are named by
 * path: `requirements.hearing.reason`, `legalBasis[2]`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestError(toFieldErrors(errors)),
  });
}

/** A JSON array where a DTO object is expected is refused as such, not field by field. */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && Array.isArray(value) && this.toValidate(metadata)) {
      throw new BadRequestError([{ field: 'body', message: 'the request body must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

export function toFieldErrors(errors: readonly ValidationError[]): FieldError[] {
  const out: FieldError[] = [];
  const visit = (list: readonly ValidationError[], parent: string): void => {
    for (const error of list) {
      if (out.length >= MAX_FIELD_ERRORS) return;
      const index = /^\d+$/.test(error.property);
      const field = !parent ? error.property : index ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
      for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
      if (error.children?.length) visit(error.children, field);
    }
  };
  visit(errors, '');
  return out.slice(0, MAX_FIELD_ERRORS);
}
