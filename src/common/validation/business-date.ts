import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidBusinessDate } from '../../calendar/business-date';

/** True for a real calendar date written `YYYY-MM-DD` (`2025-02-29` and `2025-2-1` are not). */
export function isBusinessDate(value: unknown): value is string {
  return typeof value === 'string' && isValidBusinessDate(value);
}

/**
 * A business date (`YYYY-MM-DD`, a real calendar date). It is a day in the business time zone
 * (TZ_BUSINESS), never a timestamp: store and compare it as the string it is.
 */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBusinessDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '必须是 YYYY-MM-DD 格式的有效日期', ...options },
      validator: { validate: (value: unknown) => isBusinessDate(value) },
    });
}
