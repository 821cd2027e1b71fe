import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { BadRequestError } from '../errors/domain-error';
import { IsBusinessDate, IsText, isBusinessDate } from '../validation';
import { createValidationPipe } from './validation.pipe';

class Requirement {
  @IsBoolean() required: boolean;
  @IsOptional() @IsText() reason?: string;
}
class Requirements {
  @ValidateNested() @Type(() => Requirement) hearing: Requirement;
}
class ItemDto {
  @IsText(200) title: string;
  @IsBusinessDate() plannedStartOn: string;
  @IsText(100, { each: true }) legalBasis: string[];
  @ValidateNested() @Type(() => Requirements) requirements: Requirements;
}

const body: ArgumentMetadata = { type: 'body', metatype: ItemDto };
const valid = () => ({
  title: '关于…的决定',
  plannedStartOn: '2024-02-29',
  legalBasis: ['第三条'],
  requirements: { hearing: { required: false, reason: '无' } },
});

async function fieldErrors(value: unknown): Promise<{ field: string; message: string }[]> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestError);
    return (err as BadRequestError).extra.errors as { field: string; message: string }[];
  }
  throw new Error('expected a BadRequestError');
}

describe('the global validation pipe', () => {
  it('passes and transforms a valid body', async () => {
    const dto = await createValidationPipe().transform(valid(), body);
    expect(dto).toBeInstanceOf(ItemDto);
    expect((dto as ItemDto).requirements.hearing).toBeInstanceOf(Requirement);
  });

  it('names nested fields by path', async () => {
    const value = valid();
    value.requirements.hearing = { required: false, reason: '' };
    expect(await fieldErrors(value)).toEqual([{ field: 'requirements.hearing.reason', message: 'reason must not be empty' }]);
  });

  it('names array items and unknown nested fields', async () => {
    const errors = await fieldErrors({ ...valid(), legalBasis: ['ok', 'x'.repeat(101)], requirements: { hearing: { required: true, why: 1 } } });
    expect(errors.map((e) => e.field).sort()).toEqual(['legalBasis', 'requirements.hearing.why']);
  });

  it('refuses a JSON array in place of the object', async () => {
    expect(await fieldErrors([valid()])).toEqual([{ field: 'body', message: 'the request body must be a JSON object' }]);
  });

  it('caps the number of errors', async () => {
    const huge = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    expect((await fieldErrors({ ...valid(), ...huge })).length).toBe(50);
  });
});

describe('isBusinessDate', () => {
  it.each(['2024-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (d) => expect(isBusinessDate(d)).toBe(true));
  it.each(['2025-02-29', '2026-13-01', '2026-04-31', '2026-1-5', '2026-01-01T00:00:00Z', '20260101', '', 20260101, null])(
    'refuses %p',
    (d) => expect(isBusinessDate(d)).toBe(false),
  );

  it('is reported with the decorator', async () => {
    expect(await fieldErrors({ ...valid(), plannedStartOn: '2025-02-29' })).toEqual([
      { field: 'plannedStartOn', message: 'plannedStartOn must be a calendar date written YYYY-MM-DD' },
    ]);
  });
});
