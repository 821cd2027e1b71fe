import { IsString, MaxLength, Matches, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { uncleanText } from '../../../workflows/text';

/** Longest free text a field takes (a reason, a summary, an opinion): 10,000 characters. */
export const TEXT_MAX_LENGTH = 10_000;
/** Longest name or title. */
export const NAME_MAX_LENGTH = 200;

const NOT_BLANK = /\S/;

/**
 * A text field: a string, not empty or only blanks, at most `max` characters (default 10,000),
 * well-formed and without control or bidirectional characters (workflows/text.ts; NUL among them,
 * which PostgreSQL text cannot hold). Compose it with `@IsOptional()` for an optional field.
 */
export function IsText(max = TEXT_MAX_LENGTH, options: ValidationOptions = {}): PropertyDecorator {
  const each = options.each ? '每一项' : '';
  return (target, propertyName) => {
    IsString(options)(target, propertyName);
    Matches(NOT_BLANK, { ...options, message: `${each}不能为空，也不能只有空白` })(target, propertyName);
    ValidateBy(
      { name: 'cleanText', validator: { validate: (v: unknown) => !cleanTextProblem(v) } },
      { ...options, message: (args: ValidationArguments) => cleanTextProblem(args.value) ?? '' },
    )(target, propertyName);
    MaxLength(max, { ...options, message: `${each}最多 ${max} 个字符` })(target, propertyName);
  };
}

/** A name or title: non-empty text of at most 200 characters. */
export function IsName(options?: ValidationOptions): PropertyDecorator {
  return IsText(NAME_MAX_LENGTH, options);
}

/** Why a value (or, for `each`, one of its values) is not clean text; undefined when it is. */
function cleanTextProblem(value: unknown): string | undefined {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string') continue;
    const found = uncleanText(v);
    if (found) return found.message;
  }
  return undefined;
}
