import { IsString, MaxLength, Matches, ValidateBy, type ValidationOptions } from 'class-validator';

/** Longest free text a field takes (a reason, a summary, an opinion): 10,000 characters. */
export const TEXT_MAX_LENGTH = 10_000;
/** Longest name or title. */
export const NAME_MAX_LENGTH = 200;

const NOT_BLANK = /\S/;

/**
 * A text field: a string, not empty or only blanks, at most `max` characters (default 10,000).
 * Compose it with `@IsOptional()` for an optional field.
 */
export function IsText(max = TEXT_MAX_LENGTH, options: ValidationOptions = {}): PropertyDecorator {
  const each = options.each ? 'each value in ' : '';
  return (target, propertyName) => {
    IsString(options)(target, propertyName);
    Matches(NOT_BLANK, { ...options, message: `${each}$property must not be empty` })(target, propertyName);
    // PostgreSQL text cannot hold U+0000; refused on every dialect so that both answer alike.
    ValidateBy(
      { name: 'noNulCharacter', validator: { validate: (v: unknown) => typeof v !== 'string' || !v.includes('\u0000') } },
      { ...options, message: `${each}$property must not contain the NUL character` },
    )(target, propertyName);
    MaxLength(max, { ...options, message: `${each}$property must be at most ${max} characters` })(target, propertyName);
  };
}

/** A name or title: non-empty text of at most 200 characters. */
export function IsName(options?: ValidationOptions): PropertyDecorator {
  return IsText(NAME_MAX_LENGTH, options);
}
