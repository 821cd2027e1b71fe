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

/**
 * Deeper than this, a value is refused before class-transformer walks it: its recursion would
 * overflow the stack (a 500) on a body of a few thousand nested arrays, well within the 1 MB limit.
 */
export const MAX_NESTING = 32;

/** Keys class-transformer drops without a word (it guards the prototype chain): refused, not ignored. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A JSON array where a DTO object is expected is refused as such, not field by field; so are
 * values nested too deep, prototype keys at any depth, and members of the DTO class itself (a
 * getter such as PageQueryDto.offset) given as fields — which the whitelist does not see.
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && this.toValidate(metadata)) {
      if (metadata.type === 'body' && Array.isArray(value)) {
        throw new BadRequestError([{ field: 'body', message: 'the request body must be a JSON object' }]);
      }
      const errors = unacceptedMembers(value, metadata.metatype?.prototype as object | undefined);
      if (errors.length) throw new BadRequestError(errors);
    }
    return super.transform(value, metadata);
  }
}

/** Without recursion, so that the check itself cannot overflow the stack. */
function unacceptedMembers(value: unknown, dtoPrototype: object | undefined): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  const errors: FieldError[] = [];
  const refuse = (field: string, key: string) => errors.push({ field, message: `property ${key} should not exist` });
  for (const key of Object.keys(value)) if (dtoPrototype && key in dtoPrototype && !PROTOTYPE_KEYS.has(key)) refuse(key, key);
  const stack: Array<{ v: unknown; path: string; top: string; depth: number }> = [{ v: value, path: '', top: '', depth: 0 }];
  while (stack.length && errors.length < MAX_FIELD_ERRORS) {
    const { v, path, top, depth } = stack.pop() as (typeof stack)[number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_NESTING) {
      errors.push({ field: top, message: `${top} must not be nested more than ${MAX_NESTING} levels deep` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i] as unknown, path: `${path}[${i}]`, top: top || path, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) refuse(at, key);
      else stack.push({ v: (v as Record<string, unknown>)[key], path: at, top: top || at, depth: depth + 1 });
    }
  }
  return errors.slice(0, MAX_FIELD_ERRORS);
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
