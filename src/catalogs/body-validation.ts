import type { Type } from '@nestjs/common';
import { BadRequestError, type FieldError } from '../common/errors/domain-error';
import { createValidationPipe } from '../common/pipes/validation.pipe';

const pipe = createValidationPipe();

/**
 * The body checked against its DTO with exactly the global pipe's rules, but called by the service
 * after the scope (404) and role (403) checks: the order of checks puts field errors after both, while a pipe
 * runs before the handler. Returns the DTO instance, or the field errors for the caller to merge
 * with its own.
 */
export async function checkBody<T extends object>(dto: Type<T>, body: unknown): Promise<{ value: T; errors: [] } | { value: undefined; errors: FieldError[] }> {
  try {
    const value = (await pipe.transform(body ?? {}, { type: 'body', metatype: dto })) as T;
    return { value, errors: [] };
  } catch (err) {
    if (err instanceof BadRequestError) return { value: undefined, errors: err.extra.errors as FieldError[] };
    throw err;
  }
}

/** The same, throwing the 400 when anything is wrong. */
export async function validBody<T extends object>(dto: Type<T>, body: unknown): Promise<T> {
  const checked = await checkBody(dto, body);
  if (checked.value === undefined) throw new BadRequestError(checked.errors);
  return checked.value;
}
